package core

import (
	"strings"
	"unicode"

	"lede/core/internal/names"
	"lede/internal/lexicon"
	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// propagateNames marks the places where a one-word name found elsewhere
// in the text, or a person's surname, stands again untagged: the tagger
// misses a name at the start of a sentence ("Putin and Xi met") that it
// found in the middle of another, and a text names one referent the same
// way throughout.
func propagateNames(text string, sents []sentenceTokens, ms []nameMention) []nameMention {
	typeOf := map[string]string{}
	for _, m := range ms {
		switch {
		case m.Type == Person && len(m.Words) >= 2:
			typeOf[m.Words[len(m.Words)-1]] = Person
		case len(m.Words) == 1 && m.Type != NORP && m.Type != vocab.Misc:
			if _, ok := typeOf[m.Words[0]]; !ok {
				typeOf[m.Words[0]] = m.Type
			}
		}
	}
	if len(typeOf) == 0 {
		return ms
	}
	var added []nameMention
	k := 0 // ms[k] is the first mention that may cover the token
	for si, s := range sents {
		for _, t := range s.Toks {
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			if k < len(ms) && ms[k].Start < t.End {
				continue // inside a mention
			}
			typ, ok := typeOf[t.Text]
			if !ok || !strings.HasPrefix(t.Tag, "NNP") && !unicode.IsUpper(wordutil.FirstRune(t.Text)) {
				continue
			}
			added = append(added, nameMention{Start: t.Start, End: t.End, Type: typ, Sent: si, Words: []string{t.Text}})
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	names.Sort(ms)
	return ms
}

// retypeByName makes a person of any mention whose words all belong to a
// person's full name elsewhere in the text, first names left out: the
// tagger often types a bare surname as a place ("Lavrov arrived in
// Tunxi"), while a first name alone is as often a place ("Chelsea Clinton"
// and "an explosion in Chelsea"). Then the other way (orgWordsRetype): a
// "person" named only by an organization's words is that organization.
func retypeByName(text string, ms []nameMention) {
	nameWords := map[string]bool{}
	for _, m := range ms {
		if m.Type == Person && len(m.Words) >= 2 {
			// Not the first name: "in Chelsea" stays a place beside
			// "Chelsea Clinton".
			for _, w := range m.Words[1:] {
				nameWords[w] = true
			}
		}
	}
	endings := personEndings{}
	for i := range ms {
		m := &ms[i]
		if m.Type == Person {
			endings.add(m.Words)
			continue
		}
		if m.Type == NORP || m.Fixed {
			continue
		}
		// A country's name is a person's only where it cannot be the
		// place: "Neil Jordan … Jordan said", not "flew to Jordan".
		if lexicon.Country[strings.Join(m.Words, " ")] != "" && (afterLocative(text, m.Start) || !endings.has(m.Words)) {
			continue
		}
		all := true
		for _, w := range m.Words {
			all = all && nameWords[w]
		}
		if all {
			m.Type = Person
			endings.add(m.Words)
		}
	}
	orgWordsRetype(ms, nameWords)
}

// orgWordsRetype makes an organization of a mention typed a person whose
// words all belong to an organization's longer name in the text and to
// no person's: the tagger takes a company's short name for a surname
// ("LM Ericsson AB … Ericsson said", "the Commerce Department …
// Commerce said"). Organizations named for a person ("Obama
// Administration", "Gingrich PAC") and a word right after a first name
// (a person the tagger typed an organization: "Claudia Tenney") lend no
// words, and a mention with an honorific stays a person.
func orgWordsRetype(ms []nameMention, nameWords map[string]bool) {
	orgWords := map[string]bool{}
	for _, m := range ms {
		if m.Type != Org || len(m.Words) < 2 || personsOrg[strings.ToLower(m.Words[len(m.Words)-1])] {
			continue
		}
		for i, w := range m.Words {
			if i > 0 && isFirstName(m.Words[i-1]) {
				continue // a surname after a first name
			}
			orgWords[w] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Type != Person || m.Fixed || m.Gender != 0 {
			continue
		}
		all := true
		for _, w := range m.Words {
			all = all && orgWords[w] && !nameWords[w] && lexicon.FirstName[w] == 0
		}
		if all {
			m.Type = Org
		}
	}
}

// unifyTypes gives every mention of one name the type that most of its
// mentions have: the tagger types each sentence on its own, and may call
// "Chelsea" a person in one and a place in the next. A type the text's
// layout fixed (the dateline "CHARLOTTE —") decides outright; otherwise a
// name after "in", "at", "from" or "near" gives the place one more vote,
// and a tie keeps each mention's own type. MISC mentions neither vote nor change; mentions
// typed by the text's layout vote but do not change.
func unifyTypes(text string, ms []nameMention) {
	votes := map[string]map[string]int{}
	for _, m := range ms {
		if m.Type == vocab.Misc {
			continue
		}
		name := text[m.Start:m.End]
		if votes[name] == nil {
			votes[name] = map[string]int{}
		}
		votes[name][m.Type]++
		if afterLocative(text, m.Start) {
			votes[name][Place]++ // "in Chelsea", "from Charlotte": where, not who
		}
	}
	// What the text's layout fixed (a dateline, a city before its state)
	// decides for every mention of the name, whatever its case.
	fixed := map[string]string{}
	for _, m := range ms {
		if m.Fixed {
			fixed[strings.ToLower(text[m.Start:m.End])] = m.Type
		}
	}
	for i := range ms {
		m := &ms[i]
		if t, ok := fixed[strings.ToLower(text[m.Start:m.End])]; ok && !m.Fixed && m.Type != vocab.Misc {
			m.Type = t
			continue
		}
		v := votes[text[m.Start:m.End]]
		if m.Type == vocab.Misc || m.Fixed || len(v) < 2 {
			continue
		}
		best, n := m.Type, v[m.Type]
		for _, t := range []string{Person, Org, Place, NORP} { // a fixed order: ties go the same way every time
			if v[t] > n {
				best, n = t, v[t]
			}
		}
		m.Type = best
	}
}

// afterLocative reports whether the word before offset is a preposition
// of place: "in", "at", "from", "near".
func afterLocative(text string, offset int) bool {
	before := text[max(0, offset-8):offset] // the longest preposition and its space fit
	trimmed := strings.TrimRight(before, " ")
	if len(trimmed) == len(before) {
		return false // no space: not a word of its own
	}
	i := strings.LastIndexAny(trimmed, " \n\t(") + 1
	if i == 0 && offset-8 > 0 {
		return false // a longer word than any preposition here
	}
	switch trimmed[i:] {
	case "in", "at", "from", "near", "In", "At", "From", "Near":
		return true
	}
	return false
}

// teamsNamedForPlaces types as an organization a "person" whose first
// word is a place of the text and whose last word is a plural: "the
// Charlotte Panthers" beside "Charlotte, N.C.". No person's name ends in
// a plural.
func teamsNamedForPlaces(ms []nameMention) {
	places := map[string]bool{}
	for _, m := range ms {
		if m.Type == Place && len(m.Words) == 1 {
			places[strings.ToLower(m.Words[0])] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Type != Person || len(m.Words) < 2 || !places[strings.ToLower(m.Words[0])] {
			continue
		}
		// The tagger writes NNP for most plurals in names ("Panthers"),
		// so the plural is read off the word.
		if last := m.Words[len(m.Words)-1]; len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
			m.Type = Org
		}
	}
}

// personEndings are the last words of the person mentions met so far,
// each shorter than the whole name: "Jordan" of "Neil Jordan".
type personEndings map[string]bool

// add records the endings of a person's name words.
func (e personEndings) add(words []string) {
	for k := 1; k < len(words); k++ {
		e[strings.Join(words[k:], "\x00")] = true
	}
}

// has reports whether a person met so far has a longer name that ends in
// words.
func (e personEndings) has(words []string) bool {
	return e[strings.Join(words, "\x00")]
}

// personsOrg are the last words of organizations named for a person.
var personsOrg = map[string]bool{"administration": true, "campaign": true, "pac": true, "foundation": true, "presidency": true}
