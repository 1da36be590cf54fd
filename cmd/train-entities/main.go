// Command train-entities trains Lede's named-entity tagger and writes the
// model that package nertag embeds:
//
//	go run ./cmd/train-entities -shared ../shared -o internal/nertag/ner.bin
//
// It learns from CoNLL-2003 train (Reuters news, 1996) and from the
// training part of every set in eval/ner (Wikipedia, GUM, Twitter, web
// text, novels): all but the held-out tenth that make eval scores
// (conll.Split). Each set's sentences count with the weight of -weights;
// see docs/MODEL.md for why these weights. Training is deterministic:
// the same data and flags give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"lede/internal/conll"
	"lede/internal/nertag"
)

// defaultWeights are how much a sentence of each set counts. CoNLL-2003,
// news as Lede reads it, counts twice; sets whose labels follow other
// conventions or whose text is far from news count less (docs/MODEL.md).
const defaultWeights = "conll2003=2,wikigold=1,uner_pud=1,gum_ccbysa=1,gum_ccby=1,redocred_devtest=0.5,crossner=0.5,uner_ewt_devtest=0.5,btc=0.3,wnut17=0.3,litbank_prop=0.3"

func main() {
	shared := flag.String("shared", "../shared", "the shared directory, holding eval/")
	out := flag.String("o", "internal/nertag/ner.bin", "where to write the model")
	epochs := flag.Int("epochs", 8, "training passes")
	minWeight := flag.Float64("min-weight", 2, "drop features whose averaged weights all stay below this in size (see docs/MODEL.md)")
	weightList := flag.String("weights", defaultWeights, "set=weight pairs; a set not named is left out")
	gazOut := flag.String("gazetteer", "internal/nertag/gazetteer.txt", "where to write the name lists the model is trained with")
	flag.Parse()

	weights, err := parseWeights(*weightList)
	var gaz string
	if err == nil {
		gaz, err = buildGazetteer(filepath.Join(*shared, "gazetteers"))
	}
	var examples []nertag.Example
	if err == nil {
		examples, err = readSets(*shared, weights)
	}
	if err == nil {
		err = train(examples, gaz, *epochs, *minWeight, *out)
	}
	if err == nil {
		err = os.WriteFile(*gazOut, []byte(gaz), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-entities:", err)
		os.Exit(1)
	}
}

func train(examples []nertag.Example, gaz string, epochs int, minWeight float64, out string) error {
	start := time.Now()
	model := nertag.Train(examples, gaz, epochs, minWeight, func(epoch int, acc float64) {
		fmt.Fprintf(os.Stderr, "pass %d: token accuracy %.4f (%.0fs)\n", epoch, acc, time.Since(start).Seconds())
	})
	if err := os.WriteFile(out, model, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes\n", out, len(model))
	return nil
}

// parseWeights reads "set=weight,…".
func parseWeights(s string) (map[string]float64, error) {
	out := map[string]float64{}
	for pair := range strings.SplitSeq(s, ",") {
		name, w, ok := strings.Cut(strings.TrimSpace(pair), "=")
		v, err := strconv.ParseFloat(w, 64)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("bad weight %q: want set=weight with weight > 0", pair)
		}
		out[name] = v
	}
	return out, nil
}

// readSets reads CoNLL-2003 train and the training part of each weighted
// set in eval/ner, in a fixed order.
func readSets(shared string, weights map[string]float64) ([]nertag.Example, error) {
	paths := map[string]string{"conll2003": filepath.Join(shared, "eval", "conll2003-train.txt")}
	more, _ := filepath.Glob(filepath.Join(shared, "eval", "ner", "*.conll"))
	for _, p := range more {
		paths[strings.TrimSuffix(filepath.Base(p), ".conll")] = p
	}
	names := make([]string, 0, len(weights))
	for name := range weights {
		if paths[name] == "" {
			return nil, fmt.Errorf("no set %q in %s", name, shared)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	var examples []nertag.Example
	for _, name := range names {
		f, err := os.Open(paths[name])
		if err != nil {
			return nil, err
		}
		docs, err := conll.Parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", paths[name], err)
		}
		if name != "conll2003" {
			docs, _ = conll.Split(docs) // the held-out tenth is for make eval
		}
		n := 0
		for _, d := range docs {
			for _, s := range d {
				examples = append(examples, example(s, weights[name]))
				n++
			}
		}
		fmt.Fprintf(os.Stderr, "%s: %d sentences, weight %g\n", name, n, weights[name])
	}
	return examples, nil
}

// example joins a sentence's tokens with one space and turns its tags
// into entity spans of that text.
func example(s conll.Sentence, weight float64) nertag.Example {
	var b strings.Builder
	starts, ends := s.Write(&b)
	ex := nertag.Example{Text: b.String(), Weight: weight}
	for _, e := range conll.Entities(s) {
		ex.Spans = append(ex.Spans, nertag.Span{Start: starts[e.Start], End: ends[e.End-1], Label: e.Type})
	}
	return ex
}
