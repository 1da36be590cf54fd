package main

import (
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"lede/core"
	"lede/internal/conll"
)

// The hand-made gold of who said what in non-US text: one file per
// document of CoNLL-2003 dev or of a set in eval/ner (gold/speakers),
// each quotation with its exact text and the speaker's fullest name.
//
//go:embed gold/speakers/*.json
var speakersGold embed.FS

// speakerGold is the gold of one document.
type speakerGold struct {
	Source    string `json:"source"` // conll2003-dev or the stem of a file in eval/ner
	Doc       int    `json:"doc"`    // the document's number in its file, from 0
	FirstLine string `json:"first_line"`
	Quotes    []struct {
		Text    string  `json:"text"`
		Speaker *string `json:"speaker"`
		Kind    string  `json:"kind"` // speech (or empty), scare or title
	} `json:"quotes"`
}

// speakerCounts are the scores of the speaker gold.
type speakerCounts struct {
	speech, found, named, namedFound, right int
}

// evalSpeakers scores speakers on the non-US gold: how many quotations of
// speech are found (a predicted quote covers half of the gold text), and
// of those found whose speaker is named, how many get that speaker.
func evalSpeakers(o options, w io.Writer, head map[string]any) error {
	golds, err := loadSpeakersGold()
	if err != nil {
		return err
	}
	texts := map[string][]string{}
	var total speakerCounts
	var misses []string
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "== Speakers outside the US: hand-made gold of %d documents ==\n", len(golds))
	fmt.Fprintln(tw, "  document\tspeech\tfound\tnamed\tright\t")
	for _, g := range golds {
		text, err := goldDocument(o, texts, g.Source, g.Doc, g.FirstLine)
		if err != nil {
			return err
		}
		c, miss := scoreSpeakers(g, text)
		for _, m := range miss {
			misses = append(misses, fmt.Sprintf("%s-%d: %s", g.Source, g.Doc, m))
		}
		fmt.Fprintf(tw, "  %s-%d\t%d\t%d\t%d\t%d\t\n", g.Source, g.Doc, c.speech, c.found, c.namedFound, c.right)
		total.speech += c.speech
		total.found += c.found
		total.named += c.named
		total.namedFound += c.namedFound
		total.right += c.right
	}
	tw.Flush()
	fmt.Fprintf(w, "  quotes found       %.3f  (%d/%d speech quotations)\n", ratio(total.found, total.speech), total.found, total.speech)
	fmt.Fprintf(w, "  named-speaker acc. %.3f  (%d/%d found with a named speaker)\n", ratio(total.right, total.namedFound), total.right, total.namedFound)
	if o.verbose {
		for _, m := range misses[:min(len(misses), o.n)] {
			fmt.Fprintln(w, "    "+m)
		}
	}
	head["speakers_found"] = round(ratio(total.found, total.speech), 4)
	head["speakers_named_acc"] = round(ratio(total.right, total.namedFound), 4)
	return nil
}

func loadSpeakersGold() ([]speakerGold, error) {
	golds, err := readGold[speakerGold](speakersGold, "gold/speakers")
	if err != nil {
		return nil, err
	}
	sort.Slice(golds, func(i, j int) bool {
		if golds[i].Source != golds[j].Source {
			return golds[i].Source < golds[j].Source
		}
		return golds[i].Doc < golds[j].Doc
	})
	return golds, nil
}

// sourceTexts reads a CoNLL-layout file of shared/eval and rebuilds each
// document as text, as the gold was written against.
func sourceTexts(shared, source string) ([]string, error) {
	path := filepath.Join(shared, "eval", "ner", source+".conll")
	if source == "conll2003-dev" {
		path = filepath.Join(shared, "eval", "conll2003-dev.txt")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := conll.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = buildConllDoc(d).text
	}
	return out, nil
}

// scoreSpeakers analyses one document, detokenized, and scores it against
// its gold; it also returns a line for each miss.
func scoreSpeakers(g speakerGold, text string) (speakerCounts, []string) {
	var c speakerCounts
	var miss []string
	res, _ := core.Analyze(text)
	res = quotationsOnly(res)
	byID := entitiesByID(res)
	preds := quoteSpans(res.Quotes)
	from := 0
	for _, q := range g.Quotes {
		qt := detokenizeQuoted(q.Text)
		at := strings.Index(text[from:], qt)
		if at < 0 {
			miss = append(miss, fmt.Sprintf("gold text not in the document: %q", truncate(qt, 50)))
			continue
		}
		gs := span{from + at, from + at + len(qt)}
		from = gs.end
		if q.Kind != "" && q.Kind != "speech" {
			continue
		}
		c.speech++
		if q.Speaker != nil {
			c.named++
		}
		k := bestCover(gs, preds)
		if k < 0 {
			miss = append(miss, fmt.Sprintf("not found %q", truncate(q.Text, 50)))
			continue
		}
		c.found++
		if q.Speaker == nil {
			continue
		}
		c.namedFound++
		got := ""
		if id := res.Quotes[k].Speaker; id != nil {
			got = byID[*id].Name
			if sameSpeaker(byID[*id], *q.Speaker) {
				c.right++
				continue
			}
		}
		miss = append(miss, fmt.Sprintf("speaker %q, want %q for %q", got, *q.Speaker, truncate(q.Text, 40)))
	}
	return c, miss
}

// sameSpeaker reports whether e names the gold speaker: its name or one
// of its forms is the gold name, or its name is the end of the gold name
// (a surname alone when the text never gives the full name).
func sameSpeaker(e core.Entity, gold string) bool {
	if e.Name == gold || slices.Contains(e.Aliases, gold) {
		return true
	}
	return strings.HasSuffix(gold, " "+e.Name)
}
