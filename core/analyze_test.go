package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"lede/core/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedPath is the project's seed article, copied from the shared folder so
// that the repository alone passes its tests.
const seedPath = "testdata/seed-article.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the seed article: %v", err)
	}
	return string(b)
}

// checkInvariants checks what every Result must satisfy, whatever the text.
func checkInvariants(t testing.TB, text string, res Result) {
	t.Helper()
	span := func(what string, start, end int) {
		t.Helper()
		if start < 0 || start > end || end > len(text) {
			t.Fatalf("%s [%d,%d) out of range (len %d)", what, start, end, len(text))
		}
		if !utf8.RuneStart(byteAt(text, start)) || !utf8.RuneStart(byteAt(text, end)) {
			t.Fatalf("%s [%d,%d) not on rune boundaries", what, start, end)
		}
	}
	mention := func(what string, m Mention) {
		t.Helper()
		span(what, m.Start, m.End)
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("%s text %q, but the slice is %q", what, m.Text, text[m.Start:m.End])
		}
	}
	if res.Offsets != "utf8" {
		t.Fatalf("offsets %q, want utf8", res.Offsets)
	}
	ids := map[string]bool{}
	for _, e := range res.Entities {
		if ids[e.ID] || e.ID == "" {
			t.Fatalf("entity id %q empty or repeated", e.ID)
		}
		ids[e.ID] = true
		if len(e.Mentions) == 0 {
			t.Fatalf("entity %s has no mentions", e.ID)
		}
		for i, m := range e.Mentions {
			mention("mention of "+e.ID, m)
			if i > 0 && m.Start < e.Mentions[i-1].Start {
				t.Fatalf("mentions of %s not sorted", e.ID)
			}
		}
		switch e.Type {
		case Person, Org, Place, NORP:
		default:
			t.Fatalf("entity %s has type %q", e.ID, e.Type)
		}
	}
	for i, q := range res.Quotes {
		span("quote", q.Start, q.End)
		if i > 0 && q.Start < res.Quotes[i-1].Start {
			t.Fatalf("quotes not sorted")
		}
		if q.Speaker != nil && !ids[*q.Speaker] {
			t.Fatalf("quote speaker %q is not an entity", *q.Speaker)
		}
		if q.SpeakerMention != nil {
			mention("speaker mention", *q.SpeakerMention)
		}
		if q.Cue != nil {
			mention("cue", *q.Cue)
		}
	}
	for _, list := range [][]Span{res.Sentences, res.Paragraphs} {
		for i, s := range list {
			span("sentence or paragraph", s.Start, s.End)
			if i > 0 && s.Start < list[i-1].End {
				t.Fatalf("spans overlap or are not sorted: %v then %v", list[i-1], s)
			}
		}
	}
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0 // the end of the text is a boundary
	}
	return s[i]
}

func TestAnalyzeOddInput(t *testing.T) {
	inputs := map[string]string{
		"empty":          "",
		"spaces":         " \n\n\t ",
		"no letters":     "!!! ??? ... --- \"\" '' “”",
		"emoji and zwj":  "👩‍👩‍👧 Sergey Lavrov 🇷🇺 met Wang Yi 😀 in Beijing.",
		"rtl":            "قال سيرجي لافروف إن روسيا. Sergey Lavrov said so.",
		"crlf":           "Lavrov Arrives\r\n\r\nSergey Lavrov arrived in Beijing.\r\n",
		"nul":            "Sergey\x00Lavrov in Beijing\x00.",
		"markup":         `<img src=x onerror="alert(1)"><script>alert(2)</script> Sergey Lavrov`,
		"many quotes":    strings.Repeat(`"`, 10000),
		"long word":      strings.Repeat("a", 1<<20),
		"nested":         strings.Repeat("(", 5000) + "Beijing" + strings.Repeat(")", 5000),
		"lone surrogate": "Lavrov � said �.", // what JavaScript's lone surrogates become
		"html entities":  "Russia&rsquo;s envoy Sergey Lavrov &amp; Wang Yi",
		"curly and tabs": "\t“Beijing,”\tsaid\tLavrov.",
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			res, err := Analyze(text)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, text, res)
		})
	}
}

func TestAnalyzeRejects(t *testing.T) {
	_, err := Analyze("Lavrov \xff\xfe said")
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "offset 7") {
		t.Errorf("invalid UTF-8: err = %v, want ErrInvalidUTF8 at offset 7", err)
	}
	_, err = Analyze(strings.Repeat("a ", MaxInputBytes/2+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge text: err = %v, want ErrTooLarge", err)
	}
	res, err := Analyze("")
	if err != nil || res.Entities == nil || res.Quotes == nil || res.Sentences == nil {
		t.Errorf("empty text: %+v, %v; want empty, non-nil lists", res, err)
	}
}

func TestAnalyzeSeed(t *testing.T) {
	text := readSeed(t)
	res, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, text, res)
	want := map[string]string{"Sergey Lavrov": Person, "Wang Yi": Person, "Beijing": Place}
	for _, e := range res.Entities {
		if typ, ok := want[e.Name]; ok && typ == e.Type {
			delete(want, e.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("entities not found with their type: %v", want)
	}
	golden(t, "seed-article", summarize(text, res))
}

// The page's sample article, with its quotes and speakers, as a golden
// file: the text ships with Lede, so the file shows what a reader sees.
func TestAnalyzeSample(t *testing.T) {
	b, err := os.ReadFile("../web/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	res, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, text, res)
	golden(t, "sample", summarizeWithText(text, res))
}

// summarizeWithText is summarize with names and quoted words, for texts
// whose offsets say little to a reader.
func summarizeWithText(text string, res Result) string {
	var b strings.Builder
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name
		fmt.Fprintf(&b, "%s %s %q roles=%q mentions=%d", e.ID, e.Type, e.Name, e.Roles, len(e.Mentions))
		if e.Gender != nil {
			fmt.Fprintf(&b, " gender=%s (%s)", e.Gender.Value, e.Gender.Evidence)
		}
		b.WriteByte('\n')
	}
	for _, q := range res.Quotes {
		speaker := "-"
		if q.Speaker != nil {
			speaker = names[*q.Speaker]
		}
		words := q.Text
		if len(words) > 40 {
			words = words[:40] + "…"
		}
		fmt.Fprintf(&b, "quote %s %q speaker=%q method=%s\n", q.Kind, words, speaker, q.Method)
	}
	return b.String()
}

// summarize writes a result compactly, one entity a line, so that golden
// diffs are readable.
func summarize(text string, res Result) string {
	var b strings.Builder
	for _, e := range res.Entities {
		fmt.Fprintf(&b, "%s %s %q", e.ID, e.Type, e.Name)
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, " %d:%d", m.Start, m.End)
		}
		if e.Gender != nil {
			fmt.Fprintf(&b, " gender=%s (%s)", e.Gender.Value, e.Gender.Evidence)
		}
		b.WriteByte('\n')
	}
	for _, q := range res.Quotes {
		speaker := "-"
		if q.Speaker != nil {
			speaker = *q.Speaker
		}
		fmt.Fprintf(&b, "quote %d:%d %s speaker=%s method=%s\n", q.Start, q.End, q.Kind, speaker, q.Method)
	}
	fmt.Fprintf(&b, "%d sentences, %d paragraphs\n", len(res.Sentences), len(res.Paragraphs))
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./core -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("result differs from %s (go test ./core -update rewrites it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// The JSON field names are the contract in SCHEMA.md.
func TestResultJSONShape(t *testing.T) {
	res, err := Analyze("Sergey Lavrov arrived in Beijing.")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(res)
	var m map[string]any
	json.Unmarshal(b, &m)
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, ","); got != "entities,offsets,paragraphs,quotes,sentences" {
		t.Errorf("top-level keys %s", got)
	}
	ents := m["entities"].([]any)
	if len(ents) == 0 {
		t.Fatal("no entities")
	}
	for _, k := range []string{"id", "name", "type", "aliases", "roles", "mentions"} {
		if _, ok := ents[0].(map[string]any)[k]; !ok {
			t.Errorf("entity has no %q", k)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Sergey Lavrov arrived in Beijing. “We support it,” he said.")
	f.Add("“Unbalanced ' quote « and » „marks“")
	f.Add("a\r\n\r\nb\u2028c")
	if b, err := os.ReadFile(seedPath); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := Analyze(text)
		if err != nil {
			if !utf8.ValidString(text) || len(text) > MaxInputBytes {
				return
			}
			t.Fatalf("valid text failed: %v", err)
		}
		checkInvariants(t, text, res)
		// WriteJSON writes what encoding/json would, whatever the text.
		want, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := result.WriteJSON(&got, &res, false, true); err != nil || !bytes.Equal(got.Bytes(), append(want, '\n')) {
			t.Fatalf("WriteJSON: %v\n got %.200q\nwant %.200q", err, got.String(), want)
		}
	})
}

func BenchmarkAnalyzeSeed(b *testing.B) {
	text := readSeed(b)
	LoadModel()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Analyze(text); err != nil {
			b.Fatal(err)
		}
	}
}

// An Analyzer gives the same result as Analyze, before and after an edit.
func TestAnalyzerCacheAgrees(t *testing.T) {
	text := readSeed(t)
	edited := strings.Replace(text, "Lavrov arrived in Tunxi", "Lavrov landed in Tunxi on Tuesday", 1)
	a := NewAnalyzer()
	for _, tx := range []string{text, edited, text, "", edited} {
		want, _ := Analyze(tx)
		got, err := a.Analyze(tx)
		if err != nil {
			t.Fatal(err)
		}
		if summarize(tx, got) != summarize(tx, want) {
			t.Fatalf("cached result differs:\n%s\nwant:\n%s", summarize(tx, got), summarize(tx, want))
		}
		checkInvariants(t, tx, got)
	}
}

// BenchmarkReanalyse measures analysing the seed article again after
// one paragraph changed, with an Analyzer that saw it before.
func BenchmarkReanalyse(b *testing.B) {
	text := readSeed(b)
	edited := strings.Replace(text, "Lavrov arrived in Tunxi", "Lavrov landed in Tunxi", 1)
	a := NewAnalyzer()
	a.Analyze(text)
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			a.Analyze(edited)
		} else {
			a.Analyze(text)
		}
		i++
	}
}
