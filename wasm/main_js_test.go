//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"

	"lede/core"
)

// call goes through the same js.Func the page calls.
func call(t *testing.T, args ...any) js.Value {
	t.Helper()
	f := js.FuncOf(analyzeJS)
	defer f.Release()
	return f.Invoke(args...)
}

func resultOf(t *testing.T, v js.Value) core.Result {
	t.Helper()
	if e := v.Get("error"); !e.IsUndefined() {
		t.Fatalf("error %q", e.String())
	}
	var res core.Result
	if err := json.Unmarshal([]byte(v.Get("json").String()), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBoundarySurvivesBadCalls(t *testing.T) {
	bad := [][]any{
		{},
		{42},
		{js.Undefined()},
		{js.Null()},
		{"two", "args"},
		{map[string]any{"text": "an object"}},
		{strings.Repeat("x", core.MaxInputBytes+1)},
	}
	for _, args := range bad {
		v := call(t, args...)
		if e := v.Get("error"); e.Type() != js.TypeString || e.String() == "" {
			t.Errorf("args %.40v: want an error, got %v", args, v)
		}
		// The next call works.
		res := resultOf(t, call(t, "Sergey Lavrov arrived in Beijing."))
		if len(res.Entities) == 0 {
			t.Errorf("after args %.40v: no entities", args)
		}
	}
}

func TestBoundaryUTF16(t *testing.T) {
	// A text made in JavaScript, with an astral character and a lone
	// surrogate, which Go sees as U+FFFD: one code unit either way.
	units := []any{0xD83D, 0xDE00, 0xD800, 0x20}
	for _, r := range "Russian Foreign Minister Sergey Lavrov arrived in Beijing." {
		units = append(units, int(r))
	}
	jsText := js.Global().Get("String").Call("fromCharCode", units...)
	slice := js.Global().Get("String").Get("prototype").Get("slice")
	res := resultOf(t, call(t, jsText))
	if res.Offsets != "utf16" {
		t.Errorf("offsets %q", res.Offsets)
	}
	if len(res.Entities) == 0 {
		t.Fatalf("no entities in %q", jsText.String())
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if got := slice.Call("call", jsText, m.Start, m.End).String(); got != m.Text {
				t.Errorf("JavaScript slice(%d, %d) = %q, want %q", m.Start, m.End, got, m.Text)
			}
		}
	}
}

// An input that makes core panic comes back as {error}, and the module
// keeps working: a Go panic would otherwise end it for good.
func TestBoundarySurvivesCorePanic(t *testing.T) {
	defer func(f func(string) (core.Result, error)) { analyze = f }(analyze)
	analyze = func(string) (core.Result, error) { panic("boom") }
	if v := call(t, "Sergey Lavrov"); v.Get("error").Type() != js.TypeString {
		t.Fatalf("want an error, got %v", v)
	}
	analyze = core.Analyze // without the cache
	if res := resultOf(t, call(t, "Sergey Lavrov arrived in Beijing.")); len(res.Entities) == 0 {
		t.Error("no entities after a panic")
	}
}

// ledeQuick answers before the models load: quotes without speakers and
// the word lists' entities, in UTF-16 offsets.
func TestQuickBoundary(t *testing.T) {
	f := js.FuncOf(quickJS)
	defer f.Release()
	res := resultOf(t, f.Invoke("😀 “We will win,” said the envoy of Russia."))
	if res.Offsets != "utf16" || len(res.Quotes) != 1 || len(res.Entities) == 0 {
		t.Fatalf("quick result %+v", res)
	}
	if v := f.Invoke(42); v.Get("error").Type() != js.TypeString {
		t.Errorf("a number: want an error, got %v", v)
	}
}
