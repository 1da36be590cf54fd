// Package precompress compresses files ahead of serving, as make dist
// writes them and as the benchmark reports their sizes.
package precompress

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Gzip returns b compressed with gzip at its best compression.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// Brotli returns b compressed with brotli at quality level (0 to 11;
// 11 is smallest and slowest: about 40 s for the 13 MB analyzer).
func Brotli(b []byte, level int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, level)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// BestBrotli is brotli's best compression.
const BestBrotli = brotli.BestCompression
