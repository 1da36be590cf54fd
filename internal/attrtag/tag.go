// Package attrtag tags the parts of attributions in a sentence: who
// speaks (the source), the words that say so (the cue: "said", "according
// to", "told reporters") and what is said (the content), quoted or
// reported. It is a structured averaged perceptron (package perceptron,
// decoded with Viterbi) over prose's tokens and part-of-speech tags, with
// features that tell where the nearest speech verbs are, and it reads a
// sentence twice: the second pass sees the first's labels (see Train).
// cmd/train-attributions learns both from PolNeAR's training articles and
// writes attr.bin and attr2.bin, which this package embeds.
package attrtag

import (
	_ "embed"
	"errors"
	"slices"
	"sync"

	"lede/internal/perceptron"
	"lede/internal/tokenize"
)

//go:embed attr.bin
var modelBytes []byte

// secondBytes is the second pass's model (see Train).
//
//go:embed attr2.bin
var secondBytes []byte

// cueText is the cue list the model was trained with; the trainer writes
// it beside attr.bin.
//
//go:embed cues.txt
var cueText string

const magic = "LEDEATR2"

var (
	once    sync.Once
	loaded  *Tagger
	loadErr error
)

// Load decodes the embedded model, once per process; it fails only when
// the binary holds a damaged model.
func Load() error {
	once.Do(func() { loaded, loadErr = Decode(modelBytes, secondBytes, cueText) })
	return loadErr
}

// Part is a tagged part of an attribution: tokens [Start, End) of the
// sentence and their Role.
type Part struct {
	Start, End int
	Role       string
}

// Tag returns the attribution parts of one sentence, in order, by the
// embedded model. The tokens need their part-of-speech tags. It returns
// nothing if the model is damaged.
func Tag(toks []tokenize.Token) []Part {
	if Load() != nil {
		return nil
	}
	return loaded.Tag(toks)
}

// A Tagger tags with a model of its own, such as one just trained. It is
// safe for concurrent use.
type Tagger struct {
	m       *perceptron.Model
	cues    cueWords
	lattice *lattice
	pool    sync.Pool // of *scratch

	// second and lattice2 are the second pass's (see Train).
	second   *perceptron.Model
	lattice2 *lattice
}

// Decode reads the first and second passes' models and their cue list,
// as Train returned them.
func Decode(first, second []byte, cueList string) (*Tagger, error) {
	m, err := perceptron.Decode(first, magic)
	if err != nil {
		return nil, err
	}
	m2, err := perceptron.Decode(second, magic)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(m.Labels, m2.Labels) {
		return nil, errors.New("attrtag: the two passes' models have different labels")
	}
	t := &Tagger{m: m, second: m2, cues: parseCueWords(cueList),
		lattice: newLattice(m.Labels, m.Scores), lattice2: newLattice(m2.Labels, m2.Scores)}
	t.pool.New = func() any { return t.lattice.newScratch() }
	return t, nil
}

// Tag is like the package's Tag, with t's model.
func (t *Tagger) Tag(toks []tokenize.Token) []Part {
	if len(toks) == 0 {
		return nil
	}
	s := newSentence(toks, t.cues)
	// Most sentences of news say nothing of anyone's words: without a
	// word that can open a cue there is nothing to tag. Tagging only the
	// others costs 0.001 of exact-span F1 on PolNeAR dev (0.511 against
	// 0.512) and a tenth of the analysis's time on an article.
	if !slices.Contains(s.cueLike, true) {
		return nil
	}
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	ys := t.lattice.decode(s, t.m.Scores, sc)
	// The second pass reads the first's labels; where the first found
	// no part at all, it seldom finds one.
	if !slices.ContainsFunc(ys, func(y int) bool { return t.m.Labels[y] != "O" }) {
		return nil
	}
	s.setFirst(labelNames(t.m.Labels, ys))
	return parts(t.second.Labels, t.lattice2.decode(s, t.second.Scores, sc))
}

// labelNames returns the labels of indexes ys.
func labelNames(labels []string, ys []int) []string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = labels[y]
	}
	return out
}

// parts turns BIO labels (indexes into labels) into spans.
func parts(labels []string, ys []int) []Part {
	var out []Part
	for i, y := range ys {
		l := labels[y]
		if l == "O" {
			continue
		}
		if l[0] == 'B' || len(out) == 0 || out[len(out)-1].End != i || out[len(out)-1].Role != l[2:] {
			out = append(out, Part{i, i + 1, l[2:]})
			continue
		}
		out[len(out)-1].End = i + 1
	}
	return out
}

// CueRate returns how often w (lower case) opens a cue in the articles
// the embedded model learnt from: "high" (over half of its uses), "mid"
// (over a quarter), "low", or "" for a word that seldom or never does.
func CueRate(w string) string {
	if Load() != nil {
		return ""
	}
	return loaded.cues[w]
}
