// Package e2e tests the Lede web page end to end: the real analyzer built
// for js/wasm, served by internal/site, driven in headless Chromium.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"lede/internal/site"
	"lede/internal/webdeps"
)

// waitTimeout bounds every wait on the page, so that a broken page fails
// the test instead of hanging it.
const waitTimeout = 60 * time.Second

// prefix is where the site is mounted. Serving below the root proves the
// page uses relative URLs only.
const prefix = "/lede/"

var (
	pageURL  string // the page, served from a freshly built site
	siteDir  string // that site's files, for tests that serve them their own way
	setupErr error  // why the site could not be built, reported by each test
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "lede-e2e-")
	if err != nil {
		setupErr = err
		return m.Run()
	}
	defer os.RemoveAll(dir)
	if err := buildSite(dir); err != nil {
		setupErr = err
		return m.Run()
	}
	siteDir = dir
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), site.Handler(dir)))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	pageURL = srv.URL + prefix
	return m.Run()
}

// buildSite assembles in dir what "make build" puts in web/: the page's
// files, the analyzer compiled for js/wasm, Go's wasm_exec.js and
// Readability from npm. It
// builds from source so the test never runs a stale main.wasm.
func buildSite(dir string) error {
	for file, pkg := range map[string]string{"main.wasm": "lede/wasm", "firstlook.wasm": "lede/wasm/firstlook"} {
		build := exec.Command("go", "build", "-ldflags=-s -w", "-o", filepath.Join(dir, file), pkg)
		build.Dir = ".."
		build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("building the wasm analyzer %s: %v\n%s", pkg, err, out)
		}
	}

	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if err := copyFile(filepath.Join(dir, "wasm_exec.js"), wasmExec); err != nil {
		return err
	}

	entries, err := os.ReadDir(filepath.Join("..", "web"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case !e.Type().IsRegular(), strings.HasSuffix(name, ".wasm"), name == "wasm_exec.js", name == webdeps.ModuleName:
			// Build outputs come from above and below, never from a stale web/.
		default:
			if err := copyFile(filepath.Join(dir, name), filepath.Join("..", "web", name)); err != nil {
				return err
			}
		}
	}
	// Readability, from npm as make build gets it.
	return webdeps.WriteReadability(npmCache, dir)
}

// npmCache is where make build keeps npm's packages; the tests share it.
var npmCache = filepath.Join("..", "bin", "npm")

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// findChromium returns the browser to drive. The test never skips: a
// missing browser is a broken environment, not a passing test.
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("LEDE_CHROMIUM"); p != "" {
		return p
	}
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("install Chromium: apt-get install -y chromium (make test does this when run as root)")
	return ""
}

// page is one browser tab on the site, recording the console errors and
// uncaught exceptions that make a test fail.
type page struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// openPage starts a fresh headless browser, loads the page and registers
// a cleanup that fails the test on any console error.
func openPage(t *testing.T) *page {
	t.Helper()
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return openURL(t, pageURL)
}

// openURL is openPage for a page at any URL. It returns once the page's
// modules have run, which may be after the load event: boot.js imports
// them after the first paint.
func openURL(t *testing.T, url string) *page {
	t.Helper()
	p := startBrowser(t)
	p.run("navigate", chromedp.Navigate(url))
	p.waitModules()
	return p
}

// startBrowser starts a fresh headless browser on a blank tab, for tests
// that must listen to the browser before the page loads.
func startBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) *page {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findChromium(t)),
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1100, 900),
	)
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() {
		// Close the browser gracefully before killing what is left, so
		// that it stops writing to its profile.
		chromedp.Cancel(ctx)
		cancelTab()
		cancelAlloc()
	})

	p := &page{t: t, ctx: ctx}
	chromedp.ListenTarget(ctx, p.listen)
	// The first Run starts the browser; it must not be bounded by a
	// timeout context, or the browser would close when that ends.
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	t.Cleanup(p.checkConsole)
	return p
}

// profileDir returns a fresh browser profile directory. Unlike t.TempDir
// it tolerates Chromium's helper processes writing into it for a moment
// after the browser has gone.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "lede-e2e-profile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("could not remove the browser profile %s", dir)
	})
	return dir
}

func (p *page) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		p.problem("uncaught exception: " + ev.ExceptionDetails.Error())
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range ev.Args {
			if len(a.Value) > 0 {
				args = append(args, string(a.Value))
			} else {
				args = append(args, a.Description)
			}
		}
		msg := strings.Join(args, " ")
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
			p.problem("console." + string(ev.Type) + ": " + msg)
		} else {
			p.t.Logf("console.%s: %s", ev.Type, msg)
		}
	case *cdplog.EventEntryAdded:
		// Failed loads and CSP violations arrive here, not via console.
		if ev.Entry.Level == cdplog.LevelError {
			p.problem(fmt.Sprintf("browser log: %s (%s)", ev.Entry.Text, ev.Entry.URL))
		}
	}
}

func (p *page) problem(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, s)
}

func (p *page) checkConsole() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.problems {
		p.t.Error(s)
	}
}

// run runs actions within waitTimeout, failing the test on error.
func (p *page) run(what string, actions ...chromedp.Action) {
	p.t.Helper()
	p.runWithin(waitTimeout, what, actions...)
}

// runWithin is run with a timeout of its own.
func (p *page) runWithin(timeout time.Duration, what string, actions ...chromedp.Action) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v (page status: %q)", what, err, p.status())
	}
}

// eval evaluates a JavaScript expression, awaiting it if it is a promise.
func (p *page) eval(what, expr string, res any) {
	p.t.Helper()
	p.run(what, chromedp.Evaluate(expr, res, awaitPromise))
}

// status returns the page's status line, for failure messages. It must
// not fail itself, so it has its own short timeout.
func (p *page) status() string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	var s string
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('#status').textContent + ' | ' + document.querySelector('#loading').textContent`, &s))
	return s
}

// poll waits until the expression is truthy.
func (p *page) poll(what, expr string) {
	p.t.Helper()
	var ok bool
	p.run(what, chromedp.Poll(expr, &ok,
		chromedp.WithPollingTimeout(waitTimeout),
		chromedp.WithPollingInterval(50*time.Millisecond)))
}

// settleScroll waits until the window has stopped scrolling. A click is
// aimed at where the element stands when it is sent: during a smooth
// scroll (a jump to a quote) it lands where the element was, and is lost.
func (p *page) settleScroll() {
	p.t.Helper()
	var ok bool
	p.run("waiting for the page to stop scrolling", chromedp.Evaluate(`new Promise((resolve) => {
		let last = -1, still = 0;
		const check = () => {
			still = window.scrollY === last ? still + 1 : 0;
			last = window.scrollY;
			if (still >= 3) resolve(true); else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	})`, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
}

// clickInPanel clicks sel, an item of the panels, as a reader does: once
// it is in view and drawn. The panels' items out of sight are not laid
// out (content-visibility, style.css), and take their size only as they
// come into view: a click aimed at where such an item stood before that
// lands on something else.
func (p *page) clickInPanel(what, sel string) {
	p.t.Helper()
	p.eval(what+": bringing it into view", fmt.Sprintf(`(() => {
		document.querySelector(%s).scrollIntoView({block: 'center', behavior: 'instant'});
		return true;
	})()`, jsString(sel)), nil)
	p.settleScroll()
	p.run(what, chromedp.Click(sel, chromedp.ByQuery))
}

// waitModules waits for the page's modules to have run (main.js sets
// window.lede), so that its buttons and keys have their listeners.
func (p *page) waitModules() {
	p.t.Helper()
	p.poll("waiting for the page's modules (window.lede)", `window.lede !== undefined`)
}

// waitReady waits for the analyzer to load, failing at once if the page
// reports that it cannot.
func (p *page) waitReady() {
	p.t.Helper()
	p.poll("waiting for lede:ready", `document.body.dataset.state !== 'loading'`)
	var state string
	p.eval("reading state", `document.body.dataset.state`, &state)
	if state != "ready" {
		p.t.Fatalf("analyzer did not load: state %q, status %q", state, p.status())
	}
}

// paste puts text into the textarea as a user's paste would.
func (p *page) paste(text string) {
	p.t.Helper()
	js, err := json.Marshal(text)
	if err != nil {
		p.t.Fatal(err)
	}
	p.pasteJS(string(js))
}

// pasteJS is paste for the value of a JavaScript expression, for texts a
// Go string cannot hold (lone surrogates) or should not carry (megabytes).
// After an analysis the text box is folded away in the reading view; like
// a reader, it opens it with "Edit text" first.
func (p *page) pasteJS(expr string) {
	p.t.Helper()
	var n int
	p.eval("pasting", fmt.Sprintf(`(() => {
		if (document.querySelector('#editor').hidden) document.querySelector('#edit').click();
		const t = document.querySelector('#text');
		t.value = %s;
		t.dispatchEvent(new Event('input', {bubbles: true}));
		return t.value.length;
	})()`, expr), &n)
}

// analyze clicks Analyze and waits for that analysis to finish.
func (p *page) analyze() {
	p.t.Helper()
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.settleScroll()
	p.run("clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
	p.poll("waiting for the analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	var kind string
	p.eval("reading status", `document.querySelector('#status').dataset.kind || ''`, &kind)
	if kind == "error" {
		p.t.Fatalf("analysis failed: %q", p.status())
	}
}

// articleText returns the rendered article's textContent, which excludes
// the CSS-generated type labels.
func (p *page) articleText() string {
	p.t.Helper()
	var s string
	p.eval("reading the article", `document.querySelector('#article').textContent`, &s)
	return s
}

// marks returns the texts of the article's marks of type typ.
func (p *page) marks(typ string) []string {
	p.t.Helper()
	var texts []string
	p.eval("reading marks", fmt.Sprintf(
		`[...document.querySelectorAll('#article mark[data-type=%q]')].map(m => m.textContent)`, typ), &texts)
	return texts
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// seedText returns the seed article (core/testdata) as the page's
// textarea holds it: without carriage returns.
func seedText(t *testing.T) string {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("..", "core", "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(seed), "\r\n", "\n")
}

// saveScreenshot writes png to out/name.
func saveScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	if err := os.MkdirAll("out", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("out", name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSeedArticle(t *testing.T) {
	text := seedText(t)

	p := openPage(t)
	p.waitReady()
	p.paste(text)
	p.analyze()

	persons, places := p.marks("PERSON"), p.marks("PLACE")
	for _, name := range []string{"Sergey Lavrov", "Wang Yi"} {
		if !contains(persons, name) {
			t.Errorf("no PERSON mark %q; PERSON marks: %q", name, persons)
		}
	}
	if !contains(places, "Beijing") {
		t.Errorf("no PLACE mark \"Beijing\"; PLACE marks: %q", places)
	}
	if got := p.articleText(); got != text {
		t.Errorf("article text differs from the input:\n%s", firstDiff(got, text))
	}

	// The whole page, however long; TestLook takes the README's picture.
	var png []byte
	p.run("screenshot", chromedp.FullScreenshot(&png, 100))
	saveScreenshot(t, "page.png", png)
}

// result is the part of the Result JSON the tests look at.
type result struct {
	Offsets  string `json:"offsets"`
	Entities []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Type     string `json:"type"`
		Mentions []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		} `json:"mentions"`
	} `json:"entities"`
}

func TestWindowLedeAPI(t *testing.T) {
	// The emoji is two UTF-16 code units but four UTF-8 bytes, so byte
	// offsets leaking through would shift every mention.
	const text = "😀 Sergey Lavrov met Wang Yi in Beijing."
	js, _ := json.Marshal(text)

	p := openPage(t)
	// Deliberately not waiting for ready: analyze must queue until then.
	var res result
	p.eval("window.lede.analyze", "window.lede.analyze("+string(js)+")", &res)

	if res.Offsets != "utf16" {
		t.Errorf("offsets = %q, want utf16", res.Offsets)
	}
	units := utf16.Encode([]rune(text))
	var found []string
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.Start >= m.End || m.End > len(units) {
				t.Errorf("%s mention %q has bad span [%d,%d) in %d code units", e.ID, m.Text, m.Start, m.End, len(units))
				continue
			}
			if got := string(utf16.Decode(units[m.Start:m.End])); got != m.Text {
				t.Errorf("%s mention text %q, but text.slice(%d, %d) = %q", e.ID, m.Text, m.Start, m.End, got)
			}
			found = append(found, m.Text)
		}
	}
	if !contains(found, "Sergey Lavrov") {
		t.Errorf("no mention \"Sergey Lavrov\"; mentions: %q", found)
	}

	var ready bool
	p.eval("document.body.dataset.ready", `document.body.dataset.ready === 'true'`, &ready)
	if !ready {
		t.Error("analyze resolved but the page does not say it is ready")
	}
}

func TestMarkupIsText(t *testing.T) {
	const text = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Sergey Lavrov`

	p := openPage(t)
	p.waitReady()
	p.paste(text)
	p.analyze()

	var pwned string
	p.eval("reading window.__pwned", `typeof window.__pwned`, &pwned)
	if pwned != "undefined" {
		t.Errorf("typeof window.__pwned = %q: pasted markup ran", pwned)
	}
	var elems int
	p.eval("counting injected elements", `document.querySelectorAll('#article img, #article script').length`, &elems)
	if elems != 0 {
		t.Errorf("the article holds %d img/script elements from pasted text", elems)
	}
	if got := p.articleText(); got != text {
		t.Errorf("article text differs from the input:\n%s", firstDiff(got, text))
	}
}

// TestEmptyInput checks the page's own validation message, reached by the
// keyboard shortcut.
func TestEmptyInput(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	p.paste("   \n ")
	p.run("pressing Ctrl+Enter",
		chromedp.Focus("#text", chromedp.ByQuery),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(input.ModifierCtrl)))
	var msg string
	p.eval("reading status", `document.querySelector('#status').textContent`, &msg)
	if msg != "Paste some text first." {
		t.Errorf("status = %q, want %q", msg, "Paste some text first.")
	}
}

// firstDiff describes where got and want first differ.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	clip := func(s string) string {
		lo, hi := max(0, i-40), min(len(s), i+40)
		return s[lo:hi]
	}
	return fmt.Sprintf("lengths %d and %d; first difference at byte %d:\n got: %q\nwant: %q",
		len(got), len(want), i, clip(got), clip(want))
}
