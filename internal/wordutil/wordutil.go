// Package wordutil holds small facts about words and the space between
// them, shared by the stages that read tokens.
package wordutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FirstRune returns the first rune of s, or utf8.RuneError when s is
// empty.
func FirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// IsWordLike reports whether s starts with a letter or digit, so that a
// stray quote mark or comma is not taken for a word.
func IsWordLike(s string) bool {
	r := FirstRune(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// OnlySpaces reports whether s is made of spaces, tabs and no-break
// spaces only (no line breaks, no punctuation).
func OnlySpaces(s string) bool {
	return strings.Trim(s, " \t\u00a0") == ""
}

// IsQuoteMark reports whether the token s is a quote mark, straight or
// curly, single or double, or a guillemet; doubled backquotes and
// apostrophes (“, ”) that some text writes for double marks count too.
func IsQuoteMark(s string) bool {
	switch s {
	case `"`, "'", "“", "”", "‘", "’", "«", "»", "„", "``", "''":
		return true
	}
	return false
}

// HasLetter reports whether s holds a letter or a digit: a "sentence"
// without one names nobody and says nothing.
func HasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
