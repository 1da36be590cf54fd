package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"lede/core"
)

// seedGold is eval/seed-article.gold.json.
type seedGold struct {
	File     string `json:"file"`
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Mentions [][2]int `json:"mentions"`
	} `json:"entities"`
	OptionalSpans []goldSpan `json:"optional_spans"`
	NORP          []goldSpan `json:"norp"`
	Quotes        []struct {
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Speaker string `json:"speaker"`
		Kind    string `json:"kind"`
		Text    string `json:"text"`
		Cue     string `json:"cue"`
	} `json:"quotes"`
}

// goldSpan is a span written as [start, end, "text"] in the gold file.
type goldSpan struct {
	span
	text string
}

func (g *goldSpan) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if len(raw) < 2 {
		return fmt.Errorf("span %s: want [start, end, text]", b)
	}
	if err := json.Unmarshal(raw[0], &g.start); err != nil {
		return err
	}
	if err := json.Unmarshal(raw[1], &g.end); err != nil {
		return err
	}
	if len(raw) > 2 {
		return json.Unmarshal(raw[2], &g.text)
	}
	return nil
}

// goldEntity is a gold entity with its mention spans.
type goldEntity struct {
	name, typ string
	mentions  []span
}

// seedQuote is one gold quotation of the seed article.
type seedQuote struct {
	span
	speaker, kind, cue string
}

// seedData is the seed article and its gold, ready for scoring.
type seedData struct {
	text     string
	entities []goldEntity
	ignore   []span // optional spans and NORP spans: not scored
	quotes   []seedQuote
}

// loadSeed reads the gold file and the article it names, and checks that
// every gold span lies inside the text.
func loadSeed(shared string) (*seedData, error) {
	goldPath := filepath.Join(shared, "eval", "seed-article.gold.json")
	b, err := os.ReadFile(goldPath)
	if err != nil {
		return nil, err
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", goldPath, err)
	}
	textPath := filepath.Join(shared, "samples", g.File)
	t, err := os.ReadFile(textPath)
	if err != nil {
		return nil, err
	}
	d := &seedData{text: string(t)}
	bad := func(s span) bool { return s.start < 0 || s.end > len(d.text) || s.start > s.end }
	for _, e := range g.Entities {
		ge := goldEntity{name: e.Name, typ: e.Type}
		for _, m := range e.Mentions {
			s := span{m[0], m[1]}
			if bad(s) {
				return nil, fmt.Errorf("%s: %s mention %v outside the text", goldPath, e.Name, m)
			}
			ge.mentions = append(ge.mentions, s)
		}
		d.entities = append(d.entities, ge)
	}
	for _, s := range append(g.OptionalSpans, g.NORP...) {
		if bad(s.span) {
			return nil, fmt.Errorf("%s: span %v outside the text", goldPath, s.span)
		}
		d.ignore = append(d.ignore, s.span)
	}
	for _, q := range g.Quotes {
		s := span{q.Start, q.End}
		if bad(s) {
			return nil, fmt.Errorf("%s: quote %v outside the text", goldPath, s)
		}
		d.quotes = append(d.quotes, seedQuote{span: s, speaker: q.Speaker, kind: q.Kind, cue: q.Cue})
	}
	return d, nil
}

// goldMentions returns every gold mention with its entity's type.
func goldMentions(es []goldEntity) []typedSpan {
	var out []typedSpan
	for _, e := range es {
		for _, m := range e.mentions {
			out = append(out, typedSpan{m, e.typ})
		}
	}
	return out
}

// predMentions returns every predicted mention with its entity's type.
func predMentions(res core.Result) []typedSpan {
	var out []typedSpan
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			out = append(out, typedSpan{span{m.Start, m.End}, e.Type})
		}
	}
	return out
}

// alignEntity returns the index of the gold entity that the predicted
// entity e stands for, or -1. Speakers are "compared by entity": e stands
// for the gold entity with which it shares the most mentions (a predicted
// and a gold mention are shared when their spans overlap), ties going to
// the gold entity whose name equals e's name and then to the first one. If e
// shares no mention with any gold entity, it stands for the gold entity of
// the same name (ignoring case), if any.
//
// Comparing entities through their mentions rather than through names
// makes "Lavrov", "Sergey Lavrov" and "the top Russian diplomat" all the
// same speaker as long as the analyzer grouped them, and keeps "Wang" (Yi)
// and "Wang" (Wenbin) apart when it did; a rule on last words would not,
// since Chinese names put the family name first.
func alignEntity(e core.Entity, gold []goldEntity) int {
	best, bestN := -1, 0
	for i, g := range gold {
		n := 0
		for _, pm := range e.Mentions {
			for _, gm := range g.mentions {
				if overlap(span{pm.Start, pm.End}, gm) > 0 {
					n++
					break
				}
			}
		}
		if n > bestN || (n == bestN && n > 0 && strings.EqualFold(g.name, e.Name) &&
			!strings.EqualFold(gold[best].name, e.Name)) {
			best, bestN = i, n
		}
	}
	if best >= 0 {
		return best
	}
	for i, g := range gold {
		if strings.EqualFold(g.name, e.Name) {
			return i
		}
	}
	return -1
}

// seedQuoteResult is how one gold quote of the seed article fared.
type seedQuoteResult struct {
	gold         seedQuote
	found        bool
	exact        bool
	speakerRight bool
	pred         *core.Quote // the found quote, or nil
	predSpeaker  string      // name of the predicted speaker entity, or ""
}

// seedScore is the score of the seed article.
type seedScore struct {
	entities *entityScore
	quotes   []seedQuoteResult
	predQ    int // predicted quotes
	fpQ      []core.Quote
}

func (s *seedScore) count(f func(seedQuoteResult) bool) int {
	n := 0
	for _, q := range s.quotes {
		if f(q) {
			n++
		}
	}
	return n
}

// scoreSeed compares the analysis of the seed article with its gold.
// Entities: see scoreEntities; optional spans and NORP spans are ignored.
// Quotes: a gold quote is found when one predicted quote (any kind) covers
// at least half of it (the one overlapping most is its found quote); exact
// when that quote has the same span up to surrounding spaces and trailing
// , . ; :; its speaker is right when the predicted speaker entity stands for
// the gold speaker entity (see alignEntity). A predicted quote is a false
// positive when it overlaps no gold quote by half of either one.
func scoreSeed(d *seedData, res core.Result) *seedScore {
	s := &seedScore{
		entities: scoreEntities(predMentions(res), goldMentions(d.entities), d.ignore),
		predQ:    len(res.Quotes),
	}
	byID := entitiesByID(res)
	preds := quoteSpans(res.Quotes)
	for _, g := range d.quotes {
		r := seedQuoteResult{gold: g}
		if i := bestCover(g.span, preds); i >= 0 {
			q := res.Quotes[i]
			r.found, r.pred = true, &q
			r.exact = sameSpan(d.text, g.span, preds[i])
			if q.Speaker != nil {
				if e, ok := byID[*q.Speaker]; ok {
					r.predSpeaker = e.Name
					if j := alignEntity(e, d.entities); j >= 0 && d.entities[j].name == g.speaker {
						r.speakerRight = true
					}
				}
			}
		}
		s.quotes = append(s.quotes, r)
	}
	for i, p := range preds {
		matched := false
		for _, g := range d.quotes {
			if quotesMatch(p, g.span) {
				matched = true
				break
			}
		}
		if !matched {
			s.fpQ = append(s.fpQ, res.Quotes[i])
		}
	}
	return s
}

// quoteSpans returns the spans of qs.
func quoteSpans(qs []core.Quote) []span {
	out := make([]span, len(qs))
	for i, q := range qs {
		out[i] = span{q.Start, q.End}
	}
	return out
}
