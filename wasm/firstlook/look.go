package main

import (
	"lede/core/firstlook"
	"lede/core/result"
	"lede/wasm/internal/boundary"
)

// pause is what the analysis calls at its pauses: boundary.Pause in the
// browser, nothing natively.
var pause func()

// look is the first look, with the pauses.
func look(text string) (result.Result, error) { return firstlook.Analyze(text, pause) }

// lookJSON is the whole boundary in plain Go, so it can be tested
// natively: the first look at text, offsets in UTF-16, as JSON, or an
// error (see boundary.WriteResult).
func lookJSON(text string) (string, error) {
	return boundary.JSON(text, look, pause)
}
