//go:build js && wasm

package boundary

import (
	"runtime"
	"runtime/debug"
	"syscall/js"

	"lede/core/memory"
)

// Start sets the memory rules both analyzers run under. A wasm heap
// never shrinks: collecting harder as it nears the limit keeps what a tab
// holds for good close to what analysis needs. Allocation does not start
// the collector either: on wasm a cycle it starts during an analysis
// cannot finish until the analysis pauses, and what is allocated
// meanwhile outlives it. The analysis collects at its pauses instead
// (Pause); the limit stays as the backstop.
func Start() {
	debug.SetMemoryLimit(memory.Limit)
	debug.SetGCPercent(-1)
}

// Pause lets Go's collector work during a long analysis, which runs in
// one synchronous call from JavaScript: on wasm the collector's
// background work runs only when the analysis yields, and may not finish
// a cycle even then, so without this a long text grows the heap (which
// never shrinks) by gigabytes.
func Pause() {
	runtime.Gosched()
	memory.CollectWhenGrown()
}

// CallIfSet calls the global JavaScript function name, if there is one.
func CallIfSet(name string, args ...any) {
	if f := js.Global().Get(name); f.Type() == js.TypeFunction {
		f.Invoke(args...)
	}
}

// Call checks the arguments of a call from JavaScript (one string, the
// text) and answers it with fn through WriteResult: {json: string} with
// the result, or {error: string}. Whatever goes wrong, including a wrong
// argument, comes back as {error}; it never throws. name is the
// JavaScript function's, for the message.
func Call(name string, args []js.Value, fn Analysis) (ret any) {
	defer func() {
		if p := recover(); p != nil {
			ret = errorValue("internal error at the wasm boundary")
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorValue(name + " takes one argument, the text as a string")
	}
	var out jsString
	if err := WriteResult(&out, args[0].String(), fn, Pause); err != nil {
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
	Pause() // the encoding's garbage, as the analysis's
}

// value returns the whole string written.
func (s *jsString) value() js.Value {
	s.flush()
	return s.chunks.Call("join", "")
}

func errorValue(msg string) map[string]any {
	return map[string]any{"error": msg}
}
