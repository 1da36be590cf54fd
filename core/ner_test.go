package core

import (
	"bytes"
	"testing"
)

func TestNERModelRoundTrip(t *testing.T) {
	m := &nerModel{
		labels:  []string{"O", "B-PER"},
		index:   map[uint32]int32{7: 0, 3: 1},
		weights: []float32{0.5, -1, 2, 0.25},
	}
	b := encodeNER(m)
	if !bytes.Equal(b, encodeNER(m)) {
		t.Fatal("encoding is not deterministic")
	}
	got, err := decodeNER(b)
	if err != nil {
		t.Fatal(err)
	}
	for h, row := range m.index {
		gr, ok := got.index[h]
		if !ok {
			t.Fatalf("feature %d lost", h)
		}
		for k := range m.labels {
			want, have := m.weights[int(row)*2+k], got.weights[int(gr)*2+k]
			if d := want - have; d > 1e-3 || d < -1e-3 {
				t.Errorf("feature %d label %d: %v, want %v", h, k, have, want)
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("LEDENER1"), b[:len(b)-1], append([]byte("XXXXXXXX"), b[8:]...)} {
		if _, err := decodeNER(bad); err == nil {
			t.Errorf("decodeNER(%d bytes) accepted a damaged model", len(bad))
		}
	}
}

func TestEmbeddedNERModelLoads(t *testing.T) {
	m, err := loadNER()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.labels) != len(nerLabels) || len(m.index) < 10000 {
		t.Fatalf("model has %d labels and %d features", len(m.labels), len(m.index))
	}
}

func TestFixBIO(t *testing.T) {
	tests := []struct{ label, prev, want string }{
		{"I-PER", "B-PER", "I-PER"},
		{"I-PER", "I-PER", "I-PER"},
		{"I-PER", "O", "B-PER"},
		{"I-ORG", "B-PER", "B-ORG"},
		{"I-LOC", "<s>", "B-LOC"},
		{"B-LOC", "B-LOC", "B-LOC"},
		{"O", "B-PER", "O"},
	}
	for _, tt := range tests {
		if got := fixBIO(tt.label, tt.prev); got != tt.want {
			t.Errorf("fixBIO(%q, %q) = %q, want %q", tt.label, tt.prev, got, tt.want)
		}
	}
}

func TestWordShape(t *testing.T) {
	for w, want := range map[string]string{"Lavrov": "Xx", "NATO": "X", "2023": "d", "U.S.": "X.X.", "China-Russia": "Xx-Xx", "e-mail": "x-x"} {
		if got := wordShape(w); got != want {
			t.Errorf("wordShape(%q) = %q, want %q", w, got, want)
		}
	}
}

// Training on a handful of sentences learns them: the trainer and the
// tagger agree on features and labels.
func TestTrainNERLearns(t *testing.T) {
	var examples []NERExample
	for _, s := range []struct{ text, name, label string }{
		{"Zorbal Quentin spoke in Plovenia today .", "Zorbal Quentin", "PER"},
		{"The Plovenia Gazette printed it .", "Plovenia Gazette", "ORG"},
		{"They flew to Plovenia on Monday .", "Plovenia", "LOC"},
	} {
		i := bytes.Index([]byte(s.text), []byte(s.name))
		examples = append(examples, NERExample{Text: s.text, Spans: []NERSpan{{i, i + len(s.name), s.label}}})
	}
	m, err := decodeNER(TrainNER(examples, 10, 0, nil))
	if err != nil {
		t.Fatal(err)
	}
	text := examples[0].Text
	toks := posTagSentence(text, Span{0, len(text)})
	labels := m.tag(toks)
	if labels[0] != "B-PER" || labels[1] != "I-PER" {
		t.Errorf("labels %q, want B-PER I-PER first", labels)
	}
}
