package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// drawResults is what the main thread does while a long article's result
// is drawn: each task over 50 ms (the Long Tasks API's threshold, which
// the page aims to stay under), in a fresh tab whose analyzer is ready
// and whose fonts were warmed up, as a reader who pastes meets it.
type drawResults struct {
	LongestTaskMs float64 `json:"longest_task_ms"` // median over loads
	LongTasksMs   float64 `json:"long_tasks_ms"`   // their sum, median over loads
	Loads         int     `json:"loads"`
}

// drawProbe pastes window.__benchArticle on the page and resolves, once
// it is drawn and two frames and 300 ms have passed, to the durations of
// the long tasks since the paste.
const drawProbe = `new Promise((resolve) => {
	const tasks = [];
	const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
	obs.observe({type: 'longtask'});
	const before = Number(document.body.dataset.analyses || 0);
	const dt = new DataTransfer();
	dt.setData('text/plain', window.__benchArticle);
	document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
	const wait = () => {
		if (Number(document.body.dataset.analyses || 0) <= before) return setTimeout(wait, 20);
		requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
			for (const e of obs.takeRecords()) tasks.push(e.duration);
			obs.disconnect();
			resolve(tasks);
		}, 300)));
	};
	wait();
})`

// phoneSlowdown is how many times slower than this machine's the
// processor of a phone is taken to be: Lighthouse's mobile profile.
const phoneSlowdown = 4

// measureDraw loads the page reps times, each in a fresh browser, and
// times the drawing of article, with the processor slowed down by
// slowdown (1: as it is) from the paste on.
func measureDraw(url, article string, reps int, slowdown float64) (*drawResults, error) {
	label := "drawing a long article"
	if slowdown > 1 {
		label = fmt.Sprintf("drawing a long article, processor %g times slower", slowdown)
	}
	articleJSON, _ := json.Marshal(article)
	var longest, sum []float64
	for i := 0; i < reps; i++ {
		ctx, cancel, err := browser()
		if err != nil {
			return nil, err
		}
		tctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
		var tasks []float64
		err = chromedp.Run(tctx, chromedp.Navigate(url), waitModules,
			chromedp.Evaluate(`window.lede.ready.then(() => true)`, nil, awaitPromise),
			chromedp.Poll(`document.body.dataset.fontsWarm === 'true'`, nil, chromedp.WithPollingTimeout(time.Minute)),
			chromedp.Evaluate(`window.__benchArticle = `+string(articleJSON)+`; 0`, nil),
			emulation.SetCPUThrottlingRate(slowdown),
			chromedp.Evaluate(drawProbe, &tasks, awaitPromise))
		cancelT()
		cancel()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", label, err)
		}
		top, total := 0.0, 0.0
		for _, d := range tasks {
			top = max(top, d)
			total += d
		}
		fmt.Printf("%s, load %d: long tasks %v ms\n", label, i+1, rounded(tasks))
		longest, sum = append(longest, top), append(sum, total)
	}
	r := &drawResults{LongestTaskMs: median(longest), LongTasksMs: median(sum), Loads: reps}
	fmt.Printf("%s: longest task %.0f ms, long tasks %.0f ms in all (medians)\n", label, r.LongestTaskMs, r.LongTasksMs)
	return r, nil
}

func rounded(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x + 0.5)
	}
	return out
}
