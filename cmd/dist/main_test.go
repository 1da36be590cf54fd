package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func init() {
	brotliLevel = 1 // the tests check names and references, not sizes
}

// writeFiles writes files into a fresh folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readOut returns the files build wrote, by name, without the .gz and .br
// siblings.
func readOut(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gz") || strings.HasSuffix(e.Name(), ".br") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// hashedName matches name.0123456789.ext and captures name, hash and ext.
var hashedName = regexp.MustCompile(`^([a-z_]+)\.([0-9a-f]{10})(\.[a-z]+)$`)

// original returns the name a file of dist had in the source folder.
func original(name string) string {
	if m := hashedName.FindStringSubmatch(name); m != nil {
		return m[1] + m[3]
	}
	return name
}

// TestModuleImports builds a page of ES modules that import each other
// (a diamond: main imports a and b, a imports b): every file's hash is
// that of its content, references included, and every import names the
// hashed file.
func TestModuleImports(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"index.html":   `<script type="module" src="main.js"></script><link rel="modulepreload" href="a.js">`,
		"main.js":      "import {a} from './a.js';\nimport {\n  b,\n} from \"./b.js\";\nnew Worker('worker.js');\n",
		"a.js":         "import {b} from './b.js';\nexport const a = b + 1;\n",
		"b.js":         "export const b = 1; // not 'b.js' itself\n",
		"worker.js":    "importScripts('wasm_exec.js'); fetch('main.wasm');\n",
		"sw.js":        "const FILES = ['main.js', 'a.js', 'b.js', 'worker.js', 'wasm_exec.js', 'main.wasm'];\n",
		"wasm_exec.js": "// Go's\n",
		"main.wasm":    "\x00asm",
	})
	out := t.TempDir()
	if err := build(src, out); err != nil {
		t.Fatal(err)
	}
	files := readOut(t, out)
	byOriginal := map[string]string{}
	for name, body := range files {
		byOriginal[original(name)] = name
		m := hashedName.FindStringSubmatch(name)
		if unhashed[name] {
			continue
		}
		if m == nil {
			t.Errorf("%s has no hash in its name", name)
			continue
		}
		sum := sha256.Sum256([]byte(body))
		if want := hex.EncodeToString(sum[:])[:10]; m[2] != want {
			t.Errorf("%s: the name's hash is not its content's, %s", name, want)
		}
	}
	for _, want := range []string{"index.html", "sw.js", "main.js", "a.js", "b.js", "worker.js", "wasm_exec.js", "main.wasm"} {
		if byOriginal[want] == "" {
			t.Fatalf("dist has no %s; it has %q", want, keys(files))
		}
	}
	main, a := files[byOriginal["main.js"]], files[byOriginal["a.js"]]
	for _, c := range []struct{ in, ref string }{
		{main, "'./" + byOriginal["a.js"] + "'"},
		{main, `"./` + byOriginal["b.js"] + `"`},
		{main, "'" + byOriginal["worker.js"] + "'"},
		{a, "'./" + byOriginal["b.js"] + "'"},
		{files["index.html"], `"` + byOriginal["main.js"] + `"`},
		{files["index.html"], `"` + byOriginal["a.js"] + `"`},
		{files["sw.js"], "'" + byOriginal["b.js"] + "'"},
		{files[byOriginal["worker.js"]], "'" + byOriginal["main.wasm"] + "'"},
	} {
		if !strings.Contains(c.in, c.ref) {
			t.Errorf("no reference %s in:\n%s", c.ref, c.in)
		}
	}
	if !strings.Contains(files[byOriginal["b.js"]], "'b.js' itself") {
		t.Error("b.js's mention of its own name was rewritten, which would make its hash wrong")
	}
}

// TestImportCycle: modules that import each other cannot both be hashed
// after the other; build says which.
func TestImportCycle(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"index.html":   `<script type="module" src="a.js"></script>`,
		"a.js":         "import './b.js';\n",
		"b.js":         "import './c.js';\n",
		"c.js":         "import './a.js';\n",
		"wasm_exec.js": "",
		"main.wasm":    "",
	})
	err := build(src, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "a.js → b.js → c.js → a.js") {
		t.Errorf("build of an import cycle: error %v, want one naming a.js → b.js → c.js → a.js", err)
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
