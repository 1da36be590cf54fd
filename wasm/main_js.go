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
	"syscall/js"

	"lede/core"
)

func main() {
	// A wasm heap never shrinks: collecting harder as it nears the limit
	// keeps what a tab holds for good close to what analysis needs.
	debug.SetMemoryLimit(core.MemoryLimit)
	// Allocation does not start the collector either: on wasm a cycle it
	// starts during an analysis cannot finish until the analysis pauses,
	// and what is allocated meanwhile outlives it. The analysis collects
	// at its pauses instead (core.CollectWhenGrown); the limit stays as
	// the backstop.
	debug.SetGCPercent(-1)
	analyzer.Pause = pause
	js.Global().Set("ledeQuick", js.FuncOf(quickJS))
	callIfSet("ledeQuickReady")
	core.LoadModel()
	analyzer.Progress = func(done, total int) { callIfSet("ledeProgress", done, total) }
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
	return callGo(args, analyzer.QuickAnalyze)
}

// analyzeJS is the JavaScript face of analyzeJSON.
func analyzeJS(this js.Value, args []js.Value) any {
	return callGo(args, analyze)
}

// callGo checks the arguments and calls fn through writeResult. Whatever
// goes wrong, including a wrong argument, comes back as {error}.
func callGo(args []js.Value, fn func(string) (core.Result, error)) (ret any) {
	defer func() {
		if p := recover(); p != nil {
			ret = errorValue("internal error at the wasm boundary")
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorValue("ledeAnalyze takes one argument, the text as a string")
	}
	var out jsString
	if err := writeResult(&out, args[0].String(), fn); err != nil {
		return errorValue(err.Error())
	}
	return map[string]any{"json": out.value()}
}

// jsString builds a JavaScript string from what is written to it, a
// megabyte at a time: the JSON of a large result never stands whole in
// the Go heap, which never shrinks, but in JavaScript's, which does.
type jsString struct {
	buf    []byte
	chunks js.Value // a JavaScript array of the strings so far, or undefined
}

const jsChunk = 1 << 20

func (s *jsString) Write(p []byte) (int, error) {
	s.buf = append(s.buf, p...)
	if len(s.buf) >= jsChunk {
		s.flush()
	}
	return len(p), nil
}

func (s *jsString) flush() {
	if s.chunks.IsUndefined() {
		s.chunks = js.Global().Get("Array").New()
	}
	s.chunks.Call("push", string(s.buf))
	s.buf = s.buf[:0]
	pause() // the encoding's garbage, as the analysis's
}

// value returns the whole string written.
func (s *jsString) value() js.Value {
	s.flush()
	return s.chunks.Call("join", "")
}

func errorValue(msg string) map[string]any {
	return map[string]any{"error": msg}
}

// pause lets Go's collector work during a long analysis, which runs in
// one synchronous call from JavaScript: on wasm the collector's
// background work runs only when the analysis yields, and may not finish
// a cycle even then, so without this a long text grows the heap (which
// never shrinks) by gigabytes.
func pause() {
	runtime.Gosched()
	core.CollectWhenGrown()
}
