//go:build js && wasm

// Command wasm is Lede's analyzer for the browser. It loads the model,
// then sets globalThis.ledeAnalyze(text), which returns {json: string}
// with the result (offsets in UTF-16 code units) or {error: string}; it
// never throws. Then it calls globalThis.ledeReady() if there is one.
package main

import (
	"syscall/js"

	"lede/core"
)

func main() {
	core.LoadModel()
	js.Global().Set("ledeAnalyze", js.FuncOf(analyzeJS))
	if ready := js.Global().Get("ledeReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // serve calls for as long as the page lives
}

// analyzeJS is the JavaScript face of analyzeJSON. Whatever goes wrong,
// including a wrong argument, comes back as {error}.
func analyzeJS(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if p := recover(); p != nil {
			ret = errorValue("internal error at the wasm boundary")
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorValue("ledeAnalyze takes one argument, the text as a string")
	}
	out, err := analyzeJSON(args[0].String())
	if err != nil {
		return errorValue(err.Error())
	}
	return map[string]any{"json": out}
}

func errorValue(msg string) map[string]any {
	return map[string]any{"error": msg}
}
