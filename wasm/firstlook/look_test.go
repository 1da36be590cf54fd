package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"lede/core"
	"lede/core/result"
	"lede/wasm/internal/boundary"
)

// The first look at the boundary is core's QuickAnalyze, byte for byte,
// with offsets in UTF-16 code units.
func TestLookJSONIsQuickAnalyze(t *testing.T) {
	text := "😀 “We will win,” said the envoy of Russia.\n\nNATO’s head met Chinese officials in Zürich."
	out, err := lookJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	var res result.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Offsets != "utf16" || len(res.Quotes) != 1 || len(res.Entities) < 2 {
		t.Fatalf("first look %+v", res)
	}
	units := utf16.Encode([]rune(text))
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if got := string(utf16.Decode(units[m.Start:m.End])); got != m.Text {
				t.Errorf("mention %q: JavaScript slice [%d,%d) gives %q", m.Text, m.Start, m.End, got)
			}
		}
	}
	quick, err := core.QuickAnalyze(text)
	if err != nil {
		t.Fatal(err)
	}
	boundary.ToUTF16(text, &quick)
	var want strings.Builder
	if err := result.WriteJSON(&want, &quick, false, true); err != nil {
		t.Fatal(err)
	}
	if out != want.String() {
		t.Errorf("first look:\n%s\ncore.QuickAnalyze:\n%s", out, want.String())
	}
	if _, err := lookJSON("bad \xff"); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
}
