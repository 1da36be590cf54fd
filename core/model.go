package core

import (
	"runtime/debug"
	"sync"

	"lede/internal/attrtag"
	"lede/internal/nertag"
	"lede/internal/postag"
)

var modelOnce sync.Once

// LoadModel loads the part-of-speech, entity and attribution models if they are not
// loaded yet. Analyze calls it, so callers need it only to pay the cost up
// front (the browser does, to say "ready" only when analysis will be
// quick). It is safe for concurrent use; the models are loaded once per
// process. prose itself loads no model: Lede uses its tokenizer only.
func LoadModel() {
	modelOnce.Do(func() {
		// Decoding allocates many small map entries that all stay live:
		// collecting during the load is wasted work.
		old := debug.SetGCPercent(-1)
		defer debug.SetGCPercent(old)
		if err := postag.Load(); err != nil {
			panic(err) // the embedded model is part of the binary
		}
		if err := nertag.Load(); err != nil {
			panic(err)
		}
		if err := attrtag.Load(); err != nil {
			panic(err)
		}
	})
}
