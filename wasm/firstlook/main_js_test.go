//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"

	"lede/core/result"
)

// ledeQuick answers as the full analyzer's does: quotes without speakers
// and the word lists' entities in UTF-16 offsets, or {error}, never a
// throw.
func TestQuickBoundary(t *testing.T) {
	f := js.FuncOf(quickJS)
	defer f.Release()
	v := f.Invoke("😀 “We will win,” said the envoy of Russia.")
	if e := v.Get("error"); !e.IsUndefined() {
		t.Fatalf("error %q", e.String())
	}
	var res result.Result
	if err := json.Unmarshal([]byte(v.Get("json").String()), &res); err != nil {
		t.Fatal(err)
	}
	if res.Offsets != "utf16" || len(res.Quotes) != 1 || len(res.Entities) == 0 {
		t.Fatalf("first look %+v", res)
	}
	for _, bad := range [][]any{{}, {42}, {"two", "args"}} {
		if v := f.Invoke(bad...); v.Get("error").Type() != js.TypeString {
			t.Errorf("args %v: want an error, got %v", bad, v)
		}
	}
}
