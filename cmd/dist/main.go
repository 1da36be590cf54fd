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
	"slices"
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
	for _, need := range []string{entry, "main.wasm", "firstlook.wasm", "wasm_exec.js"} {
		if files[need] == nil {
			return fmt.Errorf("%s has no %s (run make build first)", src, need)
		}
	}
	// A file's hash covers the hashed names of the files it names, so each
	// is renamed after those.
	order, err := hashOrder(files)
	if err != nil {
		return err
	}
	renamed := map[string]string{}
	for _, name := range order {
		b := rewrite(files[name], renamed)
		if name == "worker.js" {
			if b, err = writeSizes(b, files, renamed); err != nil {
				return err
			}
		}
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

// hashOrder returns the names of files in an order where each file comes
// after the files it names (see referenced), so that its references are
// rewritten before its own hash is taken: style.css and main.wasm before
// the modules that import each other, those before boot.js, which lists
// them to preload them and imports main.js, and before sw.js, which lists
// them all, and index.html last. References to files that keep their
// names need no rewriting and do not count, which lets sw.js be named by
// the page it serves. Files that name each other, even through others,
// cannot all be hashed after each other: that is an error.
func hashOrder(files map[string][]byte) ([]string, error) {
	all := make([]string, 0, len(files))
	for name := range files {
		all = append(all, name)
	}
	sort.Strings(all) // the order among independent files: by name
	const (
		visiting = 1 + iota // 0: not seen yet
		done
	)
	mark := map[string]int{}
	order := make([]string, 0, len(files))
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		switch mark[name] {
		case done:
			return nil
		case visiting:
			cycle := append(path[slices.Index(path, name):], name)
			return fmt.Errorf("%s: files that name each other cannot all be hashed after each other; "+
				"break the cycle (ES module imports count)", strings.Join(cycle, " → "))
		}
		mark[name] = visiting
		for _, dep := range referenced(files[name], all) {
			if dep == name || unhashed[dep] {
				continue
			}
			if err := visit(dep, append(path, name)); err != nil {
				return err
			}
		}
		mark[name] = done
		order = append(order, name)
		return nil
	}
	for _, name := range all {
		if err := visit(name, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// quoted returns the forms in which a file refers to name and which
// rewrite replaces: the name in single, double or back quotes, bare or
// after "./", as in import './x.js', src="x.js" and new Worker('x.js').
func quoted(name string) [][2]string {
	var forms [][2]string
	for _, q := range []string{`'`, `"`, "`"} {
		forms = append(forms, [2]string{q + name + q, q + "./" + name + q})
	}
	return forms
}

// referenced returns which of candidates b refers to, in any form of
// quoted.
func referenced(b []byte, candidates []string) []string {
	var out []string
	for _, c := range candidates {
		for _, f := range quoted(c) {
			if bytes.Contains(b, []byte(f[0])) || bytes.Contains(b, []byte(f[1])) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// rewrite replaces quoted references to renamed files (see quoted): 'x.js'
// and "./x.js" become 'x.0123456789.js' and "./x.0123456789.js". Relative
// URLs stay relative, so ES module imports resolve as before.
func rewrite(b []byte, renamed map[string]string) []byte {
	for from, to := range renamed {
		if from == to {
			continue
		}
		fromForms, toForms := quoted(from), quoted(to)
		for i := range fromForms {
			for k := range 2 {
				b = bytes.ReplaceAll(b, []byte(fromForms[i][k]), []byte(toForms[i][k]))
			}
		}
	}
	return b
}

var brotliLevel = precompress.BestBrotli

// sizesLine is worker.js's table of the analyzers' decoded sizes, empty
// in web/; writeSizes fills it in.
const sizesLine = "const SIZES = {};"

// writeSizes writes into worker.js the decoded size of each analyzer
// under its new name: a host sends them compressed, and the download's
// progress needs a total in decoded bytes.
func writeSizes(worker []byte, files map[string][]byte, renamed map[string]string) ([]byte, error) {
	if bytes.Count(worker, []byte(sizesLine)) != 1 {
		return nil, fmt.Errorf("worker.js: want one line %q for the analyzers' sizes", sizesLine)
	}
	var table strings.Builder
	table.WriteString("const SIZES = {")
	for i, name := range []string{"firstlook.wasm", "main.wasm"} {
		if i > 0 {
			table.WriteString(", ")
		}
		fmt.Fprintf(&table, "'%s': %d", renamed[name], len(files[name]))
	}
	table.WriteString("};")
	return bytes.Replace(worker, []byte(sizesLine), []byte(table.String()), 1), nil
}
