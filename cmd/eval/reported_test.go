package main

import (
	"strings"
	"testing"

	"lede/core"
)

func TestScoreReported(t *testing.T) {
	text := `Sergey Lavrov said Russia would never accept the deal. "We will not sign," Lavrov said. The weather was fine.`
	lavrov := "Sergey Lavrov"
	var g reportedGold
	g.Attributions = []reportedAttribution{
		{"Russia would never accept the deal", kindIndirect, &lavrov, "said"},
		{`"We will not sign,"`, kindDirect, &lavrov, "said"},
	}
	res, err := core.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	counts, exact, misses, err := scoreReported(g, text, res)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{kindIndirect, kindDirect} {
		if c := counts[k]; c.gold != 1 || c.found != 1 || c.exact != 1 || c.speaker != 1 || c.pred != 1 || c.predRight != 1 {
			t.Errorf("%s: %+v, want one gold found exactly with its speaker, one right prediction; misses %q", k, *c, misses)
		}
	}
	if exact != 2 {
		t.Errorf("exact %d, want 2", exact)
	}
	// A prediction outside every gold content is false.
	g.Attributions = g.Attributions[1:]
	counts, _, misses, _ = scoreReported(g, text, res)
	if c := counts[kindIndirect]; c.pred != 1 || c.predRight != 0 || !strings.Contains(strings.Join(misses, "\n"), "false indirect") {
		t.Errorf("indirect with no gold: %+v, misses %q", *c, misses)
	}
	g.Attributions[0].Content = "not in the text"
	if _, _, _, err := scoreReported(g, text, res); err == nil {
		t.Error("a gold content missing from the text was accepted")
	}
}

// TestReportedGoldIsWellFormed checks the embedded gold: known kinds, and
// each content found in its document in text order.
func TestReportedGoldIsWellFormed(t *testing.T) {
	golds, err := loadReportedGold()
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) == 0 {
		t.Fatal("no gold")
	}
	for _, g := range golds {
		if g.Source != "conll2003-dev" || g.FirstLine == "" {
			t.Errorf("doc %d: source %q, first line %q", g.Doc, g.Source, g.FirstLine)
		}
		for _, a := range g.Attributions {
			if a.Kind != kindDirect && a.Kind != kindMixed && a.Kind != kindIndirect {
				t.Errorf("doc %d: kind %q", g.Doc, a.Kind)
			}
			if strings.TrimSpace(a.Content) != a.Content || a.Content == "" {
				t.Errorf("doc %d: content %q has surrounding spaces or is empty", g.Doc, a.Content)
			}
		}
	}
}
