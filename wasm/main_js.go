//go:build js && wasm

// Command wasm is Lede's full analyzer for the browser. At once it sets
// globalThis.ledeQuick(text), the result without speakers and with the
// word lists' entities only (as wasm/firstlook does, for a page that has
// not loaded that), and calls globalThis.ledeQuickReady() if there is
// one; then it loads the models, sets globalThis.ledeAnalyze(text) and
// calls globalThis.ledeReady(). Both functions return {json: string}
// with the result (offsets in UTF-16 code units) or {error: string};
// they never throw. During a long analysis, globalThis.ledeProgress(done,
// total) is called with the sentences tagged so far, if it is set.
package main

import (
	"syscall/js"

	"lede/core"
	"lede/wasm/internal/boundary"
)

func main() {
	boundary.Start()
	analyzer.Pause = boundary.Pause
	js.Global().Set("ledeQuick", js.FuncOf(quickJS))
	boundary.CallIfSet("ledeQuickReady")
	core.LoadModel()
	analyzer.Progress = func(done, total int) { boundary.CallIfSet("ledeProgress", done, total) }
	js.Global().Set("ledeAnalyze", js.FuncOf(analyzeJS))
	boundary.CallIfSet("ledeReady")
	select {} // serve calls for as long as the page lives
}

// quickJS is the JavaScript face of quickJSON.
func quickJS(this js.Value, args []js.Value) any {
	return boundary.Call("ledeQuick", args, analyzer.QuickAnalyze)
}

// analyzeJS is the JavaScript face of analyzeJSON.
func analyzeJS(this js.Value, args []js.Value) any {
	return boundary.Call("ledeAnalyze", args, analyze)
}
