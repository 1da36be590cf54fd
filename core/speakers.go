package core

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attribution methods, most precise first. They name the sieve that found
// a quote's speaker.
const (
	MethodExplicit     = "explicit"     // a name next to a speech cue
	MethodPronoun      = "pronoun"      // "he said": the most recent fitting person
	MethodNominal      = "nominal"      // "the spokesman said": the entity whose role fits
	MethodContinuation = "continuation" // no cue of its own: the speaker of the quote before
	MethodContext      = "context"      // no cue and no quote before: the subject of the sentence before
	MethodNone         = "none"         // nobody could be named
)

// speakerFinder holds what attribution needs of one text.
type speakerFinder struct {
	text   string
	toks   []token       // every token, in text order
	ends   []bool        // ends[i]: toks[i] is the last token of its sentence
	paraOf []int         // paraOf[i]: the paragraph of toks[i]
	paras  []Span        // blocks: the non-blank lines, trimmed
	first  []int         // first[i]: the block where quotes[i] starts
	last   []int         // last[i]: the block where quotes[i] ends
	quotes []quoteSpan   // all quotes, in text order
	ms     []nameMention // entity mentions, in text order
	ents   []Entity
	gender []byte // per entity: 'm', 'f' or 0
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
func attributeQuotes(text string, sents []sentenceTokens, quotes []quoteSpan, ents []Entity, ms []nameMention) ([]Quote, []Entity) {
	// Attribution works on lines, not on paragraphs: many texts put one
	// paragraph on each line with no blank line between, and a cue never
	// reaches across a line break.
	f := &speakerFinder{text: text, paras: blocks(text), quotes: quotes, ms: ms, ents: ents}
	for _, q := range quotes {
		f.first = append(f.first, f.blockOf(q.Start))
		f.last = append(f.last, f.blockOf(q.End-1))
	}
	for _, s := range sents {
		f.toks = append(f.toks, s.Toks...)
		for k := range s.Toks {
			f.ends = append(f.ends, k == len(s.Toks)-1)
		}
	}
	f.paraOf = make([]int, len(f.toks))
	for i, t := range f.toks {
		f.paraOf[i] = f.blockOf(t.Start)
	}
	f.gender = entityGenders(ms, ents)

	attrs := make([]attribution, len(quotes))
	for i := range quotes {
		attrs[i] = f.direct(i)
	}
	f.continuations(attrs)

	out := make([]Quote, len(quotes))
	for i, q := range quotes {
		a := attrs[i]
		out[i] = Quote{
			Start: q.Start, End: q.End,
			Text:           text[q.TextStart:q.TextEnd],
			Kind:           q.Kind,
			SpeakerMention: a.mention,
			Cue:            a.cue,
			Method:         a.method,
			Confidence:     math.Round(a.confidence*100) / 100,
		}
		if a.entity >= 0 {
			id := f.ents[a.entity].ID
			out[i].Speaker = &id
		}
	}
	for i := range f.ents {
		sortMentions(f.ents[i].Mentions)
	}
	return out, f.ents
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
	var out []Span
	for _, l := range lines(text) {
		if s, e := trimSpan(text, l); s < e {
			out = append(out, Span{s, e})
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
		return f.ends[i] || i+1 < len(f.toks) && f.ends[i+1] && isQuoteMark(f.toks[i+1].Text)
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
		aLo < aHi && unicode.IsUpper(firstRune(f.toks[aLo].Text)) && !isCueWord(strings.ToLower(f.toks[aLo].Text)) {
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

// direct runs the sieves that look for a cue of the quote's own.
func (f *speakerFinder) direct(qi int) attribution {
	bLo, bHi, aLo, aHi := f.regions(qi)
	// "…," X said.  /  "…," said X.  /  "…," according to X.
	if a, ok := f.after(aLo, aHi); ok {
		return a
	}
	// X said: "…"  /  X told reporters, "…"  /  According to X, "…"  /  X: "…"
	if a, ok := f.before(bLo, bHi); ok {
		return a
	}
	// A cue elsewhere in the sentence: X said the plan was "a disaster".
	for c := bHi - 1; c >= bLo; c-- {
		if n, ok := f.cueAt(c, bHi); ok {
			if a, ok := f.subject(c, n, bLo, 0.75); ok {
				return a
			}
		}
	}
	for c := aLo; c < aHi; c++ {
		if n, ok := f.cueAt(c, aHi); ok {
			if a, ok := f.subject(c, n, aLo, 0.7); ok {
				return a
			}
		}
	}
	// No cue, but a subject with a verb of its own: X thanked him for
	// "…", the ad claims "…", X is labeling it "…".
	if start, end, ok := f.clauseSubject(bLo, bHi); ok {
		return f.resolve(start, end, -1, 0, 0.55)
	}
	return attribution{entity: -1, method: MethodNone}
}

// after looks right after a quote for "X said" or "said X".
func (f *speakerFinder) after(lo, hi int) (attribution, bool) {
	i := lo
	for i < hi && isDash(f.toks[i].Text) || i < hi && f.toks[i].Text == "," {
		i++
	}
	if i >= hi {
		return attribution{}, false
	}
	// said X / according to X
	if n, ok := f.cueAt(i, hi); ok {
		if isObjectCue(strings.ToLower(f.toks[i].Text)) {
			return attribution{}, false
		}
		if a, ok := f.objectSpeaker(i, n, hi, 0.95); ok {
			return a, true
		}
		return attribution{}, false
	}
	// X said: the subject must start right after the quote.
	for c := i + 1; c < hi && c < i+40; c++ {
		if n, ok := f.cueAt(c, hi); ok {
			start, end, ok := f.nounPhraseBefore(c, i)
			if !ok || start != i {
				return attribution{}, false
			}
			return f.resolve(start, end, c, n, 0.95), true
		}
	}
	return attribution{}, false
}

// before looks right before a quote for "X said:" or "according to X,".
func (f *speakerFinder) before(lo, hi int) (attribution, bool) {
	end := hi
	for end > lo {
		switch strings.ToLower(f.toks[end-1].Text) {
		case ":", ",", "that", "—", "–", "-":
			end--
			continue
		}
		break
	}
	if end <= lo {
		return attribution{}, false
	}
	// Said X, "…" (inverted, at the start of the sentence). Not "Asked a
	// question, X said" or "Emphasizing the point, X said": the words
	// after an inverted cue must name someone.
	if n, ok := f.cueAt(lo, end); ok && unicode.IsUpper(firstRune(f.toks[lo].Text)) &&
		!isObjectCue(strings.ToLower(f.toks[lo].Text)) && !strings.HasSuffix(strings.ToLower(f.toks[lo].Text), "ing") {
		if a, ok := f.objectSpeaker(lo, n, end, 0.85); ok && a.method == MethodExplicit {
			return a, true
		}
	}
	// X said / X told reporters / X said in a statement
	for c := end - 1; c >= lo && c >= end-8; c-- {
		n, ok := f.cueAt(c, end)
		if !ok {
			if strings.HasPrefix(f.toks[c].Tag, "VB") || f.isSentenceEnd(c) {
				break
			}
			continue
		}
		if c+n < end && !f.isCueComplement(c+n, end) {
			break
		}
		if strings.EqualFold(f.toks[c].Text, "according") {
			if a, ok := f.objectSpeaker(c, n, end, 0.9); ok {
				return a, true
			}
			break
		}
		if a, ok := f.subject(c, n, lo, 0.9); ok {
			return a, true
		}
		// X emailed supporters, telling them, "…" / X ended by saying
		// "…" / X praised them but said, "…": the cue's subject is the
		// sentence's.
		if c > lo && isClauseLink(f.toks[c-1].Text) {
			if start, e, ok := f.clauseSubject(lo, c); ok {
				return f.resolve(start, e, c, n, 0.8), true
			}
		}
		break
	}
	// X: "…" (headlines and transcripts)
	if hi-1 >= lo && f.toks[hi-1].Text == ":" {
		start, e, ok := f.nounPhraseBefore(hi-1, lo)
		if ok && start == lo && f.hasProperNoun(start, e) {
			colon := f.mentionOf(hi - 1)
			a := f.resolve(start, e, -1, 0, 0.8)
			a.cue = &colon
			return a, true
		}
	}
	return attribution{}, false
}

// isCueComplement reports whether toks[i:j] may stand between a cue and
// its quote: an object or a short prepositional phrase ("told reporters",
// "said in a statement", "wrote on Twitter"), without a verb.
func (f *speakerFinder) isCueComplement(i, j int) bool {
	for k := i; k < j; k++ {
		t := f.toks[k]
		if strings.HasPrefix(t.Tag, "VB") || f.isSentenceEnd(k) || isQuoteMark(t.Text) {
			return false
		}
	}
	return true
}

// cueAt reports whether a speech cue starts at toks[i] (within hi), and
// how many tokens it has.
func (f *speakerFinder) cueAt(i, hi int) (int, bool) {
	t := f.toks[i]
	w := strings.ToLower(t.Text)
	for _, p := range lexicon.phraseCues {
		if i+len(p) > hi {
			continue
		}
		ok := true
		for k, pw := range p {
			ok = ok && strings.ToLower(f.toks[i+k].Text) == pw
		}
		if ok {
			return len(p), true
		}
	}
	if !isCueWord(w) {
		return 0, false
	}
	// "report" and "claims" are nouns as often as verbs; the common past
	// forms are verbs even where the tagger is confused by quote marks.
	if strings.HasPrefix(t.Tag, "VB") || strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote" || w == "says" {
		return 1, true
	}
	return 0, false
}

// isCueWord reports whether w (lower case) is a form of a cue verb: the
// word list holds base forms, and -s, -es, -ed, -d, -ied, -ing and a
// doubled consonant are taken off to find them.
func isCueWord(w string) bool {
	if lexicon.cue[w] {
		return true
	}
	var bases []string
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			bases = append(bases, b, b+"e")
			if n := len(b); n >= 2 && b[n-1] == b[n-2] {
				bases = append(bases, b[:n-1]) // admitted, begging
			}
		}
	}
	if b, ok := strings.CutSuffix(w, "ied"); ok {
		bases = append(bases, b+"y")
	}
	if b, ok := strings.CutSuffix(w, "ies"); ok {
		bases = append(bases, b+"y")
	}
	for _, b := range bases {
		if lexicon.cue[b] {
			return true
		}
	}
	return false
}

// isPastOrPresentForm reports whether w looks like a finite verb form:
// said, says, told, wrote, or ending in -ed.
func isPastOrPresentForm(w string) bool {
	switch w {
	case "said", "says", "told", "tells", "wrote", "writes", "adds", "notes", "asks":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// isObjectCue reports whether w is a form of a cue whose object is the
// listener ("told", "assuring").
func isObjectCue(w string) bool {
	if lexicon.objectCue[w] {
		return true
	}
	for _, suf := range []string{"s", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && (lexicon.objectCue[b] || lexicon.objectCue[b+"e"]) {
			return true
		}
	}
	return false
}

// subject finds the speaker before the cue at toks[c] (n tokens long):
// "X said", "X has also said", "X, a spokesman, said".
func (f *speakerFinder) subject(c, n, lo int, conf float64) (attribution, bool) {
	// "…, who told Congress: …": the words naming the speaker are the
	// relative pronoun, and the speaker is what it stands for.
	if k := f.skipAdverbs(c, lo); k-1 > lo && isRelativePronoun(f.toks[k-1].Text) && f.toks[k-2].Text == "," {
		if s, e, ok := f.nounPhraseBefore(k-2, lo); ok {
			a := f.resolve(s, e, c, n, conf-0.1)
			a.mention = f.spanMention(k-1, k)
			return a, true
		}
	}
	start, end, ok := f.nounPhraseBefore(c, lo)
	if !ok {
		return attribution{}, false
	}
	if start > lo && strings.HasPrefix(f.toks[start-1].Tag, "VB") {
		// "X emailed supporters saying": the phrase is the verb's
		// object; the speaker is the sentence's subject.
		if s, e, ok := f.clauseSubject(lo, start-1); ok {
			return f.resolve(s, e, c, n, conf-0.1), true
		}
		return attribution{}, false
	}
	return f.resolve(start, end, c, n, conf), true
}

// objectSpeaker finds the speaker after an inverted cue: "said X",
// "according to X".
func (f *speakerFinder) objectSpeaker(c, n, hi int, conf float64) (attribution, bool) {
	start := c + n
	end := start
	for end < hi && end-start < 14 && f.isNounPhraseToken(end, start) {
		end++
	}
	for end > start && !f.canEndNounPhrase(end-1) {
		end--
	}
	if end == start {
		return attribution{}, false
	}
	return f.resolve(start, end, c, n, conf), true
}

func (f *speakerFinder) mentionOf(i int) Mention {
	t := f.toks[i]
	return Mention{t.Start, t.End, t.Text}
}

func (f *speakerFinder) spanMention(start, end int) *Mention {
	s, e := f.toks[start].Start, f.toks[end-1].End
	return &Mention{s, e, f.text[s:e]}
}

// continuations gives a quote with no cue of its own the speaker of the
// quote before it in the same sentence or paragraph, or, when the quote
// opens a paragraph of nothing but quotes, the speaker of the last quote
// in the paragraph before. A quote followed in its paragraph by an
// attributed one takes that one's speaker ("'A.' 'B,' he said.").
func (f *speakerFinder) continuations(attrs []attribution) {
	carry := func(i, from int, conf float64) {
		a := attrs[from]
		attrs[i] = attribution{entity: a.entity, mention: copyMention(a.mention), method: MethodContinuation, confidence: conf}
	}
	for i := range attrs {
		if attrs[i].method != MethodNone || i == 0 {
			continue
		}
		prev := i - 1
		if attrs[prev].method == MethodNone {
			continue
		}
		qFirst, pLast := f.first[i], f.last[prev]
		switch {
		case pLast == qFirst:
			carry(i, prev, 0.75)
		case pLast == qFirst-1 && f.onlyQuotes(qFirst):
			carry(i, prev, 0.7)
		case pLast == qFirst-2 && f.onlyQuotes(qFirst) &&
			attrs[prev].entity >= 0 && f.mentionsEntity(qFirst-1, attrs[prev].entity) && !f.otherSubjectBefore(i, attrs[prev].entity):
			// A paragraph about the speaker may stand between two of
			// their quotes.
			carry(i, prev, 0.6)
		}
	}
	for i := len(attrs) - 2; i >= 0; i-- {
		if attrs[i].method == MethodNone && attrs[i+1].method != MethodNone &&
			f.last[i] == f.first[i+1] {
			carry(i, i+1, 0.65)
		}
	}
	// A quote that opens its sentence, with no speaker yet, is most often
	// the words of whoever the sentence before is about: "Valastro
	// praised Christie. "We need someone who…"".
	for i := range attrs {
		if attrs[i].method != MethodNone {
			continue
		}
		if start, end, ok := f.previousSubject(i); ok {
			attrs[i] = f.resolve(start, end, -1, 0, 0.5)
			attrs[i].method = MethodContext
		}
	}
}

// otherSubjectBefore reports whether the sentence before quote qi is
// about someone other than entity e ("Valastro praised Christie.").
func (f *speakerFinder) otherSubjectBefore(qi, e int) bool {
	start, end, ok := f.previousSubject(qi)
	if !ok {
		return false
	}
	if mi := f.mentionIn(f.toks[start].Start, f.toks[end-1].End); mi >= 0 {
		return f.ms[mi].Entity != e
	}
	return f.isProperName(start, end) // a name the tagger missed
}

// previousSubject returns the subject of the sentence just before quote
// qi, when the quote opens its sentence: in its own block, or in the
// block before when the quote's block holds nothing but quotes.
func (f *speakerFinder) previousSubject(qi int) (int, int, bool) {
	q := f.quotes[qi]
	bLo, bHi, _, _ := f.regions(qi)
	if bLo != bHi {
		return 0, 0, false // text before the quote in its sentence
	}
	k := tokenIndex(f.toks, q.Start) - 1 // the end of the sentence before
	if k < 0 || !f.isSentenceEnd(k) || qi > 0 && f.quotes[qi-1].End > f.toks[k].Start {
		return 0, 0, false
	}
	if f.paraOf[k] != f.first[qi] && (f.paraOf[k] != f.first[qi]-1 || !f.onlyQuotes(f.first[qi])) {
		return 0, 0, false
	}
	lo := k
	for lo > 0 && !f.isSentenceEnd(lo-1) && f.paraOf[lo-1] == f.paraOf[k] {
		lo--
	}
	if qi > 0 {
		if j := tokenIndex(f.toks, f.quotes[qi-1].End); j > lo {
			return 0, 0, false // the sentence before holds a quote
		}
	}
	return f.clauseSubject(lo, k)
}

// mentionsEntity reports whether paragraph p names entity e.
func (f *speakerFinder) mentionsEntity(p, e int) bool {
	para := f.paras[p]
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= para.Start })
	for ; i < len(f.ms) && f.ms[i].End <= para.End; i++ {
		if f.ms[i].Entity == e {
			return true
		}
	}
	return false
}

// onlyQuotes reports whether paragraph p holds nothing but quotations and
// punctuation.
func (f *speakerFinder) onlyQuotes(p int) bool {
	para := f.paras[p]
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > para.Start })
	pos := para.Start
	for ; i < len(f.quotes) && f.quotes[i].Start < para.End; i++ {
		if hasLetter(f.text[pos:max(pos, f.quotes[i].Start)]) {
			return false
		}
		pos = max(pos, f.quotes[i].End)
	}
	return pos < para.End && !hasLetter(f.text[pos:para.End]) || pos >= para.End
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isDash(s string) bool {
	return s == "—" || s == "–" || s == "-" || s == "--"
}
