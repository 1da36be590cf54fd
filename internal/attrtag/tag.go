// Package attrtag tags the parts of attributions in a sentence: who
// speaks (the source), the words that say so (the cue: "said", "according
// to", "told reporters") and what is said (the content), quoted or
// reported. It is a greedy averaged perceptron (package perceptron) over
// prose's tokens and part-of-speech tags, with features that tell where
// the nearest speech verbs are; cmd/train-attributions learns it from
// PolNeAR's training articles and writes attr.bin, which this package
// embeds.
package attrtag

import (
	_ "embed"
	"sync"

	"lede/internal/perceptron"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

//go:embed attr.bin
var modelBytes []byte

// cueText is the cue list the model was trained with; the trainer writes
// it beside attr.bin.
//
//go:embed cues.txt
var cueText string

const magic = "LEDEATR1"

var (
	once    sync.Once
	loaded  *Tagger
	loadErr error
)

// Load decodes the embedded model, once per process; it fails only when
// the binary holds a damaged model.
func Load() error {
	once.Do(func() { loaded, loadErr = Decode(modelBytes, cueText) })
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

// A Tagger tags with a model of its own, such as one just trained.
type Tagger struct {
	m    *perceptron.Model
	cues cueWords
}

// Decode reads a model and its cue list, as Train returned them.
func Decode(model []byte, cueList string) (*Tagger, error) {
	m, err := perceptron.Decode(model, magic)
	return &Tagger{m, parseCueWords(cueList)}, err
}

// Tag is like the package's Tag, with t's model.
func (t *Tagger) Tag(toks []tokenize.Token) []Part {
	if len(toks) == 0 {
		return nil
	}
	m := t.m
	scores := make([]float32, len(m.Labels))
	var feats []uint32
	s := newSentence(toks, t.cues)
	tags := perceptron.Greedy(len(toks), m.Labels,
		func(i int, p1, p2 string) []uint32 {
			feats = features(s, i, p1, p2, feats[:0])
			return feats
		},
		func(_ int, f []uint32) int { return m.Best(f, scores) })
	return extendContents(mergeContents(parts(tags)), s)
}

// extendContents carries a content that follows its cue on to the end of
// the sentence or to the next part: greedy tagging loses its way in long
// clauses more often than reported clauses stop early.
func extendContents(ps []Part, s *sentence) []Part {
	cue := false
	for i := range ps {
		switch ps[i].Role {
		case Cue:
			cue = true
		case Content:
			if !cue {
				continue
			}
			end := len(s.toks)
			if i+1 < len(ps) {
				end = ps[i+1].Start
			}
			ps[i].End = max(ps[i].End, end)
		}
	}
	// A content followed by its source and cue ends at the comma before
	// them ("…, the source added"), even where the tagger left the
	// source's first words in the content.
	for i := range ps {
		if ps[i].Role != Content || i+1 >= len(ps) || ps[i+1].Role == Content {
			continue
		}
		next := ps[i+1].Start
		if ps[i+1].Role == Source && i+2 < len(ps) && ps[i+2].Role == Cue {
			next = ps[i+2].Start
		}
		for k := next - 1; k > ps[i].Start && k >= next-6; k-- {
			if s.toks[k].Text == "," && (k+1 >= len(s.toks) || !s.quoted[k] && !wordutil.IsQuoteMark(s.toks[k+1].Text)) {
				ps[i].End = min(ps[i].End, k)
				break
			}
		}
	}
	return ps
}

// mergeContents joins content parts that only untagged tokens separate:
// greedy tagging sometimes drops a few words in the middle of a reported
// clause, which is never split without a source or cue between.
func mergeContents(ps []Part) []Part {
	var out []Part
	for _, p := range ps {
		if n := len(out); n > 0 && p.Role == Content && out[n-1].Role == Content {
			out[n-1].End = p.End
			continue
		}
		out = append(out, p)
	}
	return out
}

// parts turns BIO labels into spans.
func parts(tags []string) []Part {
	var out []Part
	for i, l := range tags {
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
