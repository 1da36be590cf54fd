package attrtag

import (
	"strings"
	"testing"

	"lede/internal/postag"
	"lede/internal/tokenize"
)

func tagged(text string) []tokenize.Token {
	toks := tokenize.Sentence(text, 0, len(text))
	postag.Tag(toks)
	return toks
}

// TestTagFindsTheParts checks the embedded model on sentences of the
// kinds it was trained on: a source, a cue and a content each, in order.
func TestTagFindsTheParts(t *testing.T) {
	for text, want := range map[string]string{
		"Sergey Lavrov said Russia would never accept the deal.":           "SRC Sergey Lavrov|CUE said|CON Russia would never accept the deal",
		"Russia would never accept the deal, the minister told reporters.": "CON Russia would never accept the deal|SRC the minister|CUE told",
	} {
		toks := tagged(text)
		var got []string
		for _, p := range Tag(toks) {
			got = append(got, p.Role+" "+text[toks[p.Start].Start:toks[p.End-1].End])
		}
		if g := strings.Join(got, "|"); !strings.HasPrefix(g, want) {
			t.Errorf("%q: parts %q, want %q", text, g, want)
		}
	}
}

func TestPartsFromLabels(t *testing.T) {
	ys := []int{1, 2, 3, 0, 5, 6, 6, 5}
	got := parts(labels, ys)
	want := []Part{{0, 2, Source}, {2, 3, Cue}, {4, 7, Content}, {7, 8, Content}}
	if len(got) != len(want) {
		t.Fatalf("parts = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestDecodeRefusesDamage(t *testing.T) {
	if _, err := Decode([]byte("LEDEATR2 but cut short"), secondBytes, ""); err == nil {
		t.Error("a damaged model was accepted")
	}
	if _, err := Decode(modelBytes[:len(modelBytes)/2], secondBytes, cueText); err == nil {
		t.Error("half a model was accepted")
	}
	if _, err := Decode(modelBytes, secondBytes[:len(secondBytes)/2], cueText); err == nil {
		t.Error("half a second model was accepted")
	}
}

// TestTrainIsDeterministic trains twice on a few sentences: the same
// bytes, and a model that tags.
func TestTrainIsDeterministic(t *testing.T) {
	text := "Lavrov said talks would go on. Wang said they would not."
	ex := []Example{
		{Text: text, Start: 0, End: 30, Spans: []Span{{0, 6, Source}, {7, 11, Cue}, {12, 29, Content}}},
		{Text: text, Start: 31, End: len(text), Spans: []Span{{31, 35, Source}, {36, 40, Cue}, {41, len(text) - 1, Content}}},
	}
	a1, a2, cuesA := Train(ex, 3, 0, 2, nil)
	b1, b2, cuesB := Train(ex, 3, 0, 2, nil)
	if string(a1) != string(b1) || string(a2) != string(b2) || cuesA != cuesB {
		t.Fatal("two trainings on the same examples differ")
	}
	if _, err := Decode(a1, a2, cuesA); err != nil {
		t.Fatal(err)
	}
}
