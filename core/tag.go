package core

import (
	"slices"

	"lede/internal/nertag"
	"lede/internal/postag"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// sentenceTokens are the tagged tokens of one sentence.
type sentenceTokens struct {
	Span
	Toks []tokenize.Token
}

// tagSentence is the second stage: it splits one sentence of text into
// tokens (package tokenize, prose's tokenizer) with their offsets in
// text, and gives each its part of speech (package postag) and entity
// type (package nertag, Lede's own tagger).
func tagSentence(text string, sent Span) []tokenize.Token {
	LoadModel()
	// A "sentence" with no letter or digit (a run of brackets, dashes or
	// quote marks) names nobody and says nothing: it gets no tokens,
	// rather than one for every mark.
	if !wordutil.HasLetter(text[sent.Start:sent.End]) {
		return nil
	}
	toks := tokenize.Sentence(text, sent.Start, sent.End)
	postag.Tag(toks)
	nertag.Tag(toks)
	return toks
}

// tagSentences tags each sentence of text, telling a.Progress about every
// 200 sentences. With an Analyzer, sentences seen in the last text come
// from its cache, and the cache keeps only what this text used. The
// sentences' tokens are slices of one array, all, which holds every token
// of the text in order: the stages after read them either way, and
// nothing holds a second copy.
func (a *Analyzer) tagSentences(text string, spans []Span) (sents []sentenceTokens, all []tokenize.Token) {
	sents = make([]sentenceTokens, len(spans))
	starts := make([]int, len(spans)+1)
	var next map[string][]tokenize.Token
	if a != nil {
		// Sized for the text's sentences, but not for a million
		// copies of one: they share an entry.
		next = make(map[string][]tokenize.Token, min(len(spans), 4096))
	}
	// One array for all, sized at once: grown a quarter at a time, a
	// text of a million short sentences would leave each smaller copy
	// behind, 100 MB at a time.
	all = make([]tokenize.Token, 0, tokenEstimate(text, spans))
	paused := 0
	for i, s := range spans {
		starts[i] = len(all)
		all = a.appendSentence(all, text, s, next)
		if (i+1)%200 == 0 && a != nil && a.Progress != nil {
			a.Progress(i+1, len(spans))
		}
		if len(all)-paused >= pauseTokens || i%pauseSentences == pauseSentences-1 {
			paused = len(all)
			a.pause()
		}
	}
	starts[len(spans)] = len(all)
	all = slices.Clip(all)
	for i, s := range spans {
		sents[i] = sentenceTokens{s, all[starts[i]:starts[i+1]:starts[i+1]]}
	}
	if a != nil {
		a.cache = next
	}
	return sents, all
}

// appendSentence tags one sentence and appends its tokens to all, from
// the cache when the same sentence was tagged before, and records it in
// next. Tagging depends on the sentence's text only, so a cached sentence
// only moves.
func (a *Analyzer) appendSentence(all []tokenize.Token, text string, s Span, next map[string][]tokenize.Token) []tokenize.Token {
	if a == nil {
		return append(all, tagSentence(text, s)...)
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
	for _, t := range rel {
		t.Start += s.Start
		t.End += s.Start
		all = append(all, t)
	}
	return all
}

// pauseTokens is how many tokens the long stages handle between two
// calls of Analyzer.Pause.
const pauseTokens = 4096

// pauseSentences is how many sentences tagging handles between two calls
// of Analyzer.Pause, however few tokens they hold: each sentence costs
// the tokenizer a few kilobytes.
const pauseSentences = 512

// tokenEstimate is about how many tokens the tokenizer makes of spans of
// text, erring high on prose: a token for each run of letters and digits
// and for each ASCII mark, in the spans that have a letter or digit
// (tagSentence gives the others none). It reads each byte once.
func tokenEstimate(text string, spans []Span) int {
	n := 0
	for _, s := range spans {
		tokens, word, letters := 0, false, false
		for i := s.Start; i < s.End; i++ {
			switch c := text[i]; {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				word = false
			case c >= 0x80 || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z':
				letters = true
				if !word {
					tokens++
					word = true
				}
			default:
				tokens++
				word = false
			}
		}
		if letters {
			n += tokens
		}
	}
	return n
}
