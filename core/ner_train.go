package core

import (
	"math"
	"math/rand"
	"sort"
)

// NERExample is one training sentence for the entity tagger: its text
// and the entities in it.
type NERExample struct {
	Text  string
	Spans []NERSpan
}

// NERSpan is a gold entity in an NERExample: byte offsets into its Text
// and a label: PER, ORG, LOC or MISC.
type NERSpan struct {
	Start, End int
	Label      string
}

// nerLabels are the labels the tagger chooses from, "O" first.
var nerLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// nerInstance is a training sentence as tokens with gold labels.
type nerInstance struct {
	toks []token
	gold []int
}

// TrainNER trains the entity tagger on examples for the given number of
// passes and returns the encoded model (what nermodel/ner.bin holds).
// Features whose averaged weights all stay below minWeight are dropped,
// to keep the model small. Tokens and tags come from prose, as when the
// model is used. progress, if not nil, is told about each pass.
func TrainNER(examples []NERExample, epochs int, minWeight float64, progress func(epoch int, accuracy float64)) []byte {
	labelIndex := map[string]int{}
	for i, l := range nerLabels {
		labelIndex[l] = i
	}
	var data []nerInstance
	for _, ex := range examples {
		toks := tagSentence(ex.Text, Span{0, len(ex.Text)})
		if len(toks) == 0 {
			continue
		}
		gold := make([]int, len(toks))
		for i, t := range toks {
			for _, s := range ex.Spans {
				if t.Start >= s.Start && t.Start < s.End {
					prefix := "I-"
					if t.Start == s.Start {
						prefix = "B-"
					}
					gold[i] = labelIndex[prefix+s.Label]
				}
			}
		}
		data = append(data, nerInstance{toks, gold})
	}

	n := len(nerLabels)
	type row struct {
		w, total []float64
		stamp    []int
	}
	rows := map[uint32]*row{}
	step := 0
	update := func(f uint32, label int, delta float64) {
		r := rows[f]
		if r == nil {
			r = &row{w: make([]float64, n), total: make([]float64, n), stamp: make([]int, n)}
			rows[f] = r
		}
		r.total[label] += float64(step-r.stamp[label]) * r.w[label]
		r.stamp[label] = step
		r.w[label] += delta
	}
	rng := rand.New(rand.NewSource(1))
	scores := make([]float64, n)
	var feats []uint32
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		right, all := 0, 0
		for _, inst := range data {
			pred := make([]string, len(inst.toks))
			for i := range inst.toks {
				p1, p2 := "<s>", "<s>"
				if i > 0 {
					p1 = pred[i-1]
				}
				if i > 1 {
					p2 = pred[i-2]
				}
				feats = nerFeatures(inst.toks, i, p1, p2, feats[:0])
				clear(scores)
				for _, f := range feats {
					if r := rows[f]; r != nil {
						for k := range scores {
							scores[k] += r.w[k]
						}
					}
				}
				best := 0
				for k := range scores {
					if scores[k] > scores[best] {
						best = k
					}
				}
				step++
				if g := inst.gold[i]; best != g {
					for _, f := range feats {
						update(f, g, 1)
						update(f, best, -1)
					}
				} else {
					right++
				}
				all++
				pred[i] = fixBIO(nerLabels[best], p1)
			}
		}
		if progress != nil {
			progress(epoch, float64(right)/float64(all))
		}
	}

	// Average, prune, and store rows in a fixed order.
	keys := make([]uint32, 0, len(rows))
	for f := range rows {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := &nerModel{labels: nerLabels, index: map[uint32]int32{}}
	for _, f := range keys {
		r := rows[f]
		avg := make([]float32, n)
		keep := false
		for k := range n {
			total := r.total[k] + float64(step-r.stamp[k])*r.w[k]
			a := total / float64(step)
			avg[k] = float32(a)
			keep = keep || math.Abs(a) >= minWeight
		}
		if keep {
			m.index[f] = int32(len(m.weights) / n)
			m.weights = append(m.weights, avg...)
		}
	}
	return encodeNER(m)
}
