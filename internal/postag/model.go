// Package postag gives each token its Penn Treebank part of speech with
// prose's averaged perceptron: the same weights (rounded to multiples of
// 0.02) and the same features, in a faster and smaller form. cmd/genpos
// stores the weights keyed by the top 32 bits of a 64-bit hash of each
// feature (pos.bin), so loading reads numbers
// instead of decoding millions of gob map entries, and tagging hashes each
// feature once instead of building and looking up strings.
// TestTagsMatchProse checks that the tags agree with prose's own.
package postag

import (
	_ "embed"
	"errors"
	"math"
	"sync"

	"lede/internal/perceptron"
	"lede/internal/tokenize"
)

//go:embed pos.bin
var modelBytes []byte

// model is prose's weights by feature hash, with its tag map.
type model struct {
	classes []string
	tagMap  map[string]uint8  // words that always get one tag
	index   map[uint64]uint32 // feature hash>>shift → first entry<<8 | entry count
	shift   uint              // 64 - the hash bits the model keeps
	cls     []uint8           // entries: a class …
	weights []float32         // … and its weight
}

var (
	once    sync.Once
	loaded  *model
	loadErr error
)

// Load decodes the embedded model, once per process; it fails only when
// the binary holds a damaged model.
func Load() error {
	once.Do(func() { loaded, loadErr = decode(modelBytes) })
	return loadErr
}

// Tag sets the part-of-speech tag of each token, as prose's tagger would.
// It loads the model on first use and tags nothing if it is damaged.
func Tag(toks []tokenize.Token) {
	if Load() == nil {
		loaded.tag(toks)
	}
}

const magic = "LEDEPOS3"

func decode(data []byte) (*model, error) {
	bad := errors.New("postag: the embedded model is damaged")
	r := perceptron.NewReader(data)
	if string(r.Next(len(magic))) != magic {
		return nil, bad
	}
	m := &model{}
	n := int(r.Byte())
	for range n {
		m.classes = append(m.classes, string(r.Next(int(r.Byte()))))
	}
	words := int(r.U32())
	m.tagMap = make(map[string]uint8, words)
	for range words {
		w := string(r.Next(int(r.U16())))
		m.tagMap[w] = r.Byte()
	}
	step := math.Float64frombits(r.U64())
	keyBits := int(r.Byte())
	feats := int(r.U32())
	if r.Err() || feats > len(data) || keyBits < 32 || keyBits > 64 || !(step > 0) {
		return nil, bad
	}
	m.shift = uint(64 - keyBits)
	// The columns: key gaps, entry counts, classes, weights.
	m.index = make(map[uint64]uint32, feats)
	keys := make([]uint64, feats)
	h := uint64(0)
	for i := range keys {
		h += r.Uvarint()
		keys[i] = h
	}
	counts := r.Next(feats)
	if r.Err() {
		return nil, bad
	}
	total := 0
	for i, k := range keys {
		m.index[k] = uint32(total)<<8 | uint32(counts[i])
		total += int(counts[i])
	}
	if r.Err() || total > r.Remaining() {
		return nil, bad
	}
	m.cls = append([]uint8(nil), r.Next(total)...)
	m.weights = make([]float32, total)
	// Rows in the order of the keys, so entry by entry.
	row := make([]int64, 0, 255)
	at := 0
	for _, c := range counts {
		row = row[:c]
		r.Row(row)
		for _, q := range row {
			m.weights[at] = float32(float64(q) * step)
			at++
		}
	}
	if !r.Done() {
		return nil, bad
	}
	for _, c := range m.cls {
		if int(c) >= len(m.classes) {
			return nil, bad
		}
	}
	return m, nil
}
