package tokenize

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

func TestAlignTokens(t *testing.T) {
	tests := []struct {
		name string
		src  string
		toks []string // as prose writes them
		want []string // the source text of each aligned token
	}{
		{"plain", "He said no.", []string{"He", "said", "no", "."}, []string{"He", "said", "no", "."}},
		{"curly quotes", "“No,” he said.", []string{`"`, "No", ",", `"`, "he", "said", "."}, []string{"“", "No", ",", "”", "he", "said", "."}},
		{"curly apostrophe", "Russia’s envoy", []string{"Russia", "'s", "envoy"}, []string{"Russia", "’s", "envoy"}},
		{"html apostrophe", "Russia&rsquo;s envoy", []string{"Russia", "'s", "envoy"}, []string{"Russia", "&rsquo;s", "envoy"}},
		{"unknown token dropped", "a b", []string{"a", "zzz", "b"}, []string{"a", "b"}},
		{"multibyte", "Zürich — 😀 Genève", []string{"Zürich", "—", "😀", "Genève"}, []string{"Zürich", "—", "😀", "Genève"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []prose.Token
			for _, s := range tt.toks {
				in = append(in, prose.Token{Text: s})
			}
			got := alignTokens(tt.src, 100, in)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d tokens %+v, want %q", len(got), got, tt.want)
			}
			for i, tok := range got {
				if tok.Text != tt.want[i] || tt.src[tok.Start-100:tok.End-100] != tok.Text {
					t.Errorf("token %d = %+v, want %q", i, tok, tt.want[i])
				}
			}
		})
	}
}

// prose's own tokenizer, on text with curly quotes, lines up with the source.
func TestSentenceOffsets(t *testing.T) {
	text := "  “We support all diplomatic efforts,” Wang Wenbin said in Beijing’s ministry."
	start := 2
	toks := Sentence(text, start, len(text))
	if len(toks) < 10 {
		t.Fatalf("got %d tokens, want at least 10", len(toks))
	}
	last := start
	for _, tok := range toks {
		if tok.Start < last || tok.End <= tok.Start || text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("bad token %+v after %d", tok, last)
		}
		last = tok.End
	}
	if toks[0].Text != "“" {
		t.Errorf("first token %q, want the curly quote", toks[0].Text)
	}
}

func TestFinalStop(t *testing.T) {
	for text, want := range map[string]string{
		"said Bob.":          "said|Bob|.",
		"in the U.S.":        "in|the|U.S.",
		"said Gen. J.":       "said|Gen.|J|.",
		"it ended at 5 p.m.": "it|ended|at|5|p.m.",
	} {
		var got []string
		for _, tok := range Sentence(text, 0, len(text)) {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q is not at [%d,%d)", text, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%q: tokens %q, want %q", text, strings.Join(got, "|"), want)
		}
	}
}
