// Package postag gives each token its Penn Treebank part of speech with
// prose's averaged perceptron: the same weights (quantized to int16) and
// the same features, in a faster form. cmd/genpos stores the weights keyed
// by a 64-bit hash of each feature (pos.bin), so loading copies numbers
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
	index   map[uint64]uint32 // feature hash → first entry<<8 | entry count
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

const magic = "LEDEPOS2"

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
	scale := math.Float32frombits(r.U32())
	feats := int(r.U32())
	if r.Err() || feats > len(data) {
		return nil, bad
	}
	m.index = make(map[uint64]uint32, feats)
	m.cls = make([]uint8, 0, feats*3)
	m.weights = make([]float32, 0, feats*3)
	for range feats {
		h := r.U64()
		count := int(r.Byte())
		m.index[h] = uint32(len(m.cls))<<8 | uint32(count)
		for range count {
			m.cls = append(m.cls, r.Byte())
			m.weights = append(m.weights, float32(int16(r.U16()))*scale)
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
