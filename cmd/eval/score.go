package main

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"lede/core"
)

// span is a half-open byte range [start, end) of a text.
type span struct {
	start, end int
}

// len returns the number of bytes in s, never less than zero.
func (s span) len() int { return max(s.end-s.start, 0) }

// overlap returns the number of bytes a and b have in common.
func overlap(a, b span) int {
	return max(min(a.end, b.end)-max(a.start, b.start), 0)
}

// coversHalf reports whether at least half of covered lies inside cover.
// An empty covered span is never covered.
func coversHalf(cover, covered span) bool {
	o := overlap(cover, covered)
	return o > 0 && 2*o >= covered.len()
}

// bestCover returns the index of the span in preds that overlaps g the most,
// provided it covers at least half of g, or -1 when none does. Ties go to
// the first such span.
func bestCover(g span, preds []span) int {
	best, bestO := -1, 0
	for i, p := range preds {
		if o := overlap(p, g); o > bestO && coversHalf(p, g) {
			best, bestO = i, o
		}
	}
	return best
}

// quotesMatch reports whether two quote spans are the same quotation for
// counting false positives: they overlap by at least half of either one.
func quotesMatch(p, g span) bool {
	return coversHalf(p, g) || coversHalf(g, p)
}

// trimSpan narrows s to exclude surrounding white space and a trailing run
// of , . ; : (with the spaces around it), so that `"Yes," ` and `"Yes,"`
// compare equal. Quote marks are kept.
func trimSpan(text string, s span) span {
	for s.start < s.end {
		r, n := utf8.DecodeRuneInString(text[s.start:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.start += n
	}
	for s.start < s.end {
		r, n := utf8.DecodeLastRuneInString(text[s.start:s.end])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",.;:", r) {
			break
		}
		s.end -= n
	}
	return s
}

// sameSpan reports whether a and b cover the same words of text once each
// is trimmed by trimSpan.
func sameSpan(text string, a, b span) bool {
	return trimSpan(text, a) == trimSpan(text, b)
}

// Scored entity types. Any other predicted type (NORP, or types added to
// the analyzer later) is not scored.
var entityTypes = []string{"PERSON", "ORG", "PLACE"}

func isScoredType(t string) bool {
	for _, s := range entityTypes {
		if s == t {
			return true
		}
	}
	return false
}

// typedSpan is an entity mention: a span and its entity type.
type typedSpan struct {
	span
	typ string
}

// counts holds true positives, false positives and false negatives.
type counts struct {
	tp, fp, fn int
}

func (c *counts) add(d counts) {
	c.tp += d.tp
	c.fp += d.fp
	c.fn += d.fn
}

// precision returns tp/(tp+fp), or 0 when nothing was predicted.
func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }

// recall returns tp/(tp+fn), or 0 when there is no gold.
func (c counts) recall() float64 { return ratio(c.tp, c.tp+c.fn) }

// f1 returns the harmonic mean of precision and recall, or 0.
func (c counts) f1() float64 { return f1(c.precision(), c.recall()) }

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// entityScore is the result of comparing predicted and gold mentions:
// counts by type and the mentions that were wrong, for printing.
type entityScore struct {
	byType map[string]*counts
	fps    []typedSpan // predicted mentions with no gold of the same span and type
	fns    []typedSpan // gold mentions with no prediction of the same span and type
}

func newEntityScore() *entityScore {
	s := &entityScore{byType: map[string]*counts{}}
	for _, t := range entityTypes {
		s.byType[t] = &counts{}
	}
	return s
}

// micro returns the counts summed over all scored types.
func (s *entityScore) micro() counts {
	var c counts
	for _, t := range entityTypes {
		c.add(*s.byType[t])
	}
	return c
}

// scoreEntities compares predicted mentions with gold mentions by exact span
// and type. Predictions of types that are not scored, and predictions whose
// span exactly equals a span in ignore (whatever their type), count neither
// as true nor as false positives. Duplicate predictions of the same span and
// type count once. A prediction with the right span but the wrong type is a
// false positive for its type and leaves the gold mention a false negative.
func scoreEntities(pred, gold []typedSpan, ignore []span) *entityScore {
	s := newEntityScore()
	skip := map[span]bool{}
	for _, sp := range ignore {
		skip[sp] = true
	}
	goldSet := map[typedSpan]bool{}
	for _, g := range gold {
		if isScoredType(g.typ) {
			goldSet[g] = true
		}
	}
	predSet := map[typedSpan]bool{}
	for _, p := range pred {
		if !isScoredType(p.typ) || skip[p.span] || predSet[p] {
			continue
		}
		predSet[p] = true
		if goldSet[p] {
			s.byType[p.typ].tp++
		} else {
			s.byType[p.typ].fp++
			s.fps = append(s.fps, p)
		}
	}
	for g := range goldSet {
		if !predSet[g] {
			s.byType[g.typ].fn++
			s.fns = append(s.fns, g)
		}
	}
	sortTyped(s.fps)
	sortTyped(s.fns)
	return s
}

func sortTyped(ts []typedSpan) {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].start != ts[j].start {
			return ts[i].start < ts[j].start
		}
		if ts[i].end != ts[j].end {
			return ts[i].end < ts[j].end
		}
		return ts[i].typ < ts[j].typ
	})
}

// parallelMap applies f to every element of in on runtime.NumCPU() workers
// and returns the results in input order.
func parallelMap[T, R any](in []T, f func(T) R) []R {
	out := make([]R, len(in))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), max(len(in), 1)) {
		wg.Go(func() {
			for i := range jobs {
				out[i] = f(in[i])
			}
		})
	}
	for i := range in {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// truncate shortens s to at most n runes, marking the cut with "…", and
// puts it on one line.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// quotationsOnly returns res with only its quotations (direct and partial
// quotes): the sections that score quotations leave reported speech
// (indirect and mixed) to the attributions section, so that a reported
// content around a quotation is not taken for it.
func quotationsOnly(res core.Result) core.Result {
	var qs []core.Quote
	for _, q := range res.Quotes {
		if q.Kind == core.KindDirect || q.Kind == core.KindPartial {
			qs = append(qs, q)
		}
	}
	res.Quotes = qs
	return res
}
