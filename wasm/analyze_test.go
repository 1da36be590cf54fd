package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"lede/core"
)

// utf16Slice is what JavaScript's text.slice(start, end) gives.
func utf16Slice(text string, start, end int) string {
	u := utf16.Encode([]rune(text))
	return string(utf16.Decode(u[start:end]))
}

func TestAnalyzeJSONOffsetsAreUTF16(t *testing.T) {
	text := "😀👩‍👩‍👧 Russian Foreign Minister Sergey Lavrov arrived in Beijing on Wednesday.\n\n“We agree,” Lavrov said in Zürich. “We go on.”\n\n“And on — ünd on.”"
	out, err := analyzeJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	var res core.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Offsets != "utf16" {
		t.Errorf("offsets = %q, want utf16", res.Offsets)
	}
	if len(res.Entities) == 0 {
		t.Fatal("no entities")
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if got := utf16Slice(text, m.Start, m.End); got != m.Text {
				t.Errorf("mention %q: JavaScript slice [%d,%d) gives %q", m.Text, m.Start, m.End, got)
			}
		}
	}
	// Quotes that carry on one speaker each point at that speaker's
	// words; every one of them must be converted exactly once.
	if len(res.Quotes) < 3 {
		t.Fatalf("%d quotes, want 3", len(res.Quotes))
	}
	for _, q := range res.Quotes {
		for _, m := range []*core.Mention{q.SpeakerMention, q.Cue} {
			if m != nil && utf16Slice(text, m.Start, m.End) != m.Text {
				t.Errorf("quote %q: mention %q at [%d,%d) slices to %q", q.Text, m.Text, m.Start, m.End, utf16Slice(text, m.Start, m.End))
			}
		}
		if got := utf16Slice(text, q.Start, q.End); !strings.Contains(got, q.Text) {
			t.Errorf("quote %q slices to %q", q.Text, got)
		}
	}
	for _, p := range res.Paragraphs {
		if s := utf16Slice(text, p.Start, p.End); strings.TrimSpace(s) != s || s == "" {
			t.Errorf("paragraph %q has space around it or is empty", s)
		}
	}
}

func TestAnalyzeJSONErrors(t *testing.T) {
	if _, err := analyzeJSON("bad \xff byte"); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
	if _, err := analyzeJSON(strings.Repeat("x", core.MaxInputBytes+1)); err == nil {
		t.Error("huge text: no error")
	}
}

// A panic in core becomes an error, and the next call works.
func TestAnalyzeJSONSurvivesPanic(t *testing.T) {
	defer func(f func(string) (core.Result, error)) { analyze = f }(analyze)
	analyze = func(string) (core.Result, error) { panic("boom") }
	if _, err := analyzeJSON("Sergey Lavrov"); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the panic as an error", err)
	}
	analyze = core.Analyze // without the cache
	if out, err := analyzeJSON("Sergey Lavrov arrived in Beijing."); err != nil || !strings.Contains(out, "Beijing") {
		t.Fatalf("after a panic: %q, %v", out, err)
	}
}

// quickJSON, the first look, has the same shape and offsets as the full
// result.
func TestQuickJSON(t *testing.T) {
	text := "😀 “We will win,” said the envoy of Russia."
	out, err := quickJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	var res core.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Offsets != "utf16" || len(res.Quotes) != 1 || len(res.Entities) != 1 {
		t.Fatalf("quick result %+v", res)
	}
	if m := res.Entities[0].Mentions[0]; utf16Slice(text, m.Start, m.End) != "Russia" {
		t.Errorf("mention %+v", m)
	}
}

// jsToGo is what syscall/js makes of a JavaScript string with these
// UTF-16 code units: UTF-8, with each lone surrogate as U+FFFD.
func jsToGo(units []uint16) string {
	return string(utf16.Decode(units))
}

// FuzzBoundaryJSString feeds the boundary JavaScript strings (any code
// units, lone surrogates included) and checks the offset contract on what
// it returns: every span inside the text and in order, and every
// mention's text the slice of the text it covers, as the analyzer read it
// (lone surrogates as U+FFFD: worker.js gives them back).
func FuzzBoundaryJSString(f *testing.F) {
	for _, s := range []string{"\"caf\xed\xa0\x80e\" said Bob.", "Sergey Lavrov said \"We agree\" in Beijing.", "😀 Bob said hi."} {
		f.Add([]byte(s))
	}
	f.Add([]byte{0x22, 0, 0x63, 0, 0x00, 0xd8, 0x22, 0, 0x20, 0, 0x42, 0, 0x6f, 0, 0x62, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		units := make([]uint16, len(data)/2)
		for i := range units {
			units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		}
		text := jsToGo(units)
		out, err := analyzeJSON(text)
		if err != nil {
			return // too large; the boundary says so
		}
		var res core.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("the boundary returned JSON that does not parse: %v", err)
		}
		slice := func(start, end int) (string, bool) {
			if start < 0 || start > end || end > len(units) {
				return "", false
			}
			return jsToGo(units[start:end]), true
		}
		check := func(what string, start, end int, words string, inside bool) {
			s, ok := slice(start, end)
			switch {
			case !ok:
				t.Fatalf("%s [%d,%d) outside a text of %d code units", what, start, end, len(units))
			case inside && !strings.Contains(s, words), !inside && s != words:
				t.Fatalf("%s [%d,%d) is %q, its text %q", what, start, end, s, words)
			}
		}
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				check("mention", m.Start, m.End, m.Text, false)
			}
		}
		for i, q := range res.Quotes {
			check("quote", q.Start, q.End, q.Text, true)
			if q.SpeakerMention != nil {
				check("speaker mention", q.SpeakerMention.Start, q.SpeakerMention.End, q.SpeakerMention.Text, false)
			}
			if q.Cue != nil {
				check("cue", q.Cue.Start, q.Cue.End, q.Cue.Text, false)
			}
			if i > 0 && q.Start < res.Quotes[i-1].Start {
				t.Fatalf("quotes out of order at %d", i)
			}
		}
		for _, s := range append(res.Sentences, res.Paragraphs...) {
			if _, ok := slice(s.Start, s.End); !ok {
				t.Fatalf("sentence or paragraph [%d,%d) outside the text", s.Start, s.End)
			}
		}
	})
}
