// Command train-attributions trains Lede's attribution tagger and writes
// the models that package attrtag embeds (attr.bin, and beside it
// attr2.bin, the second pass's, and cues.txt):
//
//	go run ./cmd/train-attributions -shared ../shared -o internal/attrtag/attr.bin
//
// It learns from PolNeAR's training articles (every attribution: direct,
// mixed and reported), split into sentences as the analyzer splits them,
// and reports how well the model finds content spans on PolNeAR dev.
// Training is deterministic: the same data and flags give the same bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"lede/core"
	"lede/internal/attrtag"
	"lede/internal/postag"
	"lede/internal/tokenize"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared directory, holding eval/")
	out := flag.String("o", "internal/attrtag/attr.bin", "where to write the model")
	epochs := flag.Int("epochs", 8, "training passes")
	minWeight := flag.Float64("min-weight", 16, "drop features whose averaged weights all stay below this in size")
	folds := flag.Int("folds", 4, "folds of the training sentences that give the second pass its first labels")
	flag.Parse()
	if err := run(*shared, *out, *epochs, *minWeight, *folds); err != nil {
		fmt.Fprintln(os.Stderr, "train-attributions:", err)
		os.Exit(1)
	}
}

func run(shared, out string, epochs int, minWeight float64, folds int) error {
	dir := filepath.Join(shared, "eval", "polnear")
	train, err := load(filepath.Join(dir, "train.jsonl"))
	if err != nil {
		return err
	}
	dev, err := load(filepath.Join(dir, "dev.jsonl"))
	if err != nil {
		return err
	}
	var examples []attrtag.Example
	for _, d := range train {
		examples = append(examples, d.examples()...)
	}
	fmt.Fprintf(os.Stderr, "%d articles, %d sentences\n", len(train), len(examples))
	start := time.Now()
	model, second, cues := attrtag.Train(examples, epochs, minWeight, folds, func(model, epoch int, acc float64) {
		fmt.Fprintf(os.Stderr, "model %d, pass %d: token accuracy %.4f (%.0fs)\n", model, epoch, acc, time.Since(start).Seconds())
	})
	if err := os.WriteFile(out, model, 0o644); err != nil {
		return err
	}
	secondOut := filepath.Join(filepath.Dir(out), "attr2.bin")
	if err := os.WriteFile(secondOut, second, 0o644); err != nil {
		return err
	}
	cuesOut := filepath.Join(filepath.Dir(out), "cues.txt")
	if err := os.WriteFile(cuesOut, []byte(cues), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %s: %d bytes, and %s\n", out, len(model), secondOut, len(second), cuesOut)
	t, err := attrtag.Decode(model, second, cues)
	if err != nil {
		return err
	}
	score(t, dev)
	if os.Getenv("ATTR_DEBUG") != "" {
		for _, d := range dev[:3] {
			debugDoc(t, d)
		}
	}
	return nil
}

type span struct {
	ByteStart int `json:"byte_start"`
	ByteEnd   int `json:"byte_end"`
}

type doc struct {
	Text         string `json:"text"`
	Attributions []struct {
		Source  []span `json:"source"`
		Cue     []span `json:"cue"`
		Content []span `json:"content"`
	} `json:"attributions"`
}

func load(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	dec := json.NewDecoder(f)
	for dec.More() {
		var d doc
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// examples splits d into the analyzer's sentences, each with the parts
// of attributions that fall in it, clipped to it.
func (d doc) examples() []attrtag.Example {
	res, _ := core.QuickAnalyze(d.Text)
	var out []attrtag.Example
	for _, s := range res.Sentences {
		ex := attrtag.Example{Text: d.Text, Start: s.Start, End: s.End}
		for _, a := range d.Attributions {
			for role, spans := range map[string][]span{attrtag.Source: a.Source, attrtag.Cue: a.Cue, attrtag.Content: a.Content} {
				for _, sp := range spans {
					st, en := max(sp.ByteStart, s.Start), min(sp.ByteEnd, s.End)
					if st < en {
						ex.Spans = append(ex.Spans, attrtag.Span{Start: st, End: en, Role: role})
					}
				}
			}
		}
		out = append(out, ex)
	}
	return out
}

// score prints how well t finds content spans on docs: lenient (covers
// half of a gold content and lies half inside it) and exact (same
// span, ignoring surrounding spaces and final punctuation).
func score(t *attrtag.Tagger, docs []doc) {
	var gold, pred, found, right, exact int
	cueGold, cuePred, cueHit := 0, 0, 0
	for _, d := range docs {
		res, _ := core.QuickAnalyze(d.Text)
		var preds [][2]int
		for _, s := range res.Sentences {
			toks := tokenize.Sentence(d.Text, s.Start, s.End)
			postag.Tag(toks)
			for _, p := range t.Tag(toks) {
				if p.Role == attrtag.Cue {
					cuePred++
					cs, ce := toks[p.Start].Start, toks[p.End-1].End
					for _, a := range d.Attributions {
						for _, c := range a.Cue {
							if c.ByteStart < ce && c.ByteEnd > cs {
								cueHit++
								goto next
							}
						}
					}
				next:
				}
				if p.Role == attrtag.Content {
					preds = append(preds, trim(d.Text, toks[p.Start].Start, toks[p.End-1].End))
				}
			}
		}
		cueSeen := map[span]bool{}
		for _, a := range d.Attributions {
			for _, c := range a.Cue {
				if !cueSeen[c] {
					cueSeen[c] = true
					cueGold++
				}
			}
		}
		var golds [][2]int
		seen := map[[2]int]bool{}
		for _, a := range d.Attributions {
			for _, c := range a.Content {
				g := trim(d.Text, c.ByteStart, c.ByteEnd)
				if !seen[g] {
					seen[g] = true
					golds = append(golds, g)
				}
			}
		}
		gold += len(golds)
		pred += len(preds)
		for _, g := range golds {
			for _, p := range preds {
				if o := overlap(g, p); 2*o >= g[1]-g[0] && 2*o >= p[1]-p[0] {
					found++
					break
				}
			}
			for _, p := range preds {
				if p == g {
					exact++
					break
				}
			}
		}
		for _, p := range preds {
			for _, g := range golds {
				if o := overlap(g, p); 2*o >= p[1]-p[0] {
					right++
					break
				}
			}
		}
	}
	r, p := float64(found)/float64(gold), float64(right)/float64(pred)
	er, ep := float64(exact)/float64(gold), float64(exact)/float64(pred)
	fmt.Printf("dev cues: %d gold, %d predicted, %d predicted overlap a gold cue (precision %.3f)\n", cueGold, cuePred, cueHit, float64(cueHit)/float64(cuePred))
	fmt.Printf("dev contents: %d gold, %d predicted; recall %.3f precision %.3f F1 %.3f; exact P %.3f R %.3f F1 %.3f\n",
		gold, pred, r, p, 2*r*p/(r+p), ep, er, 2*er*ep/(er+ep))
}

func overlap(a, b [2]int) int { return max(0, min(a[1], b[1])-max(a[0], b[0])) }

// trim narrows [s, e) of text past surrounding spaces and a final , . ; :
func trim(text string, s, e int) [2]int {
	for s < e && (text[s] == ' ' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == ',' || text[e-1] == '.' || text[e-1] == ';' || text[e-1] == ':') {
		e--
	}
	return [2]int{s, e}
}

// debugDoc prints the tagged parts of d's sentences beside its gold.
func debugDoc(t *attrtag.Tagger, d doc) {
	res, _ := core.QuickAnalyze(d.Text)
	for _, s := range res.Sentences {
		toks := tokenize.Sentence(d.Text, s.Start, s.End)
		postag.Tag(toks)
		out := ""
		for _, p := range t.Tag(toks) {
			out += fmt.Sprintf(" [%s %s]", p.Role, d.Text[toks[p.Start].Start:toks[p.End-1].End])
		}
		g := ""
		for _, a := range d.Attributions {
			for _, c := range a.Content {
				if c.ByteStart >= s.Start && c.ByteStart < s.End {
					g += fmt.Sprintf(" [GOLD %s]", d.Text[c.ByteStart:c.ByteEnd])
				}
			}
		}
		fmt.Printf("S: %s\nP:%s\nG:%s\n\n", d.Text[s.Start:s.End], out, g)
	}
}
