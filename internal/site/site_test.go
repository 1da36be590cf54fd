package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// makeSite writes a small site with every kind of file the handler must
// tell apart, and returns its directory.
func makeSite(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "web")
	files := map[string]string{
		"index.html":      "<!doctype html><title>Lede</title>",
		"app.js":          "console.log('app')",
		"style.css":       "body{}",
		"sample.txt":      "Sample article",
		"main.wasm":       "\x00asm raw",
		"main.wasm.br":    "brotli bytes",
		"main.wasm.gz":    "gzip bytes",
		"only.js.gz":      "gzip only",
		"only.js":         "plain only",
		"sub/a.txt":       "in sub",
		"docs/index.html": "<p>docs</p>",
		".hidden":         "secret dot file",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(base, "secret.txt"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "secret.txt"), filepath.Join(dir, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHandler(t *testing.T) {
	h := Handler(makeSite(t))
	tests := []struct {
		name     string
		method   string
		path     string
		encoding string // Accept-Encoding

		code     int
		ctype    string
		cenc     string // Content-Encoding
		vary     bool   // Vary: Accept-Encoding
		body     string // checked when not empty
		location string
	}{
		{name: "root", path: "/", code: 200, ctype: "text/html; charset=utf-8", body: "<!doctype html><title>Lede</title>"},
		{name: "index", path: "/index.html", code: 200, ctype: "text/html; charset=utf-8"},
		{name: "js", path: "/app.js", code: 200, ctype: "text/javascript; charset=utf-8", body: "console.log('app')"},
		{name: "css", path: "/style.css", code: 200, ctype: "text/css; charset=utf-8"},
		{name: "txt", path: "/sample.txt", code: 200, ctype: "text/plain; charset=utf-8", body: "Sample article"},
		{name: "wasm plain", path: "/main.wasm", code: 200, ctype: "application/wasm", vary: true, body: "\x00asm raw"},
		{name: "wasm br", path: "/main.wasm", encoding: "gzip, deflate, br", code: 200, ctype: "application/wasm", cenc: "br", vary: true, body: "brotli bytes"},
		{name: "wasm gzip", path: "/main.wasm", encoding: "gzip", code: 200, ctype: "application/wasm", cenc: "gzip", vary: true, body: "gzip bytes"},
		{name: "br refused", path: "/main.wasm", encoding: "br;q=0, gzip;q=0.5", code: 200, ctype: "application/wasm", cenc: "gzip", vary: true, body: "gzip bytes"},
		{name: "all refused", path: "/main.wasm", encoding: "br;q=0, gzip;q=0", code: 200, ctype: "application/wasm", vary: true, body: "\x00asm raw"},
		{name: "wildcard", path: "/main.wasm", encoding: "*", code: 200, ctype: "application/wasm", cenc: "br", vary: true, body: "brotli bytes"},
		{name: "identity only", path: "/main.wasm", encoding: "identity", code: 200, ctype: "application/wasm", vary: true, body: "\x00asm raw"},
		{name: "gzip sibling only", path: "/only.js", encoding: "br, gzip", code: 200, ctype: "text/javascript; charset=utf-8", cenc: "gzip", vary: true, body: "gzip only"},
		{name: "no sibling", path: "/app.js", encoding: "br, gzip", code: 200, ctype: "text/javascript; charset=utf-8", body: "console.log('app')"},
		{name: "head", method: http.MethodHead, path: "/main.wasm", code: 200, ctype: "application/wasm", vary: true},
		{name: "dir without index", path: "/sub/", code: 404},
		{name: "dir without index no slash", path: "/sub", code: 404},
		{name: "file in dir", path: "/sub/a.txt", code: 200, ctype: "text/plain; charset=utf-8", body: "in sub"},
		{name: "dir with index", path: "/docs/", code: 200, ctype: "text/html; charset=utf-8", body: "<p>docs</p>"},
		{name: "dir redirect", path: "/docs", code: 301, location: "docs/"},
		{name: "missing", path: "/nope.js", code: 404},
		{name: "dotdot", path: "/../secret.txt", code: 400},
		{name: "dotdot inside", path: "/sub/../../secret.txt", code: 400},
		{name: "backslash", path: "/..\\secret.txt", code: 400},
		{name: "dot file", path: "/.hidden", code: 400},
		{name: "symlink escape", path: "/escape.txt", code: 404},
		{name: "post", method: http.MethodPost, path: "/", code: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, "http://example.com/", nil)
			req.URL.Path = tt.path // unclean on purpose: no mux in front
			if tt.encoding != "" {
				req.Header.Set("Accept-Encoding", tt.encoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)

			if res.StatusCode != tt.code {
				t.Fatalf("status = %d, want %d (body %q)", res.StatusCode, tt.code, body)
			}
			for k, want := range map[string]string{
				"Content-Security-Policy": CSP,
				"X-Content-Type-Options":  "nosniff",
			} {
				if got := res.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if tt.code != 200 {
				if tt.location != "" && res.Header.Get("Location") != tt.location {
					t.Errorf("Location = %q, want %q", res.Header.Get("Location"), tt.location)
				}
				if res.Header.Get("Content-Encoding") != "" {
					t.Errorf("error response has Content-Encoding %q", res.Header.Get("Content-Encoding"))
				}
				return
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control = %q, want no-cache", got)
			}
			if got := res.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.cenc {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.cenc)
			}
			if got := res.Header.Get("Vary") == "Accept-Encoding"; got != tt.vary {
				t.Errorf("Vary = %q, want Accept-Encoding: %v", res.Header.Get("Vary"), tt.vary)
			}
			if tt.body != "" && string(body) != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
			if method == http.MethodHead && len(body) != 0 {
				t.Errorf("HEAD body = %q, want empty", body)
			}
		})
	}
}

func TestMissingDir(t *testing.T) {
	h := Handler(filepath.Join(t.TempDir(), "absent"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", rec.Code)
	}
}

func TestAccepts(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"", "br", false},
		{"br", "br", true},
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate", "br", false},
		{"BR", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.0", "br", false},
		{"br;q=0.1", "br", true},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"*;q=0, gzip", "gzip", true},
		{"gzip;q=0, *", "gzip", false},
		{"br;level=5", "br", true},
	}
	for _, tt := range tests {
		if got := accepts(tt.header, tt.coding); got != tt.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

// TestPageCSP keeps the meta tag of the page and the header in step: the
// page must work under either alone.
func TestPageCSP(t *testing.T) {
	html, err := os.ReadFile(filepath.Join("..", "..", "web", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"`).FindSubmatch(html)
	if m == nil {
		t.Fatal("web/index.html has no Content-Security-Policy meta tag")
	}
	if got := string(m[1]); got != CSP {
		t.Errorf("meta CSP = %q\nheader CSP = %q", got, CSP)
	}
}

// Files named by their content (make dist) are cached for a year; the
// page itself is revalidated.
func TestCacheControl(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>x"), 0o644)
	os.WriteFile(filepath.Join(dir, "app.0123456789.js"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "app.js"), []byte("x"), 0o644)
	h := Handler(dir)
	for path, want := range map[string]string{
		"/":                  "no-cache",
		"/app.js":            "no-cache",
		"/app.0123456789.js": "public, max-age=31536000, immutable",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if got := rec.Header().Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, want)
		}
	}
}
