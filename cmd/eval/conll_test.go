package main

import (
	"reflect"
	"strings"
	"testing"
)

const conllSample = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP I-PER
Blackburn NNP I-NP I-PER
in IN B-PP O
Brüssel NNP B-NP I-LOC

-DOCSTART- -X- -X- O

-DOCSTART- -X- -X- O

LONDON NNP B-NP B-LOC
1996-08-30 CD I-NP O
`

func TestParseCoNLL(t *testing.T) {
	docs, err := parseCoNLL(strings.NewReader(conllSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2 (the empty one dropped)", len(docs))
	}
	d := docs[0]
	if want := "EU rejects German call .\nPeter Blackburn in Brüssel"; d.text != want {
		t.Errorf("text = %q, want %q", d.text, want)
	}
	var got []string
	for _, g := range d.gold {
		got = append(got, g.typ+":"+d.text[g.start:g.end])
	}
	if want := []string{"ORG:EU", "PERSON:Peter Blackburn", "PLACE:Brüssel"}; !reflect.DeepEqual(got, want) {
		t.Errorf("gold = %q, want %q", got, want)
	}
	if len(d.misc) != 1 || d.text[d.misc[0].start:d.misc[0].end] != "German" {
		t.Errorf("misc = %v, want the span of German", d.misc)
	}
	if docs[1].text != "LONDON 1996-08-30" || len(docs[1].gold) != 1 || docs[1].gold[0] != (typedSpan{span{0, 6}, "PLACE"}) {
		t.Errorf("second document = %+v", docs[1])
	}
}

func TestParseCoNLLBadLine(t *testing.T) {
	if _, err := parseCoNLL(strings.NewReader("-DOCSTART- -X- -X- O\n\nword\n")); err == nil {
		t.Error("a line without a tag should be an error")
	}
}

// TestCoNLLMiscIgnored checks the CoNLL rule end to end on the scoring side:
// a prediction on a MISC span is neither a true nor a false positive.
func TestCoNLLMiscIgnored(t *testing.T) {
	docs, err := parseCoNLL(strings.NewReader(conllSample))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	pred := []typedSpan{
		{span{0, 2}, "ORG"},     // EU: TP
		{span{11, 17}, "PLACE"}, // German, a MISC span: ignored
		{span{11, 17}, "NORP"},  // ignored
	}
	s := scoreEntities(pred, d.gold, d.misc)
	if got, want := s.micro(), (counts{tp: 1, fp: 0, fn: 2}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
