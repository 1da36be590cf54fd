package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"lede/core"
)

// analyzer remembers the sentences of the last text, so that analysing
// it again after an edit re-tags only what changed. JavaScript calls in
// one at a time, so one Analyzer serves all calls.
var analyzer = core.NewAnalyzer()

// analyze is the analyzer's Analyze; tests replace it to make core fail.
var analyze = func(text string) (core.Result, error) { return analyzer.Analyze(text) }

// analyzeJSON is the whole boundary in plain Go, so it can be tested
// natively: it analyses text, converts offsets to UTF-16 and returns the
// result as JSON, or an error. A panic in core becomes an error, because
// a Go panic would end the wasm program and every later call with it.
func analyzeJSON(text string) (string, error) {
	var b strings.Builder
	err := writeResult(&b, text, analyze)
	return b.String(), err
}

// quickJSON is analyzeJSON for core.QuickAnalyze, what the page shows
// while the models load.
func quickJSON(text string) (string, error) {
	var b strings.Builder
	err := writeResult(&b, text, analyzer.QuickAnalyze)
	return b.String(), err
}

// writeResult is analyzeJSON writing to w, a piece at a time (see
// core.WriteJSON); on an error, what it wrote is not a result.
func writeResult(w io.Writer, text string, fn func(string) (core.Result, error)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error in the analyzer: %v", p)
			// Keep the stack where a developer can see it, in the console.
			println(string(debug.Stack()))
		}
	}()
	res, err := fn(text)
	if err != nil {
		return err
	}
	toUTF16(text, &res)
	// The encoding makes garbage of its own: let the collector catch up
	// first (see pause).
	if analyzer.Pause != nil {
		analyzer.Pause()
	}
	return core.WriteJSON(w, &res, false, true)
}
