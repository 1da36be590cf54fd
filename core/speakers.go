package core

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/quotes"
	"lede/core/internal/segment"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// speakerFinder holds what attribution needs of one text.
type speakerFinder struct {
	text   string
	toks   []tokenize.Token // every token, in text order
	ends   []bool           // ends[i]: toks[i] is the last token of its sentence
	paraOf []int            // paraOf[i]: the paragraph of toks[i]
	paras  []Span           // blocks: the non-blank lines, trimmed
	first  []int            // first[i]: the block where quotes[i] starts
	last   []int            // last[i]: the block where quotes[i] ends
	quotes []quotes.Quote   // all quotes, in text order
	ms     []nameMention    // entity mentions, in text order
	ents   []Entity
	gender []byte // per entity: 'm', 'f' or 0

	// noNewEntities stops resolve from making an entity of a name that
	// no mention covers. Reported speech sets it: its sources come from
	// a tagger that is less sure of them than the quotation sieves are
	// of theirs, and the entities must not depend on it.
	noNewEntities bool

	// reported holds the reported contents once stage 8 has found them,
	// merged where they overlap and in text order (byte offsets): names
	// inside them, like names inside quotation marks, are not who a
	// speaking "he" refers to.
	reported []Span

	pause func() // called now and then in long loops (Analyzer.Pause)
}

// attribution is the speaker found for one quote.
type attribution struct {
	entity     int      // entity index, -1 for none
	mention    *Mention // the words naming the speaker
	cue        *Mention
	method     string
	confidence float64
}

// attributeQuotes finds the speaker of every quote with a sequence of
// sieves: a speech cue next to the quote or in its sentence, with its
// subject (a name, a pronoun or a description); then, for a quote with no
// cue of its own, the speaker of the quote before it in the same sentence
// or paragraph, or in the paragraph before when the quote stands alone.
func attributeQuotes(text string, sents []sentenceTokens, toks []tokenize.Token, quotes []quotes.Quote, ents []Entity, ms []nameMention, pause func()) ([]Quote, []Entity) {
	// Attribution works on lines, not on paragraphs: many texts put one
	// paragraph on each line with no blank line between, and a cue never
	// reaches across a line break.
	f := &speakerFinder{text: text, paras: blocks(text), quotes: quotes, ms: ms, ents: ents, pause: pause}
	for _, q := range quotes {
		f.first = append(f.first, f.blockOf(q.Start))
		f.last = append(f.last, f.blockOf(q.End-1))
	}
	f.toks = toks // every sentence's tokens, in order, in one array
	f.ends = make([]bool, len(toks))
	n := 0
	for _, s := range sents {
		n += len(s.Toks)
		if len(s.Toks) > 0 {
			f.ends[n-1] = true
		}
	}
	f.paraOf = make([]int, len(f.toks))
	for i, t := range f.toks {
		f.paraOf[i] = f.blockOf(t.Start)
	}
	f.gender = entityGenders(ms, ents)
	f.pause()

	attrs := make([]attribution, len(quotes))
	for i := range quotes {
		if i%200 == 199 {
			f.pause()
		}
		attrs[i] = f.direct(i)
	}
	f.continuations(attrs)
	f.pause()
	f.untitle(attrs)

	f.noNewEntities = true
	rs := f.reportedSpeech(sents)
	f.reported = f.contentSpans(rs)
	reported := f.reportedQuotes(rs, attrs)
	f.carryFromReported(attrs)
	out := make([]Quote, 0, len(quotes)+len(reported))
	for i, q := range quotes {
		if i%2048 == 2047 {
			f.pause()
		}
		out = append(out, f.quote(q.Start, q.End, q.TextStart, q.TextEnd, q.Kind, attrs[i]))
	}
	out = append(out, reported...)
	// In text order; a mixed content before the quotations inside it.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	for i := range f.ents {
		sortMentions(f.ents[i].Mentions)
	}
	f.namedLater(out)
	return out, f.ents
}

// minCarriedWords is how many words a quotation has at least for
// carryFromReported to give it a speaker: shorter ones after a mixed
// content are as often names of shows and slogans ("MTV Unplugged,").
const minCarriedWords = 5

// carryFromReported runs continuations again for the quotations still
// without a speaker, once stage 8 has given the quoted words inside
// reported speech their speaker and marked what is reported: a quotation
// after such words carries on from them ('Clinton "drew quite well…" in
// 2008, said Paul Beck. "That was more her constituency…"'). Only whole
// quotations of minCarriedWords words or more, and no titles, keep what
// this second pass gives them.
func (f *speakerFinder) carryFromReported(attrs []attribution) {
	before := slices.Clone(attrs)
	f.continuations(attrs)
	for i := range attrs {
		q := f.quotes[i]
		if before[i].method == MethodNone && (q.Kind != KindDirect || f.isTitle(i) || len(strings.Fields(f.text[q.TextStart:q.TextEnd])) < minCarriedWords) {
			attrs[i] = before[i]
		}
	}
}

// untitle takes the speaker from every quote that is a title: a title is
// a name, not speech, although the quote after it may carry on from the
// cue before it ("Granma called "Sleeping Bread" Puig's "greatest
// gift…"").
func (f *speakerFinder) untitle(attrs []attribution) {
	for i := range attrs {
		if f.isTitle(i) {
			attrs[i] = attribution{entity: -1, method: MethodNone}
		}
	}
}

// quote makes the Quote of span [start, end), its words [textStart,
// textEnd), with attribution a.
func (f *speakerFinder) quote(start, end, textStart, textEnd int, kind string, a attribution) Quote {
	q := Quote{
		Start: start, End: end,
		Text:           f.text[textStart:textEnd],
		Kind:           kind,
		SpeakerMention: a.mention,
		Cue:            a.cue,
		Method:         a.method,
		Confidence:     math.Round(a.confidence*100) / 100,
	}
	if a.entity >= 0 {
		id := f.ents[a.entity].ID
		q.Speaker = &id
	}
	return q
}

// copyMention gives each quote its own Mention: the wasm boundary
// rewrites offsets in place, once per quote.
func copyMention(m *Mention) *Mention {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}

func sortMentions(ms []Mention) {
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
}

// blocks returns the non-blank lines of text, trimmed.
func blocks(text string) []Span {
	lines := segment.Lines(text)
	out := lines[:0] // filtered in place
	for _, l := range lines {
		if s, e := segment.TrimSpan(text, l); s < e {
			out = append(out, Span{Start: s, End: e})
		}
	}
	return out
}

// blockOf returns the index of the block that holds offset, or of the
// block before it when offset falls between blocks.
func (f *speakerFinder) blockOf(off int) int {
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].End > off })
	if i == len(f.paras) || f.paras[i].Start > off && i > 0 {
		i--
	}
	return max(i, 0)
}

// tokenRange returns the indexes [i, j) of the tokens inside [start, end).
func (f *speakerFinder) tokenRange(start, end int) (int, int) {
	i := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Start >= start })
	j := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].End > end })
	if j < i {
		j = i
	}
	return i, j
}

// isSentenceEnd reports whether toks[i] is a full stop, question or
// exclamation mark that ends a sentence. The segmenter has decided which
// full stops end sentences ("William M. Daley" goes on), but it also
// splits inside long quotations, which attribution looks around.
func (f *speakerFinder) isSentenceEnd(i int) bool {
	switch f.toks[i].Text {
	case ".", "!", "?", "…":
		return f.ends[i] || i+1 < len(f.toks) && f.ends[i+1] && wordutil.IsQuoteMark(f.toks[i+1].Text)
	}
	return false
}

// regions returns the token ranges around quote qi that belong to its
// sentence: before it, back to the previous sentence end or quote in its
// first paragraph; after it, up to the next sentence end or quote in its
// last paragraph.
func (f *speakerFinder) regions(qi int) (bLo, bHi, aLo, aHi int) {
	q := f.quotes[qi]
	first, last := f.first[qi], f.last[qi]
	lo := f.paras[first].Start
	if qi > 0 && f.quotes[qi-1].End > lo {
		lo = f.quotes[qi-1].End
	}
	bLo, bHi = f.tokenRange(lo, q.Start)
	// A quote that opens its paragraph after one that ends in a colon
	// ("He told the crowd:") is introduced by that paragraph.
	if bLo == bHi && first > 0 {
		prev := f.paras[first-1]
		if strings.HasSuffix(f.text[prev.Start:prev.End], ":") && (qi == 0 || f.quotes[qi-1].End <= prev.Start || f.quotes[qi-1].End < prev.End-1) {
			from := prev.Start
			if qi > 0 && f.quotes[qi-1].End > from {
				from = f.quotes[qi-1].End
			}
			bLo, bHi = f.tokenRange(from, prev.End)
		}
	}
	for k := bHi - 1; k >= bLo; k-- {
		if f.isSentenceEnd(k) {
			bLo = k + 1
			break
		}
	}
	hi := f.paras[last].End
	if qi+1 < len(f.quotes) && f.quotes[qi+1].Start < hi {
		hi = f.quotes[qi+1].Start
	}
	aLo, aHi = f.tokenRange(q.End, hi)
	// A quotation that ends in a full stop ends its sentence: "…
	// overlook." The star then recalled…
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(f.text[q.TextStart:q.TextEnd])); r == '.' &&
		aLo < aHi && unicode.IsUpper(wordutil.FirstRune(f.toks[aLo].Text)) && !lexicon.IsCue(strings.ToLower(f.toks[aLo].Text)) {
		aHi = aLo
	}
	for k := aLo; k < aHi; k++ {
		if f.isSentenceEnd(k) {
			aHi = k
			break
		}
	}
	return
}

func (f *speakerFinder) mentionOf(i int) Mention {
	t := f.toks[i]
	return Mention{Start: t.Start, End: t.End, Text: t.Text}
}

func (f *speakerFinder) spanMention(start, end int) *Mention {
	s, e := f.toks[start].Start, f.toks[end-1].End
	return &Mention{Start: s, End: e, Text: f.text[s:e]}
}

func isDash(s string) bool {
	return s == "—" || s == "–" || s == "-" || s == "--"
}
