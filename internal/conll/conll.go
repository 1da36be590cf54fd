// Package conll reads named-entity data in the CoNLL-2003 layout, as the
// files in shared/eval are: one token a line ("word POS chunk tag"; the
// tag is the last field), a blank line between sentences and a
// -DOCSTART- line between documents. The evaluation and the entity
// tagger's training read it the same way, and split off the same
// held-out tenth.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Token is one token line: the word and its entity tag.
type Token struct {
	Word, Tag string
}

// Sentence is one sentence's tokens.
type Sentence []Token

// Write appends the sentence's words to b, joined by single spaces, and
// returns where each word starts and ends in b: the sentence as text, for
// the analyzer, and the offsets its entities fall on.
func (s Sentence) Write(b *strings.Builder) (starts, ends []int) {
	starts, ends = make([]int, len(s)), make([]int, len(s))
	for i, t := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t.Word)
		ends[i] = b.Len()
	}
	return starts, ends
}

// Doc is one document: the sentences between two -DOCSTART- lines.
type Doc []Sentence

// Parse reads a file. Documents without tokens are dropped.
func Parse(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var doc Doc
	var sent Sentence
	endSent := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	endDoc := func() {
		endSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			endSent()
		case f[0] == "-DOCSTART-":
			endDoc()
		case len(f) < 2:
			return nil, fmt.Errorf("line %d: want \"word ... tag\", got %q", line, sc.Text())
		default:
			sent = append(sent, Token{f[0], f[len(f)-1]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	endDoc()
	return docs, nil
}

// Entity is an entity of a sentence: its tokens [Start, End) and its
// CoNLL type (PER, ORG, LOC, MISC).
type Entity struct {
	Start, End int
	Type       string
}

// Entities returns the entities of a sentence from its IOB tags. It reads
// both IOB1 and IOB2: an I-X continues the entity before it only when that
// entity has type X, and otherwise starts one (as an I-X after O does in
// IOB1); a B-X always starts one; O ends one. Any other tag is read as O.
func Entities(s Sentence) []Entity {
	var out []Entity
	cur := -1 // index in out of the entity being extended, or -1
	for i, t := range s {
		prefix, typ, ok := strings.Cut(t.Tag, "-")
		if !ok || typ == "" || (prefix != "B" && prefix != "I") {
			cur = -1
			continue
		}
		if prefix == "I" && cur >= 0 && out[cur].Type == typ {
			out[cur].End = i + 1
			continue
		}
		out = append(out, Entity{i, i + 1, typ})
		cur = len(out) - 1
	}
	return out
}
