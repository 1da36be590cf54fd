package quotes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"lede/core/internal/segment"
)

// The project's seed article and its hand-made gold (see core/testdata).
const (
	seedPath     = "../../testdata/seed-article.txt"
	seedGoldPath = "../../testdata/seed-article.gold.json"
)

// foundQuote is a quotation as the tests write it: the text with its
// marks, and its kind.
type foundQuote struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

func (q foundQuote) String() string { return fmt.Sprintf("%s %q", q.Kind, q.Text) }

func quotesOf(text string) []foundQuote {
	var out []foundQuote
	for _, q := range Find(text, segment.Paragraphs(text)) {
		out = append(out, foundQuote{text[q.Start:q.End], q.Kind})
	}
	return out
}

// d and p build the expected quotes of the table.
func d(s string) foundQuote { return foundQuote{s, Direct} }
func p(s string) foundQuote { return foundQuote{s, Partial} }

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []foundQuote
	}{
		// 1. Every kind of double mark.
		{"straight", `"We will win," he said.`, []foundQuote{d(`"We will win,"`)}},
		{"curly", `“We will win,” he said.`, []foundQuote{d(`“We will win,”`)}},
		{"guillemets French spacing", `« Nous allons gagner », a-t-il dit.`, []foundQuote{d(`« Nous allons gagner »`)}},
		{"guillemets tight", `Er sagte: «Wir gewinnen.» Dann ging er.`, []foundQuote{d(`«Wir gewinnen.»`)}},
		{"guillemets reversed", `»Wir gewinnen«, sagte er.`, []foundQuote{d(`»Wir gewinnen«`)}},
		{"German low-high", `„Wir schaffen das“, sagte Merkel.`, []foundQuote{d(`„Wir schaffen das“`)}},
		{"German low-high after full stop", `Sie sagte: „Wir schaffen das.“ Dann ging sie.`, []foundQuote{d(`„Wir schaffen das.“`)}},
		{"Polish low-high", `„Nie wiem”, powiedział.`, []foundQuote{d(`„Nie wiem”`)}},
		{"single guillemets", `‹Oui›, dit-il.`, []foundQuote{d(`‹Oui›`)}},
		{"two apostrophes as a double mark", `''We will win,'' he said.`, []foundQuote{d(`''We will win,''`)}},
		{"mixed straight and curly", `"We will win,” he said.`, []foundQuote{d(`"We will win,”`)}},

		// 2. Single quotes as quotation marks, and apostrophes.
		{"single straight pull quote",
			`'There is no ceiling for China-Russia cooperation, no ceiling for us to oppose hegemony' said Chinese Foreign Ministry spokesman Wang Wenbin`,
			[]foundQuote{d(`'There is no ceiling for China-Russia cooperation, no ceiling for us to oppose hegemony'`)}},
		{"single curly", `‘We will win,’ he said.`, []foundQuote{d(`‘We will win,’`)}},
		{"single in a headline", `Trump: 'We are going to win so much.'`, []foundQuote{d(`'We are going to win so much.'`)}},
		{"single scare quotes", `Clinton blasts Trump over 'deportation force' idea.`, []foundQuote{p(`'deportation force'`)}},
		{"single closing after s and a speech verb", `'Nobody cares about the issues' said the senator.`, []foundQuote{d(`'Nobody cares about the issues'`)}},
		{"apostrophe possessive", `China's Anhui Province`, nil},
		{"apostrophe plural possessive", `all parties' legitimate security concerns`, nil},
		{"apostrophe curly possessive", `Russia’s official news agency`, nil},
		{"apostrophe curly decade", `music of the ’90s was loud`, nil},
		{"apostrophe straight decade", `music of the '90s was loud`, nil},
		{"apostrophe curly rock n roll", `rock ’n’ roll`, nil},
		{"apostrophe straight rock n roll", `rock 'n' roll`, nil},
		{"apostrophe opening-closing rock n roll", `rock ‘n’ roll`, nil},
		{"apostrophe contraction", `I don't know`, nil},
		{"apostrophe name", `Conan O'Brien`, nil},
		{"apostrophe Joneses", `the Joneses' house`, nil},
		{"apostrophe elided start", `give 'em hell 'til dawn`, nil},
		{"all apostrophes in one paragraph",
			`In the '90s, China's and Russia’s parties' leaders didn't play rock 'n' roll or rock ’n’ roll at the Joneses' house with O'Brien in the ’90s.`,
			nil},
		{"apostrophes inside a single quote", `'China's and Russia’s leaders don't agree,' he said.`,
			[]foundQuote{d(`'China's and Russia’s leaders don't agree,'`)}},
		{"decade inside a single quote", `‘It was the ’90s, after all,’ she said.`, []foundQuote{d(`‘It was the ’90s, after all,’`)}},
		{"single pair only within a paragraph", "He said 'we will\n\ngo' and left.", nil},
		{"single nested in double is not returned", `"They call it 'the plan,' but it is not," he said.`,
			[]foundQuote{d(`"They call it 'the plan,' but it is not,"`)}},
		{"apostrophes inside a double quote", `"The parties' leaders don't agree on the '90s," he said.`,
			[]foundQuote{d(`"The parties' leaders don't agree on the '90s,"`)}},

		// 3. A quote over several paragraphs.
		{"multi-paragraph straight",
			"\"We will build the wall.\n\n\"And Mexico will pay for it.\n\n\"Believe me,\" he said.",
			[]foundQuote{d("\"We will build the wall.\n\n\"And Mexico will pay for it.\n\n\"Believe me,\"")}},
		{"multi-paragraph curly after an attribution",
			"He said: “We will build the wall.\n\n“And Mexico will pay for it,” he said.\n\nThen “nothing” happened.",
			[]foundQuote{d("“We will build the wall.\n\n“And Mexico will pay for it,”"), p("“nothing”")}},
		{"unclosed paragraph not reopened is dropped",
			"He said \"this never closes.\n\nShe called it \"nonsense\" later.",
			[]foundQuote{p(`"nonsense"`)}},
		{"unclosed paragraph ending mid-sentence is not continued",
			"He called it \"a disaster,\n\n\"Yes,\" she said.",
			[]foundQuote{d(`"Yes,"`)}},

		// 4. Nested quotes.
		{"nested single in curly", `“He said ‘no’ to me,” she said.`, []foundQuote{d(`“He said ‘no’ to me,”`)}},
		{"nested straight", `"He said 'no' to me," she said.`, []foundQuote{d(`"He said 'no' to me,"`)}},
		{"nested double in single", `'He said "no" to me,' she said.`, []foundQuote{d(`'He said "no" to me,'`)}},
		{"as you have said", `"Today, as you have said, we will consider concrete steps," the top Russian diplomat stated.`,
			[]foundQuote{d(`"Today, as you have said, we will consider concrete steps,"`)}},
		{"nested double in double", `"She told me "never again" and left," he said.`,
			[]foundQuote{d(`"She told me "never again" and left,"`)}},
		{"three apostrophes close single then double", `''I would use the word 'old-school,''' said Mr. Slayton.`,
			[]foundQuote{d(`''I would use the word 'old-school,'''`)}},

		// 5. Unbalanced marks.
		{"stray straight mark does not flip later ones",
			`The 5" screen broke. Then he said "yes" and "no".`,
			[]foundQuote{p(`"yes"`), p(`"no"`)}},
		{"stray opening mark keeps later quotes",
			`He said " and then "yes" and "no".`,
			[]foundQuote{p(`"yes"`), p(`"no"`)}},
		{"unclosed opening mark keeps quotes inside it",
			`He said "we will see "cooperation" soon.`,
			[]foundQuote{p(`"cooperation"`)}},
		{"stray mark reset at each paragraph",
			"A stray \" here.\n\n\"We will win,\" he said.",
			[]foundQuote{d(`"We will win,"`)}},
		{"closing mark after a space", `"They say, 'Oh, this is important,' " Magel said.`,
			[]foundQuote{d(`"They say, 'Oh, this is important,' "`)}},
		{"closing mark without space after", `"Yes,"she said.`, []foundQuote{d(`"Yes,"`)}},
		{"opening mark without space before", `He said,"We will win."`, []foundQuote{d(`"We will win."`)}},
		{"markup attribute", `<tweet tweet-id="669350861383049216"><tweet/>. He said "fine".`, []foundQuote{p(`"fine"`)}},
		{"empty quotes", `He said "" and left.`, nil},
		{"lone mark between spaces opens nothing", `He said " we will win " and "left".`, []foundQuote{p(`"left"`)}},

		// 6. Kinds.
		{"scare quotes",
			`China said "cooperation" between the two allies has no "ceiling" to resist "hegemony".`,
			[]foundQuote{p(`"cooperation"`), p(`"ceiling"`), p(`"hegemony"`)}},
		{"partial after noted", `Wang Wenbin noted "positive signals" demonstrated by both parties.`,
			[]foundQuote{p(`"positive signals"`)}},
		{"direct after a comma and a cue", `Ryan said, "Look, these images have no place in a campaign."`,
			[]foundQuote{d(`"Look, these images have no place in a campaign."`)}},
		{"direct after a verb", `Trump said "We will win so much you will get tired."`,
			[]foundQuote{d(`"We will win so much you will get tired."`)}},
		{"direct after a colon", `He put it simply: "no."`, []foundQuote{d(`"no."`)}},
		{"direct after a quoted sentence", `He said on ABC's "Good Morning America." "She will lose."`,
			[]foundQuote{p(`"Good Morning America."`), d(`"She will lose."`)}},
		{"title after a comma", `His book, "The Art of the Deal," sold well.`, []foundQuote{p(`"The Art of the Deal,"`)}},
		{"term opening a sentence", `"Non-paper" is a diplomatic term.`, []foundQuote{p(`"Non-paper"`)}},
		{"title with its author", `—"Sam Mendes leaves the show," by Michael Paulson: "He is gone."`,
			[]foundQuote{p(`"Sam Mendes leaves the show,"`), d(`"He is gone."`)}},
		{"fragment between dashes with a cue after it", `Clinton said his plan was unserious - "Again, we need details," she said - and left.`,
			[]foundQuote{d(`"Again, we need details,"`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotesOf(tt.text)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
			checkQuoteInvariants(t, tt.text, Find(tt.text, segment.Paragraphs(tt.text)))
		})
	}
}

// TestFindQuotesText checks TextStart and TextEnd: the words without the
// marks and the white space inside them, and for a quote over several
// paragraphs everything from the first word to the last.
func TestFindQuotesText(t *testing.T) {
	tests := []struct{ text, want string }{
		{`He said "we will win " and left.`, `we will win`},
		{`“He said ‘no’ to me,” she said.`, `He said ‘no’ to me,`},
		{"“One.\n\n“Two.\n\n“Three,” he said.", "One.\n\n“Two.\n\n“Three,"},
	}
	for _, tt := range tests {
		qs := Find(tt.text, segment.Paragraphs(tt.text))
		if len(qs) != 1 {
			t.Errorf("Find(%q) = %d quotes, want 1", tt.text, len(qs))
			continue
		}
		if got := tt.text[qs[0].TextStart:qs[0].TextEnd]; got != tt.want {
			t.Errorf("Find(%q) text = %q, want %q", tt.text, got, tt.want)
		}
	}
	text := "Intro.\n\n“One.\n\n“Two,” he said."
	qs := Find(text, segment.Paragraphs(text))
	if len(qs) != 1 || qs[0].FirstPara != 1 || qs[0].LastPara != 2 {
		t.Errorf("Find(%q) = %+v, want one quote over paragraphs 1 and 2", text, qs)
	}
}

// TestFindQuotesSeed checks the 11 quotations of the seed article against
// the hand-made gold: same spans, marks included, and same kinds.
func TestFindQuotesSeed(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	goldRaw, err := os.ReadFile(seedGoldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Quotes []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Kind  string `json:"kind"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(goldRaw, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Quotes) != 11 {
		t.Fatalf("gold has %d quotes, want 11", len(gold.Quotes))
	}
	text := string(raw)
	got := Find(text, segment.Paragraphs(text))
	checkQuoteInvariants(t, text, got)
	type key struct {
		start, end int
		kind       string
	}
	want := map[key]bool{}
	for _, g := range gold.Quotes {
		want[key{g.Start, g.End, g.Kind}] = true
	}
	have := map[key]bool{}
	for _, q := range got {
		k := key{q.Start, q.End, q.Kind}
		have[k] = true
		if !want[k] {
			t.Errorf("unexpected quote %d-%d %s %q", q.Start, q.End, q.Kind, text[q.Start:q.End])
		}
	}
	for _, g := range gold.Quotes {
		if !have[key{g.Start, g.End, g.Kind}] {
			t.Errorf("missing quote %d-%d %s %q", g.Start, g.End, g.Kind, text[g.Start:g.End])
		}
	}
}

// checkQuoteInvariants checks what Find promises whatever the
// input: quotes in text order, not overlapping, inside their paragraphs,
// on rune boundaries, beginning and ending with a quote mark.
func checkQuoteInvariants(t *testing.T, text string, qs []Quote) {
	t.Helper()
	paras := segment.Paragraphs(text)
	valid := utf8.ValidString(text)
	prevEnd := 0
	for k, q := range qs {
		if !(0 <= q.Start && q.Start < q.TextStart && q.TextStart <= q.TextEnd && q.TextEnd < q.End && q.End <= len(text)) {
			t.Fatalf("quote %d: bad offsets %+v for a text of %d bytes", k, q, len(text))
		}
		if q.Start < prevEnd {
			t.Fatalf("quote %d at %d starts before the end %d of the one before", k, q.Start, prevEnd)
		}
		prevEnd = q.End
		if q.Kind != Direct && q.Kind != Partial {
			t.Errorf("quote %d: kind %q", k, q.Kind)
		}
		if !(0 <= q.FirstPara && q.FirstPara <= q.LastPara && q.LastPara < len(paras)) {
			t.Fatalf("quote %d: paragraphs %d-%d of %d", k, q.FirstPara, q.LastPara, len(paras))
		}
		if q.Start < paras[q.FirstPara].Start || q.Start >= paras[q.FirstPara].End ||
			q.End > paras[q.LastPara].End || q.End <= paras[q.LastPara].Start {
			t.Errorf("quote %d (%d-%d) is not in its paragraphs %v-%v", k, q.Start, q.End, paras[q.FirstPara], paras[q.LastPara])
		}
		if valid {
			for _, o := range []int{q.Start, q.TextStart, q.TextEnd, q.End} {
				if o < len(text) && !utf8.RuneStart(text[o]) {
					t.Errorf("quote %d: offset %d is not on a rune boundary", k, o)
				}
			}
		}
		if _, ok := quoteMarkAt(text, q.Start, q.End); !ok {
			t.Errorf("quote %d %q does not begin with a quote mark", k, text[q.Start:q.End])
		}
		if r, _ := utf8.DecodeLastRuneInString(text[q.Start:q.End]); !strings.ContainsRune(`"'“”„‟«»‘’‚‹›`, r) {
			t.Errorf("quote %d %q does not end with a quote mark", k, text[q.Start:q.End])
		}
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		`"We will win," he said.`,
		`'There is no ceiling' said Wang`,
		"“One.\n\n“Two,” he said.",
		`„Ja“, sagte er. « Oui », dit-il. ‹a›`,
		`rock 'n' roll in the '90s at the Joneses' house`,
		`''I would use the word 'old-school,''' he said.`,
		`"a "b "c " d" e" f'g' 'h`,
		"\"\n\n\"\n\n\"",
		"\xff\"\xfe'",
	} {
		f.Add(s)
	}
	if raw, err := os.ReadFile(seedPath); err == nil {
		f.Add(string(raw))
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkQuoteInvariants(t, text, Find(text, segment.Paragraphs(text)))
	})
}

// quoteStressInputs are texts built to make a careless scanner slow:
// rescanning after every mark, or backtracking over a long open quote.
func quoteStressInputs(size int) map[string]string {
	rep := func(unit string) string { return strings.Repeat(unit, size/len(unit)+1)[:size] }
	return map[string]string{
		"no quotes":           rep("The minister said nothing at all today. "),
		"only straight":       rep(`"`),
		"only apostrophes":    rep(`'`),
		"only curly":          rep(`“”`),
		"spaced marks":        rep(`" `),
		"word-quote pairs":    rep(`"a" `),
		"unclosed openers":    rep(`"a `),
		"unbalanced marks":    rep(`He said " and ' then ” or ‘ well. `),
		"plural possessives":  rep(`the parties' leaders `),
		"long quote":          `"` + rep("we will win and win again ") + `"`,
		"long unclosed quote": `"` + rep("we will win and win again "),
		"quoted paragraphs":   rep("\"We will win.\n\n"),
		"long space run":      `"a` + rep(" ") + `b"`,
	}
}

// TestFindQuotesStress runs findQuotes on inputs of every shape that could
// make a scanner quadratic or make one mark swallow the text, and checks
// the result is sensible. How fast it is lives in BenchmarkFindQuotes.
func TestFindQuotesStress(t *testing.T) {
	want := map[string]int{ // number of quotes, where it is certain
		"no quotes":           0,
		"long quote":          1,
		"long unclosed quote": 0,
		"plural possessives":  0,
	}
	for name, text := range quoteStressInputs(1 << 16) {
		qs := Find(text, segment.Paragraphs(text))
		checkQuoteInvariants(t, text, qs)
		if n, ok := want[name]; ok && len(qs) != n {
			t.Errorf("%s: %d quotes, want %d", name, len(qs), n)
		}
	}
}

// BenchmarkFindQuotes measures findQuotes on news text (the seed article
// repeated) of 10 KB and 1 MB, and on the stress inputs of 1 MB: the time
// per byte stays the same, so the scan is linear.
func BenchmarkFindQuotes(b *testing.B) {
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	article := string(raw) + "\n\n"
	for _, size := range []int{10 << 10, 1 << 20} {
		text := strings.Repeat(article, size/len(article)+1)[:size]
		b.Run(fmt.Sprintf("news/%dKB", size>>10), func(b *testing.B) {
			benchQuotes(b, text)
		})
	}
	for name, text := range quoteStressInputs(1 << 20) {
		b.Run("1MB/"+strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			benchQuotes(b, text)
		})
	}
}

func benchQuotes(b *testing.B, text string) {
	paras := segment.Paragraphs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, paras)
	}
}

// TestFindQuotesFiles checks every testdata/NAME.txt against the
// quotes listed in NAME.json: their text with the marks, and their kind.
func TestFindQuotesFiles(t *testing.T) {
	names, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no test files in testdata:", err)
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		wantRaw, err := os.ReadFile(strings.TrimSuffix(name, ".txt") + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var want []foundQuote
		if err := json.Unmarshal(wantRaw, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := string(raw)
		got := quotesOf(text)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %v\nwant %v", name, got, want)
		}
		checkQuoteInvariants(t, text, Find(text, segment.Paragraphs(text)))
	}
}
