package names

import (
	"sort"
	"strings"

	"lede/internal/lexicon"
	"lede/internal/vocab"
)

// Mention is a mention being cleaned and grouped into entities.
type Mention struct {
	Start, End int
	Type       string
	Sent       int      // index of its sentence
	Words      []string // the name's words, for matching
	Role       string   // the title or role written next to it, if any
	Entity     int      // index of its entity once grouped
	Gender     byte     // 'm' or 'f' from an honorific, 0 when unknown
	Fixed      bool     // typed by the text's layout (a dateline, a city before its state): later guesses leave its type
}

// TypeByLexicon types a mention that is a known country or a US state as
// news abbreviates it as a place, a "person" whose name ends in an
// organization's word as an organization, and a known nationality as
// NORP, whatever the tagger said. (A place that ends so stays a place:
// on CoNLL dev that rule cost more than it gave.)
func TypeByLexicon(text string, m Mention) Mention {
	name := text[m.Start:m.End]
	switch {
	case lexicon.Country[name] != "", lexicon.StateAbbreviations[strings.TrimSuffix(name, ".")] && len(m.Words) == 1:
		m.Type = vocab.Place
	case len(m.Words) > 1 && m.Type == vocab.Person && lexicon.IsOrgWord(m.Words[len(m.Words)-1]):
		m.Type = vocab.Org // "Charlotte Observer", "Tulsa Police"
	case lexicon.Demonym[name] != "":
		m.Type = vocab.NORP
	}
	return m
}

// Sort sorts mentions by where they start, keeping the order
// of mentions that start together.
func Sort(ms []Mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
}

// Dedupe sorts mentions and drops any that overlaps one before it.
func Dedupe(ms []Mention) []Mention {
	Sort(ms)
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}
