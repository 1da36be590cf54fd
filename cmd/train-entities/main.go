// Command train-entities trains Lede's named-entity tagger on CoNLL-2003 and
// writes the model that package nertag embeds:
//
//	go run ./cmd/train-entities -train ../shared/eval/conll2003-train.txt -o internal/nertag/ner.bin
//
// Training is deterministic: the same data and flags give the same bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"lede/internal/nertag"
)

func main() {
	train := flag.String("train", "../shared/eval/conll2003-train.txt", "CoNLL-2003 training file")
	out := flag.String("o", "internal/nertag/ner.bin", "where to write the model")
	epochs := flag.Int("epochs", 8, "training passes")
	minWeight := flag.Float64("min-weight", 0.05, "drop features whose averaged weights all stay below this")
	flag.Parse()

	examples, err := readCoNLL(*train)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-entities:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d sentences\n", len(examples))
	start := time.Now()
	model := nertag.Train(examples, *epochs, *minWeight, func(epoch int, acc float64) {
		fmt.Fprintf(os.Stderr, "pass %d: token accuracy %.4f (%.0fs)\n", epoch, acc, time.Since(start).Seconds())
	})
	if err := os.WriteFile(*out, model, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train-entities:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes\n", *out, len(model))
}

// readCoNLL reads sentences as text (tokens joined by one space) with
// their entities. Tags may be IOB1 or IOB2: B- always starts an entity,
// I-X continues one of type X or starts one.
func readCoNLL(path string) ([]nertag.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []nertag.Example
	var words, tags []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		var ex nertag.Example
		var b strings.Builder
		open := -1
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			prefix, typ, _ := strings.Cut(tags[i], "-")
			switch {
			case tags[i] == "O":
				open = -1
			case prefix == "I" && open >= 0 && ex.Spans[open].Label == typ:
				ex.Spans[open].End = b.Len()
			default:
				ex.Spans = append(ex.Spans, nertag.Span{Start: start, End: b.Len(), Label: typ})
				open = len(ex.Spans) - 1
			}
		}
		ex.Text = b.String()
		out = append(out, ex)
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		fields := strings.Fields(line)
		words = append(words, fields[0])
		tags = append(tags, fields[len(fields)-1])
	}
	flush()
	return out, sc.Err()
}
