package core

import (
	"runtime/debug"
	"sync"

	"github.com/jdkato/prose/v2"
)

var (
	modelOnce sync.Once
	model     *prose.Model
)

// LoadModel loads prose's tagging and NER model if it is not loaded yet.
// Analyze calls it, so callers need it only to pay the cost up front (the
// browser does, to say "ready" only when analysis will be quick). It is
// safe for concurrent use; the model is loaded once per process.
func LoadModel() {
	modelOnce.Do(func() {
		// Decoding the model allocates millions of small map entries that
		// all stay live: collecting during the load is wasted work.
		old := debug.SetGCPercent(-1)
		defer debug.SetGCPercent(old)
		model = prose.ModelFromData("lede")
	})
}
