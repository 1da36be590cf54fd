package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"lede/internal/site"
)

// The slow line: Lighthouse's mobile throttling, applied through the
// DevTools protocol.
const (
	slowDown    = 1.6e6 / 8 // bytes per second
	slowUp      = 750e3 / 8
	slowLatency = 150 // ms, round trip
)

type slowResults struct {
	FirstLookMs float64 `json:"first_look_ms"` // navigation → the first look of a text pasted at navigation
	ReadyMs     float64 `json:"ready_ms"`      // navigation → the full analyzer ready
	FullMs      float64 `json:"full_ms"`       // navigation → that text's full result
	// Bytes is what each file cost on the line (headers included), by
	// its name without the hash.
	Bytes map[string]int64 `json:"bytes"`
}

// slowProbe runs in the page before its scripts, after probe: it records
// when the first look and the full result of the pasted text are drawn.
const slowProbe = `
new MutationObserver(() => {
  const a = document.querySelector('#article');
  if (!a || !a.querySelector('mark, .quote')) return;
  if (a.dataset.partial === 'true') { if (!__bench.firstLook) __bench.firstLook = performance.now(); }
  else if (!__bench.full) __bench.full = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
`

// measureSlow serves the site as make dist writes it (brotli, hashed
// names) and loads it once on a throttled line with the cache disabled,
// pasting the seed article at navigation.
func measureSlow(dir, seed string) (*slowResults, error) {
	dist, err := os.MkdirTemp("", "lede-bench-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dist)
	build := exec.Command("go", "run", "./cmd/dist", "-src", dir, "-o", dist)
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("make dist: %v\n%s", err, out)
	}
	srv := httptest.NewServer(site.Handler(dist))
	defer srv.Close()

	ctx, cancel, err := browser()
	if err != nil {
		return nil, err
	}
	defer cancel()
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	bytes := map[string]int64{}
	record := func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			if u, ok := urls[ev.RequestID]; ok {
				bytes[unhashed(u)] += int64(ev.EncodedDataLength)
			}
		}
	}
	chromedp.ListenTarget(ctx, func(ev any) {
		record(ev)
		// The analyzer's worker is a target of its own, whose requests the
		// page's session does not see: it waits at its start (see
		// SetAutoAttach below) until a session of its own listens.
		if ev, ok := ev.(*target.EventAttachedToTarget); ok && ev.WaitingForDebugger {
			go func() {
				wctx, _ := chromedp.NewContext(ctx, chromedp.WithTargetID(ev.TargetInfo.TargetID))
				if ev.TargetInfo.Type == "worker" {
					chromedp.ListenTarget(wctx, record)
				}
				// A target that comes as the page closes (the service worker,
				// registered once the analyzer is ready) is not an error.
				if err := chromedp.Run(wctx, network.Enable(), network.SetCacheDisabled(true), runtime.RunIfWaitingForDebugger()); err != nil && ctx.Err() == nil {
					fmt.Fprintf(os.Stderr, "benchpage: the %s target: %v\n", ev.TargetInfo.Type, err)
				}
			}()
		}
	})
	seedJSON, _ := json.Marshal(seed)
	tctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	var r slowResults
	err = chromedp.Run(tctx,
		network.Enable(),
		network.SetCacheDisabled(true),
		// The deprecated Network.emulateNetworkConditions, not its
		// successor emulateNetworkConditionsByRule: only the former, set
		// on the page, also throttles its dedicated worker's downloads
		// (Chromium 156), which are the ones that matter here.
		chromedp.ActionFunc(func(ctx context.Context) error {
			return chromedp.FromContext(ctx).Target.Execute(ctx, "Network.emulateNetworkConditions", map[string]any{
				"offline": false, "latency": slowLatency, "downloadThroughput": slowDown, "uploadThroughput": slowUp,
			}, nil)
		}),
		target.SetAutoAttach(true, true).WithFlatten(true),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument("window.__benchSeed = " + string(seedJSON) + ";" + probe + slowProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Poll(`window.__bench && __bench.ready && __bench.full`, nil, chromedp.WithPollingTimeout(4*time.Minute)),
		chromedp.Evaluate(`__bench.firstLook || 0`, &r.FirstLookMs),
		chromedp.Evaluate(`__bench.ready`, &r.ReadyMs),
		chromedp.Evaluate(`__bench.full`, &r.FullMs),
	)
	if err != nil {
		return nil, fmt.Errorf("the slow line: %v", err)
	}
	mu.Lock()
	r.Bytes = bytes
	mu.Unlock()
	return &r, nil
}

// unhashed is the file a URL names, without the hash make dist puts in
// its name.
func unhashed(u string) string {
	name := path.Base(strings.SplitN(u, "?", 2)[0])
	if parts := strings.Split(name, "."); len(parts) == 3 && len(parts[1]) == 10 {
		return parts[0] + "." + parts[2]
	}
	if name == "" || name == "." || name == "/" {
		return "index.html"
	}
	return name
}
