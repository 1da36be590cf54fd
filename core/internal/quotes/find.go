// Package quotes finds the quotations of a text and tells direct quotes
// from partial ones, in one linear pass over the raw text. It needs no
// model: it imports neither prose nor the taggers, so that a small
// analyzer can be built from it.
package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/segment"
)

// Quote is one quotation found in the text, before attribution.
type Quote struct {
	Start, End          int    // byte offsets including the quote marks
	TextStart, TextEnd  int    // the quoted words without the outer marks (for a quote over several paragraphs: from the first word to the last; interior paragraph breaks and reopening marks stay inside)
	Kind                string // "direct" or "partial"
	FirstPara, LastPara int    // indexes into paras of the paragraphs where it starts and ends
}

// Quote kinds given by Find.
const (
	Direct  = "direct"
	Partial = "partial"
)

// Find returns the quotations of text, in text order, not
// overlapping (nested quotes stay inside their outer quote and are not
// returned). paras must be Paragraphs(text).
//
// It reads each paragraph once, left to right, keeping a small stack of
// open quotes, so it takes time linear in the length of text whatever the
// marks: an opening mark never closed is dropped at the end of its
// paragraph (unless the next paragraph reopens it, the news convention for
// a quote over several paragraphs), so one stray mark cannot swallow or
// flip the rest of the article.
func Find(text string, paras []segment.Span) []Quote {
	// Room for a quote per pair of double marks: a text of half a million
	// quotations would otherwise leave every smaller copy of the list
	// behind. Single marks are apostrophes too often to count.
	pairs := (strings.Count(text, `"`) + strings.Count(text, "“") + strings.Count(text, "”")) / 2
	s := quoteScanner{text: text, paras: paras, out: make([]Quote, 0, pairs+8)}
	skip := 0 // bytes of a reopening mark to step over at the start of a paragraph
	for pi, p := range paras {
		i := p.Start + skip
		skip = 0
		for i < p.End {
			c := text[i]
			// Every mark starts with one of these bytes; anything else
			// (including the continuation bytes of other runes) is skipped
			// at the cost of one comparison.
			if c != '"' && c != '\'' && c != 0xC2 && c != 0xE2 {
				i++
				continue
			}
			m, ok := quoteMarkAt(text, i, p.End)
			if !ok {
				i++
				continue
			}
			s.mark(m, i, pi)
			i += m.width
		}
		skip = s.endParagraph(pi)
	}
	for k := range s.out {
		s.out[k].Kind = quoteKind(text, paras, s.out[k])
	}
	return s.out
}

// maxQuoteDepth bounds the stack of open quotes. Real text nests two or
// three deep; the bound keeps a run of stray opening marks from making the
// scan quadratic.
const maxQuoteDepth = 8

// quoteFrame is an open quote waiting for its closing mark.
type quoteFrame struct {
	start, textStart int
	fam              quoteFamily
	firstPara        int
	// children are the closed quotes directly inside this one. They are
	// returned only if this quote is dropped as unclosed.
	children []Quote
}

// quoteScanner holds the state of Find.
type quoteScanner struct {
	text  string
	paras []segment.Span
	stack []quoteFrame
	out   []Quote
}

// quoteContext is what sits next to a mark.
type quoteContext uint8

// contextBefore classifies the rune before offset i of paragraph p.
func (s *quoteScanner) contextBefore(i int, p segment.Span) quoteContext {
	if i <= p.Start {
		return quoteCtxSpace
	}
	r, _ := utf8.DecodeLastRuneInString(s.text[p.Start:i])
	switch r {
	case '(', '[', '{':
		return quoteCtxSpace
	}
	return quoteClassify(r)
}

// contextAfter classifies the rune at offset j of paragraph p.
func (s *quoteScanner) contextAfter(j int, p segment.Span) quoteContext {
	if j >= p.End {
		return quoteCtxSpace
	}
	r, _ := utf8.DecodeRuneInString(s.text[j:p.End])
	switch r {
	case ')', ']', '}':
		return quoteCtxSpace
	}
	return quoteClassify(r)
}

func quoteClassify(r rune) quoteContext {
	switch {
	case unicode.IsSpace(r):
		return quoteCtxSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return quoteCtxWord
	}
	return quoteCtxPunct
}

// top returns the index of the innermost open quote of family fam, or -1.
func (s *quoteScanner) top(fam quoteFamily) int {
	for k := len(s.stack) - 1; k >= 0; k-- {
		if s.stack[k].fam == fam {
			return k
		}
	}
	return -1
}

// mark handles the mark m at offset i of paragraph pi.
func (s *quoteScanner) mark(m quoteMark, i, pi int) {
	p := s.paras[pi]
	if m.dir == quoteEither && i > p.Start && s.text[i-1] == '=' {
		return // an attribute value in markup, <tweet id="…">, quotes nobody
	}
	before, after := s.contextBefore(i, p), s.contextAfter(i+m.width, p)
	// A mark can open when a word follows it and it does not end a word;
	// it can close when it ends a word. After punctuation it could be
	// either (`said,"We` opens, `"Yes,"she` closes), so the state decides.
	canOpen := after != quoteCtxSpace && before != quoteCtxWord
	canClose := before != quoteCtxSpace && (after != quoteCtxWord || before == quoteCtxPunct)
	if m.fam == quoteSingle {
		if s.top(quoteDouble) >= 0 {
			// Single marks inside a double quote are nested quotes or
			// apostrophes; neither can end the outer quote.
			return
		}
		if quoteIsApostrophe(s.text, m, i, p, before, after) {
			return
		}
	}
	open := s.top(m.fam)
	var opens bool
	switch m.dir {
	case quoteEither:
		switch {
		case canOpen && canClose:
			opens = open < 0
		case canOpen:
			opens = true
		case canClose:
			opens = false
		case m.fam == quoteDouble && open >= 0:
			// Between two spaces (`…,' " Magel said`) or inside a word
			// (`a"b`), it is a mark only when a quote waits to be closed.
			opens = false
		default:
			return
		}
	case quoteOpens:
		// A mark that can only close is closing whatever its shape: “
		// closes German „…“ and « closes »…«. A “ standing alone after an
		// open quote closes it too (`… see that. “`), but « does not:
		// French sets it off with spaces.
		opens = !(open >= 0 && !canOpen && (canClose || m.r == '“'))
	case quoteCloses:
		switch {
		case open >= 0:
			// ” » › close whatever surrounds them (French « … »), but a
			// ’ that cannot close is an apostrophe (‘the ’90s,’).
			if !canClose && m.r == '’' {
				return
			}
		case canOpen && !canClose && m.r != '’':
			opens = true // Swedish ”…”, German and Danish »…«
		default:
			return // nothing to close
		}
	}
	if opens {
		if len(s.stack) < maxQuoteDepth {
			s.stack = append(s.stack, quoteFrame{start: i, textStart: i + m.width, fam: m.fam, firstPara: pi})
		}
		return
	}
	if open >= 0 {
		s.close(open, i, m.width, pi)
	}
}

// close ends the open quote stack[k] with the closing mark at i. Quotes
// opened inside it and still open are nested text and dropped.
func (s *quoteScanner) close(k, i, width, pi int) {
	f := s.stack[k]
	s.stack = s.stack[:k]
	ts, te := f.textStart, i
	for ts < te {
		r, n := utf8.DecodeRuneInString(s.text[ts:te])
		if !unicode.IsSpace(r) {
			break
		}
		ts += n
	}
	for te > ts {
		r, n := utf8.DecodeLastRuneInString(s.text[ts:te])
		if !unicode.IsSpace(r) {
			break
		}
		te -= n
	}
	if ts == te {
		s.promote(f.children) // an empty pair "" quotes nothing
		return
	}
	if f.fam == quoteSingle && te-ts == 1 && (s.text[ts] == 'n' || s.text[ts] == 'N') {
		return // rock ‘n’ roll: two apostrophes
	}
	q := Quote{Start: f.start, End: i + width, TextStart: ts, TextEnd: te, FirstPara: f.firstPara, LastPara: pi}
	if n := len(s.stack); n > 0 {
		s.stack[n-1].children = append(s.stack[n-1].children, q)
	} else {
		s.out = append(s.out, q)
	}
}

// promote hands closed quotes to the innermost open quote, or to the
// output when none is open.
func (s *quoteScanner) promote(qs []Quote) {
	if len(qs) == 0 {
		return
	}
	if n := len(s.stack); n > 0 {
		s.stack[n-1].children = append(s.stack[n-1].children, qs...)
		return
	}
	s.out = append(s.out, qs...)
}

// endParagraph is called at the end of paragraph pi. A double quote still
// open continues when the next paragraph begins with an opening double
// mark (news style: every paragraph of a long quote reopens it, only the
// last closes it); endParagraph then returns the width of that reopening
// mark, which stays inside the quote. Otherwise the open quotes are
// dropped and the quotes closed inside them are returned on their own.
func (s *quoteScanner) endParagraph(pi int) int {
	if len(s.stack) == 0 {
		return 0
	}
	if s.stack[0].fam == quoteDouble && pi+1 < len(s.paras) && quoteEndsParagraph(s.text, s.paras[pi]) {
		next := s.paras[pi+1]
		if m, ok := quoteMarkAt(s.text, next.Start, next.End); ok && m.fam == quoteDouble && m.dir != quoteCloses &&
			s.contextAfter(next.Start+m.width, next) != quoteCtxSpace {
			s.stack = s.stack[:1]
			return m.width
		}
	}
	for len(s.stack) > 0 {
		f := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.promote(f.children)
	}
	return 0
}

// quoteEndsParagraph reports whether paragraph p ends the way a
// paragraph of a quote running on to the next one does: with the end of a
// sentence (or of a nested quote), not in the middle of one.
func quoteEndsParagraph(text string, p segment.Span) bool {
	r, _ := utf8.DecodeLastRuneInString(text[p.Start:p.End])
	switch r {
	case '.', '?', '!', '…', ':', ';', '—', '–', '-', '\'', '’', '"', '”':
		return true
	}
	return false
}

const (
	quoteCtxSpace quoteContext = iota // paragraph edge, white space, or an outward bracket
	quoteCtxWord                      // letter, digit or combining mark
	quoteCtxPunct                     // anything else: punctuation, dashes, other quote marks
)
