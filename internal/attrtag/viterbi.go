package attrtag

import (
	"math"
	"slices"
)

// scorer adds the weights of feats to scores, one per label.
type scorer func(feats []uint32, scores []float64)

// decode labels the tokens of s with the best-scoring sequence (Viterbi
// over pairs of labels): a token's score is that of its own features plus
// that of its features joined with the label before it. An I- label may
// follow only a label of its own kind. It returns label indexes into
// labels.
func decode(s *sentence, labels []string, score scorer) []int {
	n, nl := len(s.toks), len(labels)
	if n == 0 {
		return nil
	}
	best := make([]float64, nl) // best score of a path ending in each label
	next := make([]float64, nl) // the same for the next token
	back := make([][]int8, n)   // back[i][y]: the label before y on the best path
	em := make([]float64, nl)   // emission scores of token i
	tr := make([]float64, nl)   // transition scores for one previous label
	// Per previous label (the start last): which labels may follow it,
	// its kind, and the scores of its bigram, which do not depend on the
	// token. The scores of the features joined with a kind are shared by
	// the B- and I- labels of the kind: they are computed once per token.
	ok := make([][]bool, nl+1)
	bi := make([][]float64, nl+1)
	kindIndex := make([]int, nl+1)
	var kinds []string
	for p := range nl + 1 {
		prev := start
		if p < nl {
			prev = labels[p]
		}
		ok[p] = make([]bool, nl)
		for y := range nl {
			ok[p][y] = allowed(prev, labels[y])
		}
		bi[p] = make([]float64, nl)
		score([]uint32{bigram(prev)}, bi[p])
		k := slices.Index(kinds, kindOf(prev))
		if k < 0 {
			k = len(kinds)
			kinds = append(kinds, kindOf(prev))
		}
		kindIndex[p] = k
	}
	kindScores := make([][]float64, len(kinds))
	for k := range kindScores {
		kindScores[k] = make([]float64, nl)
	}
	done := make([]bool, len(kinds))
	var feats []uint32
	for i := range n {
		clear(done)
		clear(em)
		feats = emission(s, i, feats[:0])
		score(feats, em)
		back[i] = make([]int8, nl)
		for y := range next {
			next[y] = math.Inf(-1)
		}
		for p := range nl + 1 {
			if i == 0 && p < nl || i > 0 && (p == nl || math.IsInf(best[p], -1)) {
				continue
			}
			k := kindIndex[p]
			if !done[k] {
				done[k] = true
				clear(kindScores[k])
				feats = kindFeatures(s, i, kinds[k], feats[:0])
				score(feats, kindScores[k])
			}
			ks, b := kindScores[k], bi[p]
			for y := range tr {
				tr[y] = ks[y] + b[y]
			}
			from := 0.0
			if p < nl {
				from = best[p]
			}
			for y := range nl {
				if !ok[p][y] {
					continue
				}
				if v := from + em[y] + tr[y]; v > next[y] {
					next[y], back[i][y] = v, int8(p)
				}
			}
		}
		best, next = next, best
	}
	out := make([]int, n)
	y := 0
	for k := range nl {
		if best[k] > best[y] {
			y = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = y
		y = int(back[i][y])
	}
	return out
}

// start is the label before a sentence's first token.
const start = "<s>"

// allowed reports whether label y may follow label prev: an I- label
// continues a span of its own kind.
func allowed(prev, y string) bool {
	if y[0] != 'I' {
		return true
	}
	return len(prev) > 2 && prev[2:] == y[2:]
}
