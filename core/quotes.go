package core

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteSpan is one quotation found in the text, before attribution.
type quoteSpan struct {
	Start, End          int    // byte offsets including the quote marks
	TextStart, TextEnd  int    // the quoted words without the outer marks (for a quote over several paragraphs: from the first word to the last; interior paragraph breaks and reopening marks stay inside)
	Kind                string // "direct" or "partial"
	FirstPara, LastPara int    // indexes into paras of the paragraphs where it starts and ends
}

// Quote kinds given by findQuotes.
const (
	quoteDirect  = "direct"
	quotePartial = "partial"
)

// findQuotes returns the quotations of text, in text order, not
// overlapping (nested quotes stay inside their outer quote and are not
// returned). paras must be Paragraphs(text).
//
// It reads each paragraph once, left to right, keeping a small stack of
// open quotes, so it takes time linear in the length of text whatever the
// marks: an opening mark never closed is dropped at the end of its
// paragraph (unless the next paragraph reopens it, the news convention for
// a quote over several paragraphs), so one stray mark cannot swallow or
// flip the rest of the article.
func findQuotes(text string, paras []Span) []quoteSpan {
	s := quoteScanner{text: text, paras: paras}
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

// quoteFamily groups marks that can close each other: any double mark
// closes any double mark (sloppy text mixes " and ”), and single marks
// close single marks.
type quoteFamily uint8

const (
	quoteDouble quoteFamily = iota + 1
	quoteSingle
)

// quoteDir is the direction a mark has by its shape alone.
type quoteDir uint8

const (
	quoteEither quoteDir = iota // straight " and ': the context decides
	quoteOpens                  // “ „ « ‘ ‹ and the like
	quoteCloses                 // ” » ’ ›
)

// quoteMark is one quote mark of the text.
type quoteMark struct {
	r     rune
	fam   quoteFamily
	dir   quoteDir
	width int // bytes
}

// quoteMarkAt returns the quote mark at text[i:], if any, not reading past
// end. Two straight apostrophes in a row count as one straight double
// mark: some news archives (the New York Times in PolNeAR) write quotes
// that way.
func quoteMarkAt(text string, i, end int) (quoteMark, bool) {
	r, n := utf8.DecodeRuneInString(text[i:end])
	switch r {
	case '"':
		return quoteMark{r, quoteDouble, quoteEither, 1}, true
	case '\'':
		// After a word, three apostrophes close a single quote and then a
		// double one (`'Kosovo is a special case,'''`): read ' first.
		if i+2 < end && text[i+1] == '\'' && text[i+2] == '\'' && i > 0 && !unicode.IsSpace(quoteRuneBefore(text, 0, i)) {
			return quoteMark{r, quoteSingle, quoteEither, 1}, true
		}
		if i+1 < end && text[i+1] == '\'' {
			return quoteMark{'"', quoteDouble, quoteEither, 2}, true
		}
		return quoteMark{r, quoteSingle, quoteEither, 1}, true
	case '“', '„', '‟', '«':
		return quoteMark{r, quoteDouble, quoteOpens, n}, true
	case '”', '»':
		return quoteMark{r, quoteDouble, quoteCloses, n}, true
	case '‘', '‚', '‹':
		return quoteMark{r, quoteSingle, quoteOpens, n}, true
	case '’', '›':
		return quoteMark{r, quoteSingle, quoteCloses, n}, true
	}
	return quoteMark{}, false
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
	children []quoteSpan
}

// quoteScanner holds the state of findQuotes.
type quoteScanner struct {
	text  string
	paras []Span
	stack []quoteFrame
	out   []quoteSpan
}

// quoteContext is what sits next to a mark.
type quoteContext uint8

const (
	quoteCtxSpace quoteContext = iota // paragraph edge, white space, or an outward bracket
	quoteCtxWord                      // letter, digit or combining mark
	quoteCtxPunct                     // anything else: punctuation, dashes, other quote marks
)

// contextBefore classifies the rune before offset i of paragraph p.
func (s *quoteScanner) contextBefore(i int, p Span) quoteContext {
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
func (s *quoteScanner) contextAfter(j int, p Span) quoteContext {
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
	q := quoteSpan{Start: f.start, End: i + width, TextStart: ts, TextEnd: te, FirstPara: f.firstPara, LastPara: pi}
	if n := len(s.stack); n > 0 {
		s.stack[n-1].children = append(s.stack[n-1].children, q)
	} else {
		s.out = append(s.out, q)
	}
}

// promote hands closed quotes to the innermost open quote, or to the
// output when none is open.
func (s *quoteScanner) promote(qs []quoteSpan) {
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
func quoteEndsParagraph(text string, p Span) bool {
	r, _ := utf8.DecodeLastRuneInString(text[p.Start:p.End])
	switch r {
	case '.', '?', '!', '…', ':', ';', '—', '–', '-', '\'', '’', '"', '”':
		return true
	}
	return false
}

// quoteIsApostrophe reports whether the single mark m at offset i of paragraph
// p is an apostrophe rather than a quote mark: inside a word (don't,
// O'Brien, Russia’s), before a decade or an elided word ('90s, ’n’, 'em),
// or after the s of a plural possessive followed by a lowercase word (the
// Joneses' house) that is not a speech verb ('… hegemony' said Wang).
func quoteIsApostrophe(text string, m quoteMark, i int, p Span, before, after quoteContext) bool {
	if before == quoteCtxWord && after == quoteCtxWord {
		return true
	}
	j := i + m.width
	if m.dir != quoteCloses && after == quoteCtxWord && quoteIsElision(text[j:p.End]) {
		return true
	}
	if m.dir != quoteOpens && before == quoteCtxWord && (text[i-1] == 's' || text[i-1] == 'S') {
		// The word after the white space decides.
		k := j
		for k < p.End && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k > j && k < p.End && text[k] >= 'a' && text[k] <= 'z' {
			return !quoteSpeechVerbAfter(text, j, p.End, 2) // ' said, ' he said
		}
	}
	return false
}

// quoteIsElision reports whether rest, the text after an apostrophe, is a
// two-digit year ('90s, '16) or a word with its start elided ('em, 'n').
func quoteIsElision(rest string) bool {
	if len(rest) >= 2 && quoteIsDigit(rest[0]) && quoteIsDigit(rest[1]) && (len(rest) == 2 || !quoteIsDigit(rest[2])) {
		return true
	}
	w := 0
	for w < len(rest) && w <= 5 && quoteIsLetter(rest[w]) {
		w++
	}
	if r, _ := utf8.DecodeRuneInString(rest[w:]); unicode.IsLetter(r) {
		return false // a longer word
	}
	switch strings.ToLower(rest[:w]) {
	case "n", "em", "til", "tis", "twas", "cause", "bout", "nuff":
		return true
	}
	return false
}

func quoteIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func quoteIsLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// quoteKind tells a direct quote (a quoted clause or sentence) from a
// partial one (a short fragment inside a sentence, scare quotes and titles
// included) by where the quote stands in its sentence:
//   - a quote that opens a paragraph or a sentence, or follows a colon, is
//     direct, unless it is a short name or term that the sentence goes on
//     to talk about ("Non-paper" is a diplomatic term);
//   - a quote after a word is partial (has no "ceiling"), unless the word is
//     a speech verb and the quote reads as a sentence (said "We will…");
//   - a quote after a comma or a dash is direct when a speech verb comes
//     shortly before (Ryan said, "Look…") or right after it ("Yes," he
//     said), or when it reads as a sentence rather than as a title.
//
// The rules were tuned on the PolNeAR training set.
func quoteKind(text string, paras []Span, q quoteSpan) string {
	if q.FirstPara != q.LastPara {
		return quoteDirect
	}
	p := paras[q.FirstPara]
	prev, b := quoteLastNonSpace(text, p.Start, q.Start)
	inner := text[q.TextStart:q.TextEnd]
	first, _ := utf8.DecodeRuneInString(inner)
	last, _ := utf8.DecodeLastRuneInString(inner)
	words, capitals := quoteCountWords(inner)
	// A sentence: starts with a capital, ends like one or is long enough,
	// and is not in title case ("The Art of the Deal").
	sentence := unicode.IsUpper(first) && 2*capitals < words+1 && (words >= 4 || quoteEndsSentence(last))
	if quoteFollowedByBy(text, q.End, p.End) {
		return quotePartial // a title with its author: "…," by Times' Ben Sisario
	}
	// The sentence ended just before the quote, perhaps inside the marks of
	// another one: … on "Good Morning America." "She will lose."
	sentenceStart := b == p.Start || quoteEndsSentence(prev) ||
		quoteIsCloser(prev) && quoteEndsSentence(quoteRuneBefore(text, p.Start, b-utf8.RuneLen(prev)))
	switch {
	case sentenceStart:
		next, _ := utf8.DecodeRuneInString(text[q.End:p.End])
		if words <= 3 && !quoteEndsClause(last) && next == ' ' && !quoteSpeechVerbAfter(text, q.End, p.End, quoteSpeechWindow) {
			return quotePartial
		}
		return quoteDirect
	case prev == ':':
		return quoteDirect
	case unicode.IsLetter(prev) || unicode.IsDigit(prev):
		if sentence && words >= 2 && quoteSpeechVerbBefore(text, p.Start, b, 1) {
			return quoteDirect
		}
	case prev == ',' || prev == '—' || prev == '–' || prev == '-' || prev == ';':
		switch {
		case prev == ',' && quoteSpeechVerbBefore(text, p.Start, b-1, quoteSpeechWindow),
			quoteEndsClause(last) && quoteSpeechVerbAfter(text, q.End, p.End, quoteSpeechWindow),
			sentence:
			return quoteDirect
		}
	}
	return quotePartial
}

// quoteFollowedByBy reports whether text[lo:hi] starts with "by" as a word,
// after white space and a comma.
func quoteFollowedByBy(text string, lo, hi int) bool {
	i := lo
	for i < hi && (text[i] == ' ' || text[i] == ',') {
		i++
	}
	return i > lo && i+2 < hi && text[i] == 'b' && text[i+1] == 'y' && text[i+2] == ' '
}

// quoteRuneBefore returns the rune of text[lo:hi] just before hi, or 0.
func quoteRuneBefore(text string, lo, hi int) rune {
	r, n := utf8.DecodeLastRuneInString(text[lo:hi])
	if n == 0 {
		return 0
	}
	return r
}

// quoteEndsSentence reports whether r is punctuation that ends a sentence.
func quoteEndsSentence(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// quoteIsCloser reports whether r can close a quote or a bracket, so that
// the sentence may end just before it: … on "Good Morning America." "She…
func quoteIsCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']':
		return true
	}
	return false
}

// quoteLastNonSpace returns the last rune of text[lo:hi] that is not white
// space and the offset just past it, or (0, lo) when there is none.
func quoteLastNonSpace(text string, lo, hi int) (rune, int) {
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			return r, hi
		}
		hi -= n
	}
	return 0, lo
}

// quoteCountWords returns the number of words of s (runs of letters and
// digits) and how many of them start with a capital.
func quoteCountWords(s string) (words, capitals int) {
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
		if w && !in {
			words++
			if unicode.IsUpper(r) {
				capitals++
			}
		}
		in = w
	}
	return words, capitals
}

// quoteEndsClause reports whether r, the last rune inside a quote, is
// punctuation that ends a clause or sentence.
func quoteEndsClause(r rune) bool {
	switch r {
	case '.', '?', '!', '…', ',', ';':
		return true
	}
	return false
}

// quoteSpeechWindow is how many words around a quote are searched for a
// speech verb: said in a statement, "…"; "…," a Clinton spokesman said.
const quoteSpeechWindow = 6

// quoteSpeechVerbBefore reports whether one of the last window words of
// text[lo:hi] is a speech verb. It stops at the end of a sentence or at
// another quote mark, and reads at most a few dozen bytes.
func quoteSpeechVerbBefore(text string, lo, hi, window int) bool {
	lo = max(lo, hi-64)
	words := 0
	for e := hi; e > lo && words < window; {
		r, n := utf8.DecodeLastRuneInString(text[lo:e])
		if !unicode.IsLetter(r) {
			if r == '.' || r == '!' || r == '?' || r == '"' || r == '”' || r == '“' {
				return false
			}
			e -= n
			continue
		}
		s := e
		for s > lo {
			r, n := utf8.DecodeLastRuneInString(text[lo:s])
			if !unicode.IsLetter(r) {
				break
			}
			s -= n
		}
		if isQuoteSpeechVerb(strings.ToLower(text[s:e])) {
			return true
		}
		words++
		e = s
	}
	return false
}

// quoteSpeechVerbAfter reports whether one of the first window words of
// text[lo:hi] is a speech verb, stopping at the end of a sentence, and
// reads at most a few dozen bytes.
func quoteSpeechVerbAfter(text string, lo, hi, window int) bool {
	hi = min(hi, lo+64)
	words := 0
	for s := lo; s < hi && words < window; {
		r, n := utf8.DecodeRuneInString(text[s:hi])
		if !unicode.IsLetter(r) {
			if r == '.' || r == '!' || r == '?' || r == '"' || r == '”' || r == '“' {
				return false
			}
			s += n
			continue
		}
		e := s
		for e < hi {
			r, n := utf8.DecodeRuneInString(text[e:hi])
			if !unicode.IsLetter(r) {
				break
			}
			e += n
		}
		if isQuoteSpeechVerb(strings.ToLower(text[s:e])) {
			return true
		}
		words++
		s = e
	}
	return false
}

// isQuoteSpeechVerb reports whether w (lower case) introduces or follows
// a quotation: a cue of the word list that speakers.go uses, or one of
// the words that start a multi-word cue ("according to", "went on", "put
// it").
func isQuoteSpeechVerb(w string) bool {
	switch w {
	case "according", "went", "goes", "go", "put", "puts", "began", "begins":
		return true
	}
	return isCueWord(w)
}
