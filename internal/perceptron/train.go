package perceptron

import (
	"math"
	"slices"
)

// Trainer learns a Model by the averaged perceptron: after each wrong
// choice the gold label's weights go up by one for every feature and the
// chosen label's down by one; the model keeps each weight's average over
// all steps. Averages are kept lazily: a weight's running total is
// brought up to date only when the weight changes.
type Trainer struct {
	labels []string
	index  *table    // feature hash → row, in order of first update
	w      []float64 // current weights, row-major
	total  []float64 // sum of each weight over the steps up to stamp
	stamp  []int     // the step at which total was last brought up to date
	step   int
	scores []float64
}

// NewTrainer returns a Trainer for the given labels.
func NewTrainer(labels []string) *Trainer {
	return &Trainer{labels: labels, index: newTable(1 << 16), scores: make([]float64, len(labels))}
}

// Learn scores feats with the current weights, counts one step, and
// when the best label is not gold, moves the weights by weight (1 for an
// ordinary example) towards gold and away from the choice. It returns
// the label chosen before the update.
func (t *Trainer) Learn(feats []uint32, gold int, weight float64) int {
	b := best(t.index, t.w, feats, t.scores)
	t.step++
	if b != gold {
		for _, f := range feats {
			t.update(f, gold, weight)
			t.update(f, b, -weight)
		}
	}
	return b
}

func (t *Trainer) update(f uint32, label int, delta float64) {
	n := len(t.labels)
	row, ok := t.index.get(f)
	if !ok {
		row = int32(len(t.w) / n)
		t.index.put(f, row)
		t.w = append(t.w, make([]float64, n)...)
		t.total = append(t.total, make([]float64, n)...)
		t.stamp = append(t.stamp, make([]int, n)...)
	}
	k := int(row)*n + label
	t.total[k] += float64(t.step-t.stamp[k]) * t.w[k]
	t.stamp[k] = t.step
	t.w[k] += delta
}

// Average returns the model of averaged weights. Features whose averaged
// weights all stay below minWeight in size are dropped, to keep the model
// small.
func (t *Trainer) Average(minWeight float64) *Model {
	n := len(t.labels)
	keys := make([]uint32, 0, t.index.len())
	t.index.each(func(f uint32, _ int32) { keys = append(keys, f) })
	slices.Sort(keys)
	m := &Model{Labels: t.labels, index: newTable(len(keys))}
	for _, f := range keys {
		r, _ := t.index.get(f)
		row := int(r)
		avg := make([]float32, n)
		keep := false
		for k := range n {
			i := row*n + k
			a := (t.total[i] + float64(t.step-t.stamp[i])*t.w[i]) / float64(t.step)
			avg[k] = float32(a)
			keep = keep || math.Abs(a) >= minWeight
		}
		if keep {
			m.index.put(f, int32(len(m.weights)/n))
			m.weights = append(m.weights, avg...)
		}
	}
	return m
}

// Structured training (Collins 2002): the caller decodes a whole
// sequence with Scores, and where the decoded sequence differs from gold
// calls Update for both, then Tick once per sequence.

// Scores adds the current weights of feats to scores, one per label.
func (t *Trainer) Scores(feats []uint32, scores []float64) { addRows(t.index, t.w, feats, scores) }

// Update moves the weight of each of feats for label by delta.
func (t *Trainer) Update(feats []uint32, label int, delta float64) {
	for _, f := range feats {
		t.update(f, label, delta)
	}
}

// Tick counts one step of training: weights are averaged over steps.
func (t *Trainer) Tick() { t.step++ }
