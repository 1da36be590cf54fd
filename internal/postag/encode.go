package postag

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"

	"lede/internal/perceptron"
)

// Encode writes prose's tagger model (its classes, its tag map of
// unambiguous words and its weights by feature and class) in the form
// this package embeds (pos.bin). cmd/genpos calls it.
func Encode(classes []string, tagMap map[string]string, weights map[string]map[string]float64) ([]byte, error) {
	if len(classes) > 255 {
		return nil, errors.New("too many classes")
	}
	classIndex := map[string]int{}
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(byte(len(classes)))
	for i, c := range classes {
		classIndex[c] = i
		b.WriteByte(byte(len(c)))
		b.WriteString(c)
	}
	words := make([]string, 0, len(tagMap))
	for w := range tagMap {
		words = append(words, w)
	}
	slices.Sort(words)
	binary.Write(&b, binary.LittleEndian, uint32(len(words)))
	for _, w := range words {
		ci, ok := classIndex[tagMap[w]]
		if !ok || len(w) > 65535 {
			return nil, errors.New("bad tag map entry " + w)
		}
		binary.Write(&b, binary.LittleEndian, uint16(len(w)))
		b.WriteString(w)
		b.WriteByte(byte(ci))
	}
	feats, err := hashedFeatures(weights)
	if err != nil {
		return nil, err
	}
	// Weights are quantized to int16 with one scale: the largest weight
	// is 32767 of them.
	maxAbs := 0.0
	for _, f := range feats {
		for _, w := range f.w {
			maxAbs = max(maxAbs, math.Abs(w))
		}
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	binary.Write(&b, binary.LittleEndian, scale)
	binary.Write(&b, binary.LittleEndian, uint32(len(feats)))
	for _, f := range feats {
		binary.Write(&b, binary.LittleEndian, f.hash)
		cs := make([]string, 0, len(f.w))
		for c := range f.w {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		if len(cs) > 255 {
			return nil, errors.New("too many classes for one feature")
		}
		b.WriteByte(byte(len(cs)))
		for _, c := range cs {
			ci, ok := classIndex[c]
			if !ok {
				return nil, errors.New("unknown class " + c)
			}
			b.WriteByte(byte(ci))
			binary.Write(&b, binary.LittleEndian, int16(math.Round(f.w[c]/float64(scale))))
		}
	}
	return b.Bytes(), nil
}

// feature is one feature's weights by class, keyed by the hash of its
// name.
type feature struct {
	hash uint64
	w    map[string]float64
}

// hashedFeatures returns the features in the order of their hashes, or
// an error if two names share a hash.
func hashedFeatures(weights map[string]map[string]float64) ([]feature, error) {
	feats := make([]feature, 0, len(weights))
	seen := map[uint64]string{}
	for f, w := range weights {
		h := perceptron.HashParts(f)
		if other, dup := seen[h]; dup {
			return nil, errors.New("feature hash collision: " + f + " and " + other)
		}
		seen[h] = f
		feats = append(feats, feature{h, w})
	}
	slices.SortFunc(feats, func(a, b feature) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return 0
	})
	return feats, nil
}
