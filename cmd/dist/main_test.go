package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lede/internal/webdeps"
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

// importSpecifiers matches the specifiers of static imports (import x
// from '…', import {a,\n b} from "…", import '…') and re-exports (export
// {a} from '…', export * from '…').
var importSpecifiers = regexp.MustCompile(
	`(?m)^(?:import\s+(?:[\w*\s{},$]+?\s*from\s*)?|export\s+(?:\*|\{[^}]*\})\s*from\s*)['"]([^'"]+)['"]`)

// TestModuleImports builds a page of ES modules that import each other
// (a diamond: main imports a and b, a imports b): every file's hash is
// that of its content, references included, and every import names the
// hashed file.
func TestModuleImports(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"index.html":     `<script type="module" src="boot.js"></script>`,
		"boot.js":        "const MODULES = [\n  'a.js',\n  'b.js',\n];\nimport('./main.js');\n",
		"main.js":        "import {a} from './a.js';\nimport {\n  b,\n} from \"./b.js\";\nnew Worker('worker.js');\n",
		"a.js":           "import {b} from './b.js';\nexport const a = b + 1;\n",
		"b.js":           "export const b = 1; // not 'b.js' itself\n",
		"worker.js":      "importScripts('wasm_exec.js'); const SIZES = {}; fetch('firstlook.wasm'); fetch('main.wasm');\n",
		"sw.js":          "const FILES = ['boot.js', 'main.js', 'a.js', 'b.js', 'worker.js', 'wasm_exec.js', 'firstlook.wasm', 'main.wasm'];\n",
		"wasm_exec.js":   "// Go's\n",
		"main.wasm":      "\x00asm",
		"firstlook.wasm": "\x00asm first",
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
	for _, want := range []string{"index.html", "sw.js", "boot.js", "main.js", "a.js", "b.js", "worker.js", "wasm_exec.js", "main.wasm", "firstlook.wasm"} {
		if byOriginal[want] == "" {
			t.Fatalf("dist has no %s; it has %q", want, keys(files))
		}
	}
	boot, main, a := files[byOriginal["boot.js"]], files[byOriginal["main.js"]], files[byOriginal["a.js"]]
	for _, c := range []struct{ in, ref string }{
		{boot, "import('./" + byOriginal["main.js"] + "')"},
		{boot, "'" + byOriginal["a.js"] + "'"},
		{boot, "'" + byOriginal["b.js"] + "'"},
		{main, "'./" + byOriginal["a.js"] + "'"},
		{main, `"./` + byOriginal["b.js"] + `"`},
		{main, "'" + byOriginal["worker.js"] + "'"},
		{a, "'./" + byOriginal["b.js"] + "'"},
		{files["index.html"], `"` + byOriginal["boot.js"] + `"`},
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
		"index.html":     `<script type="module" src="a.js"></script>`,
		"a.js":           "import './b.js';\n",
		"b.js":           "import './c.js';\n",
		"c.js":           "import './a.js';\n",
		"wasm_exec.js":   "",
		"main.wasm":      "",
		"firstlook.wasm": "",
	})
	err := build(src, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "a.js → b.js → c.js → a.js") {
		t.Errorf("build of an import cycle: error %v, want one naming a.js → b.js → c.js → a.js", err)
	}
}

// TestWebDist builds the real page (with stand-ins for the analyzer) and
// checks what the browser needs of it: every import and every URL of the
// page names a file of dist, the page's one script is boot.js, which
// imports main.js and preloads every module main.js imports, directly or
// not, and the service worker keeps every file.
func TestWebDist(t *testing.T) {
	web := filepath.Join("..", "..", "web")
	entries, err := os.ReadDir(web)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"main.wasm": "\x00asm main", "firstlook.wasm": "\x00asm", "wasm_exec.js": "// Go's\n"}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasSuffix(name, ".wasm") || name == "wasm_exec.js" ||
			strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	// Readability comes from npm with make build; a fresh clone has none
	// in web/ yet.
	readability, err := webdeps.ReadabilityModule(filepath.Join("..", "..", "bin", "npm"))
	if err != nil {
		t.Fatal(err)
	}
	files[webdeps.ModuleName] = string(readability)
	out := t.TempDir()
	if err := build(writeFiles(t, files), out); err != nil {
		t.Fatal(err)
	}
	dist := readOut(t, out)

	// The page's one script is boot.js, which imports main.js.
	page := dist["index.html"]
	scripts := regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1)
	entry := regexp.MustCompile(`<script type="module" src="([^"]+)"></script>`).FindStringSubmatch(page)
	if len(scripts) != 1 || entry == nil || original(entry[1]) != "boot.js" {
		t.Fatalf("index.html's scripts are %q, want one, the module boot.js", scripts)
	}
	if links := regexp.MustCompile(`<link rel="modulepreload"[^>]*>`).FindAllString(page, -1); len(links) > 0 {
		t.Errorf("index.html preloads modules itself, %q: they would compete with the first paint (boot.js preloads them after it)", links)
	}
	boot := dist[entry[1]]
	imported := regexp.MustCompile(`import\('\./([^']+)'\)`).FindAllStringSubmatch(boot, -1)
	if len(imported) != 1 || original(imported[0][1]) != "main.js" {
		t.Fatalf("boot.js imports %q, want main.js alone", imported)
	}
	mainJS := imported[0][1]
	if static := importSpecifiers.FindAllStringSubmatch(boot, -1); len(static) > 0 {
		t.Errorf("boot.js imports %q statically: fetched before the first paint, which it is there to let come first", static)
	}

	// The module graph from main.js, followed through dist's names.
	graph := map[string]bool{}
	var follow func(name string)
	follow = func(name string) {
		if graph[name] {
			return
		}
		graph[name] = true
		body, ok := dist[name]
		if !ok {
			t.Errorf("a module imports %s, which dist does not have", name)
			return
		}
		for _, m := range importSpecifiers.FindAllStringSubmatch(body, -1) {
			if !strings.HasPrefix(m[1], "./") {
				t.Errorf("%s imports %q: specifiers must be relative, ./name.js", original(name), m[1])
				continue
			}
			follow(strings.TrimPrefix(m[1], "./"))
		}
	}
	follow(mainJS)
	if len(graph) < 10 {
		t.Errorf("main.js reaches only %d modules: %q", len(graph), keys(graph))
	}

	// boot.js's MODULES, which it preloads, are that graph but main.js: a
	// module added without being listed would be fetched only once the
	// module importing it arrived.
	list := regexp.MustCompile(`(?s)const MODULES = \[(.*?)\];`).FindStringSubmatch(boot)
	if list == nil {
		t.Fatal("boot.js has no MODULES list")
	}
	preloaded := map[string]bool{}
	for _, m := range regexp.MustCompile(`'([^']+)'`).FindAllStringSubmatch(list[1], -1) {
		preloaded[m[1]] = true
		if !graph[m[1]] || m[1] == mainJS {
			t.Errorf("boot.js preloads %s, which main.js does not import", original(m[1]))
		}
	}
	for name := range graph {
		if name != mainJS && !preloaded[name] {
			t.Errorf("boot.js's MODULES lack %s, which main.js imports", original(name))
		}
	}
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"#:]+)"`).FindAllStringSubmatch(page, -1) {
		if _, ok := dist[m[1]]; !ok {
			t.Errorf("index.html names %s, which dist does not have", m[1])
		}
	}

	// The worker knows each analyzer's decoded size under its new name,
	// for a progress total when the host sends it compressed.
	var worker string
	for name, body := range dist {
		if original(name) == "worker.js" {
			worker = body
		}
	}
	for name, size := range map[string]int{"main.wasm": len(files["main.wasm"]), "firstlook.wasm": len(files["firstlook.wasm"])} {
		var renamed string
		for n := range dist {
			if original(n) == name {
				renamed = n
			}
		}
		if want := fmt.Sprintf("'%s': %d", renamed, size); renamed == "" || !strings.Contains(worker, want) {
			t.Errorf("worker.js lacks %q in its sizes: %q", want, regexp.MustCompile(`const SIZES = .*`).FindString(worker))
		}
	}

	sw := dist["sw.js"]
	listed := regexp.MustCompile(`(?s)const FILES = \[(.*?)\];`).FindStringSubmatch(sw)
	if listed == nil {
		t.Fatal("sw.js has no FILES list")
	}
	cached := map[string]bool{}
	for _, m := range regexp.MustCompile(`'([^']+)'`).FindAllStringSubmatch(listed[1], -1) {
		cached[m[1]] = true
		if _, ok := dist[m[1]]; !ok {
			t.Errorf("sw.js keeps %s, which dist does not have", m[1])
		}
	}
	for name := range dist {
		if name != "index.html" && name != "sw.js" && !cached[name] {
			t.Errorf("sw.js does not keep %s: offline, the page would lack it", original(name))
		}
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
