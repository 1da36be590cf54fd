package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core"
)

// pnSpan is a span of a PolNeAR attribution. Only the byte offsets are
// used; start and end count code points.
type pnSpan struct {
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
	Text      string `json:"text"`
}

func (s pnSpan) span() span { return span{s.ByteStart, s.ByteEnd} }

// pnAttribution is one attribution relation: who (source) said (cue) what
// (content). Each part may have several discontinuous spans.
type pnAttribution struct {
	Kind    string   `json:"kind"`
	Source  []pnSpan `json:"source"`
	Cue     []pnSpan `json:"cue"`
	Content []pnSpan `json:"content"`
}

// pnDoc is one line of polnear/*.jsonl.
type pnDoc struct {
	ID           string          `json:"id"`
	Text         string          `json:"text"`
	Attributions []pnAttribution `json:"attributions"`
}

// loadPolnear reads a PolNeAR JSONL file and checks that every span lies
// inside its text.
func loadPolnear(path string) ([]pnDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []pnDoc
	dec := json.NewDecoder(f)
	for {
		var d pnDoc
		if err := dec.Decode(&d); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: document %d: %w", path, len(docs)+1, err)
		}
		for _, a := range d.Attributions {
			for _, s := range slices.Concat(a.Source, a.Cue, a.Content) {
				if s.ByteStart < 0 || s.ByteEnd > len(d.Text) || s.ByteStart > s.ByteEnd {
					return nil, fmt.Errorf("%s: %s: span %d-%d outside the text", path, d.ID, s.ByteStart, s.ByteEnd)
				}
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// closers maps each opening quote mark to the marks that close it.
var closers = map[rune]string{
	'"':  `"”`,
	'“':  `”"`,
	'\'': `'’`,
	'‘':  `’'`,
	'«':  `»`,
	'„':  `“”`,
}

// whollyQuoted reports whether s, a content span of an attribution, is
// wholly inside quote marks. Trimmed of white space, s must start with an
// opening mark (" “ ' ‘ « „) and end with a mark that closes it, optionally
// followed by , . ; : or a dash; and no closing mark of that kind may occur
// in between, so `"Yes," he said, "no."` is not wholly quoted. A closing
// mark followed by a letter or digit is taken for an apostrophe
// ("Clinton’s") and does not count; a plural possessive (Democrats’) inside
// a single-quoted passage does, which is rare enough to accept. A content
// that opens a quote it does not close (a quotation running on into the
// next paragraph) is not wholly quoted. Two apostrophes (”) and two
// backquotes (“), which some sources print for a double quote mark, are
// read as ".
func whollyQuoted(s string) bool {
	s = strings.NewReplacer("''", `"`, "``", `"`).Replace(strings.TrimSpace(s))
	open, n := utf8.DecodeRuneInString(s)
	cl, ok := closers[open]
	if !ok {
		return false
	}
	s = s[n:]
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.;:—–", r)
	})
	last, n := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(cl, last) {
		return false
	}
	inner := s[:len(s)-n]
	if strings.TrimSpace(inner) == "" {
		return false
	}
	for i, r := range inner {
		if !strings.ContainsRune(cl, r) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(inner[i+utf8.RuneLen(r):])
		if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

// directUnit is a gold direct quote of PolNeAR: one content span wholly in
// quote marks, with the source spans of its attribution(s).
type directUnit struct {
	span
	sources []span
}

// directUnits returns the gold direct quotes of d in text order. Each
// content span of an attribution is judged on its own, so the two halves of
// `"Yes," he said, "we will."` are two units (as an analyzer reports them)
// while a content made of a quoted and an unquoted span contributes only
// its quoted span. A span that is the content of several attributions is
// one unit with the sources of all of them.
func directUnits(d pnDoc) []directUnit {
	var units []directUnit
	index := map[span]int{}
	for _, a := range d.Attributions {
		var src []span
		for _, s := range a.Source {
			src = append(src, s.span())
		}
		for _, c := range a.Content {
			if !whollyQuoted(d.Text[c.ByteStart:c.ByteEnd]) {
				continue
			}
			if i, ok := index[c.span()]; ok {
				units[i].sources = append(units[i].sources, src...)
				continue
			}
			index[c.span()] = len(units)
			units = append(units, directUnit{span: c.span(), sources: slices.Clone(src)})
		}
	}
	slices.SortFunc(units, func(a, b directUnit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	return units
}

// insideContent reports whether at least half of q lies inside the content
// of one attribution (the union of that attribution's content spans).
func insideContent(q span, attrs []pnAttribution) bool {
	for _, a := range attrs {
		var cs []span
		for _, c := range a.Content {
			cs = append(cs, c.span())
		}
		if o := unionOverlap(q, cs); o > 0 && 2*o >= q.len() {
			return true
		}
	}
	return false
}

// unionOverlap returns the number of bytes of q inside the union of spans.
func unionOverlap(q span, spans []span) int {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	total, reach := 0, q.start
	for _, s := range spans {
		s.start = max(s.start, reach)
		if o := overlap(q, s); o > 0 {
			total += o
		}
		reach = max(reach, s.end)
	}
	return total
}

// speakerOverlaps reports whether the quote's speakerMention, or any
// mention of its speaker entity, overlaps one of the source spans.
func speakerOverlaps(q core.Quote, byID map[string]core.Entity, sources []span) bool {
	var cand []span
	if m := q.SpeakerMention; m != nil {
		cand = append(cand, span{m.Start, m.End})
	}
	if q.Speaker != nil {
		for _, m := range byID[*q.Speaker].Mentions {
			cand = append(cand, span{m.Start, m.End})
		}
	}
	for _, c := range cand {
		for _, s := range sources {
			if overlap(c, s) > 0 {
				return true
			}
		}
	}
	return false
}

// hasSpeaker reports whether q names a speaker at all.
func hasSpeaker(q core.Quote) bool {
	return q.Speaker != nil || q.SpeakerMention != nil
}

// methodCount counts found gold quotes by the method the analyzer used.
type methodCount struct {
	n, right int
}

// pnMiss is a gold direct quote the analyzer got wrong, for -v.
type pnMiss struct {
	doc, what       string // what: "not found", "speaker" or "span"
	gold, pred      string // gold quote text; predicted quote text when the span differs
	source          string // gold source text
	mention, method string // predicted speakerMention text (or speaker name) and method
}

// pnScore is the PolNeAR direct-quote score of one or more documents.
type pnScore struct {
	docs                int
	gold, found, exact  int
	pred, predRight     int // predicted direct quotes, and those inside a content
	withSource, speaker int // found gold quotes with a gold source; right speakers among them
	sourceless          int // found gold quotes whose attribution has no source
	noSpeaker           int // found gold quotes whose predicted quote names no speaker
	methods             map[string]*methodCount
	misses              []pnMiss
}

func (s *pnScore) add(t *pnScore) {
	s.docs += t.docs
	s.gold += t.gold
	s.found += t.found
	s.exact += t.exact
	s.pred += t.pred
	s.predRight += t.predRight
	s.withSource += t.withSource
	s.speaker += t.speaker
	s.sourceless += t.sourceless
	s.noSpeaker += t.noSpeaker
	if s.methods == nil {
		s.methods = map[string]*methodCount{}
	}
	for m, c := range t.methods {
		if s.methods[m] == nil {
			s.methods[m] = &methodCount{}
		}
		s.methods[m].n += c.n
		s.methods[m].right += c.right
	}
	s.misses = append(s.misses, t.misses...)
}

func (s *pnScore) precision() float64 { return ratio(s.predRight, s.pred) }
func (s *pnScore) recall() float64    { return ratio(s.found, s.gold) }
func (s *pnScore) f1() float64        { return f1(s.precision(), s.recall()) }

// exactRecall is the share of all gold units found with the exact span.
func (s *pnScore) exactRecall() float64 { return ratio(s.exact, s.gold) }

// speakerAcc is the share of found gold units (with a gold source) whose
// speaker is right.
func (s *pnScore) speakerAcc() float64 { return ratio(s.speaker, s.withSource) }

// methodName names a quote's method for the breakdown.
func methodName(q core.Quote) string {
	if !hasSpeaker(q) {
		return "(no speaker)"
	}
	if q.Method == "" {
		return "(none)"
	}
	return q.Method
}

// scorePolnear scores the analysis res of one PolNeAR document d.
//
// A gold unit (see directUnits) is found when one predicted quote of any
// kind covers at least half of it; the predicted quote overlapping it most
// is its found quote (a predicted quote may be the found quote of several
// units). It is exact when the found quote has the same span up to
// surrounding spaces and a trailing , . ; :. Its speaker is right when the
// found quote's speakerMention, or any mention of its speaker entity,
// overlaps a source span of the unit; units whose attribution has no source
// are left out of speaker accuracy. A predicted direct quote is right when
// at least half of it lies inside the content of some attribution, quoted
// or not.
func scorePolnear(d pnDoc, res core.Result) *pnScore {
	s := &pnScore{docs: 1, methods: map[string]*methodCount{}}
	byID := entitiesByID(res)
	preds := quoteSpans(res.Quotes)
	for i, q := range res.Quotes {
		if q.Kind == "direct" {
			s.pred++
			if insideContent(preds[i], d.Attributions) {
				s.predRight++
			}
		}
	}
	text := func(ss ...span) string {
		var parts []string
		for _, x := range ss {
			parts = append(parts, d.Text[x.start:x.end])
		}
		return strings.Join(parts, " | ")
	}
	for _, u := range directUnits(d) {
		s.gold++
		miss := pnMiss{doc: d.ID, gold: text(u.span), source: text(u.sources...)}
		i := bestCover(u.span, preds)
		if i < 0 {
			miss.what = "not found"
			s.misses = append(s.misses, miss)
			continue
		}
		q := res.Quotes[i]
		s.found++
		miss.method = methodName(q)
		if m := q.SpeakerMention; m != nil {
			miss.mention = m.Text
		} else if q.Speaker != nil {
			miss.mention = "(" + byID[*q.Speaker].Name + ")"
		}
		exact := sameSpan(d.Text, u.span, preds[i])
		if exact {
			s.exact++
		}
		if !hasSpeaker(q) {
			s.noSpeaker++
		}
		if len(u.sources) == 0 {
			s.sourceless++
		} else {
			s.withSource++
			mc := s.methods[miss.method]
			if mc == nil {
				mc = &methodCount{}
				s.methods[miss.method] = mc
			}
			mc.n++
			if speakerOverlaps(q, byID, u.sources) {
				s.speaker++
				mc.right++
			} else {
				miss.what = "speaker"
				s.misses = append(s.misses, miss)
				continue
			}
		}
		if !exact {
			miss.what = "span"
			miss.pred = d.Text[preds[i].start:preds[i].end]
			s.misses = append(s.misses, miss)
		}
	}
	return s
}
