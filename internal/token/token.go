// Package token holds the token type that the tokenizer makes and every
// later stage reads. It is a package of its own so that the stages that
// need no model (the first look's word lists) can read tokens without
// importing the tokenizer, which links prose and its model data.
package token

import "sort"

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Start, End int    // byte offsets into the source, end exclusive
	Text       string // source[Start:End], not prose's rewritten form
	Tag        string // Penn Treebank part of speech, set by package postag
	Entity     string // entity type set by package nertag (see package vocab), "" outside names
}

// In returns the tokens of toks (in text order) that lie inside [start, end).
func In(toks []Token, start, end int) []Token {
	i := Index(toks, start)
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	return toks[i:j]
}

// Index returns the index in toks (in text order) of the first token at
// or after offset, len(toks) when there is none.
func Index(toks []Token, offset int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= offset })
}
