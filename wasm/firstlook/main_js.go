//go:build js && wasm

// Command firstlook is Lede's first-look analyzer for the browser: the
// stages that need no model (package firstlook), without prose or the
// models, so that it is a small download that answers within seconds on
// a slow line while the full analyzer (../) is still on its way. It sets
// globalThis.ledeQuick(text), which returns {json: string} with the
// result (offsets in UTF-16 code units) or {error: string} and never
// throws, and calls globalThis.ledeQuickReady() if there is one. When
// the page no longer needs it, globalThis.ledeFirstLookStop() ends the
// program, so that its memory can go.
package main

import (
	"syscall/js"

	"lede/wasm/internal/boundary"
)

func main() {
	boundary.Start()
	pause = boundary.Pause
	quick := js.FuncOf(quickJS)
	stopped := make(chan struct{})
	stop := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case <-stopped:
		default:
			close(stopped)
		}
		return nil
	})
	js.Global().Set("ledeQuick", quick)
	js.Global().Set("ledeFirstLookStop", stop)
	boundary.CallIfSet("ledeQuickReady")
	<-stopped
	// The globals may be the full analyzer's by now: only the functions
	// are released, and the page drops its own references.
	quick.Release()
	stop.Release()
}

// quickJS is the JavaScript face of lookJSON.
func quickJS(this js.Value, args []js.Value) any {
	return boundary.Call("ledeQuick", args, look)
}
