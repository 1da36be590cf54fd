// Command benchpage measures the Lede page in headless Chromium, served
// from a folder on this machine, as a reader meets it:
//
//   - the analyzer's size (raw, gzip, brotli);
//   - time from navigation to the lede:ready event (the full analyzer,
//     models included, ready);
//   - time from navigation to the first highlights of the seed article,
//     pasted and submitted as soon as the page's script runs;
//   - the median time of window.lede.analyze on the seed article;
//   - words per second on a text of about 100,000 words;
//   - the time to analyse again after one paragraph changed;
//   - the analyzer's memory after the long text;
//   - the main thread's long tasks while the longest PolNeAR dev article
//     is drawn, in a tab that waited for the page to warm up, and again
//     with the processor four times slower (Lighthouse's mobile profile);
//   - on a slow line (Lighthouse's mobile throttling, through the DevTools
//     protocol, cache disabled, the site as make dist writes it): the
//     first look of a text pasted at navigation, the full analyzer ready,
//     and the bytes each file cost.
//
// Each load is repeated in a fresh browser profile; medians are reported,
// and the last line of output is one JSON object.
//
//	go run ./cmd/benchpage -dir web -shared ../shared
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"lede/core"
	"lede/internal/corpus"
	"lede/internal/precompress"
	"lede/internal/site"
)

func main() {
	dir := flag.String("dir", "web", "the built site (make build)")
	shared := flag.String("shared", "../shared", "the shared folder (seed article, PolNeAR)")
	reps := flag.Int("n", 5, "page loads to measure")
	peaks := flag.Bool("peaks", true, "also measure the analyzer's peak memory on issue 15's hostile inputs and 2 MB of articles (minutes)")
	slow := flag.Bool("slow", true, "also load the page once on a slow line (1.6 Mbps down, 750 kbps up, 150 ms round trip, cache disabled), served as make dist writes it")
	flag.Parse()
	if err := run(*dir, *shared, *reps, *peaks, *slow); err != nil {
		fmt.Fprintln(os.Stderr, "benchpage:", err)
		os.Exit(1)
	}
}

type results struct {
	WasmBytes       int `json:"wasm_bytes"`
	WasmGzipBytes   int `json:"wasm_gzip_bytes"`
	WasmBrotliBytes int `json:"wasm_brotli_bytes"`
	// The first-look analyzer, firstlook.wasm.
	FirstLookBytes       int     `json:"first_look_wasm_bytes"`
	FirstLookGzipBytes   int     `json:"first_look_wasm_gzip_bytes"`
	FirstLookBrotliBytes int     `json:"first_look_wasm_brotli_bytes"`
	ReadyMs              float64 `json:"ready_ms"`
	FirstHighlightMs     float64 `json:"first_highlights_ms"`
	SeedAnalysisMs       float64 `json:"seed_analysis_ms"`
	LongWords            int     `json:"long_words"`
	LongWordsPerSec      float64 `json:"long_words_per_s"`
	ReanalyseMs          float64 `json:"reanalyse_ms"`
	MemoryMB             float64 `json:"memory_mb"`
	Loads                int     `json:"loads"`
	// PeakMemoryMB is the Go program's memory after each of issue 15's
	// hostile inputs and 2 MB of articles, analysed one after another on
	// one page: a wasm heap never shrinks, so it is the analysis's peak.
	PeakMemoryMB map[string]float64 `json:"peak_memory_mb,omitempty"`
	// Draw is the main thread's long tasks while a long article is drawn
	// (see measureDraw).
	Draw *drawResults `json:"draw,omitempty"`
	// DrawSlowCPU is the same on a processor four times slower, as
	// Lighthouse's mobile profile emulates a phone.
	DrawSlowCPU *drawResults `json:"draw_slow_cpu,omitempty"`
	// SlowLine is one load on a slow line (see measureSlow).
	SlowLine *slowResults `json:"slow_line,omitempty"`
}

func run(dir, shared string, reps int, peaks, slow bool) error {
	wasm, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if err != nil {
		return fmt.Errorf("%v (run make build first)", err)
	}
	first, err := os.ReadFile(filepath.Join(dir, "firstlook.wasm"))
	if err != nil {
		return fmt.Errorf("%v (run make build first)", err)
	}
	seedBytes, err := os.ReadFile(filepath.Join(shared, "samples", "seed-article.txt"))
	if err != nil {
		return err
	}
	seed := string(seedBytes)
	long := corpus.LongText(shared, seed)
	var r results
	r.WasmBytes = len(wasm)
	r.WasmGzipBytes = len(precompress.Gzip(wasm))
	r.WasmBrotliBytes = len(precompress.Brotli(wasm, precompress.BestBrotli))
	r.LongWords = len(strings.Fields(long))
	fmt.Printf("wasm: %.1f MB raw, %.1f MB gzip, %.1f MB brotli\n", mb(r.WasmBytes), mb(r.WasmGzipBytes), mb(r.WasmBrotliBytes))
	r.FirstLookBytes = len(first)
	r.FirstLookGzipBytes = len(precompress.Gzip(first))
	r.FirstLookBrotliBytes = len(precompress.Brotli(first, precompress.BestBrotli))
	fmt.Printf("first-look wasm: %.2f MB raw, %.2f MB gzip, %.2f MB brotli\n", mb(r.FirstLookBytes), mb(r.FirstLookGzipBytes), mb(r.FirstLookBrotliBytes))

	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()

	var ready, firstMs, seedMs, longRate, reMs, mem []float64
	for i := 0; i < reps; i++ {
		m, err := measure(srv.URL+"/", seed, long, i == 0)
		if err != nil {
			return err
		}
		fmt.Printf("load %d: ready %.0f ms, first highlights %.0f ms, seed %.0f ms", i+1, m.ready, m.first, m.seed)
		if i == 0 {
			fmt.Printf(", long text %.0f words/s, re-analysis %.0f ms, memory %.0f MB", m.longRate, m.reanalyse, m.memMB)
			longRate, reMs, mem = append(longRate, m.longRate), append(reMs, m.reanalyse), append(mem, m.memMB)
		}
		fmt.Println()
		ready, firstMs, seedMs = append(ready, m.ready), append(firstMs, m.first), append(seedMs, m.seed)
	}
	r.ReadyMs, r.FirstHighlightMs, r.SeedAnalysisMs = median(ready), median(firstMs), median(seedMs)
	r.LongWordsPerSec, r.ReanalyseMs, r.MemoryMB = median(longRate), median(reMs), median(mem)
	r.Loads = reps
	article := corpus.LongestArticle(shared, seed)
	if r.Draw, err = measureDraw(srv.URL+"/", article, reps, 1); err != nil {
		return err
	}
	if r.DrawSlowCPU, err = measureDraw(srv.URL+"/", article, reps, phoneSlowdown); err != nil {
		return err
	}
	if peaks {
		inputs := corpus.HostileTexts()
		inputs = append(inputs, struct{ Name, Text string }{"articles", corpus.Articles(shared, seed, core.MaxInputBytes-1024)})
		if r.PeakMemoryMB, err = measurePeaks(srv.URL+"/", inputs); err != nil {
			return err
		}
	}
	if slow {
		if r.SlowLine, err = measureSlow(dir, seed); err != nil {
			return err
		}
		fmt.Printf("slow line: first look %.1f s, full analyzer ready %.1f s, full result %.1f s; bytes on the line: %v\n",
			r.SlowLine.FirstLookMs/1000, r.SlowLine.ReadyMs/1000, r.SlowLine.FullMs/1000, r.SlowLine.Bytes)
	}
	fmt.Printf("medians: ready %.0f ms, first highlights %.0f ms, seed analysis %.0f ms, %.0f words/s, re-analysis %.0f ms, memory %.0f MB\n",
		r.ReadyMs, r.FirstHighlightMs, r.SeedAnalysisMs, r.LongWordsPerSec, r.ReanalyseMs, r.MemoryMB)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	return nil
}

type measurement struct {
	ready, first, seed, longRate, reanalyse, memMB float64
}

// probe runs in the page before its own scripts: it records when the
// analyzer is ready and when the first highlight appears, and submits the
// seed article as soon as the form exists (boot.js holds the click until
// the page's modules have run, then plays it again).
const probe = `
window.__bench = {};
document.addEventListener('lede:ready', () => { __bench.ready = performance.now(); });
new MutationObserver((_, obs) => {
  if (document.querySelector('#article mark')) { __bench.first = performance.now(); obs.disconnect(); }
}).observe(document, {subtree: true, childList: true});
document.addEventListener('DOMContentLoaded', () => {
  const ta = document.getElementById('text');
  ta.value = window.__benchSeed;
  ta.dispatchEvent(new Event('input', {bubbles: true}));
  document.getElementById('analyze').click();
});
`

func measure(url, seed, long string, full bool) (measurement, error) {
	var m measurement
	ctx, cancel, err := browser()
	if err != nil {
		return m, err
	}
	defer cancel()
	seedJSON, _ := json.Marshal(seed)
	tctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	err = chromedp.Run(tctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument("window.__benchSeed = " + string(seedJSON) + ";" + probe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.Poll(`window.__bench && __bench.ready && __bench.first`, nil, chromedp.WithPollingTimeout(2*time.Minute)),
		chromedp.Evaluate(`__bench.ready`, &m.ready),
		chromedp.Evaluate(`__bench.first`, &m.first),
		chromedp.Evaluate(timeAnalyses("window.__benchSeed", 7), &m.seed, awaitPromise),
	)
	if err != nil || !full {
		return m, err
	}
	longJSON, _ := json.Marshal(long)
	edited := strings.Replace(seed, "Lavrov arrived in Tunxi", "Lavrov landed in Tunxi", 1)
	editedJSON, _ := json.Marshal(edited)
	var longMs float64
	err = chromedp.Run(tctx,
		chromedp.Evaluate(`window.__benchLong = `+string(longJSON)+`; window.__benchEdited = `+string(editedJSON)+`; 0`, nil),
		chromedp.Evaluate(timeAnalyses("window.__benchLong", 1), &longMs, awaitPromise),
		chromedp.Evaluate(`(async () => {
			await window.lede.analyze(window.__benchSeed);
			const t = performance.now();
			await window.lede.analyze(window.__benchEdited);
			return performance.now() - t;
		})()`, &m.reanalyse, awaitPromise),
	)
	if err != nil {
		return m, err
	}
	m.longRate = float64(len(strings.Fields(long))) / (longMs / 1000)
	// After the long text: the worker's memory (the wasm heap), if the
	// page can tell, else the page's own heap.
	var memBytes float64
	if err := chromedp.Run(tctx, chromedp.Evaluate(`(async () => {
		if (window.lede.stats) { const s = await window.lede.stats(); if (s && s.memory) return s.memory; }
		return performance.memory ? performance.memory.usedJSHeapSize : 0;
	})()`, &memBytes, awaitPromise)); err != nil {
		return m, err
	}
	m.memMB = memBytes / (1 << 20)
	return m, nil
}

// waitModules waits for the page's modules to have run (main.js sets
// window.lede): boot.js imports them after the first paint, which may be
// after the load event chromedp.Navigate waits for.
var waitModules = chromedp.Poll(`window.lede !== undefined`, nil, chromedp.WithPollingTimeout(2*time.Minute))

// browser starts Chromium with a fresh profile, for a first visit.
func browser() (context.Context, func(), error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium()),
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.NoFirstRun,
	)
	profile, err := os.MkdirTemp("", "lede-bench-")
	if err != nil {
		return nil, nil, err
	}
	opts = append(opts, chromedp.UserDataDir(profile))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	stop := func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting Chromium: %v", err)
	}
	return ctx, stop, nil
}

// measurePeaks analyses each input on one page, in order, and returns
// the Go program's memory after each, in MB. The page gives a long text
// a fresh worker when the last one grew, as it does for a reader.
func measurePeaks(url string, inputs []struct{ Name, Text string }) (map[string]float64, error) {
	ctx, cancel, err := browser()
	if err != nil {
		return nil, err
	}
	defer cancel()
	tctx, cancelT := context.WithTimeout(ctx, 15*time.Minute)
	defer cancelT()
	if err := chromedp.Run(tctx, chromedp.Navigate(url), waitModules,
		chromedp.Evaluate(`window.lede.ready.then(() => true)`, nil, awaitPromise)); err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, in := range inputs {
		textJSON, _ := json.Marshal(in.Text)
		var mem struct {
			MB    float64
			Error string
		}
		start := time.Now()
		err := chromedp.Run(tctx, chromedp.Evaluate(`(async () => {
			try {
				await window.lede.analyze(`+string(textJSON)+`);
				const s = await window.lede.stats();
				return {mb: s.lastAnalysisMemory / 1048576};
			} catch (e) { return {error: e.message}; }
		})()`, &mem, awaitPromise))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in.Name, err)
		}
		if mem.Error != "" {
			return nil, fmt.Errorf("%s: %s", in.Name, mem.Error)
		}
		out[in.Name] = mem.MB
		fmt.Printf("peak memory, %s: %.0f MB (%.0f s)\n", in.Name, mem.MB, time.Since(start).Seconds())
	}
	return out, nil
}

// timeAnalyses returns a script that analyses the text n times and
// resolves to the median duration in milliseconds. Before each run it
// analyses another text, so that the analyzer's cache of the last text's
// sentences never serves the measured one.
func timeAnalyses(text string, n int) string {
	return fmt.Sprintf(`(async () => {
		const ts = [];
		for (let i = 0; i < %d; i++) {
			await window.lede.analyze('Something else entirely, ' + i + '.');
			const t = performance.now();
			await window.lede.analyze(%s);
			ts.push(performance.now() - t);
		}
		ts.sort((a, b) => a - b);
		return ts[Math.floor(ts.length / 2)];
	})()`, n, text)
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

func chromium() string {
	if p := os.Getenv("LEDE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return "/usr/bin/chromium"
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func mb(n int) float64 { return float64(n) / (1 << 20) }
