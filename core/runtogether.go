package core

import (
	"strings"

	"lede/internal/lexicon"
	"lede/internal/token"
)

// splitRunTogether splits a person's name that runs into a place's, as
// a wire headline stacks nouns ("Yeltsin endorses Lebed Chechnya peace
// plan"): the tagger reads "Lebed Chechnya" as one person, and every
// later "Lebed" joins that card. A mention is split when the text gives
// the evidence itself: the whole name stands nowhere else; its first
// words end a person's longer name elsewhere ("Alexander Lebed": a
// surname, and not a common first name, which "Hail Carly" may end); and
// its last words are a place's on their own ("for Chechnya") and no
// person's (a place the tagger mistyped: "Joe Biden" beside a "Biden"
// taken for a place). A place before a person ("Paris Hilton") is left
// alone, and so is a name whose words are not one token each.
func splitRunTogether(sents []sentenceTokens, ms []nameMention) []nameMention {
	count := map[string]int{}    // a mention's words → how many mentions have them
	place := map[string]bool{}   // words of a place mention
	surname := map[string]bool{} // the last words of a person's longer name: "Lebed" of "Alexander Lebed"
	person := map[string]int{}   // how many person mentions end in these words
	for _, m := range ms {
		w := strings.Join(m.Words, " ")
		count[w]++
		switch m.Type {
		case Place:
			place[w] = true
		case Person:
			for i := range m.Words {
				person[strings.Join(m.Words[i:], " ")]++
				if i > 0 {
					surname[strings.Join(m.Words[i:], " ")] = true
				}
			}
		}
	}
	var out []nameMention
	for i, m := range ms {
		j := runTogetherAt(m, count, place, surname, person)
		var ts []token.Token
		if j >= 0 {
			ts = token.In(sents[m.Sent].Toks, m.Start, m.End)
		}
		if j < 0 || len(ts) != len(m.Words) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]nameMention, 0, len(ms)+1), ms[:i]...)
		}
		who, where := m, m
		who.End, who.Words = ts[j-1].End, m.Words[:j]
		where.Start, where.Words, where.Type, where.Role, where.Gender = ts[j].Start, m.Words[j:], Place, "", 0
		out = append(out, who, where)
	}
	if out == nil {
		return ms
	}
	return out
}

// runTogetherAt returns where the person mention m splits into a
// person's name and a place's (see splitRunTogether), or -1.
func runTogetherAt(m nameMention, count map[string]int, place, surname map[string]bool, person map[string]int) int {
	if m.Type != Person || len(m.Words) < 2 || count[strings.Join(m.Words, " ")] > 1 {
		return -1
	}
	for j := len(m.Words) - 1; j >= 1; j-- {
		where := strings.Join(m.Words[j:], " ")
		// m itself is one person mention ending in where.
		who := strings.Join(m.Words[:j], " ")
		if place[where] && person[where] == 1 && surname[who] && lexicon.FirstName[who] == 0 {
			return j
		}
	}
	return -1
}
