package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"lede/internal/site"
)

// TestOffline visits the page once, lets its service worker keep the
// page's files, then takes the network away, in the browser and at the
// server: a reload still opens the page, loads the analyzer and analyses
// the seed article, and the cache holds the page's files and nothing else.
// It does so for the files as they are in web/ and as make dist writes
// them, with hashed names that the service worker's list must follow.
func TestOffline(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	t.Run("web", func(t *testing.T) {
		offlineVisit(t, siteDir, func(name string) bool { return true })
	})
	t.Run("dist", func(t *testing.T) {
		dir := t.TempDir()
		build := exec.Command("go", "run", "./cmd/dist", "-src", siteDir, "-o", dir, "-brotli", "1")
		build.Dir = ".."
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("make dist: %v\n%s", err, out)
		}
		hashed := regexp.MustCompile(`^[a-z_]+\.[0-9a-f]{10}\.[a-z]+$`)
		offlineVisit(t, dir, hashed.MatchString)
	})
}

// offlineVisit is TestOffline for the site in dir, whose files other than
// the page must all have names that ok accepts.
func offlineVisit(t *testing.T, dir string, ok func(name string) bool) {
	var offline atomic.Bool
	var refused atomic.Int32 // requests that reached the server while offline
	// Below /lede/ as in the other tests, so that the worker's scope is a
	// folder, not the whole origin.
	files := http.StripPrefix("/lede", site.Handler(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if offline.Load() {
			refused.Add(1)
			panic(http.ErrAbortHandler) // the connection drops, as with no network
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	p := openURL(t, srv.URL+"/lede/")
	p.waitReady()
	// The worker is registered once the analyzer is ready; ready resolves
	// once it is active, which is after it has stored the files.
	var script string
	p.eval("waiting for the service worker", `navigator.serviceWorker.ready.then((r) => r.active.scriptURL)`, &script)
	if !strings.HasSuffix(script, "/lede/sw.js") {
		t.Errorf("the service worker is %q, want /lede/sw.js", script)
	}
	p.run("reloading", chromedp.Reload())
	p.waitReady()
	p.poll("waiting for the service worker to control the page", `navigator.serviceWorker.controller !== null`)

	offline.Store(true)
	p.run("going offline",
		network.Enable(),
		network.OverrideNetworkState(true, 0, -1, -1),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}).
				WithEmulateOfflineServiceWorker(true).Do(ctx)
			return err
		}))
	p.run("reloading offline", chromedp.Reload())
	p.waitReady()
	var got struct {
		Online     bool     `json:"online"`
		FromWorker bool     `json:"fromWorker"`
		Caches     []string `json:"caches"`
		Cached     []string `json:"cached"`
		Scripts    []string `json:"scripts"`
	}
	p.eval("reading the offline page", `(async () => {
		const out = {online: navigator.onLine, caches: await caches.keys(), cached: [],
			scripts: [...document.scripts].map((s) => new URL(s.src).pathname)};
		out.fromWorker = performance.getEntriesByType('navigation')[0].workerStart > 0;
		for (const name of out.caches) {
			for (const req of await (await caches.open(name)).keys()) out.cached.push(new URL(req.url).pathname);
		}
		return out;
	})()`, &got)
	if got.Online {
		t.Error("navigator.onLine is true after going offline")
	}
	if !got.FromWorker {
		t.Error("the offline page did not come through the service worker")
	}
	if len(got.Caches) != 1 || !strings.HasPrefix(got.Caches[0], "lede-v") {
		t.Errorf("caches %q, want one lede-v… cache", got.Caches)
	}
	// The page and its files, each once: style, the page's modules (boot.js
	// and those it loads), the worker, Go's wasm_exec.js, the analyzer and
	// the sample.
	pageFiles := []string{"style.css", "boot.js",
		"analyzer.js", "clipboard.js", "dom.js", "downloads.js", "exports.js", "headline.js", "highlights.js",
		"html_to_text.js", "intake.js", "jump.js", "keyboard.js", "labels.js", "limits.js", "main.js", "offline.js",
		"panels.js", "readability.js", "reader_mode.js", "render.js", "run.js", "state.js", "status.js", "text.js", "tooltips.js", "view.js", "warm.js",
		"worker.js", "wasm_exec.js", "firstlook.wasm", "main.wasm", "sample.txt"}
	kinds := map[string]int{}
	for i, path := range got.Cached {
		name := strings.TrimPrefix(path, "/lede/")
		if i == 0 {
			if path != "/lede/" {
				t.Errorf("the first cached entry is %q, want the page, /lede/", path)
			}
			continue
		}
		if !ok(name) || strings.Contains(name, "/") {
			t.Errorf("cached %q, not one of the page's files", path)
		}
		kinds[strings.SplitN(name, ".", 2)[0]+filepath.Ext(name)]++
	}
	for _, k := range pageFiles {
		if kinds[k] != 1 {
			t.Errorf("%s cached %d times, want once; cached: %q", k, kinds[k], got.Cached)
		}
	}
	if len(got.Cached) != len(pageFiles)+1 {
		t.Errorf("%d cache entries, want %d: %q", len(got.Cached), len(pageFiles)+1, got.Cached)
	}
	for _, s := range got.Scripts {
		if !contains(got.Cached, s) {
			t.Errorf("the page's script %s is not cached", s)
		}
	}

	p.paste(seedText(t))
	p.analyze()
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("offline: no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
	// The sample is one of the page's files too.
	p.run("loading the sample offline", chromedp.Click("#sample", chromedp.ByQuery))
	p.poll("waiting for the sample's analysis", `document.querySelector('#reading-stats').textContent.startsWith('Sample article')`)
	t.Logf("%d requests reached the server while offline, and were refused", refused.Load())
}

// TestSecondVisit opens the page as make dist writes it twice: the second
// visit downloads none of the page's files again (their hashed names are
// cached as immutable, and the service worker serves them), only asks for
// the page itself, which may have changed, and analyses as well.
func TestSecondVisit(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	dir := t.TempDir()
	build := exec.Command("go", "run", "./cmd/dist", "-src", siteDir, "-o", dir, "-brotli", "1")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make dist: %v\n%s", err, out)
	}
	var mu sync.Mutex
	var served []string // paths the server answered with a body
	files := http.StripPrefix("/lede", site.Handler(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		files.ServeHTTP(rec, r)
		if rec.status == http.StatusOK {
			mu.Lock()
			served = append(served, r.URL.Path)
			mu.Unlock()
		}
	}))
	t.Cleanup(srv.Close)
	taken := func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := served
		served = nil
		return out
	}

	p := openURL(t, srv.URL+"/lede/")
	p.waitReady()
	p.eval("waiting for the service worker", `navigator.serviceWorker.ready.then((r) => r.active.scriptURL)`, new(string))
	first := taken()
	if !slices.ContainsFunc(first, func(s string) bool { return strings.HasSuffix(s, ".wasm") }) {
		t.Fatalf("the first visit downloaded no analyzer: %q", first)
	}

	p.run("visiting again", chromedp.Navigate(srv.URL+"/lede/"))
	p.waitReady()
	p.paste(seedText(t))
	p.analyze()
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("second visit: no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
	for _, path := range taken() {
		// The page itself is asked for (it may be new) and so may the
		// service worker's script (the browser checks it for updates).
		if path != "/lede/" && path != "/lede/index.html" && path != "/lede/sw.js" {
			t.Errorf("the second visit downloaded %s again", path)
		}
	}
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}
