//go:build !(js && wasm)

package main

// main exists so that the package builds, vets and tests natively; the
// real program is main_js.go, for GOOS=js GOARCH=wasm.
func main() {}
