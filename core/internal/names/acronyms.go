package names

import (
	"slices"
	"strings"
	"unicode"

	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// definedAcronyms finds the acronyms that the text defines by a name in
// brackets after a mention ("the North Atlantic Treaty Organization
// (NATO)"), where the acronym is the initials of the name's words (small
// words such as "of" may be left out), and those it uses for one
// organization's name without defining them. It maps each to that
// mention.
func definedAcronyms(text string, ms []Mention) map[string]Mention {
	out := map[string]Mention{}
	for _, m := range ms {
		if len(m.Words) < 2 || m.Type == vocab.Person {
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
		if isInitials(acr, m.Words) || spellsSome(acr, m.Words) {
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
func initialedAcronyms(text string, ms []Mention, defined map[string]Mention) {
	// The names each acronym may spell, found once for all: a text with
	// many acronyms must not compare each with every name.
	spelt := map[string][]int{} // acronym → indexes in ms of the distinct names it spells
	for i, m := range ms {
		if m.Type != vocab.Org || len(m.Words) < 2 {
			continue
		}
		for _, acr := range initialsOf(m.Words) {
			if !slices.ContainsFunc(spelt[acr], func(j int) bool { return text[ms[j].Start:ms[j].End] == text[m.Start:m.End] }) {
				spelt[acr] = append(spelt[acr], i)
			}
		}
	}
	for _, a := range ms {
		acr := text[a.Start:a.End]
		if _, ok := defined[acr]; ok || a.Type == vocab.Person || len(a.Words) != 1 || len(acr) < 3 || strings.ToUpper(acr) != acr {
			continue
		}
		if names := spelt[acr]; len(names) == 1 {
			defined[acr] = ms[names[0]]
		}
	}
}

// initialsOf returns the acronyms that isInitials accepts for a name: the
// initials of all its words, and of its capitalized words.
func initialsOf(words []string) []string {
	var all, caps strings.Builder
	for _, w := range words {
		r := wordutil.FirstRune(w)
		all.WriteRune(unicode.ToUpper(r))
		if unicode.IsUpper(r) {
			caps.WriteRune(r)
		}
	}
	if all.String() == caps.String() {
		return []string{all.String()}
	}
	return []string{all.String(), caps.String()}
}

// spellsSome reports whether acr, in capitals, is spelt by the initials
// of some of the name's capitalized words, in order, starting with its
// first word: "RDR" for "Rally for the Return of Refugees and Democracy
// in Rwanda". Only a definition in brackets right after the name is
// trusted so loosely (after Schwartz and Hearst 2003).
func spellsSome(acr string, words []string) bool {
	if len(acr) < 2 || strings.ToUpper(acr) != acr || len(words) == 0 || wordutil.FirstRune(words[0]) != rune(acr[0]) {
		return false
	}
	k := 1
	for _, w := range words[1:] {
		if k < len(acr) && wordutil.FirstRune(w) == rune(acr[k]) {
			k++
		}
	}
	return k == len(acr)
}

// isInitials reports whether acr (in capitals) spells the initials of
// words, where words that are not capitalized may be skipped.
func isInitials(acr string, words []string) bool {
	return strings.ToUpper(acr) == acr && len(acr) >= 2 && slices.Contains(initialsOf(words), acr)
}
