package core

import (
	"strings"
	"unicode"

	"lede/internal/wordutil"
)

// definedAcronyms finds the acronyms that the text defines by a name in
// brackets after a mention ("the North Atlantic Treaty Organization
// (NATO)"), where the acronym is the initials of the name's words (small
// words such as "of" may be left out), and those it uses for one
// organization's name without defining them. It maps each to that
// mention.
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
	initialedAcronyms(text, ms, out)
	return out
}

// initialedAcronyms adds to defined the acronyms of three letters or more
// that the text uses without defining them but that spell the initials of
// one organization's name in it, and of one only: "CFPB" after "the
// Consumer Financial Protection Bureau". With two such names the acronym
// stays its own.
func initialedAcronyms(text string, ms []nameMention, defined map[string]nameMention) {
	for _, a := range ms {
		acr := text[a.Start:a.End]
		if _, ok := defined[acr]; ok || a.Type == Person || len(a.Words) != 1 || len(acr) < 3 || strings.ToUpper(acr) != acr {
			continue
		}
		var long *nameMention
		for i := range ms {
			m := &ms[i]
			if m.Type != Org || len(m.Words) < 2 || !isInitials(acr, m.Words) {
				continue
			}
			if long != nil && text[long.Start:long.End] != text[m.Start:m.End] {
				long = nil
				break
			}
			long = m
		}
		if long != nil {
			defined[acr] = *long
		}
	}
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
