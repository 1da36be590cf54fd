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
	index   map[uint32]int32 // feature hash → row in weights
	weights []float32        // row-major, len(Labels) per row
}

// Best returns the index of the label that the features score highest
// (the first on a tie). scores, len(m.Labels) long, is scratch space.
func (m *Model) Best(feats []uint32, scores []float32) int {
	return best(m.index, m.weights, feats, scores)
}

// best is the scorer that tagging and training share: it sums each
// known feature's row of weights into scores and returns the argmax.
func best[W float32 | float64](index map[uint32]int32, weights []W, feats []uint32, scores []W) int {
	clear(scores)
	n := len(scores)
	for _, f := range feats {
		if row, ok := index[f]; ok {
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
// the order of their hashes, the hash and its weights quantized to int16.
// The same model always encodes to the same bytes.
func (m *Model) Encode(magic string) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(byte(len(m.Labels)))
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
	binary.Write(&b, binary.LittleEndian, uint32(len(m.index)))
	n := len(m.Labels)
	hashes := make([]uint32, 0, len(m.index))
	for h := range m.index {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	for _, h := range hashes {
		row := m.index[h]
		binary.Write(&b, binary.LittleEndian, h)
		for k := 0; k < n; k++ {
			binary.Write(&b, binary.LittleEndian, int16(math.Round(float64(m.weights[int(row)*n+k]/scale))))
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
	for range n {
		m.Labels = append(m.Labels, string(r.Next(int(r.Byte()))))
	}
	scale := math.Float32frombits(r.U32())
	count := int(r.U32())
	if r.Err() || r.Remaining() != count*(4+2*n) {
		return nil, ErrDamaged
	}
	m.index = make(map[uint32]int32, count)
	m.weights = make([]float32, count*n)
	for i := range count {
		m.index[r.U32()] = int32(i)
		for k := range n {
			m.weights[i*n+k] = float32(int16(r.U16())) * scale
		}
	}
	return m, nil
}
