package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// conllDoc is a CoNLL-2003 document rebuilt as text, with its gold
// entities as byte spans of that text.
type conllDoc struct {
	text string
	gold []typedSpan // PERSON, ORG and PLACE mentions
	misc []span      // MISC mentions: not scored
}

// conllTypes maps CoNLL entity types to the analyzer's.
var conllTypes = map[string]string{
	"PER":  "PERSON",
	"ORG":  "ORG",
	"LOC":  "PLACE",
	"MISC": "MISC",
}

// tagSpan is an entity found by decodeIOB: tokens [start, end) of a
// sentence, and the CoNLL type.
type tagSpan struct {
	start, end int
	typ        string
}

// decodeIOB returns the entities of one sentence from its IOB tags. It reads
// both IOB1 and IOB2: an I-X continues the entity before it only when that
// entity has type X, and otherwise starts one (as an I-X after O does in
// IOB1); a B-X always starts one; O ends one. Any other tag is read as O.
func decodeIOB(tags []string) []tagSpan {
	var out []tagSpan
	cur := -1 // index in out of the entity being extended, or -1
	for i, tag := range tags {
		prefix, typ, ok := strings.Cut(tag, "-")
		if !ok || typ == "" || (prefix != "B" && prefix != "I") {
			cur = -1
			continue
		}
		if prefix == "I" && cur >= 0 && out[cur].typ == typ {
			out[cur].end = i + 1
			continue
		}
		out = append(out, tagSpan{i, i + 1, typ})
		cur = len(out) - 1
	}
	return out
}

// conllToken is one token line: the word and its NER tag.
type conllToken struct {
	word, tag string
}

// buildConllDoc joins the tokens of each sentence with one space and the
// sentences with "\n", and turns the IOB tags into byte spans of that text.
func buildConllDoc(sents [][]conllToken) conllDoc {
	var b strings.Builder
	var d conllDoc
	for si, sent := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		starts := make([]int, len(sent))
		ends := make([]int, len(sent))
		tags := make([]string, len(sent))
		for i, t := range sent {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(t.word)
			ends[i] = b.Len()
			tags[i] = t.tag
		}
		for _, e := range decodeIOB(tags) {
			sp := span{starts[e.start], ends[e.end-1]}
			switch typ := conllTypes[e.typ]; typ {
			case "PERSON", "ORG", "PLACE":
				d.gold = append(d.gold, typedSpan{sp, typ})
			default: // MISC and unknown types
				d.misc = append(d.misc, sp)
			}
		}
	}
	d.text = b.String()
	return d
}

// parseCoNLL reads a CoNLL-2003 file: one token a line ("word POS chunk
// tag"; the tag is the last field), a blank line between sentences and a
// -DOCSTART- line between documents. Documents without tokens are dropped.
func parseCoNLL(r io.Reader) ([]conllDoc, error) {
	var docs []conllDoc
	var sents [][]conllToken
	var sent []conllToken
	endSent := func() {
		if len(sent) > 0 {
			sents = append(sents, sent)
			sent = nil
		}
	}
	endDoc := func() {
		endSent()
		if len(sents) > 0 {
			docs = append(docs, buildConllDoc(sents))
			sents = nil
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
			sent = append(sent, conllToken{f[0], f[len(f)-1]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	endDoc()
	return docs, nil
}
