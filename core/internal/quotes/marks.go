package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/segment"
)

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

// quoteIsApostrophe reports whether the single mark m at offset i of paragraph
// p is an apostrophe rather than a quote mark: inside a word (don't,
// O'Brien, Russia’s), before a decade or an elided word ('90s, ’n’, 'em),
// or after the s of a plural possessive followed by a lowercase word (the
// Joneses' house) that is not a speech verb ('… hegemony' said Wang).
func quoteIsApostrophe(text string, m quoteMark, i int, p segment.Span, before, after quoteContext) bool {
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
