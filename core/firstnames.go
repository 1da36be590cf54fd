package core

import (
	"lede/internal/token"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// absorbFirstNames extends a person's mention back over a first name that
// the tagger typed otherwise or not at all ("Sergey" as a place before
// "Lavrov" as a person), and drops the mention the first name had.
func absorbFirstNames(text string, toks []tokenize.Token, ms []candidate) []candidate {
	dropped := map[int]bool{}
	for mi := range ms {
		m := &ms[mi]
		if m.Type != Person {
			continue
		}
		k := token.Index(toks, m.Start) - 1
		for n := 0; n < 2 && k >= 0 && isNameWord(toks[k]) && wordutil.OnlySpaces(text[toks[k].End:m.Start]); n++ {
			// The token may be a one-word mention of its own.
			other := -1
			for oi := mi - 1; oi >= 0 && ms[oi].End >= toks[k].Start; oi-- {
				if ms[oi].Start <= toks[k].Start && ms[oi].End >= toks[k].End {
					other = oi
				}
			}
			if other >= 0 && (ms[other].Start != toks[k].Start || ms[other].End != toks[k].End) {
				break
			}
			if other >= 0 {
				dropped[other] = true
			}
			m.Start = toks[k].Start
			k--
		}
	}
	if len(dropped) == 0 {
		return ms
	}
	out := ms[:0]
	for i, m := range ms {
		if !dropped[i] {
			out = append(out, m)
		}
	}
	return out
}
