package e2e

// The page's promises to the reader: the text never leaves the page and is
// never stored, and no input, however hostile or large, runs as code,
// changes the text or breaks the page.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// responsiveTimeout bounds how long the page may take to paint a frame
// and run a timer: longer means its main thread is stuck.
const responsiveTimeout = 5 * time.Second

// awaitPromise makes chromedp.Evaluate wait for a promise's value.
func awaitPromise(e *runtime.EvaluateParams) *runtime.EvaluateParams {
	return e.WithAwaitPromise(true)
}

// responsive fails the test unless the page answers within
// responsiveTimeout.
func (p *page) responsive(what string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, responsiveTimeout)
	defer cancel()
	var ok bool
	err := chromedp.Run(ctx, chromedp.Evaluate(
		`new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true))))`, &ok, awaitPromise))
	if err != nil {
		p.t.Fatalf("%s: the page did not paint a frame within %v, its main thread is stuck: %v",
			what, responsiveTimeout, err)
	}
}

// analyzeResponsive is analyze, checking that the page answers while the
// worker is busy, and reporting a failed analysis as an error, not fatal.
func (p *page) analyzeResponsive(what string) {
	p.t.Helper()
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.run(what+": clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
	p.responsive(what + ": during the analysis")
	p.poll(what+": waiting for the analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	var kind string
	p.eval("reading status", `document.querySelector('#status').dataset.kind || ''`, &kind)
	if kind == "error" {
		p.t.Errorf("%s: analysis failed: %q", what, p.status())
	}
}

// attachPaused watches a target that the page's session auto-attached and
// holds at its start (a worker): it opens a session of its own that passes
// the target's events to listen, then lets the target run. The page's
// session does not report a worker's requests, and holding the worker
// until its network domain is on means none is missed.
func (p *page) attachPaused(info *target.Info, listen func(any)) {
	// The session ends with the browser; cancelling it would close the
	// worker.
	ctx, _ := chromedp.NewContext(p.ctx, chromedp.WithTargetID(info.TargetID))
	chromedp.ListenTarget(ctx, listen)
	// The Run that attaches must not be bounded by a timeout, or the
	// session would end with it, so it is bounded from outside.
	attached := make(chan error, 1)
	go func() { attached <- chromedp.Run(ctx) }()
	select {
	case err := <-attached:
		if err != nil {
			p.problem(fmt.Sprintf("attaching to %s %s: %v", info.Type, info.URL, err))
			return
		}
	case <-time.After(waitTimeout):
		p.problem(fmt.Sprintf("attaching to %s %s: no answer in %v", info.Type, info.URL, waitTimeout))
		return
	}
	rctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Run(rctx, runtime.RunIfWaitingForDebugger()); err != nil {
		p.problem(fmt.Sprintf("resuming %s %s: %v", info.Type, info.URL, err))
	}
}

// headerValue returns the value of the header name, whatever its case.
func headerValue(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// markup names another host in every way HTML can; as text it must fetch
// nothing.
const markup = `<img src="https://example.com/x.png"> <script src="https://example.com/x.js"></script>
<link rel="stylesheet" href="https://example.com/x.css"><iframe src="https://example.com/"></iframe>
<a href="https://example.com/">Sergey Lavrov</a> said it was "background: url(https://example.com/bg.png)".`

// trapProxy is an HTTP proxy that refuses everything and records what it
// was asked for. Chromium sends every request that does not go to the
// loopback address through it, from any page, worker or service worker,
// and from the browser itself (updates, accounts): those it leaves out, by
// their host and by their lack of a Referer or Origin on the page.
type trapProxy struct {
	origin string   // the page's origin
	hosts  []string // hosts the pasted text names
	mu     sync.Mutex
	seen   []string
}

func (tp *trapProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Hostname()
	if host == "" {
		host, _, _ = strings.Cut(r.Host, ":")
	}
	fromPage := strings.HasPrefix(r.Header.Get("Referer"), tp.origin) || r.Header.Get("Origin") == tp.origin
	if fromPage || slices.Contains(tp.hosts, host) {
		tp.mu.Lock()
		tp.seen = append(tp.seen, r.Method+" "+r.Host+r.URL.Path)
		tp.mu.Unlock()
	}
	http.Error(w, "no request may leave the page's origin", http.StatusForbidden)
}

func (tp *trapProxy) requests() []string {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return append([]string(nil), tp.seen...)
}

func TestNoRequestLeavesOrigin(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	trap := &trapProxy{origin: origin, hosts: []string{"example.com", "trap-check.invalid"}}
	trapServer := httptest.NewServer(trap)
	defer trapServer.Close()

	type request struct{ from, url string }
	var (
		mu       sync.Mutex
		requests []request
		csp      []string // the page's Content-Security-Policy headers
	)
	watch := func(from string) func(any) {
		return func(ev any) {
			mu.Lock()
			defer mu.Unlock()
			switch ev := ev.(type) {
			case *network.EventRequestWillBeSent:
				requests = append(requests, request{from, ev.Request.URL})
			case *network.EventWebSocketCreated:
				requests = append(requests, request{from, ev.URL})
			case *network.EventResponseReceived:
				if ev.Type == network.ResourceTypeDocument && ev.Response.URL == pageURL {
					csp = append(csp, headerValue(ev.Response.Headers, "Content-Security-Policy"))
				}
			}
		}
	}

	p := startBrowser(t, chromedp.ProxyServer(trapServer.URL))
	chromedp.ListenTarget(p.ctx, func(ev any) {
		watch("page")(ev)
		if ev, ok := ev.(*target.EventAttachedToTarget); ok {
			from := watch(ev.TargetInfo.Type + " " + ev.TargetInfo.URL)
			// The worker's errors and CSP violations fail the test too.
			go p.attachPaused(ev.TargetInfo, func(ev any) { from(ev); p.listen(ev) })
		}
	})
	// The analyzer's worker is held until it is watched. A service worker
	// is not: paused before its script runs, it cannot answer chromedp's
	// attach, which then waited for ever in about one run of three. What
	// it fetches is caught by the trap proxy instead.
	autoAttach := target.SetAutoAttach(true, true).WithFlatten(true).
		WithFilter(target.Filter{{Type: "service_worker", Exclude: true}, {}})
	p.run("holding new workers until they are watched", autoAttach)
	p.run("navigate", chromedp.Navigate(pageURL))
	p.waitReady()

	// The sample, then the reader's clicks on its results.
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.run("loading the sample", chromedp.Click("#sample", chromedp.ByQuery))
	p.poll("waiting for the sample's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	p.clickInPanel("clicking a name", "#entities button.entity-row")
	p.clickInPanel("clicking a quote", "#speakers button.quote-link")

	p.paste(markup)
	p.analyze()
	var elems int
	p.eval("counting injected elements", `document.querySelectorAll('#article :is(img, script, link, iframe, a)').length`, &elems)
	if elems != 0 {
		t.Errorf("the article holds %d elements made from pasted markup", elems)
	}
	// Anything the page would fetch late, such as an image, has had time.
	p.responsive("after the analysis")
	p.run("settling", chromedp.Sleep(300*time.Millisecond))

	// Copied, because holding mu would stall the listeners and with them
	// every later action on the page.
	mu.Lock()
	seen, headers := append([]request(nil), requests...), append([]string(nil), csp...)
	mu.Unlock()
	var sawWasm bool
	for _, r := range seen {
		t.Logf("%s: %s", r.from, r.url)
		switch {
		case strings.HasPrefix(r.url, origin+"/"), strings.HasPrefix(r.url, "data:"),
			strings.HasPrefix(r.url, "blob:"+origin+"/"):
		default:
			t.Errorf("%s requested %s, outside the page's origin %s", r.from, r.url, origin)
		}
		if strings.HasPrefix(r.from, "worker") && strings.HasSuffix(r.url, "/main.wasm") {
			sawWasm = true
		}
	}
	if !sawWasm {
		t.Error("the worker's request for main.wasm was not seen, so its other requests may not have been either")
	}

	if len(headers) == 0 {
		t.Fatalf("no response seen for the page %s", pageURL)
	}
	for _, want := range []string{"default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"} {
		if !strings.Contains(headers[0], want) {
			t.Errorf("the page's Content-Security-Policy header %q lacks %q", headers[0], want)
		}
	}
	// The meta tag keeps the page locked on a host that sets no headers.
	var meta string
	p.eval("reading the CSP meta tag",
		`document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || ''`, &meta)
	if meta != headers[0] {
		t.Errorf("the CSP meta tag differs from the header:\n  meta: %q\nheader: %q", meta, headers[0])
	}

	for _, r := range trap.requests() {
		t.Errorf("a request left the page's origin through the proxy: %s", r)
	}
	// The trap catches what it should: a navigation to another host,
	// which no content security policy governs, reaches it.
	other, cancel := chromedp.NewContext(p.ctx)
	defer cancel()
	octx, ocancel := context.WithTimeout(other, waitTimeout)
	defer ocancel()
	chromedp.Run(octx, chromedp.Navigate("http://trap-check.invalid/probe"))
	if got := trap.requests(); !slices.ContainsFunc(got, func(r string) bool { return strings.Contains(r, "trap-check.invalid") }) {
		t.Errorf("the trap proxy did not see a navigation to another host (it saw %q): it would not see the page's requests either", got)
	}
}

func TestNothingStored(t *testing.T) {
	// An unlikely name, so that finding it anywhere means it was stored.
	const marker = "Quillon Varnasht-Oduya"
	text := "Foreign Minister " + marker + ` met Sergey Lavrov in Beijing. "We keep nothing," ` +
		marker + " said.\n\nLavrov agreed."

	p := openPage(t)
	p.waitReady()
	p.paste(text)
	p.analyze()
	p.clickInPanel("clicking a name", "#entities button.entity-row")
	// The service worker has stored the page's files by the time it is
	// ready, so the caches below are what it keeps.
	p.eval("waiting for the service worker", `navigator.serviceWorker.ready.then(() => true)`, nil)

	var got struct {
		Local, Session int
		Cookie         string
		Databases      []string // nil when indexedDB.databases is missing
		Cached         []string // cache entries holding the marker
		Entries        int      // cache entries in all
	}
	mjs, _ := json.Marshal(marker)
	p.eval("reading the page's storage", fmt.Sprintf(`(async () => {
		const marker = %s;
		const out = {local: localStorage.length, session: sessionStorage.length,
			cookie: document.cookie, databases: null, cached: [], entries: 0};
		if (indexedDB.databases) out.databases = (await indexedDB.databases()).map((d) => d.name);
		// The page may cache its own files for offline use, but never text.
		if (self.caches) {
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const req of await cache.keys()) {
					out.entries++;
					const res = await cache.match(req);
					const body = res ? await res.text() : '';
					const url = decodeURIComponent(req.url);
					if (url.includes(marker) || body.includes(marker)) out.cached.push(name + ': ' + req.url);
				}
			}
		}
		return out;
	})()`, mjs), &got)

	if got.Local != 0 {
		t.Errorf("localStorage.length = %d, want 0", got.Local)
	}
	if got.Session != 0 {
		t.Errorf("sessionStorage.length = %d, want 0", got.Session)
	}
	if got.Cookie != "" {
		t.Errorf("document.cookie = %q, want none", got.Cookie)
	}
	if got.Databases == nil {
		t.Log("indexedDB.databases() is not supported; IndexedDB not checked")
	} else if len(got.Databases) != 0 {
		t.Errorf("IndexedDB databases %q, want none", got.Databases)
	}
	if len(got.Cached) != 0 {
		t.Errorf("Cache Storage holds the pasted text: %q", got.Cached)
	}
	if got.Entries == 0 {
		t.Error("Cache Storage is empty: the service worker kept no files, so nothing was checked")
	}

	// Cookies the page cannot read (HttpOnly) are in the browser's jar.
	var cookies []*network.Cookie
	p.run("reading the browser's cookies", chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		cookies, err = storage.GetCookies().Do(ctx)
		return err
	}))
	for _, c := range cookies {
		t.Errorf("the browser holds a cookie %s=%q for %s", c.Name, c.Value, c.Domain)
	}
}

// checkResult is a JavaScript function of a text and its Result that lists
// the ways the Result breaks the contract of SCHEMA.md: spans out of range
// or out of order, mentions whose text is not their slice of the input,
// quotes whose words are not inside theirs. Lone surrogates included: the
// worker gives every span the input's own characters back.
const checkResult = `(text, r) => {
	const problems = [];
	const show = (s) => JSON.stringify(String(s).slice(0, 60));
	const span = (what, s, withText) => {
		if (s == null) return;
		if (!(Number.isInteger(s.start) && Number.isInteger(s.end) &&
			0 <= s.start && s.start <= s.end && s.end <= text.length)) {
			problems.push(what + ' has span [' + s.start + ', ' + s.end + ') in ' + text.length + ' code units');
		} else if (withText === 'same' && text.slice(s.start, s.end) !== s.text ||
			withText === 'inside' && !text.slice(s.start, s.end).includes(s.text)) {
			problems.push(what + ' text ' + show(s.text) + ' but text.slice(' + s.start + ', ' + s.end + ') = ' +
				show(text.slice(s.start, s.end)));
		}
	};
	const ordered = (what, list) => {
		for (let i = 1; i < list.length; i++) {
			if (list[i].start < list[i - 1].start) {
				problems.push(what + ' out of order at ' + i);
				return;
			}
		}
	};
	if (r.offsets !== 'utf16') problems.push('offsets ' + r.offsets);
	for (const e of r.entities || []) {
		(e.mentions || []).forEach((m, i) => span(e.id + ' mention ' + i, m, 'same'));
		ordered(e.id + ' mentions', e.mentions || []);
	}
	(r.quotes || []).forEach((q, i) => {
		span('quote ' + i, q, 'inside');
		span('quote ' + i + ' speakerMention', q.speakerMention, 'same');
		span('quote ' + i + ' cue', q.cue, 'same');
	});
	ordered('quotes', r.quotes || []);
	(r.sentences || []).forEach((s, i) => span('sentence ' + i, s, false));
	ordered('sentences', r.sentences || []);
	(r.paragraphs || []).forEach((s, i) => span('paragraph ' + i, s, false));
	ordered('paragraphs', r.paragraphs || []);
	return problems.slice(0, 5);
}`

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestHostileInput(t *testing.T) {
	seed := seedText(t)
	noSpaces := strings.Repeat("Lavrov,Wang.Beijing;“said”(Moscow)-", 200<<10/40)
	cases := []struct{ name, js string }{
		{"script element", jsString(`<script>window.__pwned=1</script>`)},
		{"img onerror", jsString(`<img src=x onerror="window.__pwned=2">`)},
		{"javascript: URL", jsString(`javascript:alert(1)`)},
		{"10,000 quote marks", jsString(`Sergey Lavrov said ` + strings.Repeat(`"`, 10000))},
		{"5,000 nested brackets", jsString(strings.Repeat("(", 5000) + "Sergey Lavrov" + strings.Repeat(")", 5000))},
		{"a 200 KB line without spaces", jsString(noSpaces)},
		{"emoji", jsString("👩‍👩‍👧‍👦 Sergey Lavrov 👍🏽 met Wang Yi 🇨🇳🇷🇺 in Beijing 🏳️‍🌈. “We agree 🤝,” Lavrov said. 👨🏿‍🚀")},
		{"Arabic", jsString("قال وزير الخارجية الروسي سيرغي لافروف في بكين: «ندعم الحوار». Sergey Lavrov met Wang Yi. «نعم» قال وانغ يي.")},
		{"CRLF line endings", jsString(strings.ReplaceAll(seed, "\n", "\r\n"))},
		{"NUL characters", jsString("\x00Sergey\x00 Lavrov met Wang Yi in Beijing.\x00 \"We agree,\x00\" Lavrov said.\x00\n\x00\n")},
		// Lone surrogates cannot be in a Go string, so they are JavaScript
		// escapes: one in a name, one beside it, one half a pair, one at
		// each end.
		{"lone surrogates", `"\uDC00Sergey Lavrov\uD800 met Wang\uDFFF Yi in Beijing. \"We agree,\uD83D\" Serg\uD800ey Lavrov said.\n\nLavrov left.\uD800"`},
		{"a lone surrogate inside a quote", `"\"caf\uD800e\" said Bob."`},
	}

	p := openPage(t)
	p.waitReady()
	for _, c := range cases {
		start := time.Now()
		p.pasteJS(c.js)
		p.analyzeResponsive(c.name)
		t.Logf("%s: analysed in %v", c.name, time.Since(start).Round(time.Millisecond))

		var got struct {
			Kept, Same bool
			Pwned      string
			Elements   []string // elements in the article the renderer does not make
			Problems   []string // the Result's breaches of the contract
			Unmarked   []string // names with a lone surrogate left unhighlighted
		}
		p.eval(c.name+": checking the page", fmt.Sprintf(`(async () => {
			const input = %s;
			const value = document.querySelector('#text').value;
			const article = document.querySelector('#article');
			const check = %s;
			return {
				// A textarea turns CRLF and CR into LF, and does nothing else.
				kept: value === input.replace(/\r\n?/g, '\n'),
				same: article.textContent === value,
				pwned: typeof window.__pwned,
				elements: [...article.querySelectorAll(':not(p, span, mark)')].map((e) => e.tagName),
				// The API gets the input as it is, CR and all.
				problems: await window.lede.analyze(input).then((r) => check(input, r), (e) => ['rejected: ' + e.message]),
				// A name the analyzer read with U+FFFD for a lone surrogate
				// is still highlighted, on the reader's own characters.
				unmarked: await window.lede.analyze(value).then((r) => {
					const marks = new Set([...article.querySelectorAll('mark')].map((m) => m.textContent));
					return r.entities.flatMap((e) => e.mentions)
						.map((m) => value.slice(m.start, m.end))
						.filter((s) => s.toWellFormed() !== s && !marks.has(s));
				}),
			};
		})()`, c.js, checkResult), &got)
		if !got.Kept {
			t.Errorf("%s: the textarea no longer holds the input", c.name)
		}
		if !got.Same {
			t.Errorf("%s: the article's text differs from the textarea's", c.name)
		}
		if got.Pwned != "undefined" {
			t.Errorf("%s: typeof window.__pwned = %q: pasted text ran", c.name, got.Pwned)
		}
		if len(got.Elements) != 0 {
			t.Errorf("%s: the article holds elements %q", c.name, got.Elements)
		}
		for _, pr := range got.Problems {
			t.Errorf("%s: window.lede.analyze: %s", c.name, pr)
		}
		for _, m := range got.Unmarked {
			t.Errorf("%s: the mention %q is not highlighted", c.name, m)
		}

		// The analyzer still works after it.
		p.paste(seed)
		p.analyze()
		if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
			t.Errorf("after %s: no PERSON mark \"Sergey Lavrov\" in the seed article; PERSON marks: %q", c.name, persons)
		}
	}
}

// limitMessage is the status for a text over the analyzer's 2 MiB.
var limitMessage = regexp.MustCompile(`^This text is (\d+\.\d) MB; Lede reads at most 2 MB \(about 300,000 words\)\. Split it and analyze the parts\.$`)

func TestTooLarge(t *testing.T) {
	seed := seedText(t)
	// 2.5 MB, built in the page rather than sent over the protocol.
	const big = `'Sergey Lavrov said the talks went well. '.repeat(62500)`

	p := openPage(t)
	p.waitReady()
	p.paste(seed)
	p.analyze()

	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.pasteJS(big)
	p.run("clicking Analyze", chromedp.Click("#analyze", chromedp.ByQuery))
	p.poll("waiting for the limit message", `document.querySelector('#status').dataset.kind === 'error'`)
	p.responsive("after the limit message")

	var msg string
	p.eval("reading status", `document.querySelector('#status').textContent`, &msg)
	if m := limitMessage.FindStringSubmatch(msg); m == nil {
		t.Errorf("status = %q, want the limit message", msg)
	} else if m[1] != "2.4" { // 2,500,000 bytes are 2.38 MiB, rounded up
		t.Errorf("status = %q, want the size as 2.4 MB", msg)
	}
	var state struct {
		Kept     bool
		Analyses int
		Article  string
	}
	p.eval("reading the page", fmt.Sprintf(`({
		kept: document.querySelector('#text').value === %s,
		analyses: Number(document.body.dataset.analyses || 0),
		article: document.querySelector('#article').textContent,
	})`, big), &state)
	if !state.Kept {
		t.Error("the textarea no longer holds the whole text")
	}
	if state.Analyses != before {
		t.Errorf("%d analyses ran for a text over the limit", state.Analyses-before)
	}
	if state.Article != seed {
		t.Error("the previous article is no longer shown")
	}

	// The API refuses as the page does, counting UTF-8 bytes as the
	// analyzer will: "é" is 2 bytes in 1 code unit, a lone surrogate 3
	// (as U+FFFD), so these are just over 2 MiB in fewer code units.
	for _, c := range []struct{ js, size string }{
		{big, "2.4"},
		{`'é'.repeat(1048577)`, "2.1"},
		{`'\uD800'.repeat(699051)`, "2.1"},
	} {
		var got string
		p.eval("calling window.lede.analyze", fmt.Sprintf(
			`window.lede.analyze(%s).then(() => 'resolved', (e) => e.message)`, c.js), &got)
		if m := limitMessage.FindStringSubmatch(got); m == nil || m[1] != c.size {
			t.Errorf("window.lede.analyze(%s) gave %q, want the limit message with %s MB", c.js, got, c.size)
		}
	}

	// A text under the limit is analysed again.
	p.paste(seed)
	p.analyze()
	if persons := p.marks("PERSON"); !contains(persons, "Sergey Lavrov") {
		t.Errorf("after the limit: no PERSON mark \"Sergey Lavrov\"; PERSON marks: %q", persons)
	}
}
