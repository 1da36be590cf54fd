// Package gazetteer finds the phrases of name lists (places, first names,
// surnames, organizations, titles, …) in a sentence's words, for the
// entity tagger's features. The lists are a compact, pruned form of
// shared/gazetteers that cmd/train-entities writes (see docs/MODEL.md);
// this package only reads them.
//
// A phrase matches whatever the case of the words, so that ALL CAPS and
// Title Case lines still find their names; a match whose case differs
// from the list's is marked with "~".
package gazetteer

import (
	"slices"
	"strings"
)

// Gazetteer is a set of lists, indexed by the lower-case first word of
// each phrase.
type Gazetteer struct {
	byFirst map[string][]entry
}

type entry struct {
	words []string // the phrase's words as the list writes them
	class string   // the list it is in
}

// Parse reads lists written one phrase a line as "class<TAB>phrase"; the
// words of a phrase are separated by single spaces. Blank lines and lines
// starting with # are skipped.
func Parse(text string) *Gazetteer {
	g := &Gazetteer{byFirst: map[string][]entry{}}
	for line := range strings.SplitSeq(text, "\n") {
		class, phrase, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		words := strings.Fields(phrase)
		if len(words) == 0 {
			continue
		}
		first := strings.ToLower(words[0])
		g.byFirst[first] = append(g.byFirst[first], entry{words, class})
	}
	return g
}

// Len returns the number of phrases.
func (g *Gazetteer) Len() int {
	n := 0
	for _, es := range g.byFirst {
		n += len(es)
	}
	return n
}

// Marks returns, for each word, the lists whose phrases cover it, as
// "class:B" for a phrase's first word and "class:I" for the others, with
// "~" after the class when the case differs. Each mark is given once per
// word, in the order found. lower holds the words in lower case, as the
// caller has them already.
func (g *Gazetteer) Marks(words, lower []string) [][]string {
	out := make([][]string, len(words))
	for i := range words {
		for _, e := range g.byFirst[lower[i]] {
			if i+len(e.words) > len(words) {
				continue
			}
			exact := true
			ok := true
			for k, ew := range e.words {
				if words[i+k] == ew {
					continue
				}
				exact = false
				if !strings.EqualFold(words[i+k], ew) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			class := e.class
			if !exact {
				class += "~"
			}
			for k := range e.words {
				mark := class + ":I"
				if k == 0 {
					mark = class + ":B"
				}
				if !slices.Contains(out[i+k], mark) {
					out[i+k] = append(out[i+k], mark)
				}
			}
		}
	}
	return out
}
