package core

import (
	"slices"
	"testing"
)

func TestQuickAnalyze(t *testing.T) {
	text := readSeed(t)
	res, err := QuickAnalyze(text)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, text, res)
	full, _ := Analyze(text)
	full.Quotes = quotations(full.Quotes)
	if len(res.Quotes) != len(full.Quotes) || len(res.Sentences) != len(full.Sentences) {
		t.Errorf("quick: %d quotes and %d sentences; full: %d and %d", len(res.Quotes), len(res.Sentences), len(full.Quotes), len(full.Sentences))
	}
	var names []string
	for _, e := range res.Entities {
		names = append(names, e.Type+" "+e.Name)
	}
	for _, want := range []string{"PLACE China", "PLACE Russia", "ORG Tass", "ORG NATO", "NORP Russian"} {
		if !slices.Contains(names, want) {
			t.Errorf("quick entities %q lack %q", names, want)
		}
	}
	if _, err := QuickAnalyze("bad \xff"); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
}

func BenchmarkQuickAnalyzeSeed(b *testing.B) {
	text := readSeed(b)
	for b.Loop() {
		QuickAnalyze(text)
	}
}
