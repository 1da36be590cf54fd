package core

import (
	"strings"

	"lede/internal/lexicon"
)

// leadBlocks is how many blocks (lines) open a story at least: a
// headline, a dateline and the lead.
const leadBlocks = 3

// maxLeadBlock is the last block (line) that may hold a story's lead
// when a byline or a date stands on a line of its own before it.
const maxLeadBlock = 5

// laterNameBlocks is how many blocks (lines) after a description's own
// namedLater looks for the name.
const laterNameBlocks = 2

// namedLater gives a speaker to each quote whose speaker is only an
// indefinite description ("…, a human rights activist said on Saturday",
// "An Iraqi opposition group in exile said…", or in a headline
// "Opposition group says…"): a wire story's headline and lead describe
// its source, and the lines after them name it ("Xiao Qiang, executive
// director of …, said"). The speaker is the first one named after the
// description, within laterNameBlocks lines, whose entity is of the
// description's type (a person for "activist", an organization for
// "group") and is first mentioned after it and what was said: someone
// named before would have been "the activist", and one named in the
// words reported is spoken of. When no quote there has such a speaker,
// the first such entity named right before a verb of speech is taken
// (speakingSubject). A headline's description takes the name
// the lead's description takes. out is in text order; a description
// whose head the word lists do not know is left alone.
func (f *speakerFinder) namedLater(out []Quote) {
	var index map[string]int // entity ID → index, made for the first description
	named := map[int]bool{}  // quotes given a speaker here
	leadEnd := max(leadBlocks, f.leadBlock()+1)
	// Backwards, so that the lead is named before the headline.
	for i := len(out) - 1; i >= 0; i-- {
		q := &out[i]
		m := q.SpeakerMention
		if q.Speaker != nil || q.Method != MethodNominal || m == nil {
			continue
		}
		block := f.blockOf(m.Start)
		typ := f.indefiniteType(m.Start, m.End, block == 0)
		if typ == "" || block >= leadEnd {
			continue
		}
		if index == nil {
			index = make(map[string]int, len(f.ents))
			for i, e := range f.ents {
				index[e.ID] = i
			}
		}
		last := f.blockOf(q.End) + laterNameBlocks
		for j := i + 1; j < len(out) && f.blockOf(out[j].Start) <= last; j++ {
			n := out[j]
			if n.Speaker == nil || n.Method != MethodExplicit && !named[j] {
				continue
			}
			e := f.ents[index[*n.Speaker]]
			if e.Type == typ && len(e.Mentions) > 0 && e.Mentions[0].Start >= max(m.End, q.End) {
				id := *n.Speaker
				q.Speaker = &id
				named[i] = true
				break
			}
		}
		if q.Speaker == nil {
			if id, ok := f.speakingSubject(typ, max(m.End, q.End), last); ok {
				q.Speaker = &id
				named[i] = true
			}
		}
	}
}

// speakingSubject returns the entity of type typ, first mentioned at or
// after offset from, whose name stands right before a verb of speech
// within the blocks up to last: the source a lead describes is often
// named as the subject of the next cue without being the speaker of a
// quote there ("A British newspaper said … The Sunday Telegraph quoted
// Majorie Orr as saying …"; "…, the Hong Kong Standard said.").
func (f *speakerFinder) speakingSubject(typ string, from, last int) (string, bool) {
	best, bestAt := "", -1
	for _, ent := range f.ents {
		if ent.Type != typ || len(ent.Mentions) == 0 || ent.Mentions[0].Start < from {
			continue
		}
		for _, mn := range ent.Mentions {
			if f.blockOf(mn.Start) > last || bestAt >= 0 && mn.Start >= bestAt {
				break
			}
			_, j := f.tokenRange(mn.Start, mn.End)
			if j < len(f.toks) && speakingVerb(strings.ToLower(f.toks[j].Text)) {
				best, bestAt = ent.ID, mn.Start
				break
			}
		}
	}
	return best, bestAt >= 0
}

// speakingVerb reports whether w is a verb of speech after which the name
// before it is its subject: "said", "reported", "quoted".
func speakingVerb(w string) bool {
	return sayVerbs[w] || reportedWords[w] || quotingVerbs[w]
}

// leadBlock returns the block (line) that holds a story's lead: the
// first after the headline that ends a sentence, so that a byline
// ("Larisa Sayenko") and a dateline ("MINSK 1996-08-30") on lines of
// their own are passed over; 0 when none of the first maxLeadBlock does.
func (f *speakerFinder) leadBlock() int {
	for b := 1; b < len(f.paras) && b <= maxLeadBlock; b++ {
		line := strings.TrimRight(f.text[f.paras[b].Start:f.paras[b].End], "\"'”’)] ")
		if strings.HasSuffix(line, ".") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?") {
			return b
		}
	}
	return 0
}

// indefiniteType returns the entity type that the indefinite description
// text[start:end) describes ("a spokeswoman": a person; "an Algerian
// newspaper": an organization), or "" when it is no such description. In
// a headline, which drops its articles, a description without one counts
// ("Opposition group says…").
func (f *speakerFinder) indefiniteType(start, end int, headline bool) string {
	i, j := f.tokenRange(start, end)
	if j <= i {
		return ""
	}
	switch w := strings.ToLower(f.toks[i].Text); {
	case w == "a" || w == "an":
		i++
	case !headline || f.toks[i].Tag == "DT" || f.toks[i].Tag == "PRP$":
		return ""
	}
	head := ""
	for k := i; k < j; k++ {
		w := strings.ToLower(f.toks[k].Text)
		if w == "of" || w == "for" || w == "to" || w == "at" || w == "in" || w == "," {
			break
		}
		head = w
	}
	h, ok := lexicon.Nominal[head]
	if !ok || h.Type != Person && h.Type != Org {
		return ""
	}
	return h.Type
}
