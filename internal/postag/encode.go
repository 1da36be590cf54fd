package postag

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"

	"lede/internal/perceptron"
)

// Options says how Encode shrinks prose's weights.
type Options struct {
	// Step is the quantum weights are rounded to. prose's weights are
	// multiples of 0.001 (its averages are rounded to three places), so
	// 0.001 keeps them exact.
	Step float64
	// KeyBits is how many top bits of each feature's 64-bit hash are
	// kept: a feature of the text that is not in the model matches one
	// that is with odds of about features/2^KeyBits.
	KeyBits int
}

// Encode writes prose's tagger model (its classes, its tag map of
// unambiguous words and its weights by feature and class) in the form
// this package embeds (pos.bin). cmd/genpos calls it. The same input
// always gives the same bytes.
//
// The weights are written in columns, because each column compresses
// well on its own and poorly interleaved: the sorted, truncated feature
// hashes as varint gaps, then each feature's entry count, then the
// entries' classes, then their weights as zig-zag varints of multiples
// of Step. A perceptron moves a feature's weights up for one class and
// down for another by the same amount, so each feature's weights sum to
// zero; the last weight of each feature is therefore written as the sum
// of all its weights (nearly always 0 or ±1 after rounding), from which
// the decoder recovers it.
func Encode(classes []string, tagMap map[string]string, weights map[string]map[string]float64, o Options) ([]byte, error) {
	if len(classes) > 255 {
		return nil, errors.New("too many classes")
	}
	if o.KeyBits < 32 || o.KeyBits > 64 || o.Step <= 0 {
		return nil, errors.New("bad options")
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
	feats, err := hashedFeatures(weights, o.KeyBits)
	if err != nil {
		return nil, err
	}
	var keys, counts, cls, ws []byte
	var row []int64
	prev := uint64(0)
	kept := 0
	for _, f := range feats {
		var entries []entry
		for c, w := range f.w {
			ci, ok := classIndex[c]
			if !ok {
				return nil, errors.New("unknown class " + c)
			}
			if q := int64(math.Round(w / o.Step)); q != 0 {
				entries = append(entries, entry{ci, q})
			}
		}
		if len(entries) == 0 {
			continue
		}
		if len(entries) > 255 {
			return nil, errors.New("too many classes for one feature")
		}
		slices.SortFunc(entries, func(a, b entry) int { return a.class - b.class })
		kept++
		keys = binary.AppendUvarint(keys, f.hash-prev)
		prev = f.hash
		counts = append(counts, byte(len(entries)))
		row = row[:0]
		for _, e := range entries {
			cls = append(cls, byte(e.class))
			row = append(row, e.q)
		}
		ws = perceptron.AppendRow(ws, row)
	}
	binary.Write(&b, binary.LittleEndian, o.Step)
	b.WriteByte(byte(o.KeyBits))
	binary.Write(&b, binary.LittleEndian, uint32(kept))
	for _, col := range [][]byte{keys, counts, cls, ws} {
		b.Write(col)
	}
	return b.Bytes(), nil
}

// entry is one class's weight of a feature, in Steps.
type entry struct {
	class int
	q     int64
}

// feature is one feature's weights by class, keyed by the top bits of
// the hash of its name.
type feature struct {
	hash uint64
	w    map[string]float64
}

// hashedFeatures returns the features in the order of their hashes'
// top bits, or an error if two names share them.
func hashedFeatures(weights map[string]map[string]float64, bits int) ([]feature, error) {
	feats := make([]feature, 0, len(weights))
	seen := map[uint64]string{}
	for f, w := range weights {
		h := perceptron.HashParts(f) >> (64 - bits)
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
