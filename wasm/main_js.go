//go:build js && wasm

// Command wasm is Lede's analyzer for the browser. At once it sets
// globalThis.ledeQuick(text), the result without speakers and with the
// word lists' entities only, and calls globalThis.ledeQuickReady() if
// there is one; then it loads the models, sets globalThis.ledeAnalyze(text)
// and calls globalThis.ledeReady(). Both functions return {json: string}
// with the result (offsets in UTF-16 code units) or {error: string}; they
// never throw. During a long analysis, globalThis.ledeProgress(done,
// total) is called with the sentences tagged so far, if it is set.
package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"syscall/js"

	"lede/core"
)

func main() {
	// A wasm heap never shrinks: collecting harder as it nears the limit
	// keeps what a tab holds for good close to what analysis needs.
	debug.SetMemoryLimit(core.MemoryLimit)
	js.Global().Set("ledeQuick", js.FuncOf(quickJS))
	callIfSet("ledeQuickReady")
	core.LoadModel()
	analyzer.Progress = func(done, total int) { callIfSet("ledeProgress", done, total) }
	analyzer.Pause = pause
	js.Global().Set("ledeAnalyze", js.FuncOf(analyzeJS))
	callIfSet("ledeReady")
	select {} // serve calls for as long as the page lives
}

// callIfSet calls the global JavaScript function name, if there is one.
func callIfSet(name string, args ...any) {
	if f := js.Global().Get(name); f.Type() == js.TypeFunction {
		f.Invoke(args...)
	}
}

// quickJS is the JavaScript face of quickJSON.
func quickJS(this js.Value, args []js.Value) any {
	return callGo(args, quickJSON)
}

// analyzeJS is the JavaScript face of analyzeJSON.
func analyzeJS(this js.Value, args []js.Value) any {
	return callGo(args, analyzeJSON)
}

// callGo checks the arguments and calls fn. Whatever goes wrong, including
// a wrong argument, comes back as {error}.
func callGo(args []js.Value, fn func(string) (string, error)) (ret any) {
	defer func() {
		if p := recover(); p != nil {
			ret = errorValue("internal error at the wasm boundary")
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorValue("ledeAnalyze takes one argument, the text as a string")
	}
	out, err := fn(args[0].String())
	if err != nil {
		return errorValue(err.Error())
	}
	return map[string]any{"json": out}
}

func errorValue(msg string) map[string]any {
	return map[string]any{"error": msg}
}

// heapSample reads the bytes of the heap's objects (live or not yet
// swept) and the live bytes the last collection found.
var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}

// pause lets Go's collector work during a long analysis, which runs in
// one synchronous call from JavaScript: on wasm the collector's
// background work runs only when the analysis yields, and may not finish
// a cycle even then, so without this a long text grows the heap (which
// never shrinks) by gigabytes. It collects outright when the heap has
// doubled since the last collection, as the collector itself would
// (GOGC=100), and is past 64 MB, below which it does not matter.
func pause() {
	runtime.Gosched()
	metrics.Read(heapSample)
	if heap, live := heapSample[0].Value.Uint64(), heapSample[1].Value.Uint64(); heap > 64<<20 && heap > 2*live {
		runtime.GC()
	}
}
