// Package wordlists corrects and adds to the entity tagger's Candidate
// names with Lede's word lists (package lexicon): events, place words,
// known organizations, compounds of places. It is part of entity
// chunking, and all of the first look's name finding: it needs tokens
// but no model.
package wordlists

import (
	"slices"
	"strings"
	"unicode"

	"lede/internal/lexicon"
	"lede/internal/token"
	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// Candidate is a span that may name an entity, with its type (see
// package vocab): what the tagger and the word lists propose for one
// sentence, before cleanup.
type Candidate struct {
	Start, End int
	Type       string
}

// Apply corrects candidates with the word lists: events are not
// places ("Beijing Winter Olympic Games"), a place word ends a place
// ("Anhui Province"), known organizations are organizations ("Xinhua",
// "NATO", "AP"), and a compound of places names each ("China-Russia").
// MISC candidates stay, so that their words are not taken for names
// later; the pipeline drops them after cleanup.
func Apply(text string, toks []token.Token, ms []Candidate) []Candidate {
	var out []Candidate
	covered := func(start, end int) int { // index in out of a Candidate overlapping [start, end)
		for k := len(out) - 1; k >= 0 && out[k].End > start-200; k-- {
			if out[k].Start < end && start < out[k].End {
				return k
			}
		}
		return -1
	}
	mi := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// Candidates that start here, as the tagger found them.
		if mi < len(ms) && ms[mi].Start == t.Start {
			m := extendByWordLists(text, toks, ms[mi])
			mi++
			if parts := compoundPlaces(text, m.Start, m.End); parts != nil && token.Index(toks, m.End)-i == 1 {
				out = append(out, parts...)
			} else {
				out = append(out, m)
			}
			// Skip the tokens it covers.
			for i+1 < len(toks) && toks[i+1].Start < m.End {
				i++
			}
			for mi < len(ms) && ms[mi].Start < m.End {
				mi++
			}
			continue
		}
		// Known organizations and compounds the tagger missed.
		if n := knownOrgAt(toks, i); n > 0 && covered(t.Start, toks[i+n-1].End) < 0 {
			out = append(out, Candidate{Start: t.Start, End: toks[i+n-1].End, Type: vocab.Org})
			i += n - 1
			continue
		}
		if parts := compoundPlaces(text, t.Start, t.End); parts != nil {
			out = append(out, parts...)
		}
	}
	return joinNameParts(text, toks, out)
}

// extendByWordLists extends and retypes one of the tagger's candidates by
// the words after it and its own last word: an event word makes an event,
// a place word a place, an organization word after a nationality an
// organization ("Chinese Foreign Ministry"), and a known organization's
// name an organization.
func extendByWordLists(text string, toks []token.Token, m Candidate) Candidate {
	j := token.Index(toks, m.End) // the first token after m
	// A capitalized run after it that ends in an event word makes
	// the whole an event; one that is a place word, a place.
	k := j
	for k < len(toks) && k-j < 4 && unicode.IsUpper(wordutil.FirstRune(toks[k].Text)) && wordutil.OnlySpaces(text[toks[k-1].End:toks[k].Start]) {
		k++
		if lexicon.EventWord[toks[k-1].Text] {
			m.End, m.Type = toks[k-1].End, vocab.Misc
			break
		}
	}
	// A nationality and then capitalized words that end in an
	// organization word: "Chinese Foreign Ministry".
	if m.Type == vocab.NORP {
		for k := j; k < len(toks) && k-j < 3 && unicode.IsUpper(wordutil.FirstRune(toks[k].Text)) && wordutil.OnlySpaces(text[toks[k-1].End:toks[k].Start]); k++ {
			if lexicon.IsOrgWord(toks[k].Text) {
				m.End, m.Type = toks[k].End, vocab.Org
				break
			}
		}
	}
	j = token.Index(toks, m.End) // the first token after m, which may have grown
	if m.Type != vocab.Misc && j < len(toks) && lexicon.PlaceWord[toks[j].Text] && wordutil.OnlySpaces(text[m.End:toks[j].Start]) {
		m.End, m.Type = toks[j].End, vocab.Place
	}
	if last := lastWord(text[m.Start:m.End]); lexicon.PlaceWord[last] && m.Type != vocab.Misc {
		m.Type = vocab.Place
	} else if lexicon.EventWord[last] {
		m.Type = vocab.Misc
	}
	if IsKnownOrg(text[m.Start:m.End]) {
		m.Type = vocab.Org
	}
	return m
}

// joinNameParts joins candidates that are parts of one name: a
// nationality before an organization or a place, "People's" before one,
// and the capitalized word before an organization that the tagger
// started at "of".
func joinNameParts(text string, toks []token.Token, out []Candidate) []Candidate {
	kept := out[:0]
	for _, m := range out {
		// A nationality before an organization is part of its name
		// ("Chinese Foreign Ministry"), and before a place too ("British
		// Columbia").
		if n := len(kept); n > 0 && (m.Type == vocab.Org || m.Type == vocab.Place) && kept[n-1].Type == vocab.NORP && wordutil.OnlySpaces(text[kept[n-1].End:m.Start]) {
			kept[n-1].End, kept[n-1].Type = m.End, m.Type
			// and an organization's name may hold it: "Congressional
			// Black Caucus".
			if n > 1 && m.Type == vocab.Org && kept[n-2].Type == vocab.Org && wordutil.OnlySpaces(text[kept[n-2].End:kept[n-1].Start]) {
				kept[n-2].End = m.End
				kept = kept[:n-1]
			}
			continue
		}
		// "Democratic People's Republic of Korea", "People's Daily": a
		// name goes on across the possessive of "People".
		if n := len(kept); n > 0 && (m.Type == vocab.Org || m.Type == vocab.Place) && strings.HasSuffix(text[kept[n-1].Start:kept[n-1].End], "People") {
			if gap := text[kept[n-1].End:m.Start]; gap == "'s " || gap == "’s " {
				kept[n-1].End, kept[n-1].Type = m.End, m.Type
				continue
			}
		}
		// "Ministry of Environment": the tagger may start the name at
		// "of"; the capitalized word before belongs to it.
		if w := text[m.Start:min(m.End, m.Start+3)]; (w == "of " || w == "for") && m.Type == vocab.Org {
			if k := token.Index(toks, m.Start) - 1; k >= 0 && unicode.IsUpper(wordutil.FirstRune(toks[k].Text)) && wordutil.OnlySpaces(text[toks[k].End:m.Start]) {
				if n := len(kept); n > 0 && kept[n-1].End == toks[k].End {
					kept = kept[:n-1] // the word was a Candidate of its own
				}
				m.Start = toks[k].Start
			}
		}
		kept = append(kept, m)
	}
	return kept
}

// knownOrgAt returns how many tokens from toks[i] spell a known
// organization's name, or 0.
func knownOrgAt(toks []token.Token, i int) int {
	best := 0
	for _, words := range lexicon.Orgs[toks[i].Text] {
		if i+len(words) > len(toks) || len(words) <= best {
			continue
		}
		ok := true
		for k, w := range words {
			ok = ok && toks[i+k].Text == w
		}
		if ok {
			best = len(words)
		}
	}
	return best
}

// IsKnownOrg reports whether name is in the list of organizations.
func IsKnownOrg(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	for _, known := range lexicon.Orgs[words[0]] {
		if slices.Equal(known, words) {
			return true
		}
	}
	return false
}

// compoundPlaces splits a hyphenated compound of countries or
// nationalities ("China-Russia", "Russia-Ukraine") into one mention per
// part; nil when it is not one.
func compoundPlaces(text string, start, end int) []Candidate {
	word := text[start:end]
	if !strings.Contains(word, "-") || lexicon.Country[word] != "" {
		return nil
	}
	parts := strings.Split(word, "-")
	// "African-American", "Mexican-Americans": one group, not two nations.
	if last := parts[len(parts)-1]; len(parts) == 2 && lexicon.Demonym[parts[0]] != "" && (last == "American" || last == "Americans") {
		return nil
	}
	var out []Candidate
	pos := start
	for _, part := range parts {
		switch {
		case lexicon.Country[part] != "":
			out = append(out, Candidate{pos, pos + len(part), vocab.Place})
		case lexicon.Demonym[part] != "":
			out = append(out, Candidate{pos, pos + len(part), vocab.NORP})
		default:
			return nil
		}
		pos += len(part) + 1
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
