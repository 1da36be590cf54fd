// Package core finds the people, organizations and places named in a news
// text and the quotations attributed to them. It does no I/O and is the
// same code in the command-line tool and in the browser.
//
// Every offset in a Result is a UTF-8 byte offset into the analysed text,
// end exclusive, on a rune boundary.
package core

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxInputBytes is the largest text Analyze accepts: about 300,000 words,
// far past any news article, small enough to analyse in about a second
// natively and ten in a browser.
const MaxInputBytes = 2 << 20

// ErrTooLarge is returned (wrapped) for a text over MaxInputBytes.
var ErrTooLarge = errors.New("text too large")

// ErrInvalidUTF8 is returned (wrapped) for a text that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")

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
	cache map[string][]token // sentence text → its tokens, offsets from the sentence start

	// Progress, if not nil, is told during a long analysis how many of
	// the text's sentences are tagged, about every 200 sentences.
	Progress func(done, total int)
}

// NewAnalyzer returns an Analyzer with an empty cache.
func NewAnalyzer() *Analyzer {
	return &Analyzer{cache: map[string][]token{}}
}

// Analyze is like the package's Analyze, with the cache.
func (a *Analyzer) Analyze(text string) (Result, error) {
	return analyze(text, a)
}

// emptyResult returns an empty Result for text, or the error that makes
// text unacceptable.
func emptyResult(text string) (Result, error) {
	res := Result{
		Offsets:    "utf8",
		Entities:   []Entity{},
		Quotes:     []Quote{},
		Sentences:  []Span{},
		Paragraphs: []Span{},
	}
	if len(text) > MaxInputBytes {
		return res, fmt.Errorf("%w: %d bytes; the limit is %d bytes (about %d words)",
			ErrTooLarge, len(text), MaxInputBytes, MaxInputBytes/7)
	}
	if !utf8.ValidString(text) {
		return res, fmt.Errorf("%w: bad byte at offset %d", ErrInvalidUTF8, firstInvalid(text))
	}
	return res, nil
}

func analyze(text string, a *Analyzer) (Result, error) {
	res, err := emptyResult(text)
	if err != nil {
		return res, err
	}
	res.Paragraphs = append(res.Paragraphs, Paragraphs(text)...)
	res.Sentences = append(res.Sentences, Sentences(text)...)

	sents := make([]sentenceTokens, len(res.Sentences))
	raw := make([][]mention, len(res.Sentences))
	var next map[string][]token
	if a != nil {
		next = make(map[string][]token, len(res.Sentences))
	}
	for i, s := range res.Sentences {
		sents[i] = sentenceTokens{s, a.tagSentence(text, s, next)}
		raw[i] = chunkMentions(text, sents[i].Toks)
		if a != nil && a.Progress != nil && (i+1)%200 == 0 {
			a.Progress(i+1, len(res.Sentences))
		}
	}
	if a != nil {
		a.cache = next // keep only what the last text used
	}
	ents, ms := buildEntities(text, sents, raw)
	quotes, ents := attributeQuotes(text, sents, findQuotes(text, res.Paragraphs), ents, ms)
	res.Entities = append(res.Entities, ents...)
	res.Quotes = append(res.Quotes, quotes...)
	return res, nil
}

// tagSentence tags one sentence, from the cache when the same sentence
// was tagged before, and records it in next. Tagging depends on the
// sentence's text only, so a cached sentence only moves.
func (a *Analyzer) tagSentence(text string, s Span, next map[string][]token) []token {
	if a == nil {
		return tagSentence(text, s)
	}
	key := text[s.Start:s.End]
	rel, ok := a.cache[key]
	if !ok {
		rel = tagSentence(text, s)
		for i := range rel {
			rel[i].Start -= s.Start
			rel[i].End -= s.Start
		}
	}
	next[key] = rel
	toks := make([]token, len(rel))
	for i, t := range rel {
		t.Start += s.Start
		t.End += s.Start
		toks[i] = t
	}
	return toks
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
