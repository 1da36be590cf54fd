package main

import (
	"io"
	"strings"

	"lede/core"
	"lede/internal/conll"
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

// buildConllDoc joins the tokens of each sentence with one space and the
// sentences with "\n", and turns the IOB tags into byte spans of that text.
func buildConllDoc(sents conll.Doc) conllDoc {
	var b strings.Builder
	var d conllDoc
	for si, sent := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		starts, ends := sent.Write(&b)
		for _, e := range conll.Entities(sent) {
			sp := span{starts[e.Start], ends[e.End-1]}
			switch typ := conllTypes[e.Type]; typ {
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

// parseCoNLL reads a CoNLL-2003 file (see package conll) and rebuilds
// each document as text.
func parseCoNLL(r io.Reader) ([]conllDoc, error) {
	docs, err := conll.Parse(r)
	if err != nil {
		return nil, err
	}
	out := make([]conllDoc, len(docs))
	for i, d := range docs {
		out[i] = buildConllDoc(d)
	}
	return out, nil
}

// conllOutcome is the score of one rebuilt document.
type conllOutcome struct {
	s   *entityScore
	err error
}

// scoreConllDocs analyses each document (on all cores) and scores its
// entity mentions; it returns the total, each document's score, and how
// many documents the analyzer refused (scored as empty).
func scoreConllDocs(docs []conllDoc) (*entityScore, []conllOutcome, int) {
	outs := parallelMap(docs, func(d conllDoc) conllOutcome {
		res, err := core.Analyze(d.text)
		return conllOutcome{scoreEntities(predMentions(res), d.gold, d.misc), err}
	})
	total := newEntityScore()
	nerr := 0
	for _, x := range outs {
		if x.err != nil {
			nerr++
		}
		for _, t := range entityTypes {
			total.byType[t].add(*x.s.byType[t])
		}
	}
	return total, outs, nerr
}
