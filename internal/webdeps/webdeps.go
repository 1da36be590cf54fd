// Package webdeps installs the JavaScript the page and its tests take from
// npm, at pinned versions, and writes the page's copy of Mozilla's
// Readability as an ES module. Nothing it fetches is committed: make
// build (through cmd/webdeps) and the end-to-end tests call it, and npm's
// files stay in a cache folder (bin/npm) between runs.
package webdeps

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The pinned packages. A new version is a new folder in the cache, so
// changing one here is all an upgrade takes.
const (
	// Readability is the article extractor of Firefox's Reader View; the
	// page runs it on pasted and opened web pages.
	Readability = "@mozilla/readability@0.6.0"
	// Axe is axe-core, the accessibility checker the end-to-end tests
	// inject into the page.
	Axe = "axe-core@4.14.1"
)

// ModuleName is the file the page imports Readability from.
const ModuleName = "readability.js"

// Install makes sure spec ("name@version") is installed under cache and
// returns the package's folder. Each spec gets a folder of its own: npm
// install --no-save prunes whatever else a folder holds.
func Install(cache, spec string) (string, error) {
	name, _, ok := cut(spec)
	if !ok {
		return "", fmt.Errorf("webdeps: %q is not name@version", spec)
	}
	prefix := filepath.Join(cache, safe(spec))
	pkg := filepath.Join(prefix, "node_modules", filepath.FromSlash(name))
	if _, err := os.Stat(filepath.Join(pkg, "package.json")); err == nil {
		return pkg, nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	// Installed beside the final folder and renamed into place, so that a
	// run stopped half-way, or two at once, never leave a partial package.
	tmp, err := os.MkdirTemp(cache, ".install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts",
		"--prefix", tmp, spec)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install %s (npm comes with Node.js: apt-get install -y npm): %v\n%s", spec, err, out)
	}
	if err := os.Rename(tmp, prefix); err != nil {
		if _, statErr := os.Stat(filepath.Join(pkg, "package.json")); statErr != nil {
			return "", err
		}
		// Another run installed it first.
	}
	return pkg, nil
}

// ReadabilityModule returns Readability.js and Readability-readerable.js
// as one ES module exporting Readability and isProbablyReaderable. The
// files are CommonJS scripts that export only when a module object
// exists; in an ES module there is none, so their functions are left as
// declared and an export line names them. The page's CSP allows this
// file as it does the page's own modules ('self').
func ReadabilityModule(cache string) ([]byte, error) {
	pkg, err := Install(cache, Readability)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s (Apache License 2.0), written by make build from npm: its\n"+
		"// Readability.js and Readability-readerable.js as one ES module. Not committed.\n\n", Readability)
	for _, f := range []string{"Readability.js", "Readability-readerable.js"} {
		src, err := os.ReadFile(filepath.Join(pkg, f))
		if err != nil {
			return nil, err
		}
		b.Write(src)
		b.WriteString("\n")
	}
	b.WriteString("export {Readability, isProbablyReaderable};\n")
	return b.Bytes(), nil
}

// WriteReadability writes ReadabilityModule into dir as ModuleName,
// leaving the file untouched when it is already current.
func WriteReadability(cache, dir string) error {
	b, err := ReadabilityModule(cache)
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, ModuleName)
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(dst, b, 0o644)
}

// AxeScript returns axe-core's browser build, for the tests to evaluate
// in a page.
func AxeScript(cache string) ([]byte, error) {
	pkg, err := Install(cache, Axe)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(pkg, "axe.min.js"))
}

// cut splits "name@version", where a scoped name starts with "@".
func cut(spec string) (name, version string, ok bool) {
	at := strings.LastIndexByte(spec, '@')
	if at <= 0 {
		return "", "", false
	}
	return spec[:at], spec[at+1:], at+1 < len(spec)
}

// safe turns a spec into a folder name.
func safe(spec string) string {
	return strings.TrimLeft(strings.NewReplacer("/", "_", "@", "_").Replace(spec), "_")
}
