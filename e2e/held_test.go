package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"lede/internal/site"
)

// heldServer serves the site with the file whose path ends in suffix held
// back until release is called: the test decides when it arrives, so
// that what the page does before it never depends on timing. asked is
// closed once the page has asked for that file. The server closes, and
// the file is let through, when the test ends.
func heldServer(t *testing.T, suffix string) (srv *httptest.Server, asked <-chan struct{}, release func()) {
	t.Helper()
	askedCh := make(chan struct{})
	gate := make(chan struct{})
	var askOnce, releaseOnce sync.Once
	release = func() { releaseOnce.Do(func() { close(gate) }) }
	files := site.Handler(siteDir)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, suffix) {
			askOnce.Do(func() { close(askedCh) })
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	// Cleanups run last first: the browser closes, then the server.
	t.Cleanup(srv.Close)
	t.Cleanup(release)
	return srv, askedCh, release
}
