// Package firstlook is Lede's first look at a text: what can be found
// without any model, at once. It runs the stages that need no model —
// segmentation, quote finding and the word lists' names (countries,
// nationalities, well-known organizations) grouped into entities — and
// imports neither prose nor the models, so that the browser's small
// first-look analyzer (wasm/firstlook) is built from it and shows
// quotations and names within seconds on a slow line, while the full
// analyzer (package core) is still downloading.
package firstlook

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/names"
	"lede/core/internal/quotes"
	"lede/core/internal/segment"
	"lede/core/internal/wordlists"
	"lede/core/result"
	"lede/internal/lexicon"
	"lede/internal/token"
	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// pauseSentences is how many sentences Analyze reads between two calls of
// pause, as core's tagging does: each costs the word lists little, but a
// degenerate text has a million of them.
const pauseSentences = 512

// Analyze returns what can be found without the tagging models:
// sentences, paragraphs, quotations (without speakers) and the entities
// the word lists know. It fails like core.Analyze: for a text over
// result.MaxInputBytes or not valid UTF-8. pause, if not nil, is called
// between the stages and every few hundred sentences (see
// core.Analyzer.Pause).
func Analyze(text string, pause func()) (result.Result, error) {
	if pause == nil {
		pause = func() {}
	}
	res, err := result.Empty(text)
	if err != nil {
		return res, err
	}
	Segment(&res, text)
	pause()
	found := quotes.Find(text, res.Paragraphs)
	res.Quotes = make([]result.Quote, 0, len(found))
	for _, q := range found {
		res.Quotes = append(res.Quotes, result.Quote{
			Start: q.Start, End: q.End, Text: text[q.TextStart:q.TextEnd],
			Kind: q.Kind, Method: result.MethodNone,
		})
	}
	pause()
	var ms []names.Mention
	for si, s := range res.Sentences {
		if si%pauseSentences == pauseSentences-1 {
			pause()
		}
		// As for tagging: a sentence without a letter names nobody, and
		// a degenerate one is read in pieces, not as millions of tokens
		// at once.
		if !wordutil.HasLetter(text[s.Start:s.End]) {
			continue
		}
		for _, piece := range segment.Pieces(text, []result.Span{s}) {
			toks := wordTokens(text, piece)
			for _, m := range wordlists.Apply(text, toks, nil) {
				if m.Type != vocab.Misc {
					ms = append(ms, names.Mention{Start: m.Start, End: m.End, Type: m.Type, Sent: si, Words: strings.Fields(text[m.Start:m.End])})
				}
			}
			for _, t := range toks {
				if lexicon.Country[t.Text] != "" || lexicon.Demonym[t.Text] != "" {
					ms = append(ms, names.TypeByLexicon(text, names.Mention{Start: t.Start, End: t.End, Sent: si, Words: []string{t.Text}}))
				}
			}
		}
	}
	ms = names.Dedupe(ms)
	pause()
	if ents := names.Group(text, ms, pause); len(ents) > 0 {
		res.Entities = ents
	}
	return res, nil
}

// wordTokens splits a sentence into words and punctuation without prose:
// letters, digits, hyphens and apostrophes inside words stay together.
// Enough to match word lists; tags are left empty.
func wordTokens(text string, s result.Span) []token.Token {
	var out []token.Token
	i := s.Start
	for i < s.End {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < s.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:s.End])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’') && j+n2 < s.End && wordutil.IsWordLike(text[j+n2:s.End]) {
					j += n2
					continue
				}
				break
			}
			out = append(out, token.Token{Start: i, End: j, Text: text[i:j]})
			i = j
		default:
			out = append(out, token.Token{Start: i, End: i + n, Text: text[i : i+n]})
			i += n
		}
	}
	return out
}

// Segment sets res's paragraphs and sentences (stage 1 of every
// analysis), keeping the empty lists result.Empty gave when there are
// none. The segmenter's lists become the result's, not copies of them.
func Segment(res *result.Result, text string) {
	if paras := segment.Paragraphs(text); len(paras) > 0 {
		res.Paragraphs = paras
	}
	if sents := segment.Sentences(text); len(sents) > 0 {
		res.Sentences = sents
	}
}
