package main

import (
	"strings"
	"testing"

	"lede/core"
)

// spanOf returns the byte span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) pnSpan {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return pnSpan{ByteStart: i, ByteEnd: i + len(sub)}
}

func TestAttributionKindsAndScores(t *testing.T) {
	text := `"We will win," Lavrov said. He said the plan was "a disaster" for Europe. Officials said talks had stalled.`
	attr := func(content, source, cue string) pnAttribution {
		return pnAttribution{
			Content: []pnSpan{spanOf(t, text, content)},
			Source:  []pnSpan{spanOf(t, text, source)},
			Cue:     []pnSpan{spanOf(t, text, cue)},
		}
	}
	d := pnDoc{Text: text, Attributions: []pnAttribution{
		attr(`"We will win,"`, "Lavrov", "said"),
		attr(`the plan was "a disaster" for Europe`, "He", "said the"),
		attr("talks had stalled", "Officials", "said talks"),
	}}
	units := attributionUnits(d)
	var kinds []string
	for _, u := range units {
		kinds = append(kinds, u.kind)
	}
	if strings.Join(kinds, " ") != "direct mixed indirect" {
		t.Fatalf("kinds %q, want direct mixed indirect", kinds)
	}
	res, err := core.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	counts, exact := scoreAttributions(d, res)
	if c := counts[kindDirect]; c.gold != 1 || c.found != 1 || c.exact != 1 || c.speaker != 1 {
		t.Errorf("direct: %+v, want the quote found, exact, with its speaker", *c)
	}
	if c := counts[kindIndirect]; c.gold != 1 {
		t.Errorf("indirect: %+v, want one gold unit", *c)
	}
	if exact < 1 {
		t.Errorf("exact matches %d, want at least the direct quote", exact)
	}
}
