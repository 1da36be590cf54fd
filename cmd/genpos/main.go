// Command genpos converts prose's part-of-speech model (an averaged
// perceptron stored as gob maps keyed by strings) into the compact form
// that package postag embeds (internal/postag/pos.bin): the same weights
// rounded to multiples of -step, keyed by the top -keybits bits of a
// 64-bit hash of each feature, so that loading reads numbers instead of
// decoding millions of map entries, and tagging does no string work per
// feature. Run it when prose's version changes:
//
//	go run ./cmd/genpos -o internal/postag/pos.bin
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jdkato/prose/v2"

	"lede/internal/postag"
)

func decode(name string, v any) {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpos:", err)
		os.Exit(1)
	}
	// prose's assets may be gzip-compressed or plain gob.
	if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
		if plain, err := io.ReadAll(zr); err == nil {
			b = plain
		}
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		fmt.Fprintln(os.Stderr, "genpos:", name, err)
		os.Exit(1)
	}
}

func main() {
	out := flag.String("o", "internal/postag/pos.bin", "where to write the model")
	var o postag.Options
	flag.Float64Var(&o.Step, "step", 0.02, "the quantum of the stored weights (prose's own is 0.001)")
	flag.IntVar(&o.KeyBits, "keybits", 32, "top bits of each feature hash kept (32 to 64)")
	flag.Parse()
	var weights map[string]map[string]float64
	var tags map[string]string
	var classes []string
	decode("weights.gob", &weights)
	decode("tags.gob", &tags)
	decode("classes.gob", &classes)
	data, err := postag.Encode(classes, tags, weights, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpos:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genpos:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d classes, %d tag-map words, %d features: wrote %s (%d bytes)\n",
		len(classes), len(tags), len(weights), *out, len(data))
}
