package e2e

// The page is fast in the browser: a first look before the models load,
// progress and Cancel for a long text, and the analyzer's memory for the
// benchmark.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"lede/internal/site"
)

// TestFirstLook submits the seed article before the analyzer is ready: the
// page must draw a first look from the first-look analyzer
// (firstlook.wasm: quotes without speakers, well-known places) while the
// full one (main.wasm) is still held back at the server, then replace it
// with the full result once main.wasm is let through. The order never
// depends on timing.
func TestFirstLook(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	srv, _, release := heldServer(t, "/main.wasm")

	text := seedText(t)
	p := openURL(t, srv.URL+"/")
	// Records the article at its first look, which the full result may
	// replace before a poll would see it: a MutationObserver runs right
	// after the render's task, before the next message is handled.
	p.eval("watching the article", `(() => {
		window.__readyEvents = 0;
		document.addEventListener('lede:ready', () => window.__readyEvents++);
		window.__first = null;
		const a = document.querySelector('#article');
		new MutationObserver((_, obs) => {
			if (a.dataset.partial !== 'true' || window.__first) return;
			const marks = (type) => [...a.querySelectorAll('mark[data-type="' + type + '"]')].map((m) => m.textContent);
			window.__first = {
				quotes: a.querySelectorAll('.quote').length,
				attributed: a.querySelectorAll('.quote[data-speaker]').length,
				places: marks('PLACE'),
				status: document.querySelector('#status').textContent,
				loading: document.querySelector('#loading').textContent,
				ready: document.body.dataset.ready === 'true',
				same: a.textContent === document.querySelector('#text').value,
			};
			obs.disconnect();
		}).observe(a, {attributes: true, childList: true});
		return true;
	})()`, nil)
	p.paste(text)
	p.run("clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
	var state struct {
		Ready  string `json:"ready"`
		Status string `json:"status"`
	}
	p.eval("reading the page", `({ready: document.body.dataset.ready || '', status: document.querySelector('#status').textContent})`, &state)
	if state.Ready == "true" {
		t.Fatal("the analyzer is ready although main.wasm was held back")
	}
	if !strings.Contains(state.Status, "Waiting for the analyzer") {
		t.Errorf("status before the analyzer loads = %q, want it to say it is waiting", state.Status)
	}
	p.poll("waiting for the first look, main.wasm held back", `window.__first !== null`)
	release()
	var first struct {
		Quotes     int      `json:"quotes"`
		Attributed int      `json:"attributed"`
		Places     []string `json:"places"`
		Status     string   `json:"status"`
		Loading    string   `json:"loading"`
		Ready      bool     `json:"ready"`
		Same       bool     `json:"same"`
	}
	p.eval("reading the first look", `window.__first`, &first)
	if !strings.Contains(first.Loading, "full analyzer") {
		t.Errorf("loading line at the first look = %q, want it to say the full analyzer is on its way", first.Loading)
	}
	if first.Quotes != 11 {
		t.Errorf("first look: %d quote elements, want 11", first.Quotes)
	}
	if first.Attributed != 0 {
		t.Errorf("first look: %d quotes with a speaker, want none", first.Attributed)
	}
	if !contains(first.Places, "China") {
		t.Errorf("first look: no PLACE mark \"China\"; PLACE marks: %q", first.Places)
	}
	if !strings.HasPrefix(first.Status, "First look") {
		t.Errorf("first look: status = %q, want it to say it is a first look", first.Status)
	}
	if first.Ready {
		t.Error("the first look came after the analyzer was ready")
	}
	if !first.Same {
		t.Error("first look: the article's text differs from the input")
	}

	p.poll("waiting for the full result", `Number(document.body.dataset.analyses || 0) > 0`)
	var full struct {
		Partial    bool   `json:"partial"`
		Attributed int    `json:"attributed"`
		Status     string `json:"status"`
		Kind       string `json:"kind"`
		Events     int    `json:"events"`
	}
	p.eval("reading the full result", `(() => {
		const a = document.querySelector('#article');
		return {
			partial: 'partial' in a.dataset || 'partial' in document.querySelector('#results').dataset,
			attributed: a.querySelectorAll('.quote[data-speaker]').length,
			status: document.querySelector('#status').textContent,
			kind: document.querySelector('#status').dataset.kind,
			events: window.__readyEvents,
		};
	})()`, &full)
	if full.Kind == "error" {
		t.Fatalf("analysis failed: %q", full.Status)
	}
	if full.Partial {
		t.Error("the full result is still marked as a first look")
	}
	if full.Attributed < 8 {
		t.Errorf("full result: %d of 11 quotes have a speaker, want most", full.Attributed)
	}
	if !strings.HasPrefix(full.Status, "Found ") {
		t.Errorf("full result: status = %q, want the summary", full.Status)
	}
	if full.Events != 1 {
		t.Errorf("lede:ready dispatched %d times, want once", full.Events)
	}
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("full result: no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
	if got := p.articleText(); got != text {
		t.Errorf("article text differs from the input:\n%s", firstDiff(got, text))
	}
}

// progressStatus is the status line while a long analysis runs.
var progressStatus = regexp.MustCompile(`^Analyzing… \d{1,2}%$`)

// TestLongTextCancel analyses about 1 MB: the status shows its progress,
// Cancel appears, and cancelling rejects what was pending, restarts the
// analyzer and leaves the text alone; then the analyzer works again.
func TestLongTextCancel(t *testing.T) {
	seed := seedText(t)
	reps := (1 << 20) / len(seed)
	big := fmt.Sprintf("%s.repeat(%d)", jsString(seed), reps)

	p := openPage(t)
	p.waitReady()
	p.pasteJS(big)
	var seen []string
	p.eval("recording the status", `(() => {
		window.__statuses = [];
		new MutationObserver(() => window.__statuses.push(document.querySelector('#status').textContent))
			.observe(document.querySelector('#status'), {childList: true, characterData: true, subtree: true});
		return true;
	})()`, nil)
	p.run("clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
	// An API call queued behind the page's analysis is cancelled with it.
	p.eval("queueing an API call", `window.__queued = window.lede.analyze('Sergey Lavrov said so.')
		.then(() => 'resolved', (e) => e.message); true`, nil)

	p.poll("waiting for a progress status", `window.__statuses.some((s) => /^Analyzing… \d+%$/.test(s))`)
	p.responsive("during the long analysis")
	p.poll("waiting for Cancel", `!document.querySelector('#cancel').hidden`)
	// Clicked from the page, so that the analysis cannot end between
	// finding the button and clicking it.
	var clicked bool
	p.eval("clicking Cancel", `(() => {
		const b = document.querySelector('#cancel');
		if (b.hidden) return false;
		b.click();
		return true;
	})()`, &clicked)
	if !clicked {
		t.Fatalf("the analysis ended before Cancel could be clicked (status %q); make the text longer", p.status())
	}
	p.eval("reading the statuses", `window.__statuses`, &seen)
	for _, s := range seen {
		if strings.HasPrefix(s, "Analyzing… ") && !progressStatus.MatchString(s) {
			t.Errorf("progress status %q, want \"Analyzing… N%%\"", s)
		}
	}

	var after struct {
		Queued  string `json:"queued"`
		Status  string `json:"status"`
		Loading string `json:"loading"`
		State   string `json:"state"`
		Kept    bool   `json:"kept"`
		Cancel  bool   `json:"cancelHidden"`
	}
	p.eval("reading the page after Cancel", fmt.Sprintf(`(async () => ({
		queued: await window.__queued,
		status: document.querySelector('#status').textContent,
		loading: document.querySelector('#loading').textContent,
		state: document.body.dataset.state,
		kept: document.querySelector('#text').value === %s,
		cancelHidden: document.querySelector('#cancel').hidden,
	}))()`, big), &after)
	if !strings.Contains(after.Queued, "cancelled") {
		t.Errorf("the pending window.lede.analyze gave %q, want a \"cancelled\" rejection", after.Queued)
	}
	if !strings.Contains(after.Status, "cancelled") || !strings.Contains(after.Status, "restarting") {
		t.Errorf("status after Cancel = %q, want it to say the analysis was cancelled and the analyzer is restarting", after.Status)
	}
	if after.State != "loading" && after.State != "ready" {
		t.Errorf("body state after Cancel = %q", after.State)
	}
	if !after.Kept {
		t.Error("the textarea no longer holds the long text")
	}
	if !after.Cancel {
		t.Error("Cancel is still shown after cancelling")
	}

	p.waitReady()
	var again string
	p.eval("reading the status once restarted", `document.querySelector('#status').textContent`, &again)
	if !strings.Contains(again, "ready") {
		t.Errorf("status once restarted = %q, want it to say the analyzer is ready again", again)
	}
	var res result
	p.eval("window.lede.analyze after the restart", "window.lede.analyze("+jsString(seed)+")", &res)
	var found bool
	for _, e := range res.Entities {
		found = found || (e.Type == "PERSON" && e.Name == "Sergey Lavrov")
	}
	if !found {
		t.Errorf("after the restart, window.lede.analyze found no PERSON \"Sergey Lavrov\"")
	}
	p.paste(seed)
	p.analyze()
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("after the restart: no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
}

// TestStats checks the memory figure the benchmark reads.
func TestStats(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	var stats struct {
		Memory float64 `json:"memory"`
	}
	p.eval("window.lede.stats", `window.lede.stats()`, &stats)
	if stats.Memory <= 1<<20 {
		t.Errorf("window.lede.stats().memory = %v, want the wasm memory, over 1 MB", stats.Memory)
	}
}

// TestStreamingFallback makes instantiateStreaming fail in the worker: the
// worker must download main.wasm again and compile it the plain way.
func TestStreamingFallback(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	// The real worker runs inside one whose streaming compile fails. Each
	// of its fetches of main.wasm is numbered in the URL: what is counted
	// is the worker's downloads, not the requests on the wire, which the
	// browser may repeat when the cancelled first download resets a
	// connection the second shares (seen once in about a dozen runs).
	dir := siteWithWorker(t, `'use strict';
WebAssembly.instantiateStreaming = () => Promise.reject(new TypeError('streaming refused by the test'));
const realFetch = self.fetch;
let attempt = 0;
self.fetch = (url, opts) => realFetch(String(url).endsWith('main.wasm') ? url + '?attempt=' + (++attempt) : url, opts);
importScripts('worker-real.js');
`)
	// Only the analyzer worker's requests count: the service worker keeps a
	// copy of main.wasm too, once the analyzer is ready. The Referer tells
	// them apart: it is the script that fetched.
	var mu sync.Mutex
	attempts := map[string]bool{}
	files := site.Handler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/main.wasm") {
			ref := r.Header.Get("Referer")
			if strings.HasSuffix(ref, "/worker.js") {
				mu.Lock()
				attempts[r.URL.Query().Get("attempt")] = true
				mu.Unlock()
			}
			t.Logf("main.wasm requested by %s (%s, Range %q)", ref, r.URL.RawQuery, r.Header.Get("Range"))
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	p := openURL(t, srv.URL+"/")
	p.waitReady()
	mu.Lock()
	if len(attempts) != 2 || !attempts["1"] || !attempts["2"] {
		t.Errorf("the worker downloaded main.wasm in attempts %v, want 1 and 2 (the streaming attempt, then the plain download)", attempts)
	}
	mu.Unlock()
	p.paste(seedText(t))
	p.analyze()
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
}

// TestReanalyseKeepsNothing analyses the seed article, then edits and
// analyses it again several times: each render must replace the last,
// leaving the same number of elements and event listeners behind.
func TestReanalyseKeepsNothing(t *testing.T) {
	seed := seedText(t)
	const from, to = "Lavrov arrived in Tunxi", "Lavrov landed in Tunxi"
	if !strings.Contains(seed, from) {
		t.Fatalf("the seed article no longer says %q", from)
	}

	p := openPage(t)
	p.waitReady()
	type census struct {
		Nodes     int `json:"nodes"`
		Listeners int `json:"listeners"`
	}
	// getEventListeners is DevTools' command-line API.
	count := func() census {
		var c census
		p.run("counting nodes and listeners", chromedp.Evaluate(`(() => {
			let listeners = 0;
			for (const node of [window, document, ...document.querySelectorAll('*')]) {
				for (const list of Object.values(getEventListeners(node))) listeners += list.length;
			}
			return {nodes: document.getElementsByTagName('*').length, listeners};
		})()`, &c, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
			return e.WithIncludeCommandLineAPI(true)
		}))
		return c
	}

	p.paste(seed)
	p.analyze()
	// Hovering and clicking must not add listeners either.
	p.clickInPanel("clicking a name", "#entities button.entity-row")
	first := count()
	for i := range 4 {
		text := seed
		if i%2 == 0 {
			text = strings.Replace(seed, from, to, 1)
		}
		p.paste(text)
		p.analyze()
		p.clickInPanel("clicking a name", "#entities button.entity-row")
	}
	p.paste(seed)
	p.analyze()
	if last := count(); last != first {
		t.Errorf("after re-analysing, %+v; after the first analysis, %+v", last, first)
	}
	if first.Listeners == 0 {
		t.Error("no listeners counted: getEventListeners did not work")
	}
}

// siteWithWorker copies the built site to a folder of the test's with
// wrapper as worker.js and the real worker as worker-real.js, which the
// wrapper loads, and returns the folder.
func siteWithWorker(t *testing.T, wrapper string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(siteDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "worker.js" {
			name = "worker-real.js"
		}
		if err := copyFile(filepath.Join(dir, name), filepath.Join(siteDir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "worker.js"), []byte(wrapper), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
