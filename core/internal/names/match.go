package names

import (
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// normName is the form of a name used to compare names: lower case,
// without "the " in front or a possessive at the end.
func normName(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return s
}

// sameWord reports whether two name words are one spelling of the same
// name: equal ignoring case, or one edit apart when both have at least
// minLen letters.
//
// The lengths were measured on CoNLL-2003 (train and dev, 1,162
// documents): of the people in one document whose names are one edit
// apart, surnames of 5 or 6 letters are as often different people as not
// ("De Wilde" and "De Bilde", the golfers Lanner and Langer), while from
// 7 letters on they were spelling slips ("Stephnopoulos", "Batterby").
// First names vary in transliteration at the end ("Sergei", "Sergey"),
// and beside a matching surname 5 letters are safe.
func sameWord(a, b string, minLen int) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if utf8.RuneCountInString(a) < minLen || utf8.RuneCountInString(b) < minLen {
		return false
	}
	return levenshtein.ComputeDistance(strings.ToLower(a), strings.ToLower(b)) <= 1
}

// Fuzzy matching lengths, measured as sameWord says.
const (
	minFuzzySurname   = 7
	minFuzzyFirstName = 5
)

// sameFullName reports whether two multi-word person names name the same
// person: the same last word, and every word of the shorter matching a
// word of the longer ("Vladimir Putin", "Vladimir Vladimirovich Putin");
// names of one length must match both ways, so that the answer does not
// depend on the order ("Wang Wang Yi" and "Li Wang Yi" do not match).
func sameFullName(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if !sameWord(a[len(a)-1], b[len(b)-1], minFuzzySurname) {
		return false
	}
	return givenNamesIn(a, b) && (len(a) < len(b) || givenNamesIn(b, a))
}

// givenNamesIn reports whether every word of a before its last matches a
// word of b before its last.
func givenNamesIn(a, b []string) bool {
	for _, w := range a[:len(a)-1] {
		found := false
		for _, v := range b[:len(b)-1] {
			found = found || sameWord(w, v, minFuzzyFirstName)
		}
		if !found {
			return false
		}
	}
	return true
}

// fuller reports whether name a is a fuller form than b: more words, or as
// many and longer.
func fuller(a, b string) bool {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	return na > nb || na == nb && len(a) > len(b)
}

// containsWords reports whether every word of part matches a word of whole.
func containsWords(whole, part []string) bool {
	for _, w := range part {
		found := false
		for _, v := range whole {
			found = found || sameWord(w, v, minFuzzySurname)
		}
		if !found {
			return false
		}
	}
	return len(part) > 0
}
