package core

import (
	"slices"
	"strings"
	"unicode"

	"lede/core/internal/names"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
)

// The text's layout types some names for sure: a dateline, a city before
// its state. Such mentions are Fixed: later guesses leave their type.

// datelines types the dateline that opens a news paragraph, "FLINT,
// Mich., Oct. 4 (UPI) —" or "WASHINGTON —": the words in capitals before
// the comma or the dash are a place, and a name in brackets before the
// dash an organization (a news agency). The tagger reads capitals poorly,
// and a dateline is where news puts them. Mentions there are replaced.
func datelines(text string, sents []sentenceTokens, ms []nameMention) []nameMention {
	bySent := map[int][]nameMention{} // sentence → the dateline's mentions
	var found []nameMention
	for si, s := range sents {
		if d := datelineMentions(text, si, s); len(d) > 0 {
			bySent[si] = d
			found = append(found, d...)
		}
	}
	if len(found) == 0 {
		return ms
	}
	ms = slices.DeleteFunc(ms, func(m nameMention) bool {
		return slices.ContainsFunc(bySent[m.Sent], func(d nameMention) bool { return m.Start < d.End && d.Start < m.End })
	})
	ms = append(ms, found...)
	names.Sort(ms)
	return ms
}

// datelineMentions returns the place and the agency of the dateline that
// the sentence s (number si) starts with, if it does.
func datelineMentions(text string, si int, s sentenceTokens) []nameMention {
	k, dash, ok := dateline(text, s)
	if !ok {
		return nil
	}
	toks := s.Toks
	city := nameMention{Start: toks[0].Start, End: toks[k-1].End, Type: Place, Sent: si, Fixed: true}
	for _, t := range toks[:k] {
		city.Words = append(city.Words, t.Text)
	}
	out := []nameMention{city}
	for i := k; i+2 < dash; i++ {
		if toks[i].Text == "(" && toks[i+2].Text == ")" && (isCapitalsWord(toks[i+1].Text) || len(lexicon.Orgs[toks[i+1].Text]) > 0) {
			a := toks[i+1]
			out = append(out, nameMention{Start: a.Start, End: a.End, Type: Org, Sent: si, Words: []string{a.Text}, Fixed: true})
		}
	}
	return out
}

// dateline finds the dateline the sentence s starts with: a dateline
// opens a line; its place is s.Toks[:k], in capitals, and s.Toks[dash]
// the dash that ends it. ok is false when there is none.
func dateline(text string, s sentenceTokens) (k, dash int, ok bool) {
	if s.Start > 0 && text[s.Start-1] != '\n' {
		return 0, 0, false
	}
	toks := s.Toks
	dash = slices.IndexFunc(toks[:min(len(toks), 16)], func(t tokenize.Token) bool { return isDash(t.Text) })
	for k < dash && isCapitalsWord(toks[k].Text) {
		k++
	}
	if dash <= 0 || k == 0 {
		return 0, 0, false
	}
	// "WASHINGTON —", "CHARLOTTE - Nearly a week…" or "FLINT, Mich.
	// (UPI) —"; not a headline's topic before a hyphen and more capitals,
	// as wires write "SOCCER - JAPAN GET LUCKY WIN".
	byDash := k == dash && (toks[dash].Text != "-" || dash+1 < len(toks) && !isCapitalsWord(toks[dash+1].Text))
	if toks[k].Text != "," && toks[k].Text != "(" && !byDash {
		return 0, 0, false
	}
	return k, dash, true
}

// isCapitalsWord reports whether w is a word in capitals of two letters
// or more: "FLINT", "UPI", "D.C.".
func isCapitalsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 2 && strings.ToUpper(w) == w
}

// placesBeforeStates types as a place a name followed by a comma and a
// US state as news abbreviates it, or a country: "Charlotte, N.C.",
// "Perth, Australia". The tagger may take the city for a first name.
func placesBeforeStates(text string, ms []nameMention) {
	for i := range ms {
		m := &ms[i]
		rest, ok := strings.CutPrefix(text[m.End:], ", ")
		if !ok || m.Type == Org {
			continue
		}
		// The next word only: a window, not the rest of the text, which
		// copied for every mention is quadratic.
		w := rest[:min(len(rest), 40)]
		if k := strings.IndexFunc(w, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == ';' || r == ')' }); k >= 0 {
			w = w[:k]
		}
		if lexicon.StateAbbreviations[strings.TrimSuffix(w, ".")] || lexicon.Country[strings.TrimSuffix(w, ".")] != "" {
			m.Type, m.Fixed = Place, true
		}
	}
}
