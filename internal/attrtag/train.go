package attrtag

import (
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"unicode"

	"lede/internal/perceptron"
	"lede/internal/postag"
	"lede/internal/tokenize"
)

// Example is one training sentence: Text[Start:End], with the gold
// sources, cues and contents that lie in it.
type Example struct {
	Text       string
	Start, End int
	Spans      []Span
}

// Span is a gold part of an attribution: byte offsets into an Example's
// Text and its role, Source, Cue or Content.
type Span struct {
	Start, End int
	Role       string
}

// Roles of the parts of an attribution, as the model labels them.
const (
	Source  = "SRC"
	Cue     = "CUE"
	Content = "CON"
)

// labels are what the tagger chooses from, "O" first.
var labels = []string{"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"}

type instance struct {
	s    *sentence
	gold []int
}

// Train trains the tagger on examples for the given number of passes and
// returns the encoded models (what attr.bin and attr2.bin hold) and the
// cue list (cues.txt). The tagger reads a sentence twice: the first
// model labels it alone, and the second reads the first's labels as well
// (stacking): where its part begins and ends, what lies on either side,
// how many cues the sentence has. The second model learns from first
// labels given by models that did not see the sentence: the examples are
// cut into folds, and each fold is labelled by a model trained on the
// others, as new text will be. Features whose averaged weights all stay
// below minWeight are dropped. progress, if not nil, is told each pass's
// token accuracy, for the first model (1) and the second (2). The same
// examples and arguments always give the same bytes.
func Train(examples []Example, epochs int, minWeight float64, folds int, progress func(model, epoch int, accuracy float64)) (first, second []byte, cueList string) {
	cueList = learnCueWords(examples)
	data := instances(examples, parseCueWords(cueList))
	report := func(model int) func(int, float64) {
		if progress == nil {
			return nil
		}
		return func(epoch int, acc float64) { progress(model, epoch, acc) }
	}
	m1 := train(data, epochs, minWeight, report(1))
	stacked := make([]instance, len(data))
	for f := range folds {
		// Folds are runs of consecutive sentences, so that an article
		// is mostly in one.
		inFold := func(i int) bool { return i*folds/len(data) == f }
		var rest []instance
		for i, inst := range data {
			if !inFold(i) {
				rest = append(rest, inst)
			}
		}
		m := train(rest, epochs, minWeight, nil)
		lat := newLattice(labels, m.Scores)
		sc := lat.newScratch()
		for i, inst := range data {
			if inFold(i) {
				s := *inst.s
				s.setFirst(labelNames(labels, lat.decode(inst.s, m.Scores, sc)))
				stacked[i] = instance{&s, inst.gold}
			}
		}
	}
	m2 := train(stacked, epochs, minWeight, report(2))
	return m1.Encode(magic, coarse), m2.Encode(magic, coarse), cueList
}

// train learns one model from data, which it leaves in its order.
func train(data []instance, epochs int, minWeight float64, progress func(epoch int, accuracy float64)) *perceptron.Model {
	data = slices.Clone(data)
	tr := perceptron.NewTrainer(labels)
	rng := rand.New(rand.NewSource(1))
	var feats []uint32
	sc := newLattice(labels, tr.Scores).newScratch()
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		right, all := 0, 0
		for _, inst := range data {
			tr.Tick()
			pred := newLattice(labels, tr.Scores).decode(inst.s, tr.Scores, sc)
			for i, y := range pred {
				all++
				g := inst.gold[i]
				if y == g {
					right++
				}
				gp, pp := start, start
				if i > 0 {
					gp, pp = labels[inst.gold[i-1]], labels[pred[i-1]]
				}
				if y == g && gp == pp {
					continue
				}
				feats = emission(inst.s, i, feats[:0])
				tr.Update(feats, g, 1)
				tr.Update(feats, y, -1)
				feats = transition(inst.s, i, gp, feats[:0])
				tr.Update(feats, g, 1)
				feats = transition(inst.s, i, pp, feats[:0])
				tr.Update(feats, y, -1)
			}
		}
		if progress != nil {
			progress(epoch, float64(right)/float64(all))
		}
	}
	return tr.Average(minWeight)
}

// learnCueWords returns the cue list (what cues.txt holds): each word
// that opens a gold cue at least twice and in at least a twentieth of
// its occurrences, with its rate class: high (over half), mid (over a
// quarter) or low. At a tenth and 3 times (the list before), PolNeAR dev
// lost 0.016 of the tagger's content F1: "attacked", "pledged" and their
// like were read as any other word.
func learnCueWords(examples []Example) string {
	opens, seen := map[string]int{}, map[string]int{}
	for _, ex := range examples {
		starts := map[int]bool{}
		for _, sp := range ex.Spans {
			if sp.Role == Cue {
				starts[sp.Start] = true
			}
		}
		for _, f := range wordSpans(ex.Text[ex.Start:ex.End], ex.Start) {
			w := strings.ToLower(ex.Text[f[0]:f[1]])
			seen[w]++
			if starts[f[0]] {
				opens[w]++
			}
		}
	}
	var words []string
	for w, n := range opens {
		if n >= 2 && 20*n >= seen[w] {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		class := "low"
		switch r := float64(opens[w]) / float64(seen[w]); {
		case r > 0.5:
			class = "high"
		case r > 0.25:
			class = "mid"
		}
		fmt.Fprintf(&b, "%s %s\n", w, class)
	}
	return b.String()
}

// wordSpans returns the offsets of the runs of letters in s, shifted by base.
func wordSpans(s string, base int) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			out = append(out, [2]int{base + start, base + i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{base + start, base + len(s)})
	}
	return out
}

// instances tokenizes and tags each example and labels its tokens. A
// token in several spans takes the source or cue label over the content
// one: an attribution inside another's content keeps its own parts.
func instances(examples []Example, cues cueWords) []instance {
	rank := map[string]int{Content: 1, Source: 2, Cue: 3}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	var data []instance
	for _, ex := range examples {
		toks := tokenize.Sentence(ex.Text, ex.Start, ex.End)
		if len(toks) == 0 {
			continue
		}
		postag.Tag(toks)
		gold := make([]int, len(toks))
		best := make([]int, len(toks))
		for i, t := range toks {
			for _, sp := range ex.Spans {
				if t.Start < sp.Start || t.Start >= sp.End || rank[sp.Role] <= best[i] {
					continue
				}
				prefix := "I-"
				if i == 0 || toks[i-1].Start < sp.Start {
					prefix = "B-"
				}
				gold[i], best[i] = index[prefix+sp.Role], rank[sp.Role]
			}
		}
		// An I- that no longer follows its B- (a higher-ranked span cut
		// it) starts a span.
		for i := range gold {
			if l := labels[gold[i]]; l[0] == 'I' && (i == 0 || labels[gold[i-1]][2:] != l[2:]) {
				gold[i] = index["B-"+l[2:]]
			}
		}
		data = append(data, instance{newSentence(toks, cues), gold})
	}
	return data
}

// coarse is how many int16 steps of the largest weight make one step of
// the stored weights (see perceptron.Model.Encode). At 16 attr.bin is 303
// KB gzip instead of 390 and the PolNeAR dev figures hold (all-attributions
// exact F1 0.5295 both ways, indirect F1 0.6166 → 0.6161); at 64 (250 KB)
// they fall a little (0.529, 0.615).
const coarse = 16
