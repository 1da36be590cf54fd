package core

import (
	"sort"

	"lede/internal/nertag"
	"lede/internal/postag"
	"lede/internal/tokenize"
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
	toks := tokenize.Sentence(text, sent.Start, sent.End)
	postag.Tag(toks)
	nertag.Tag(toks)
	return toks
}

// tagSentences tags each sentence of text, telling a.Progress about every
// 200 sentences. With an Analyzer, sentences seen in the last text come
// from its cache, and the cache keeps only what this text used.
func (a *Analyzer) tagSentences(text string, spans []Span) []sentenceTokens {
	sents := make([]sentenceTokens, len(spans))
	var next map[string][]tokenize.Token
	if a != nil {
		next = make(map[string][]tokenize.Token, len(spans))
	}
	for i, s := range spans {
		sents[i] = sentenceTokens{s, a.tagSentence(text, s, next)}
		if a != nil && a.Progress != nil && (i+1)%200 == 0 {
			a.Progress(i+1, len(spans))
		}
	}
	if a != nil {
		a.cache = next
	}
	return sents
}

// tagSentence tags one sentence, from the cache when the same sentence
// was tagged before, and records it in next. Tagging depends on the
// sentence's text only, so a cached sentence only moves.
func (a *Analyzer) tagSentence(text string, s Span, next map[string][]tokenize.Token) []tokenize.Token {
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
	toks := make([]tokenize.Token, len(rel))
	for i, t := range rel {
		t.Start += s.Start
		t.End += s.Start
		toks[i] = t
	}
	return toks
}

// tokensIn returns the tokens of toks that lie inside [start, end).
func tokensIn(toks []tokenize.Token, start, end int) []tokenize.Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	return toks[i:j]
}

// tokenIndex returns the index of the first token at or after offset.
func tokenIndex(toks []tokenize.Token, offset int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= offset })
}
