package perceptron

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
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

// Encode writes the model: magic, labels, a scale, then per feature, in
// the order of their hashes, the hash, a bit mask of the labels whose
// weight is not zero, and those weights quantized to int16. Most features
// carry weight for two or three labels only. The same model always
// encodes to the same bytes. It panics for more than 16 labels.
func (m *Model) Encode(magic string) []byte {
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
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(&b, binary.LittleEndian, scale)
	binary.Write(&b, binary.LittleEndian, uint32(m.index.len()))
	hashes := make([]uint32, 0, m.index.len())
	m.index.each(func(h uint32, _ int32) { hashes = append(hashes, h) })
	slices.Sort(hashes)
	q := make([]int16, n)
	for _, h := range hashes {
		r, _ := m.index.get(h)
		row := int(r)
		var mask uint16
		for k := range n {
			q[k] = int16(math.Round(float64(m.weights[row*n+k] / scale)))
			if q[k] != 0 {
				mask |= 1 << k
			}
		}
		binary.Write(&b, binary.LittleEndian, h)
		binary.Write(&b, binary.LittleEndian, mask)
		for k := range n {
			if mask&(1<<k) != 0 {
				binary.Write(&b, binary.LittleEndian, q[k])
			}
		}
	}
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
	if r.Err() || count > r.Remaining()/6 {
		return nil, ErrDamaged
	}
	m.index = newTable(count)
	m.weights = make([]float32, count*n)
	for i := range count {
		m.index.put(r.U32(), int32(i))
		mask := r.U16()
		if mask>>n != 0 {
			return nil, ErrDamaged
		}
		for k := range n {
			if mask&(1<<k) != 0 {
				m.weights[i*n+k] = float32(int16(r.U16())) * scale
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
