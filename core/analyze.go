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
// far past any news article, small enough to analyse in seconds.
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
	res.Paragraphs = append(res.Paragraphs, Paragraphs(text)...)
	res.Sentences = append(res.Sentences, Sentences(text)...)

	sents := make([]sentenceTokens, len(res.Sentences))
	raw := make([][]mention, len(res.Sentences))
	for i, s := range res.Sentences {
		sents[i] = sentenceTokens{s, tagSentence(text, s)}
		raw[i] = chunkMentions(text, sents[i].Toks)
	}
	ents, ms := buildEntities(text, sents, raw)
	quotes, ents := attributeQuotes(text, sents, findQuotes(text, res.Paragraphs), ents, ms)
	res.Entities = append(res.Entities, ents...)
	res.Quotes = append(res.Quotes, quotes...)
	return res, nil
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
