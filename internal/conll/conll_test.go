package conll

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\nBonn NNP B-NP B-LOC\n"
	docs, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{
		{{{"EU", "B-ORG"}, {"rejects", "O"}}, {{"Peter", "B-PER"}}},
		{{{"Bonn", "B-LOC"}}},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("Parse = %v, want %v", docs, want)
	}
	if _, err := Parse(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line with one field was accepted")
	}
}

func TestEntitiesIOB(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Entity
	}{
		{"empty", "", nil},
		{"all O", "O O O", nil},
		{"IOB2 single", "B-PER O", []Entity{{0, 1, "PER"}}},
		{"IOB2 multi", "O B-PER I-PER O B-LOC", []Entity{{1, 3, "PER"}, {4, 5, "LOC"}}},
		{"IOB2 adjacent same type", "B-LOC B-LOC", []Entity{{0, 1, "LOC"}, {1, 2, "LOC"}}},
		{"IOB1 I after O starts", "O I-ORG I-ORG O", []Entity{{1, 3, "ORG"}}},
		{"IOB1 at sentence start", "I-PER I-PER", []Entity{{0, 2, "PER"}}},
		{"IOB1 B separates same type", "I-LOC B-LOC I-LOC", []Entity{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"I of another type starts", "I-PER I-ORG", []Entity{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"B then I of another type", "B-PER I-LOC", []Entity{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"MISC kept for the caller", "B-MISC I-MISC", []Entity{{0, 2, "MISC"}}},
		{"odd tags read as O", "X-PER I- B-PER", []Entity{{2, 3, "PER"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Sentence
			for _, tag := range strings.Fields(tt.tags) {
				s = append(s, Token{"w", tag})
			}
			if got := Entities(s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Entities(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	many := make([]Doc, 100)
	for i := range many {
		many[i] = Doc{{{Word: string(rune('a' + i%26)), Tag: "O"}}}
	}
	train, held := Split(many)
	if len(train) != 90 || len(held) != 10 || &held[0][0][0] != &many[9][0][0] {
		t.Errorf("100 documents split %d/%d, want 90/10 starting at the tenth", len(train), len(held))
	}
	long := Doc(make([]Sentence, 205))
	train, held = Split([]Doc{long})
	if len(held) != 1 || len(train) != 10 || len(held[0]) != 20 {
		t.Errorf("one section of 205 sentences split into %d/%d units", len(train), len(held))
	}
}

func TestWrite(t *testing.T) {
	var b strings.Builder
	b.WriteString("x\n")
	starts, ends := Sentence{{"EU", "B-ORG"}, {"rejects", "O"}}.Write(&b)
	if b.String() != "x\nEU rejects" || !reflect.DeepEqual(starts, []int{2, 5}) || !reflect.DeepEqual(ends, []int{4, 12}) {
		t.Errorf("Write gave %q %v %v", b.String(), starts, ends)
	}
}
