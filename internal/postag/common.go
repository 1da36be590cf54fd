package postag

import (
	"strings"

	"lede/internal/perceptron"
)

// CommonWord reports whether the tagger learnt w, in any case, as a word
// that is not a proper noun: its word feature weighs most for another
// tag ("actress" NN, "crooked" JJ, "follow" VB), or its tag map gives it
// one. An unseen word, a proper noun's ("Aung", "Stefaan") and a
// hyphenated or numeric one are not common. A hash collision may answer
// for another word; callers use it as one piece of evidence among others.
func CommonWord(w string) bool {
	if Load() != nil || w == "" {
		return false
	}
	m := loaded
	lw := strings.ToLower(w)
	if c, ok := m.tagMap[lw]; ok {
		return !properTag(m.classes[c])
	}
	if normalize(w) != lw {
		return false // a class such as !HYPHEN, not the word
	}
	e, ok := m.index[perceptron.HashParts("i word", lw)>>m.shift]
	if !ok {
		return false
	}
	start, n := int(e>>8), int(e&0xff)
	best, bestW := -1, float32(0)
	for k := start; k < start+n; k++ {
		if m.weights[k] > bestW {
			best, bestW = int(m.cls[k]), m.weights[k]
		}
	}
	return best >= 0 && !properTag(m.classes[best])
}

func properTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }
