package attrtag

import (
	"math"
	"slices"
)

// scorer adds the weights of feats to scores, one per label.
type scorer func(feats []uint32, scores []float64)

// lattice is what decoding needs of a label set and its weights that does
// not depend on the sentence: which labels may follow each label (the
// start last), each label's kind, and the scores of each label bigram.
// A Tagger builds it once; training, whose weights change, every time.
type lattice struct {
	labels    []string
	ok        [][]bool    // ok[p][y]: label y may follow label p
	kindIndex []int       // kindIndex[p]: the kind of label p, an index into kinds
	kinds     []string    // "O", "SRC", "CUE", "CON", the start
	bigrams   [][]float64 // bigrams[p][y]: the weight of y after p
}

func newLattice(labels []string, score scorer) *lattice {
	nl := len(labels)
	l := &lattice{labels: labels, ok: make([][]bool, nl+1), kindIndex: make([]int, nl+1), bigrams: make([][]float64, nl+1)}
	for p := range nl + 1 {
		prev := start
		if p < nl {
			prev = labels[p]
		}
		l.ok[p] = make([]bool, nl)
		for y := range nl {
			l.ok[p][y] = allowed(prev, labels[y])
		}
		l.bigrams[p] = make([]float64, nl)
		score([]uint32{bigram(prev)}, l.bigrams[p])
		k := slices.Index(l.kinds, kindOf(prev))
		if k < 0 {
			k = len(l.kinds)
			l.kinds = append(l.kinds, kindOf(prev))
		}
		l.kindIndex[p] = k
	}
	return l
}

// scratch is the memory of one decoding, kept for the next: a text of
// many short sentences would otherwise make garbage for each of them.
type scratch struct {
	best, next, em, tr []float64
	kindScores         [][]float64
	done               []bool
	back               []int8 // back[i*nl+y]: the label before y at token i on the best path
	feats              []uint32
	out                []int
}

func (l *lattice) newScratch() *scratch {
	nl := len(l.labels)
	sc := &scratch{best: make([]float64, nl), next: make([]float64, nl), em: make([]float64, nl), tr: make([]float64, nl),
		kindScores: make([][]float64, len(l.kinds)), done: make([]bool, len(l.kinds))}
	for k := range sc.kindScores {
		sc.kindScores[k] = make([]float64, nl)
	}
	return sc
}

// decode labels the tokens of s with the best-scoring sequence (Viterbi
// over pairs of labels): a token's score is that of its own features plus
// that of its features joined with the kind of the label before it and
// of the label bigram. An I- label may follow only a label of its own
// kind. It returns label indexes, in sc's memory (valid until sc's next
// use).
func (l *lattice) decode(s *sentence, score scorer, sc *scratch) []int {
	n, nl := len(s.toks), len(l.labels)
	if n == 0 {
		return nil
	}
	sc.back = slices.Grow(sc.back[:0], n*nl)[:n*nl]
	best, next := sc.best, sc.next
	for i := range n {
		clear(sc.done)
		clear(sc.em)
		sc.feats = emission(s, i, sc.feats[:0])
		score(sc.feats, sc.em)
		back := sc.back[i*nl : (i+1)*nl]
		for y := range next {
			next[y] = math.Inf(-1)
		}
		for p := range nl + 1 {
			if i == 0 && p < nl || i > 0 && (p == nl || math.IsInf(best[p], -1)) {
				continue
			}
			k := l.kindIndex[p]
			if !sc.done[k] {
				sc.done[k] = true
				clear(sc.kindScores[k])
				sc.feats = kindFeatures(s, i, l.kinds[k], sc.feats[:0])
				score(sc.feats, sc.kindScores[k])
			}
			ks, b := sc.kindScores[k], l.bigrams[p]
			for y := range sc.tr {
				sc.tr[y] = ks[y] + b[y]
			}
			from := 0.0
			if p < nl {
				from = best[p]
			}
			for y := range nl {
				if !l.ok[p][y] {
					continue
				}
				if v := from + sc.em[y] + sc.tr[y]; v > next[y] {
					next[y], back[y] = v, int8(p)
				}
			}
		}
		best, next = next, best
	}
	sc.best, sc.next = best, next
	sc.out = slices.Grow(sc.out[:0], n)[:n]
	y := 0
	for k := range nl {
		if best[k] > best[y] {
			y = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		sc.out[i] = y
		y = int(sc.back[i*nl+y])
	}
	return sc.out
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
