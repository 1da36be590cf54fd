package perceptron

import (
	"bytes"
	"testing"
)

// A model survives encoding within half a stored step, a decoded model
// encodes to the same bytes (so a model can be re-encoded from its file),
// and damaged bytes are refused.
func TestModelRoundTrip(t *testing.T) {
	m := &Model{
		Labels: []string{"O", "B-PER", "I-PER"},
		index:  newTable(3),
		// Rows sum to zero, as a perceptron's do, but for the last.
		weights: []float32{0.5, -1, 0.5, 2, 0.25, -2.25, 0, 0.003, 0.7},
	}
	m.index.put(7, 0)
	m.index.put(3, 1)
	m.index.put(1<<31, 2)
	const magic = "LEDETEST"
	for _, coarse := range []int{1, 32} {
		b := m.Encode(magic, coarse)
		if !bytes.Equal(b, m.Encode(magic, coarse)) {
			t.Fatal("encoding is not deterministic")
		}
		got, err := Decode(b, magic)
		if err != nil {
			t.Fatal(err)
		}
		if again := got.Encode(magic, 1); coarse == 1 && !bytes.Equal(again, b) {
			t.Error("a decoded model encodes to other bytes")
		}
		tolerance := float32(2.25) / 32767 * float32(coarse) / 2 * 1.001
		for _, h := range []uint32{7, 3, 1 << 31} {
			row, _ := m.index.get(h)
			gr, ok := got.index.get(h)
			for k := range m.Labels {
				want, have := m.weights[int(row)*3+k], float32(0)
				if ok {
					have = got.weights[int(gr)*3+k]
				}
				if d := want - have; d > tolerance || d < -tolerance {
					t.Errorf("coarse %d, feature %d label %d: %v, want %v", coarse, h, k, have, want)
				}
			}
		}
		for _, bad := range [][]byte{nil, []byte(magic), b[:len(b)-1], append([]byte("XXXXXXXX"), b[8:]...)} {
			if _, err := Decode(bad, magic); err == nil {
				t.Errorf("Decode(%d bytes) accepted a damaged model", len(bad))
			}
		}
	}
}

func TestFixBIO(t *testing.T) {
	tests := []struct{ label, prev, want string }{
		{"I-PER", "B-PER", "I-PER"},
		{"I-PER", "I-PER", "I-PER"},
		{"I-PER", "O", "B-PER"},
		{"I-ORG", "B-PER", "B-ORG"},
		{"I-LOC", Start, "B-LOC"},
		{"B-LOC", "B-LOC", "B-LOC"},
		{"O", "B-PER", "O"},
	}
	for _, tt := range tests {
		if got := fixBIO(tt.label, tt.prev); got != tt.want {
			t.Errorf("fixBIO(%q, %q) = %q, want %q", tt.label, tt.prev, got, tt.want)
		}
	}
}

// A trainer that sees the same features with two labels learns to tell
// them apart, and its averaged model scores like it.
func TestTrainerLearns(t *testing.T) {
	labels := []string{"O", "B-X"}
	tr := NewTrainer(labels)
	a, b := []uint32{uint32(NewHash("w").Add("a"))}, []uint32{uint32(NewHash("w").Add("b"))}
	for range 5 {
		tr.Learn(a, 0, 1)
		tr.Learn(b, 1, 1)
	}
	m := tr.Average(0)
	scores := make([]float32, 2)
	if m.Best(a, scores) != 0 || m.Best(b, scores) != 1 {
		t.Errorf("the averaged model does not tell a from b")
	}
	if got := tr.Learn(b, 1, 1); got != 1 {
		t.Errorf("the trainer chose %d for b, want 1", got)
	}
}

func TestHashPartsJoinsWithSpaces(t *testing.T) {
	if HashParts("i suffix", "ing") != HashParts("i suffix ing") {
		t.Error("HashParts(a, b) differs from the hash of a and b joined by a space")
	}
	if NewHash("w").Add("ab") == NewHash("w").Add("a").Add("b") {
		t.Error("Hash does not separate its parts")
	}
}

// The table agrees with a Go map on many keys, zero and colliding ones
// included, through its growth.
func TestTableAgreesWithMap(t *testing.T) {
	tb := newTable(1)
	want := map[uint32]int32{}
	x := uint32(1)
	for i := range 50000 {
		x = x*1664525 + 1013904223
		k := x % 70000 // repeats, so puts overwrite
		if i%1000 == 0 {
			k = 0
		}
		tb.put(k, int32(i))
		want[k] = int32(i)
	}
	if tb.len() != len(want) {
		t.Fatalf("len %d, want %d", tb.len(), len(want))
	}
	for k, v := range want {
		if got, ok := tb.get(k); !ok || got != v {
			t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for k := uint32(70000); k < 71000; k++ {
		if _, ok := tb.get(k); ok {
			t.Fatalf("get(%d) found a key never put", k)
		}
	}
}
