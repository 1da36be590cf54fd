package main

import (
	"reflect"
	"strings"
	"testing"

	"lede/core"
)

func TestWhollyQuoted(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{`"We will win."`, true},
		{`"We will win,"`, true},
		{`  “We will win,”  `, true},
		{`“We will win”,`, true},
		{`“We will win”.`, true},
		{`“We will win” —`, true},
		{`‘We will win’`, true},
		{`'We will win'`, true},
		{`«Nous gagnerons»`, true},
		{`„Wir gewinnen“`, true},
		{`''We will win,''`, true}, // two apostrophes for a double mark
		{`“Clinton’s plan is bad,”`, true},
		{`'Clinton’s plan isn't bad'`, true},
		{`"I hate the term 'outreach,' "`, true}, // nested marks of the other kind
		{`that "we will win"`, false},
		{`"We will win," he said, "and soon."`, false},
		{`“rigged,” and “wounded”`, false},
		{`“We will win” for sure`, false},
		{`“We will win. And then`, false}, // runs on into the next paragraph
		{`"`, false},
		{`""`, false},
		{`We will win`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := whollyQuoted(tt.s); got != tt.want {
			t.Errorf("whollyQuoted(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// sp returns a PolNeAR span for the first occurrence of sub in text.
func sp(t *testing.T, text, sub string) pnSpan {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return pnSpan{ByteStart: i, ByteEnd: i + len(sub), Text: sub}
}

func TestDirectUnits(t *testing.T) {
	text := `"Yes," he said, "we will." She said that "maybe" it works. Aides said "no."`
	d := pnDoc{Text: text, Attributions: []pnAttribution{
		{ // two quoted spans: two units
			Source:  []pnSpan{sp(t, text, "he")},
			Content: []pnSpan{sp(t, text, `"Yes,"`), sp(t, text, `"we will."`)},
		},
		{ // partly quoted content: no unit
			Source:  []pnSpan{sp(t, text, "She")},
			Content: []pnSpan{sp(t, text, `that "maybe" it works`)},
		},
		{ // same content twice: one unit with both sources
			Source:  []pnSpan{sp(t, text, "Aides")},
			Content: []pnSpan{sp(t, text, `"no."`)},
		},
		{
			Source:  []pnSpan{sp(t, text, "said \"no")},
			Content: []pnSpan{sp(t, text, `"no."`)},
		},
	}}
	units := directUnits(d)
	var got []string
	for _, u := range units {
		got = append(got, text[u.start:u.end])
	}
	if want := []string{`"Yes,"`, `"we will."`, `"no."`}; !reflect.DeepEqual(got, want) {
		t.Fatalf("units = %q, want %q", got, want)
	}
	if len(units[2].sources) != 2 {
		t.Errorf("shared content has sources %v, want both", units[2].sources)
	}
}

func TestInsideContent(t *testing.T) {
	attrs := []pnAttribution{
		{Content: []pnSpan{{ByteStart: 0, ByteEnd: 10}, {ByteStart: 20, ByteEnd: 30}}},
		{Content: []pnSpan{{ByteStart: 100, ByteEnd: 110}}},
	}
	tests := []struct {
		q    span
		want bool
	}{
		{span{0, 10}, true},
		{span{5, 25}, true},    // 5+5 of 20 bytes, over two spans of one attribution
		{span{8, 22}, false},   // 2+2 of 14
		{span{105, 115}, true}, // half
		{span{106, 120}, false},
		{span{40, 50}, false},
	}
	for _, tt := range tests {
		if got := insideContent(tt.q, attrs); got != tt.want {
			t.Errorf("insideContent(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := unionOverlap(span{0, 10}, []span{{0, 6}, {4, 8}}); got != 8 {
		t.Errorf("unionOverlap over overlapping spans = %d, want 8", got)
	}
}

func strp(s string) *string { return &s }

func mention(t *testing.T, text, sub string) *core.Mention {
	s := sp(t, text, sub)
	return &core.Mention{Start: s.ByteStart, End: s.ByteEnd, Text: sub}
}

func quote(t *testing.T, text, sub, kind string) core.Quote {
	s := sp(t, text, sub)
	return core.Quote{Start: s.ByteStart, End: s.ByteEnd, Text: strings.Trim(sub, `"`), Kind: kind}
}

func TestScorePolnear(t *testing.T) {
	text := `"One two three four," Smith said. "Five six seven eight," he added. ` +
		`Jones said "nine ten eleven twelve." "Thirteen," a spokesman said. Kim said "fourteen fifteen".`
	d := pnDoc{ID: "doc", Text: text, Attributions: []pnAttribution{
		{Source: []pnSpan{sp(t, text, "Smith")}, Content: []pnSpan{sp(t, text, `"One two three four,"`)}},
		{Source: []pnSpan{sp(t, text, "he")}, Content: []pnSpan{sp(t, text, `"Five six seven eight,"`)}},
		{Source: []pnSpan{sp(t, text, "Jones")}, Content: []pnSpan{sp(t, text, `"nine ten eleven twelve."`)}},
		{Source: []pnSpan{sp(t, text, "a spokesman")}, Content: []pnSpan{sp(t, text, `"Thirteen,"`)}},
		{Content: []pnSpan{sp(t, text, `"fourteen fifteen"`)}}, // no source
	}}
	res := core.Result{
		Entities: []core.Entity{
			{ID: "e1", Name: "Smith", Type: "PERSON", Mentions: []core.Mention{*mention(t, text, "Smith")}},
			{ID: "e2", Name: "Jones", Type: "PERSON", Mentions: []core.Mention{*mention(t, text, "Jones")}},
		},
		Quotes: []core.Quote{
			// exact up to the trailing space; speaker by mention
			quote(t, text, `"One two three four," `, "direct"),
			// exact; speaker entity Smith, but the source is "he": no mention of
			// Smith overlaps it and the speakerMention is missing
			quote(t, text, `"Five six seven eight,"`, "direct"),
			// half of the gold; partial; speaker by entity mention
			quote(t, text, `"nine ten eleven`, "partial"),
			// not a quote of the gold: predicted direct, outside any content
			quote(t, text, `Kim said`, "direct"),
			// sourceless gold: found, not scored for speaker
			quote(t, text, `"fourteen fifteen"`, "direct"),
		},
	}
	res.Quotes[0].Speaker, res.Quotes[0].SpeakerMention, res.Quotes[0].Method = strp("e1"), mention(t, text, "Smith"), "explicit"
	res.Quotes[1].Speaker, res.Quotes[1].Method = strp("e1"), "continuation"
	res.Quotes[2].Speaker, res.Quotes[2].Method = strp("e2"), "explicit"
	s := scorePolnear(d, res)

	check := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	check("gold", s.gold, 5)
	check("found", s.found, 4) // "Thirteen," missed
	check("exact", s.exact, 3)
	check("pred", s.pred, 4)
	check("predRight", s.predRight, 3)
	check("withSource", s.withSource, 3)
	check("speaker", s.speaker, 2)
	check("sourceless", s.sourceless, 1)
	check("noSpeaker", s.noSpeaker, 1)
	if got, want := s.methods["explicit"], (&methodCount{n: 2, right: 2}); !reflect.DeepEqual(got, want) {
		t.Errorf("explicit: %+v, want %+v", got, want)
	}
	if got, want := s.methods["continuation"], (&methodCount{n: 1, right: 0}); !reflect.DeepEqual(got, want) {
		t.Errorf("continuation: %+v, want %+v", got, want)
	}
	var whats []string
	for _, m := range s.misses {
		whats = append(whats, m.what)
	}
	if want := []string{"speaker", "span", "not found"}; !reflect.DeepEqual(whats, want) {
		t.Errorf("misses = %q, want %q", whats, want)
	}
	if p, r := s.precision(), s.recall(); p != 0.75 || r != 0.8 {
		t.Errorf("P, R = %v, %v; want 0.75, 0.8", p, r)
	}
	if got := s.exactRecall(); got != 0.6 {
		t.Errorf("exact recall = %v, want 0.6", got)
	}

	var total pnScore
	total.add(s)
	total.add(s)
	if total.gold != 10 || total.methods["explicit"].n != 4 || len(total.misses) != 6 {
		t.Errorf("add: %+v", total)
	}
}
