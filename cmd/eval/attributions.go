package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"lede/core"
)

// Attribution kinds of PolNeAR, by their content: wholly in quote marks,
// with quoted words inside reported speech, or reported without marks.
const (
	kindDirect   = "direct"
	kindMixed    = "mixed"
	kindIndirect = "indirect"
)

var attributionKinds = []string{kindDirect, kindMixed, kindIndirect}

// attributionUnit is one content span of a gold attribution, with the
// kind of its attribution and the attribution's source and cue spans.
// Each span is a unit, as for direct quotes: the two halves of `"Yes,"
// he said, "we will."` are two, as an analyzer reports them; a span that
// is the content of several attributions is one unit.
type attributionUnit struct {
	span
	kind    string
	sources []span
	cues    []span
}

// attributionUnits returns every content span of d's attributions as a
// unit, in the order found.
func attributionUnits(d pnDoc) []attributionUnit {
	var out []attributionUnit
	index := map[span]int{}
	for _, a := range d.Attributions {
		kind, marks := kindDirect, false
		for _, c := range a.Content {
			text := d.Text[c.ByteStart:c.ByteEnd]
			if !whollyQuoted(text) {
				kind = kindIndirect
			}
			marks = marks || strings.ContainsAny(text, "\"“”") || strings.Contains(text, "''")
		}
		if kind == kindIndirect && marks {
			kind = kindMixed
		}
		var sources, cues []span
		for _, s := range a.Source {
			sources = append(sources, s.span())
		}
		for _, c := range a.Cue {
			cues = append(cues, c.span())
		}
		for _, c := range a.Content {
			if i, ok := index[c.span()]; ok {
				out[i].sources = append(out[i].sources, sources...)
				out[i].cues = append(out[i].cues, cues...)
				continue
			}
			index[c.span()] = len(out)
			out = append(out, attributionUnit{span: c.span(), kind: kind, sources: sources, cues: cues})
		}
	}
	return out
}

// attributionCounts are the scores of one kind.
type attributionCounts struct {
	gold, found, exact, withSource, speaker, withCue, cue int
	pred, predRight                                       int
}

func (t *attributionCounts) add(c *attributionCounts) {
	t.gold += c.gold
	t.found += c.found
	t.exact += c.exact
	t.withSource += c.withSource
	t.speaker += c.speaker
	t.withCue += c.withCue
	t.cue += c.cue
	t.pred += c.pred
	t.predRight += c.predRight
}

// scoreAttributions scores one document with every attribution counted.
// A gold unit (a content span) is found by a predicted quote that covers at least half of
// its content and lies at least half inside it; exact when the spans are
// the same (surrounding spaces and a trailing , . ; : ignored). A
// predicted quote is right when at least half of it lies inside some
// attribution's content. It returns the counts by kind (gold kinds for
// recall, predicted kinds for precision) and the number of exact matches
// over all kinds, each predicted quote used once.
func scoreAttributions(d pnDoc, res core.Result) (map[string]*attributionCounts, int) {
	c, e, _ := scoreAttributionsMisses(d, res)
	return c, e
}

// scoreAttributionsMisses is scoreAttributions that also lists the gold
// units not found and the predicted quotes outside every content.
func scoreAttributionsMisses(d pnDoc, res core.Result) (map[string]*attributionCounts, int, []string) {
	var misses []string
	counts := newKindCounts()
	byID := entitiesByID(res)
	preds := quoteSpans(res.Quotes)
	usedExact := make([]bool, len(preds))
	exactAll := 0
	for _, u := range attributionUnits(d) {
		c := counts[u.kind]
		c.gold++
		best, bestO := -1, 0
		for i, p := range preds {
			if o := overlap(p, u.span); 2*o >= u.len() && 2*o >= p.len() && o > bestO {
				best, bestO = i, o
			}
		}
		for i, p := range preds {
			if !usedExact[i] && sameSpan(d.Text, p, u.span) {
				usedExact[i] = true
				exactAll++
				break
			}
		}
		if best < 0 {
			near := ""
			for i, p := range preds {
				if overlap(p, u.span) > 0 {
					near += fmt.Sprintf(" | %s %q", res.Quotes[i].Kind, d.Text[p.start:p.end])
				}
			}
			misses = append(misses, fmt.Sprintf("missed %s %q%s", u.kind, d.Text[u.start:u.end], near))
			continue
		}
		c.found++
		q := res.Quotes[best]
		if sameSpan(d.Text, preds[best], u.span) {
			c.exact++
		} else {
			misses = append(misses, fmt.Sprintf("inexact %s %q\n      got %q", u.kind, d.Text[u.start:u.end], d.Text[preds[best].start:preds[best].end]))
		}
		if len(u.sources) > 0 {
			c.withSource++
			if speakerOverlaps(q, byID, u.sources) {
				c.speaker++
			} else {
				got := "(none)"
				if q.SpeakerMention != nil {
					got = q.SpeakerMention.Text
				}
				if q.Speaker != nil {
					got += " = " + byID[*q.Speaker].Name
				}
				misses = append(misses, fmt.Sprintf("speaker %s: got %q, gold source %q for %q", u.kind, got, d.Text[u.sources[0].start:u.sources[0].end], truncate(d.Text[u.start:u.end], 60)))
			}
		}
		if len(u.cues) > 0 {
			c.withCue++
			for _, cs := range u.cues {
				if q.Cue != nil && overlap(span{q.Cue.Start, q.Cue.End}, cs) > 0 {
					c.cue++
					break
				}
			}
		}
	}
	for i, q := range res.Quotes {
		c := counts[q.Kind]
		if c == nil {
			continue
		}
		c.pred++
		if insideContent(preds[i], d.Attributions) {
			c.predRight++
		} else {
			misses = append(misses, fmt.Sprintf("false %s %q", q.Kind, d.Text[q.Start:q.End]))
		}
	}
	return counts, exactAll, misses
}

// evalAttributions scores every attribution of PolNeAR, by kind.
func evalAttributions(o options, w io.Writer, head map[string]any) error {
	path := filepath.Join(o.shared, "eval", "polnear", o.split+".jsonl")
	docs, err := loadPolnear(path)
	if err != nil {
		return err
	}
	type out struct {
		counts map[string]*attributionCounts
		exact  int
		misses []string
	}
	outs := parallelMap(docs, func(d pnDoc) out {
		res, _ := core.Analyze(d.Text)
		c, e, m := scoreAttributionsMisses(d, res)
		return out{c, e, m}
	})
	total := newKindCounts()
	exactAll := 0
	for _, x := range outs {
		if o.verbose {
			for _, m := range x.misses {
				fmt.Fprintln(w, "  ", m)
			}
		}
		exactAll += x.exact
		for k, c := range x.counts {
			total[k].add(c)
		}
	}
	fmt.Fprintf(w, "== PolNeAR %s, every attribution (%d documents) ==\n", o.split, len(docs))
	fmt.Fprintln(w, "Found: a quote covers half of the content and lies half inside it; precision by predicted kind (a")
	fmt.Fprintln(w, "predicted quote is right when half of it lies inside some attribution's content); F1 from the two")
	head["attr_exact_f1"] = round(writeKindTable(w, total, exactAll, true), 4)
	for _, k := range attributionKinds {
		c := total[k]
		head["attr_"+k+"_f1"] = round(c.f1(), 4)
		head["attr_"+k+"_recall"] = round(ratio(c.found, c.gold), 4)
		head["attr_"+k+"_speaker"] = round(ratio(c.speaker, c.withSource), 4)
	}
	return nil
}

// writeKindTable writes the scores of each kind of attribution in total
// as a table, with a cue column if withCue, then the exact-span scores
// over all kinds, exact of them matched; it returns the exact-span F1.
func writeKindTable(w io.Writer, total map[string]*attributionCounts, exact int, withCue bool) float64 {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	cue := ""
	if withCue {
		cue = "cue\t"
	}
	fmt.Fprintln(tw, "  kind\tgold\trecall\texact\tpredicted\tprecision\tF1\tspeaker\t"+cue)
	for _, k := range append(attributionKinds, "partial") {
		c := total[k]
		fmt.Fprintf(tw, "  %s\t%d\t%.3f\t%.3f\t%d\t%.3f\t%.3f\t%.3f\t", k, c.gold, ratio(c.found, c.gold), ratio(c.exact, c.gold),
			c.pred, ratio(c.predRight, c.pred), c.f1(), ratio(c.speaker, c.withSource))
		if withCue {
			fmt.Fprintf(tw, "%.3f\t", ratio(c.cue, c.withCue))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	p, r, gold, pred := exactSpan(total, exact)
	fmt.Fprintf(w, "  all attributions, exact span: P %.3f R %.3f F1 %.3f (%d of %d gold, %d predicted)\n", p, r, f1(p, r), exact, gold, pred)
	return f1(p, r)
}

// exactSpan returns the precision and recall of exact, the exact matches
// over all kinds, against total's gold and predicted counts, and those
// counts.
func exactSpan(total map[string]*attributionCounts, exact int) (p, r float64, gold, pred int) {
	for _, c := range total {
		gold, pred = gold+c.gold, pred+c.pred
	}
	return ratio(exact, pred), ratio(exact, gold), gold, pred
}

// f1 is the F1 of c's recall (gold contents found) and precision
// (predictions right).
func (c *attributionCounts) f1() float64 {
	return f1(ratio(c.predRight, c.pred), ratio(c.found, c.gold))
}
