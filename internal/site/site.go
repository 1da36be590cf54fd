// Package site serves the static files of the Lede web page: the HTML,
// script, style and the WebAssembly analyzer, with the headers the page
// needs (content types, a Content-Security-Policy matching the page's meta
// tag) and precompressed siblings when the client accepts them.
package site

import (
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CSP is the Content-Security-Policy of the page. web/index.html carries the
// same policy in a meta tag so that the page is equally locked down on a
// static host that sets no headers; 'wasm-unsafe-eval' is what lets the
// worker compile the analyzer and nothing else may run.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'"

// contentTypes fixes the types the page depends on instead of trusting the
// host's mime tables: browsers refuse to stream-compile wasm served with any
// type but application/wasm, and scripts must not be sniffed.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".wasm": "application/wasm",
	".txt":  "text/plain; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

// fingerprinted matches the names make dist gives files: name.HASH.ext,
// with ten hex digits of the content's hash.
var fingerprinted = regexp.MustCompile(`^[^.]+\.[0-9a-f]{10}\.[a-z0-9]+$`)

// encodings lists the precompressed siblings to look for, best first.
var encodings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// Handler returns a handler serving the files under dir. A request for a
// directory serves its index.html; directories without one are not listed
// but answered with 404. Paths that try to leave dir (.. elements, symbolic
// links pointing outside) and dot files are refused.
func Handler(dir string) http.Handler {
	return &handler{dir: dir}
}

type handler struct {
	dir string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", CSP)
	hdr.Set("Cache-Control", "no-cache")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "400 bad request", http.StatusBadRequest)
		return
	}

	// os.Root confines every open to dir, symbolic links included, so
	// the checks in fileName are a first line rather than the only one.
	// It is opened per request so that dir may be (re)built while the
	// server runs.
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "500 site directory unavailable", http.StatusInternalServerError)
		return
	}
	defer root.Close()

	info, err := root.Stat(name)
	if err != nil {
		notFound(w)
		return
	}
	if info.IsDir() {
		index := path.Join(name, "index.html")
		if ii, err := root.Stat(index); err != nil || !ii.Mode().IsRegular() {
			notFound(w)
			return
		}
		// Relative URLs in the page resolve against the directory only
		// when the URL ends in a slash, so add it like http.FileServer.
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirect(w, r, path.Base(r.URL.Path)+"/")
			return
		}
		name = index
	} else if !info.Mode().IsRegular() {
		notFound(w)
		return
	}
	if fingerprinted.MatchString(path.Base(name)) {
		// make dist names files by their content: such a URL never
		// changes meaning, so browsers may keep it for a year.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	}

	ctype, ok := contentTypes[path.Ext(name)]
	if !ok {
		ctype = mime.TypeByExtension(path.Ext(name))
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	hdr.Set("Content-Type", ctype)

	served, encoding := name, ""
	for _, e := range encodings {
		ci, err := root.Stat(name + e.ext)
		if err != nil || !ci.Mode().IsRegular() {
			continue
		}
		// A cache must not hand the compressed body to a client that
		// cannot decode it, whether or not this client can.
		hdr.Set("Vary", "Accept-Encoding")
		if encoding == "" && accepts(r.Header.Get("Accept-Encoding"), e.name) {
			served, encoding = name+e.ext, e.name
		}
	}

	f, err := root.Open(served)
	if err != nil {
		notFound(w)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	if encoding != "" {
		hdr.Set("Content-Encoding", encoding)
	}
	http.ServeContent(w, r, name, modTime(fi), f)
}

// fileName turns a URL path into a slash-separated name relative to the
// site directory, "." for the root. It reports false for paths that
// must not be served: .. elements, dot files, backslashes and NULs.
func fileName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	if strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for elem := range strings.SplitSeq(urlPath[1:], "/") {
		if elem == ".." || (strings.HasPrefix(elem, ".") && elem != ".") {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// accepts reports whether the Accept-Encoding header value allows coding,
// honouring q=0 and the * wildcard.
func accepts(header, coding string) bool {
	wildcard := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != coding && name != "*" {
			continue
		}
		ok := quality(params) > 0
		if name == coding {
			return ok
		}
		wildcard = ok
	}
	return wildcard
}

// quality returns the q parameter of an Accept-Encoding element, 1 when
// it is absent or malformed.
func quality(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || strings.ToLower(strings.TrimSpace(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return 1
		}
		return q
	}
	return 1
}

// modTime returns the time for Last-Modified, or the zero time (no
// header) when the file system reports none.
func modTime(fi fs.FileInfo) time.Time {
	t := fi.ModTime()
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t
}

// notFound answers 404 for every failure to find or open a file: escapes
// out of the root and permission problems included, so as not to reveal
// what lies outside the site.
func notFound(w http.ResponseWriter) {
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// redirect sends a relative redirect, so that it works under any prefix
// the handler is mounted at.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if q := r.URL.RawQuery; q != "" {
		target += "?" + q
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}
