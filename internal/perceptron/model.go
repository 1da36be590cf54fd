package perceptron

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"slices"
)

// Model holds averaged weights: for each known feature (by hash), one
// weight per label.
type Model struct {
	Labels  []string
	index   *table    // feature hash → row in weights
	weights []float32 // row-major, len(Labels) per row
}

// Best returns the index of the label that the features score highest
// (the first on a tie). scores, len(m.Labels) long, is scratch space.
func (m *Model) Best(feats []uint32, scores []float32) int {
	return best(m.index, m.weights, feats, scores)
}

// best is the scorer that tagging and training share: it sums each
// known feature's row of weights into scores and returns the argmax.
func best[W float32 | float64](index *table, weights []W, feats []uint32, scores []W) int {
	clear(scores)
	n := len(scores)
	for _, f := range feats {
		if row, ok := index.get(f); ok {
			w := weights[int(row)*n : int(row)*n+n]
			for k := range scores {
				scores[k] += w[k]
			}
		}
	}
	b := 0
	for k := range scores {
		if scores[k] > scores[b] {
			b = k
		}
	}
	return b
}

// Encode writes the model: magic, labels, a scale, the feature count,
// then three columns, because each compresses well on its own and poorly
// interleaved: the features' hashes in order as varint gaps; for each
// feature a bit mask (a varint) of the labels whose quantized weight is
// not zero; and those weights as rows of multiples of the scale
// (AppendRow). The scale is coarse times the int16 step (the largest
// weight over 32767): weights are rounded to that step first, then to
// multiples of coarse of them, so that a model read back from bytes
// written at coarse 1 encodes to the same bytes again, and coarser forms
// can be made from it. Most features carry weight for two or three labels
// only. The same model always encodes to the same bytes. It panics for
// more than 16 labels.
func (m *Model) Encode(magic string, coarse int) []byte {
	n := len(m.Labels)
	if n > 16 {
		panic("perceptron: more than 16 labels")
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(byte(n))
	for _, l := range m.Labels {
		b.WriteByte(byte(len(l)))
		b.WriteString(l)
	}
	maxAbs := float32(0)
	for _, w := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
	}
	step := maxAbs / 32767
	if step == 0 {
		step = 1
	}
	scale := step * float32(coarse)
	hashes := make([]uint32, 0, m.index.len())
	m.index.each(func(h uint32, _ int32) { hashes = append(hashes, h) })
	slices.Sort(hashes)
	var keys, masks, ws []byte
	q := make([]int64, n)
	row := make([]int64, 0, n) // the non-zero ones of q
	prev, count := uint32(0), 0
	for _, h := range hashes {
		at, _ := m.index.get(h)
		var mask uint64
		row = row[:0]
		for k := range n {
			fine := math.Round(float64(m.weights[int(at)*n+k] / step))
			q[k] = int64(math.Round(fine / float64(coarse)))
			if q[k] != 0 {
				mask |= 1 << k
				row = append(row, q[k])
			}
		}
		if mask == 0 {
			continue
		}
		count++
		keys = binary.AppendUvarint(keys, uint64(h-prev))
		prev = h
		masks = binary.AppendUvarint(masks, mask)
		ws = AppendRow(ws, row)
	}
	binary.Write(&b, binary.LittleEndian, scale)
	binary.Write(&b, binary.LittleEndian, uint32(count))
	b.Write(keys)
	b.Write(masks)
	b.Write(ws)
	return b.Bytes()
}

// ErrDamaged is returned by Decode for data that is not a whole model.
var ErrDamaged = errors.New("perceptron: the model is damaged")

// Decode reads a model that Encode wrote with the same magic.
func Decode(data []byte, magic string) (*Model, error) {
	r := NewReader(data)
	if string(r.Next(len(magic))) != magic {
		return nil, ErrDamaged
	}
	m := &Model{}
	n := int(r.Byte())
	if n > 16 {
		return nil, ErrDamaged
	}
	for range n {
		m.Labels = append(m.Labels, string(r.Next(int(r.Byte()))))
	}
	scale := math.Float32frombits(r.U32())
	count := int(r.U32())
	// Each feature takes at least a byte of gap, of mask and of weight.
	if r.Err() || count > r.Remaining()/3 {
		return nil, ErrDamaged
	}
	m.index = newTable(count)
	m.weights = make([]float32, count*n)
	h := uint32(0)
	for i := range count {
		gap := r.Uvarint()
		if gap > math.MaxUint32 || (i > 0 && gap == 0) {
			return nil, ErrDamaged
		}
		h += uint32(gap)
		m.index.put(h, int32(i))
	}
	masks := make([]uint64, count)
	for i := range masks {
		masks[i] = r.Uvarint()
		if masks[i] == 0 || masks[i]>>n != 0 {
			return nil, ErrDamaged
		}
	}
	row := make([]int64, n)
	for i, mask := range masks {
		ws := row[:bits.OnesCount64(mask)]
		r.Row(ws)
		for k := range n {
			if mask&(1<<k) != 0 {
				m.weights[i*n+k] = float32(ws[0]) * scale
				ws = ws[1:]
			}
		}
	}
	if !r.Done() {
		return nil, ErrDamaged
	}
	return m, nil
}

// Scores adds the weights of feats to scores, one per label.
func (m *Model) Scores(feats []uint32, scores []float64) { addRows(m.index, m.weights, feats, scores) }

// addRows adds each known feature's row of weights to scores, the sum
// that structured decoding needs for tagging and training alike.
func addRows[W float32 | float64](index *table, weights []W, feats []uint32, scores []float64) {
	n := len(scores)
	for _, f := range feats {
		if row, ok := index.get(f); ok {
			w := weights[int(row)*n : int(row)*n+n]
			for k := range scores {
				scores[k] += float64(w[k])
			}
		}
	}
}
