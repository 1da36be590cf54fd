package main

import (
	"math"
	"slices"
	"testing"
)

func TestCoversHalf(t *testing.T) {
	tests := []struct {
		cover, covered span
		want           bool
	}{
		{span{0, 10}, span{0, 10}, true},
		{span{0, 5}, span{0, 10}, true},   // exactly half
		{span{0, 4}, span{0, 10}, false},  // less than half
		{span{5, 20}, span{0, 10}, true},  // half, from the right
		{span{6, 20}, span{0, 10}, false}, // 4 of 10
		{span{2, 4}, span{0, 3}, false},   // 1 of 3
		{span{1, 4}, span{0, 3}, true},    // 2 of 3
		{span{10, 20}, span{0, 10}, false},
		{span{0, 10}, span{5, 5}, false}, // empty span is never covered
	}
	for _, tt := range tests {
		if got := coversHalf(tt.cover, tt.covered); got != tt.want {
			t.Errorf("coversHalf(%v, %v) = %v, want %v", tt.cover, tt.covered, got, tt.want)
		}
	}
}

func TestBestCover(t *testing.T) {
	g := span{10, 20}
	tests := []struct {
		preds []span
		want  int
	}{
		{nil, -1},
		{[]span{{0, 12}, {16, 30}}, -1},           // 2 and 4 bytes: neither covers half
		{[]span{{0, 12}, {15, 30}}, 1},            // 5 bytes is half
		{[]span{{0, 16}, {13, 30}, {20, 30}}, 1},  // 6 and 7 bytes: the larger wins
		{[]span{{10, 20}, {10, 20}}, 0},           // ties go to the first
		{[]span{{20, 30}, {0, 10}, {16, 40}}, -1}, // touching is not overlapping
	}
	for _, tt := range tests {
		if got := bestCover(g, tt.preds); got != tt.want {
			t.Errorf("bestCover(%v, %v) = %d, want %d", g, tt.preds, got, tt.want)
		}
	}
}

func TestQuotesMatch(t *testing.T) {
	if !quotesMatch(span{0, 4}, span{0, 100}) {
		t.Error("a short quote inside a long gold quote should match it")
	}
	if !quotesMatch(span{0, 100}, span{0, 4}) {
		t.Error("a long quote covering a short gold quote should match it")
	}
	if quotesMatch(span{0, 10}, span{8, 20}) {
		t.Error("quotes sharing 2 bytes of 10 and 12 should not match")
	}
}

func TestSameSpan(t *testing.T) {
	//             0123456789012345678
	const text = ` "Yes," he said; "No".`
	tests := []struct {
		a, b span
		want bool
	}{
		{span{1, 7}, span{1, 7}, true},
		{span{0, 7}, span{1, 7}, true},     // leading space
		{span{1, 8}, span{1, 7}, true},     // trailing space
		{span{1, 6}, span{1, 7}, false},    // closing mark missing
		{span{2, 6}, span{1, 7}, false},    // both marks missing
		{span{17, 21}, span{17, 22}, true}, // trailing period outside the marks
		{span{13, 21}, span{17, 21}, false},
		{span{7, 15}, span{7, 16}, true}, // trailing ";"
	}
	for _, tt := range tests {
		if got := sameSpan(text, tt.a, tt.b); got != tt.want {
			t.Errorf("sameSpan(%q, %q) = %v, want %v", text[tt.a.start:tt.a.end], text[tt.b.start:tt.b.end], got, tt.want)
		}
	}
}

func TestScoreEntities(t *testing.T) {
	gold := []typedSpan{
		{span{0, 5}, "PERSON"},
		{span{10, 15}, "ORG"},
		{span{20, 25}, "PLACE"},
		{span{30, 35}, "PLACE"},
	}
	ignore := []span{{40, 52}} // e.g. "China-Russia", or a MISC / NORP span
	pred := []typedSpan{
		{span{0, 5}, "PERSON"},   // TP
		{span{0, 5}, "PERSON"},   // duplicate: counted once
		{span{10, 15}, "PLACE"},  // wrong type: FP PLACE, FN ORG
		{span{20, 24}, "PLACE"},  // wrong span: FP PLACE, FN PLACE
		{span{30, 35}, "PLACE"},  // TP
		{span{40, 52}, "PLACE"},  // optional: ignored
		{span{40, 45}, "PLACE"},  // inside an optional span but not it: FP
		{span{60, 67}, "NORP"},   // NORP prediction: ignored
		{span{70, 75}, "EVENT"},  // unscored type: ignored
		{span{80, 85}, "PERSON"}, // FP
	}
	s := scoreEntities(pred, gold, ignore)
	want := map[string]counts{
		"PERSON": {tp: 1, fp: 1, fn: 0},
		"ORG":    {tp: 0, fp: 0, fn: 1},
		"PLACE":  {tp: 1, fp: 3, fn: 1},
	}
	for typ, c := range want {
		if got := *s.byType[typ]; got != c {
			t.Errorf("%s: got %+v, want %+v", typ, got, c)
		}
	}
	if got, want := s.micro(), (counts{tp: 2, fp: 4, fn: 2}); got != want {
		t.Errorf("micro: got %+v, want %+v", got, want)
	}
	if len(s.fps) != 4 || len(s.fns) != 2 {
		t.Errorf("got %d FPs and %d FNs listed, want 4 and 2", len(s.fps), len(s.fns))
	}
	if !slices.IsSortedFunc(s.fps, func(a, b typedSpan) int { return a.start - b.start }) {
		t.Errorf("FPs not in text order: %v", s.fps)
	}
}

func TestCounts(t *testing.T) {
	c := counts{tp: 2, fp: 2, fn: 6}
	if p, r, f := c.precision(), c.recall(), c.f1(); p != 0.5 || r != 0.25 || math.Abs(f-1.0/3) > 1e-12 {
		t.Errorf("P, R, F1 = %v, %v, %v; want 0.5, 0.25, 0.333", p, r, f)
	}
	var zero counts
	if zero.precision() != 0 || zero.recall() != 0 || zero.f1() != 0 {
		t.Error("empty counts should score 0, not NaN")
	}
}

func TestParallelMap(t *testing.T) {
	in := make([]int, 100)
	for i := range in {
		in[i] = i
	}
	out := parallelMap(in, func(x int) int { return x * x })
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %d, want %d", i, v, i*i)
		}
	}
	if got := parallelMap([]int{}, func(x int) int { return x }); len(got) != 0 {
		t.Errorf("empty input gave %v", got)
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("a  b\nc", 10); got != "a b c" {
		t.Errorf("got %q", got)
	}
	if got := truncate("héllo wörld", 5); got != "héll…" {
		t.Errorf("got %q", got)
	}
}
