// Package core finds the people, organizations and places named in a news
// text and the quotations attributed to them. It does no I/O and is the
// same code in the command-line tool and in the browser.
//
// Every offset in a Result is a UTF-8 byte offset into the analysed text,
// end exclusive, on a rune boundary.
package core

import (
	"lede/core/firstlook"
	"lede/core/internal/names"
	"lede/core/internal/quotes"
	"lede/core/internal/segment"
	"lede/core/result"
	"lede/internal/tokenize"
)

// MaxInputBytes is the largest text Analyze accepts (see package result).
const MaxInputBytes = result.MaxInputBytes

// ErrTooLarge is returned (wrapped) for a text over MaxInputBytes.
var ErrTooLarge = result.ErrTooLarge

// ErrInvalidUTF8 is returned (wrapped) for a text that is not valid UTF-8.
var ErrInvalidUTF8 = result.ErrInvalidUTF8

// Analyze returns the entities, quotations, sentences and paragraphs of
// text. An empty or blank text gives an empty Result. It fails only for
// text that is too large or not valid UTF-8, and then says where.
// It is safe for concurrent use.
func Analyze(text string) (Result, error) {
	return analyze(text, nil)
}

// An Analyzer analyses text like Analyze, and remembers the tagged
// sentences of the last text it saw, so that analysing it again after an
// edit re-tags only the sentences that changed. An Analyzer is not safe
// for concurrent use; its memory is bounded by the last text.
type Analyzer struct {
	cache map[string][]tokenize.Token // sentence text → its tokens, offsets from the sentence start

	// Progress, if not nil, is told during a long analysis how many of
	// the text's sentences are tagged, about every 200 sentences.
	Progress func(done, total int)

	// Pause, if not nil, is called between the stages and about every
	// 4,000 tokens, 500 sentences or 200 quotes within the long ones. A host that runs the analysis in
	// one synchronous call, as the browser's wasm does, yields there: Go's
	// collector on wasm finishes a cycle only when the analysis yields,
	// and without it the heap grows by gigabytes on a long text.
	Pause func()
}

// pause calls a.Pause if there is one.
func (a *Analyzer) pause() {
	if a != nil && a.Pause != nil {
		a.Pause()
	}
}

// NewAnalyzer returns an Analyzer with an empty cache.
func NewAnalyzer() *Analyzer {
	return &Analyzer{cache: map[string][]tokenize.Token{}}
}

// Analyze is like the package's Analyze, with the cache.
func (a *Analyzer) Analyze(text string) (Result, error) {
	return analyze(text, a)
}

// analyze runs the pipeline, stage by stage, in the order the text flows
// (docs/ARCHITECTURE.md describes each stage's input and output).
func analyze(text string, a *Analyzer) (Result, error) {
	res, err := result.Empty(text)
	if err != nil {
		return res, err
	}
	// Segmentation.
	firstlook.Segment(&res, text)
	a.pause()
	// Tokens and tags.
	sents, toks := a.tagSentences(text, segment.Pieces(text, res.Sentences))
	a.pause()
	// Entity chunking: the tagger's spans, corrected by the word lists.
	raw := chunkSentences(text, sents, a.pause)
	a.pause()
	// Mention cleanup, headlines, one name per text, roles.
	ms := nameMentions(text, sents, raw, a.pause)
	a.pause()
	// Merging mentions into entities.
	ents := names.Group(text, ms, a.pause)
	a.pause()
	// Quote finding, then speaker attribution.
	found := quotes.Find(text, res.Paragraphs)
	a.pause()
	qs, ents := attributeQuotes(text, sents, toks, found, ents, ms, a.pause)
	// Gender evidence for each person.
	personGenders(toks, ents, ms, qs)
	// The stages' own lists become the result's, not copies: a text of
	// half a million quotations would hold both at once.
	if len(ents) > 0 {
		res.Entities = ents
	}
	if len(qs) > 0 {
		res.Quotes = qs
	}
	return res, nil
}

// QuickAnalyze returns the first look at text: what can be found without
// the tagging models, at once (see package firstlook). It fails like
// Analyze.
func QuickAnalyze(text string) (Result, error) {
	return firstlook.Analyze(text, nil)
}

// QuickAnalyze is like the package's QuickAnalyze, calling a.Pause as
// Analyze does.
func (a *Analyzer) QuickAnalyze(text string) (Result, error) {
	return firstlook.Analyze(text, a.pause)
}
