package nertag

import (
	"strings"
	"testing"

	"lede/internal/perceptron"
	"lede/internal/postag"
	"lede/internal/tokenize"
	"lede/internal/vocab"
)

func TestEmbeddedModelLoads(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	if len(loaded.Labels) != len(labels) {
		t.Fatalf("model has labels %q, want %q", loaded.Labels, labels)
	}
}

func TestWordShape(t *testing.T) {
	for w, want := range map[string]string{"Lavrov": "Xx", "NATO": "X", "2023": "d", "U.S.": "X.X.", "China-Russia": "Xx-Xx", "e-mail": "x-x"} {
		if got := wordShape(w); got != want {
			t.Errorf("wordShape(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestEntityType(t *testing.T) {
	for _, tt := range []struct{ label, word, want string }{
		{"B-PER", "Lavrov", vocab.Person},
		{"I-LOC", "Beijing", vocab.Place},
		{"B-ORG", "NATO", vocab.Org},
		{"B-MISC", "Russian", vocab.NORP},
		{"B-MISC", "Olympics", vocab.Misc},
		{"O", "said", ""},
	} {
		if got := entityType(tt.label, tt.word); got != tt.want {
			t.Errorf("entityType(%q, %q) = %q, want %q", tt.label, tt.word, got, tt.want)
		}
	}
}

// Training on a handful of sentences learns them: the trainer and the
// tagger agree on features and labels.
func TestTrainLearns(t *testing.T) {
	var examples []Example
	for _, s := range []struct{ text, name, label string }{
		{"Zorbal Quentin spoke in Plovenia today .", "Zorbal Quentin", "PER"},
		{"The Plovenia Gazette printed it .", "Plovenia Gazette", "ORG"},
		{"They flew to Plovenia on Monday .", "Plovenia", "LOC"},
	} {
		i := strings.Index(s.text, s.name)
		examples = append(examples, Example{Text: s.text, Spans: []Span{{i, i + len(s.name), s.label}}})
	}
	model := Train(examples, gazetteerText, 10, 0, nil)
	// Tag with the trained model in place of the embedded one.
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	saved := loaded
	defer func() { loaded = saved }()
	m, err := perceptron.Decode(model, magic)
	if err != nil {
		t.Fatal(err)
	}
	loaded = m
	for _, ex := range examples {
		toks := tokenize.Sentence(ex.Text, 0, len(ex.Text))
		postag.Tag(toks)
		Tag(toks)
		for _, tok := range toks {
			inside := tok.Start >= ex.Spans[0].Start && tok.End <= ex.Spans[0].End
			if want := conllTypes[ex.Spans[0].Label]; inside && tok.Entity != want || !inside && tok.Entity != "" {
				t.Errorf("%q in %q: type %q", tok.Text, ex.Text, tok.Entity)
			}
		}
	}
}

// BenchmarkDecode measures what Load does once per process.
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := perceptron.Decode(modelBytes, magic); err != nil {
			b.Fatal(err)
		}
	}
}
