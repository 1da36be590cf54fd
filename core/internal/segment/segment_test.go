package segment

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// seedPath is the project's seed article (see core/testdata).
const seedPath = "../../testdata/seed-article.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the seed article: %v", err)
	}
	return string(b)
}

func spanTexts(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{}},
		{"blank", "  \n\t\n", []string{}},
		{"two", "He came. She left.", []string{"He came.", "She left."}},
		{"abbreviation", "Mr. Smith went to Washington. The U.S. Senate voted at 5 p.m. Tuesday.",
			[]string{"Mr. Smith went to Washington.", "The U.S. Senate voted at 5 p.m. Tuesday."}},
		{"initial", "John F. Kennedy spoke. Crowds cheered.", []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		{"quote then cue", "“We will win!” she said. Then she left.", []string{"“We will win!” she said.", "Then she left."}},
		{"closing quote ends", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"line break always ends", "Headline Without Stop\nBody starts here. And goes on.",
			[]string{"Headline Without Stop", "Body starts here.", "And goes on."}},
		{"crlf", "One.\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"ellipsis and question", "Then she left…  Why? Because.", []string{"Then she left…", "Why?", "Because."}},
		{"decimal", "It rose 3.5 percent. Good.", []string{"It rose 3.5 percent.", "Good."}},
		{"lowercase after stop", "It cost 5 vs. 6 dollars. ok then", []string{"It cost 5 vs. 6 dollars. ok then"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanTexts(tt.text, Sentences(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{}},
		{"one", "  One line.  ", []string{"One line."}},
		{"caption and credit stay together", "Caption line\nCredit AP\n\nBody.", []string{"Caption line\nCredit AP", "Body."}},
		{"many blank lines", "A.\n\n\n \n\tB.\n", []string{"A.", "B."}},
		{"crlf", "A.\r\n\r\nB.", []string{"A.", "B."}},
		{"unicode separators", "A.\u2029\u2029B.", []string{"A.", "B."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanTexts(tt.text, Paragraphs(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Paragraphs(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// Sentences never cross a paragraph boundary, and every sentence lies in
// some paragraph.
func TestSentencesInsideParagraphs(t *testing.T) {
	text := readSeed(t)
	paras := Paragraphs(text)
	for _, s := range Sentences(text) {
		inside := false
		for _, p := range paras {
			if p.Start <= s.Start && s.End <= p.End {
				inside = true
			}
		}
		if !inside {
			t.Errorf("sentence %q is in no paragraph", text[s.Start:s.End])
		}
	}
}

// FuzzSegment checks that sentences and paragraphs are in range, on rune
// boundaries, sorted, not empty, and that every sentence lies in a
// paragraph.
func FuzzSegment(f *testing.F) {
	f.Add("Mr. Smith went to Washington. He left.\n\nA new paragraph.")
	f.Add("a\r\n\r\nb\u2028c\u2029\u2029d")
	f.Add("“Why?” she asked… Then: (no.) ")
	f.Fuzz(func(t *testing.T, text string) {
		paras, sents := Paragraphs(text), Sentences(text)
		for _, list := range [][]Span{paras, sents} {
			for i, s := range list {
				if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
					t.Fatalf("span %v out of range or empty (len %d)", s, len(text))
				}
				if i > 0 && s.Start < list[i-1].End {
					t.Fatalf("spans %v and %v overlap", list[i-1], s)
				}
			}
		}
		for _, s := range sents {
			inside := false
			for _, p := range paras {
				inside = inside || p.Start <= s.Start && s.End <= p.End
			}
			if !inside && strings.TrimSpace(text[s.Start:s.End]) != "" {
				t.Fatalf("sentence %q is in no paragraph", text[s.Start:s.End])
			}
		}
	})
}

func TestGluedSentences(t *testing.T) {
	for text, want := range map[string]int{
		"said Ana Menezes.Native bees are vital.": 2,
		"the U.S.Army said so.":                   1,
		"see www.Example.com today.":              1,
		"e.g.The plan failed.":                    1,
		"It runs on Node.JS now.":                 1,
	} {
		if got := len(Sentences(text)); got != want {
			t.Errorf("%q: %d sentences, want %d", text, got, want)
		}
	}
}

func TestParagraphsFromSingleLineBreaks(t *testing.T) {
	cases := []struct {
		name, text string
		want       int
	}{
		{"copied from a news site, a paragraph a line",
			"Lavrov arrived in Beijing on Wednesday.\n\"We will talk,\" he said.\nWang Yi met him at the airport.", 3},
		{"a caption and its credit stay together",
			"Russian Foreign Minister Sergey Lavrov\nAP Photo", 1},
		{"a headline without a full stop before its body",
			"China assures cooperation\nLavrov arrived in Beijing on Wednesday.", 1},
		{"hard-wrapped text keeps its paragraphs",
			"Russian Foreign Minister Sergey Lavrov arrived in Beijing on\nWednesday for talks with his Chinese counterpart, Wang Yi, who\nsaid the two countries would work together. The visit came\nafter weeks of talks.\n\nA second paragraph follows here.", 2},
		{"blank lines still separate",
			"One paragraph.\n\nAnother one.", 2},
	}
	for _, c := range cases {
		if got := len(Paragraphs(c.text)); got != c.want {
			t.Errorf("%s: %d paragraphs, want %d: %v", c.name, got, c.want, Paragraphs(c.text))
		}
	}
}
