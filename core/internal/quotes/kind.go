package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/segment"
	"lede/internal/lexicon"
)

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
func quoteKind(text string, paras []segment.Span, q Quote) string {
	if q.FirstPara != q.LastPara {
		return Direct
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
		return Partial // a title with its author: "…," by Times' Ben Sisario
	}
	// The sentence ended just before the quote, perhaps inside the marks of
	// another one: … on "Good Morning America." "She will lose."
	sentenceStart := b == p.Start || quoteEndsSentence(prev) ||
		segment.IsClosing(prev) && quoteEndsSentence(quoteRuneBefore(text, p.Start, b-utf8.RuneLen(prev)))
	switch {
	case sentenceStart:
		next, _ := utf8.DecodeRuneInString(text[q.End:p.End])
		if words <= 3 && !quoteEndsClause(last) && next == ' ' && !quoteSpeechVerbAfter(text, q.End, p.End, quoteSpeechWindow) {
			return Partial
		}
		return Direct
	case prev == ':':
		return Direct
	case unicode.IsLetter(prev) || unicode.IsDigit(prev):
		if sentence && words >= 2 && quoteSpeechVerbBefore(text, p.Start, b, 1) {
			return Direct
		}
	case prev == ',' || prev == '—' || prev == '–' || prev == '-' || prev == ';':
		switch {
		case prev == ',' && quoteSpeechVerbBefore(text, p.Start, b-1, quoteSpeechWindow),
			quoteEndsClause(last) && quoteSpeechVerbAfter(text, q.End, p.End, quoteSpeechWindow),
			sentence:
			return Direct
		}
	}
	return Partial
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
	return lexicon.IsCue(w)
}
