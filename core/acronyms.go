package core

import (
	"strings"
	"unicode"

	"lede/internal/wordutil"
)

// definedAcronyms finds the acronyms that the text defines by a name in
// brackets after a mention ("the North Atlantic Treaty Organization
// (NATO)"), where the acronym is the initials of the name's words (small
// words such as "of" may be left out). It maps each to that mention.
func definedAcronyms(text string, ms []nameMention) map[string]nameMention {
	out := map[string]nameMention{}
	for _, m := range ms {
		if len(m.Words) < 2 || m.Type == Person {
			continue
		}
		rest := text[m.End:]
		if !strings.HasPrefix(rest, " (") {
			continue
		}
		close := strings.IndexByte(rest, ')')
		if close < 3 || close > 12 {
			continue
		}
		acr := rest[2:close]
		if isInitials(acr, m.Words) {
			out[acr] = m
		}
	}
	return out
}

// isInitials reports whether acr (in capitals) spells the initials of
// words, where words that are not capitalized may be skipped.
func isInitials(acr string, words []string) bool {
	if strings.ToUpper(acr) != acr || len(acr) < 2 {
		return false
	}
	var all, caps strings.Builder
	for _, w := range words {
		r := wordutil.FirstRune(w)
		all.WriteRune(unicode.ToUpper(r))
		if unicode.IsUpper(r) {
			caps.WriteRune(r)
		}
	}
	return acr == all.String() || acr == caps.String()
}
