// Command dist writes the page as a folder that any static host can
// serve: every file but index.html gets its content's hash in its name,
// so that it can be cached for ever, the references between files are
// rewritten to match, and each file gets precompressed .gz and .br
// siblings. All URLs stay relative, so the folder works under any path.
//
//	go run ./cmd/dist -src web -o dist
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"lede/internal/precompress"
)

func main() {
	src := flag.String("src", "web", "the built page (make build)")
	out := flag.String("o", "dist", "the folder to write")
	flag.IntVar(&brotliLevel, "brotli", precompress.BestBrotli, "brotli quality, 0 to 11 (11 is smallest and slowest)")
	flag.Parse()
	if err := build(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

// entry is the page's one file that keeps its name.
const entry = "index.html"

// unhashed files keep their names too: the service worker must stay at
// one URL for the browser to find its updates.
var unhashed = map[string]bool{entry: true, "sw.js": true}

func build(src, out string) error {
	names, err := filepath.Glob(filepath.Join(src, "*"))
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	for _, p := range names {
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[filepath.Base(p)] = b
	}
	for _, need := range []string{entry, "main.wasm", "wasm_exec.js"} {
		if files[need] == nil {
			return fmt.Errorf("%s has no %s (run make build first)", src, need)
		}
	}
	// Rename in an order where a file is hashed after the files it names:
	// the wasm and plain assets first, then scripts that name them.
	renamed := map[string]string{}
	order := make([]string, 0, len(files))
	for name := range files {
		order = append(order, name)
	}
	sort.Slice(order, func(i, j int) bool {
		ri, rj := rank(order[i]), rank(order[j])
		if ri != rj {
			return ri < rj
		}
		return order[i] < order[j]
	})
	for _, name := range order {
		b := rewrite(files[name], renamed)
		files[name] = b
		if unhashed[name] {
			renamed[name] = name
			continue
		}
		sum := sha256.Sum256(b)
		ext := filepath.Ext(name)
		renamed[name] = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	total := 0
	for _, name := range order {
		b := files[name]
		target := filepath.Join(out, renamed[name])
		if err := os.WriteFile(target, b, 0o644); err != nil {
			return err
		}
		gz, br := precompress.Gzip(b), precompress.Brotli(b, brotliLevel)
		if err := os.WriteFile(target+".gz", gz, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(target+".br", br, 0o644); err != nil {
			return err
		}
		total += len(b)
		fmt.Printf("%-34s %9d bytes, gzip %9d, brotli %9d\n", renamed[name], len(b), len(gz), len(br))
	}
	fmt.Printf("wrote %s: %d files, %d bytes before compression\n", out, len(order), total)
	return nil
}

// rank orders files so that each is hashed after the files it refers to.
func rank(name string) int {
	switch {
	case name == entry:
		return 4
	case name == "sw.js":
		return 3
	case name == "app.js":
		return 2
	case strings.HasSuffix(name, ".js"):
		return 1 // worker.js names main.wasm and wasm_exec.js
	}
	return 0
}

// rewrite replaces quoted references to renamed files: 'x.js', "x.js".
func rewrite(b []byte, renamed map[string]string) []byte {
	for from, to := range renamed {
		if from == to {
			continue
		}
		for _, q := range []string{`'`, `"`, "`"} {
			b = bytes.ReplaceAll(b, []byte(q+from+q), []byte(q+to+q))
			b = bytes.ReplaceAll(b, []byte(q+"./"+from+q), []byte(q+"./"+to+q))
		}
	}
	return b
}

var brotliLevel = precompress.BestBrotli
