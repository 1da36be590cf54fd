package e2e

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lede/internal/site"
)

// dyingWorker wraps the real worker so that a test can end it as a crash
// or an exhausted memory would: "__crash__" throws in the worker outside
// any handler (what an engine error looks like to the page); "__exit__"
// makes the Go program's analyze throw, as it does once the program has
// exited (what "fatal error: out of memory" leaves). Any other text is
// analysed by the real worker.
const dyingWorker = `'use strict';
importScripts('worker-real.js');
const realOnMessage = self.onmessage;
self.onmessage = (ev) => {
  const msg = ev.data || {};
  if (msg.type === 'analyze' && msg.text === '__crash__') {
    setTimeout(() => { throw new Error('killed by the test'); });
    return;
  }
  if (msg.type === 'analyze' && msg.text === '__exit__') {
    const real = self.ledeAnalyze;
    self.ledeAnalyze = () => { throw new Error('Go program has already exited'); };
    realOnMessage(ev);
    self.ledeAnalyze = real;
    return;
  }
  realOnMessage(ev);
};
`

// TestWorkerHeals ends the analyzer's worker twice, once as a crash and
// once as a Go program that ran out of memory mid-analysis, and checks
// each time that the call gets a clear error, the text stays, a fresh
// worker takes over without a reload (window.lede.ready follows it) and
// the page analyses again.
func TestWorkerHeals(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	dir := siteWithWorker(t, dyingWorker)
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()
	p := openURL(t, srv.URL+"/")
	p.waitReady()

	for _, c := range []struct{ text, want string }{
		{"__crash__", "The analyzer stopped and was restarted; nothing was lost."},
		{"__exit__", "This text needed more memory than the browser allows; nothing was lost — try a shorter text."},
	} {
		var got struct {
			SameReady bool
			After     int
			Status    string
			Kept      bool
		}
		// Through the page, as a reader would: the text stays in the
		// editor and the status says what happened.
		p.eval("noting the worker", `(window.__readyBefore = window.lede.ready, true)`, nil)
		p.paste(c.text)
		p.settleScroll()
		p.run("clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
		p.poll(c.text+": waiting for the status", `document.querySelector('#status').dataset.kind === 'error'`)
		p.eval(c.text+": the page after", `(async () => {
			const status = document.querySelector('#status').textContent;
			await window.lede.ready;
			const r = await window.lede.analyze('Sergey Lavrov said in Beijing that talks would go on.');
			return {
				sameReady: window.__readyBefore === window.lede.ready,
				after: r.entities.length,
				status,
				kept: document.querySelector('#text').value === '`+c.text+`',
			};
		})()`, &got)
		if got.SameReady {
			t.Errorf("%s: window.lede.ready did not follow the new worker", c.text)
		}
		if got.After == 0 {
			t.Errorf("%s: the analyzer found nothing after the restart", c.text)
		}
		if !strings.Contains(got.Status, c.want) {
			t.Errorf("%s: status %q, want it to say %q", c.text, got.Status, c.want)
		}
		if !got.Kept {
			t.Errorf("%s: the text left the editor", c.text)
		}
	}
}

// TestHostileSequence analyses, one after another on one page, the inputs
// that once made the worker run out of memory for good (issue 15), then
// 2 MB of articles: each is answered within 400 MB of Go memory (300 for
// the articles; a wasm heap never shrinks: what it holds after is its
// peak), and the page works at the end. It logs what the Go program held after each analysis.
// LEDE_HOSTILE=name runs one of them alone.
func TestHostileSequence(t *testing.T) {
	if testing.Short() {
		t.Skip("a minute of analysis")
	}
	p := openPage(t)
	p.waitReady()
	var base float64
	p.eval("memory at start", `window.lede.analyze('Sergey Lavrov met Wang Yi.').then(() => window.lede.stats()).then((s) => s.memory / 1048576)`, &base)
	t.Logf("Go memory %.0f MB once ready", base)
	// Real text to end with: the seed article, numbered copies of it up
	// to 2 MB (LEDE_ARTICLES names a file of other articles to use).
	articles := seedText(t)
	if path := os.Getenv("LEDE_ARTICLES"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		articles = string(b)
	}
	var sb strings.Builder
	for i := 1; sb.Len()+len(articles)+16 < 2<<20; i++ {
		fmt.Fprintf(&sb, "%d.\n\n%s\n\n", i, articles)
	}
	articlesJS, _ := json.Marshal(sb.String())
	steps := []struct {
		name, js string
		limitMB  float64
	}{
		{"a-lines", `'a\n'.repeat(1048576)`, 400},
		{"brackets", `'('.repeat(1048576) + ')'.repeat(1048576)`, 400},
		{"quoted-words", `'"a" '.repeat(524288)`, 400},
		{"A-sentences", `'A.\n'.repeat(699050)`, 400},
		{"quoted-lines", `'"a"\n'.repeat(524288)`, 400},
		{"B-sentences", `'B.\n'.repeat(699050)`, 400},
		{"articles", string(articlesJS), 300},
	}
	if only := os.Getenv("LEDE_HOSTILE"); only != "" {
		steps = slices.DeleteFunc(steps, func(s struct {
			name, js string
			limitMB  float64
		}) bool {
			return s.name != only
		})
	}
	for _, s := range steps {
		var got struct {
			Ok        bool
			Error     string
			Last, Now float64
		}
		start := time.Now()
		// A text of a million sentences takes the browser up to a minute:
		// its live data alone nears the memory bound, so it is collected
		// often.
		p.runWithin(3*time.Minute, s.name, chromedp.Evaluate(fmt.Sprintf(`(async () => {
			try {
				await window.lede.analyze(%s);
				const s = await window.lede.stats();
				return {ok: true, last: s.lastAnalysisMemory / 1048576, now: s.memory / 1048576};
			} catch (e) {
				return {ok: false, error: e.message};
			}
		})()`, s.js), &got, awaitPromise))
		t.Logf("%s: the Go program held %.0f MB after it; the tab's worker holds %.0f MB (%.0f s)", s.name, got.Last, got.Now, time.Since(start).Seconds())
		if !got.Ok {
			t.Errorf("%s: %s", s.name, got.Error)
		}
		if got.Last > s.limitMB || got.Now > s.limitMB {
			t.Errorf("%s: the Go program held %.0f MB after the analysis and %.0f MB now, want at most %.0f", s.name, got.Last, got.Now, s.limitMB)
		}
	}
	var entities int
	p.eval("real text after", `window.lede.analyze('Sergey Lavrov met Wang Yi in Beijing.').then((r) => r.entities.length)`, &entities)
	if entities == 0 {
		t.Error("the analyzer found nothing after the sequence")
	}
}
