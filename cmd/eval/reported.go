package main

import (
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"lede/core"
)

// The hand-made gold of every attribution in Reuters news of 1996
// (CoNLL-2003 dev): news from other years, countries and an agency that
// PolNeAR, which the attribution tagger learnt from, does not have. One
// file per document (gold/reported), each attribution with its content's
// exact text in the detokenized document, its kind and its speaker.
//
//go:embed gold/reported/*.json
var reportedGoldFS embed.FS

// reportedGold is the gold of one document.
type reportedGold struct {
	Source       string                `json:"source"` // conll2003-dev
	Doc          int                   `json:"doc"`    // the document's number in its file, from 0
	Batch        int                   `json:"batch"`  // which batch of annotations made it (see gold/README.md)
	FirstLine    string                `json:"first_line"`
	Attributions []reportedAttribution `json:"attributions"`
}

// reportedAttribution is one gold attribution: its content's exact text,
// kind (direct, mixed or indirect), speaker (the fullest name in the
// document; nil when the text never names the source) and cue.
type reportedAttribution struct {
	Content string  `json:"content"`
	Kind    string  `json:"kind"`
	Speaker *string `json:"speaker"`
	Cue     string  `json:"cue"`
}

// evalReported scores every attribution on the held-out Reuters gold as
// evalAttributions does on PolNeAR: by kind, a gold content found when a
// quote covers half of it and lies half inside it, a predicted quote
// right when half of it lies inside some gold content; speakers by name.
func evalReported(o options, w io.Writer, head map[string]any) error {
	golds, err := loadReportedGold()
	if err != nil {
		return err
	}
	texts := map[string][]string{}
	total := newKindCounts()
	exactAll := 0
	batches := map[int]*batchCounts{}
	var misses []string
	for _, g := range golds {
		text, err := goldDocument(o, texts, g.Source, g.Doc, g.FirstLine)
		if err != nil {
			return err
		}
		res, _ := core.Analyze(text)
		counts, exact, miss, err := scoreReported(g, text, res)
		if err != nil {
			return fmt.Errorf("gold %s-%d: %w", g.Source, g.Doc, err)
		}
		for _, m := range miss {
			misses = append(misses, fmt.Sprintf("%s-%d: %s", g.Source, g.Doc, m))
		}
		exactAll += exact
		b := batches[g.Batch]
		if b == nil {
			b = &batchCounts{kinds: newKindCounts()}
			batches[g.Batch] = b
		}
		b.docs++
		b.exact += exact
		for k, c := range counts {
			total[k].add(c)
			b.kinds[k].add(c)
		}
	}
	fmt.Fprintf(w, "== Held out: every attribution in %d Reuters articles of 1996 (hand-made gold) ==\n", len(golds))
	head["heldout_exact_f1"] = round(writeKindTable(w, total, exactAll, false), 4)
	for _, k := range attributionKinds {
		head["heldout_"+k+"_f1"] = round(total[k].f1(), 4)
		head["heldout_"+k+"_speaker"] = round(ratio(total[k].speaker, total[k].withSource), 4)
	}
	writeBatches(w, batches, head)
	if o.verbose {
		for _, m := range misses[:min(len(misses), o.n)] {
			fmt.Fprintln(w, "    "+m)
		}
	}
	return nil
}

// batchCounts are the counts of one batch of the gold.
type batchCounts struct {
	docs, exact int
	kinds       map[string]*attributionCounts
}

// writeBatches writes, for each batch of the gold, its indirect F1 and
// speaker accuracy and its all-attributions exact-span F1: a batch made
// after the rules were tuned measures them on news they were not tuned
// on, as the whole set no longer does.
func writeBatches(w io.Writer, batches map[int]*batchCounts, head map[string]any) {
	ids := make([]int, 0, len(batches))
	for id := range batches {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		b := batches[id]
		in := b.kinds[kindIndirect]
		p, r, _, _ := exactSpan(b.kinds, b.exact)
		exact := f1(p, r)
		fmt.Fprintf(w, "  batch %d (%d articles): indirect F1 %.3f, speaker %.3f; all attributions, exact span F1 %.3f\n",
			id, b.docs, in.f1(), ratio(in.speaker, in.withSource), exact)
		key := fmt.Sprintf("heldout_batch%d_", id)
		head[key+"indirect_f1"] = round(in.f1(), 4)
		head[key+"indirect_speaker"] = round(ratio(in.speaker, in.withSource), 4)
		head[key+"exact_f1"] = round(exact, 4)
	}
}

// scoreReported scores res, the analysis of text, against g: the counts
// by kind (gold kinds for recall, predicted kinds for precision), the
// exact matches over all kinds (each predicted quote used once), and a
// line for each miss. It fails when a gold content is not in the text.
func scoreReported(g reportedGold, text string, res core.Result) (map[string]*attributionCounts, int, []string, error) {
	counts := newKindCounts()
	byID := entitiesByID(res)
	preds := quoteSpans(res.Quotes)
	usedExact := make([]bool, len(preds))
	var golds []span
	var misses []string
	exact, from := 0, 0
	for _, a := range g.Attributions {
		c := counts[a.Kind]
		if c == nil {
			return nil, 0, nil, fmt.Errorf("kind %q of %q is none of %v", a.Kind, a.Content, attributionKinds)
		}
		// In text order: the next occurrence from the last content's start
		// (contents may nest), else any.
		at := strings.Index(text[from:], a.Content)
		if at >= 0 {
			at += from
		} else if at = strings.Index(text, a.Content); at < 0 {
			return nil, 0, nil, fmt.Errorf("content not in the text: %q", a.Content)
		}
		u := span{at, at + len(a.Content)}
		from = at
		golds = append(golds, u)
		c.gold++
		for i, p := range preds {
			if !usedExact[i] && sameSpan(text, p, u) {
				usedExact[i] = true
				exact++
				break
			}
		}
		best := -1
		for i, p := range preds {
			if coversHalf(p, u) && coversHalf(u, p) && (best < 0 || overlap(p, u) > overlap(preds[best], u)) {
				best = i
			}
		}
		if best < 0 {
			misses = append(misses, fmt.Sprintf("missed %s %q", a.Kind, truncate(a.Content, 80)))
			continue
		}
		c.found++
		if sameSpan(text, preds[best], u) {
			c.exact++
		} else {
			misses = append(misses, fmt.Sprintf("inexact %s %q\n      got %q", a.Kind, truncate(a.Content, 80), truncate(text[preds[best].start:preds[best].end], 80)))
		}
		if a.Speaker == nil {
			continue
		}
		c.withSource++
		got := "(none)"
		if id := res.Quotes[best].Speaker; id != nil {
			if sameSpeaker(byID[*id], *a.Speaker) {
				c.speaker++
				continue
			}
			got = byID[*id].Name
		}
		misses = append(misses, fmt.Sprintf("speaker %s: got %q, want %q for %q", a.Kind, got, *a.Speaker, truncate(a.Content, 50)))
	}
	for i, q := range res.Quotes {
		c := counts[q.Kind]
		if c == nil {
			continue
		}
		c.pred++
		right := false
		for _, gs := range golds {
			if coversHalf(gs, preds[i]) {
				right = true
				break
			}
		}
		if right {
			c.predRight++
		} else {
			misses = append(misses, fmt.Sprintf("false %s %q", q.Kind, truncate(text[q.Start:q.End], 80)))
		}
	}
	return counts, exact, misses, nil
}

func loadReportedGold() ([]reportedGold, error) {
	golds, err := readGold[reportedGold](reportedGoldFS, "gold/reported")
	sort.Slice(golds, func(i, j int) bool { return golds[i].Doc < golds[j].Doc })
	return golds, err
}
