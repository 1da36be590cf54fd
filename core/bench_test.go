package core

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"lede/core/internal/names"
	"lede/core/internal/quotes"
	"lede/core/internal/segment"
	"lede/core/memory"
	"lede/core/result"
	"lede/internal/corpus"
	"lede/internal/nertag"
	"lede/internal/postag"
	"lede/internal/tokenize"
)

// longText returns the benchmarks' text of about 100,000 words.
func longText(b *testing.B) string {
	return corpus.LongText("../../shared", readSeed(b))
}

// benchStages measures each stage of Analyze on text, reporting words/s.
func benchStages(b *testing.B, text string) {
	LoadModel()
	words := len(strings.Fields(text))
	report := func(b *testing.B) {
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	}
	spans := segment.Sentences(text)
	paras := segment.Paragraphs(text)
	var a *Analyzer // no cache: every sentence is tagged
	st, all := a.tagSentences(text, spans)
	raw := chunkSentences(text, st, nil)
	ms := nameMentions(text, st, raw, nil)
	ents := names.Group(text, ms, nil)
	found := quotes.Find(text, paras)

	b.Run("segment", func(b *testing.B) {
		for b.Loop() {
			segment.Sentences(text)
			segment.Paragraphs(text)
		}
		report(b)
	})
	b.Run("prose", func(b *testing.B) { // tokens and part-of-speech tags
		for b.Loop() {
			for _, s := range spans {
				postag.Tag(tokenize.Sentence(text, s.Start, s.End))
			}
		}
		report(b)
	})
	b.Run("entities", func(b *testing.B) { // the entity tagger and chunking
		for b.Loop() {
			for i := range st {
				nertag.Tag(st[i].Toks)
			}
			chunkSentences(text, st, nil)
		}
		report(b)
	})
	b.Run("merging", func(b *testing.B) {
		for b.Loop() {
			names.Group(text, nameMentions(text, st, raw, nil), nil)
		}
		report(b)
	})
	b.Run("quotes", func(b *testing.B) {
		for b.Loop() {
			quotes.Find(text, paras)
		}
		report(b)
	})
	b.Run("speakers", func(b *testing.B) {
		for b.Loop() {
			attributeQuotes(text, st, all, found, ents, ms, func() {})
		}
		report(b)
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			Analyze(text)
		}
		report(b)
	})
}

func BenchmarkStagesSeed(b *testing.B) { benchStages(b, readSeed(b)) }
func BenchmarkStagesLong(b *testing.B) { benchStages(b, longText(b)) }

// BenchmarkPeakMemory reports the most memory the Go runtime holds from
// the operating system (what a browser tab keeps, since a wasm heap never
// shrinks) while analysing each of issue 15's hostile inputs and 2 MB of
// real articles: peak-MB. The targets: at most 400 for every hostile
// input, at most 300 for the articles.
func BenchmarkPeakMemory(b *testing.B) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memory.Limit))
	peakMemory(b, func(text string) { Analyze(text) })
}

// BenchmarkPeakMemoryPaused is BenchmarkPeakMemory as the browser runs
// the analysis: the collector works only when the analysis pauses (the
// wasm's Analyzer.Pause), not beside it; the first look comes first, and
// each result is written as JSON, as the wasm boundary does. It reports
// what the Go heap, which on wasm never shrinks, must grow to.
func BenchmarkPeakMemoryPaused(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	a := NewAnalyzer()
	a.Pause = memory.CollectWhenGrown
	peakMemory(b, func(text string) {
		// A worker that is still loading shows the first look.
		quick, _ := a.QuickAnalyze(text)
		result.WriteJSON(&pausingWriter{pause: a.Pause}, &quick, false, true)
		res, _ := a.Analyze(text)
		a.Pause()
		result.WriteJSON(&pausingWriter{pause: a.Pause}, &res, false, true)
	})
}

// peakMemory runs analyse on each input of the memory benchmarks and
// reports its peak-MB and live-MB.
func peakMemory(b *testing.B, analyse func(text string)) {
	LoadModel()
	inputs := corpus.HostileTexts()
	inputs = append(inputs, struct{ Name, Text string }{"articles", corpus.Articles("../../shared", readSeed(b), MaxInputBytes-1024)})
	for _, in := range inputs {
		b.Run(in.Name, func(b *testing.B) {
			peak, live := 0.0, 0.0
			for b.Loop() {
				p, l := peakDuring(func() { analyse(in.Text) })
				peak, live = max(peak, p), max(live, l)
			}
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(live, "live-MB")
		})
	}
}

// pausingWriter discards what is written to it and pauses after each
// megabyte, as the wasm boundary does while it hands JSON to JavaScript.
type pausingWriter struct {
	n     int
	pause func()
}

func (w *pausingWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n >= 1<<20 {
		w.n = 0
		w.pause()
	}
	return len(p), nil
}

// peakDuring runs f and returns the most memory, in MB, the runtime held
// from the operating system meanwhile, and the largest live heap a
// collection found, sampled every millisecond, after handing back what
// the runtime held before.
func peakDuring(f func()) (peakMB, liveMB float64) {
	runtime.GC()
	debug.FreeOSMemory()
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var peak, live atomic.Uint64
	held := func() uint64 {
		metrics.Read(sample)
		if l := sample[2].Value.Uint64(); l > live.Load() {
			live.Store(l)
		}
		return sample[0].Value.Uint64() - sample[1].Value.Uint64()
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if h := held(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	if h := held(); h > peak.Load() {
		peak.Store(h)
	}
	return float64(peak.Load()) / (1 << 20), float64(live.Load()) / (1 << 20)
}
