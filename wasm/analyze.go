package main

import (
	"lede/core"
	"lede/wasm/internal/boundary"
)

// analyzer remembers the sentences of the last text, so that analysing
// it again after an edit re-tags only what changed. JavaScript calls in
// one at a time, so one Analyzer serves all calls.
var analyzer = core.NewAnalyzer()

// analyze is the analyzer's Analyze; tests replace it to make core fail.
var analyze = func(text string) (core.Result, error) { return analyzer.Analyze(text) }

// analyzeJSON is the whole boundary in plain Go, so it can be tested
// natively: it analyses text, converts offsets to UTF-16 and returns the
// result as JSON, or an error (see boundary.WriteResult).
func analyzeJSON(text string) (string, error) {
	return boundary.JSON(text, analyze, analyzer.Pause)
}

// quickJSON is analyzeJSON for core.QuickAnalyze, what the page shows
// while the models load if the first-look analyzer (wasm/firstlook) has
// not shown it already.
func quickJSON(text string) (string, error) {
	return boundary.JSON(text, analyzer.QuickAnalyze, analyzer.Pause)
}
