package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/core"
)

const seedText = `"We are friends," Wang Wenbin said. Wang Yi met Lavrov in China. ` +
	`"Ties are strong," Lavrov said. China said "hegemony" is bad.`

// at returns the span of the n-th (0-based) occurrence of sub in seedText.
func at(t *testing.T, sub string, n int) span {
	t.Helper()
	off := 0
	for range n {
		i := strings.Index(seedText[off:], sub)
		if i < 0 {
			t.Fatalf("%q occurs fewer than %d times", sub, n+1)
		}
		off += i + len(sub)
	}
	i := strings.Index(seedText[off:], sub)
	if i < 0 {
		t.Fatalf("%q occurs fewer than %d times", sub, n+1)
	}
	return span{off + i, off + i + len(sub)}
}

func seedFixture(t *testing.T) *seedData {
	return &seedData{
		text: seedText,
		entities: []goldEntity{
			{name: "Wang Wenbin", typ: "PERSON", mentions: []span{at(t, "Wang Wenbin", 0)}},
			{name: "Wang Yi", typ: "PERSON", mentions: []span{at(t, "Wang Yi", 0)}},
			{name: "Sergey Lavrov", typ: "PERSON", mentions: []span{at(t, "Lavrov", 0), at(t, "Lavrov", 1)}},
			{name: "China", typ: "PLACE", mentions: []span{at(t, "China", 0), at(t, "China", 1)}},
		},
		quotes: []seedQuote{
			{span: at(t, `"We are friends,"`, 0), speaker: "Wang Wenbin", kind: "direct"},
			{span: at(t, `"Ties are strong,"`, 0), speaker: "Sergey Lavrov", kind: "direct"},
			{span: at(t, `"hegemony"`, 0), speaker: "China", kind: "partial"},
		},
	}
}

func ment(s span) core.Mention {
	return core.Mention{Start: s.start, End: s.end, Text: seedText[s.start:s.end]}
}

func TestAlignEntity(t *testing.T) {
	d := seedFixture(t)
	tests := []struct {
		name string
		e    core.Entity
		want string
	}{
		{"shared mention", core.Entity{Name: "Lavrov", Mentions: []core.Mention{ment(at(t, "Lavrov", 1))}}, "Sergey Lavrov"},
		{"overlapping mention", core.Entity{Name: "Wang", Mentions: []core.Mention{ment(at(t, "Wang", 0))}}, "Wang Wenbin"},
		{"majority of mentions", core.Entity{Name: "Wang", Mentions: []core.Mention{
			ment(at(t, "Wang Wenbin", 0)), ment(at(t, "Lavrov", 0)), ment(at(t, "Lavrov", 1))}}, "Sergey Lavrov"},
		{"name when no mention shared", core.Entity{Name: "china", Mentions: []core.Mention{ment(at(t, "said", 0))}}, "China"},
		{"nothing", core.Entity{Name: "Xi", Mentions: []core.Mention{ment(at(t, "said", 0))}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if i := alignEntity(tt.e, d.entities); i >= 0 {
				got = d.entities[i].name
			}
			if got != tt.want {
				t.Errorf("aligned to %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScoreSeed(t *testing.T) {
	d := seedFixture(t)
	d.ignore = []span{at(t, "China", 1)}
	lavrov := at(t, "Lavrov", 1)
	res := core.Result{
		Entities: []core.Entity{
			{ID: "e1", Name: "Wang", Type: "PERSON", Mentions: []core.Mention{ment(at(t, "Wang", 0)), ment(at(t, "Wang Yi", 0))}},
			{ID: "e2", Name: "Lavrov", Type: "PERSON", Mentions: []core.Mention{ment(at(t, "Lavrov", 0)), ment(lavrov)}},
			{ID: "e3", Name: "China", Type: "ORG", Mentions: []core.Mention{ment(at(t, "China", 0)), ment(at(t, "China", 1))}},
		},
		Quotes: []core.Quote{
			{Start: at(t, `"We are friends,"`, 0).start, End: at(t, `"We are friends,"`, 0).end, Kind: "direct", Speaker: strp("e1"), Method: "explicit"},
			{Start: at(t, `"Ties`, 0).start, End: at(t, `strong,"`, 0).end + 1, Kind: "direct", Speaker: strp("e2"), Method: "explicit"},
			{Start: at(t, "met Lavrov", 0).start, End: at(t, "met Lavrov", 0).end, Kind: "partial"},
		},
	}
	s := scoreSeed(d, res)

	// Entities: Wang (wrong span), Wang Yi (TP), Lavrov ×2 (TP), China 0 as
	// ORG (FP, and FN PLACE), China 1 ignored.
	if got, want := s.entities.micro(), (counts{tp: 3, fp: 2, fn: 3}); got != want {
		t.Errorf("entities: got %+v, want %+v", got, want)
	}
	// "We are friends": found, exact, but e1 shares one mention with Wang
	// Wenbin and one with Wang Yi: the tie goes to the first gold entity.
	want := []struct{ found, exact, right bool }{
		{true, true, true},
		{true, true, true}, // a trailing space does not make it inexact
		{false, false, false},
	}
	for i, w := range want {
		q := s.quotes[i]
		if q.found != w.found || q.exact != w.exact || q.speakerRight != w.right {
			t.Errorf("quote %d: found %v exact %v right %v, want %+v", i, q.found, q.exact, q.speakerRight, w)
		}
	}
	if len(s.fpQ) != 1 || s.fpQ[0].Kind != "partial" {
		t.Errorf("false positives = %+v, want the partial one", s.fpQ)
	}
}

func TestLoadSeed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "samples", "a.txt"), "Lavrov said \"yes\" in China-Russia talks.")
	writeFile(t, filepath.Join(dir, "eval", "seed-article.gold.json"), `{
		"file": "a.txt",
		"entities": [{"name": "Sergey Lavrov", "type": "PERSON", "mentions": [[0, 6]]}],
		"optional_spans": [[21, 33, "China-Russia"]],
		"norp": [],
		"quotes": [{"start": 12, "end": 17, "speaker": "Sergey Lavrov", "kind": "partial", "text": "\"yes\"", "cue": "said"}]
	}`)
	d, err := loadSeed(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.entities) != 1 || len(d.ignore) != 1 || d.ignore[0] != (span{21, 33}) || len(d.quotes) != 1 {
		t.Errorf("loaded %+v", d)
	}
	writeFile(t, filepath.Join(dir, "eval", "seed-article.gold.json"),
		`{"file": "a.txt", "entities": [{"name": "X", "type": "ORG", "mentions": [[0, 999]]}]}`)
	if _, err := loadSeed(dir); err == nil {
		t.Error("a mention past the end of the text should be an error")
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
