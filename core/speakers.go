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

// entityGenders takes each person's gender from honorifics ("Mr. Wang"),
// else from a common first name ("Hillary Clinton").
func entityGenders(ms []nameMention, ents []Entity) []byte {
	g := make([]byte, len(ents))
	for _, m := range ms {
		if m.Gender != 0 && g[m.Entity] == 0 {
			g[m.Entity] = m.Gender
		}
	}
	for i, e := range ents {
		if g[i] == 0 && e.Type == Person {
			if first, _, ok := strings.Cut(e.Name, " "); ok {
				g[i] = lexicon.firstName[first]
			}
		}
	}
	return g
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

// isClauseLink reports whether w, just before a cue, leaves the cue's
// subject at the start of the sentence: ", saying", "by saying", "and
// said", "but added".
func isClauseLink(w string) bool {
	switch strings.ToLower(w) {
	case ",", "by", "and", "but", "then", "before", "after", "when", "while":
		return true
	}
	return false
}

// clauseSubject returns the subject of the sentence region [lo, hi): a
// noun phrase that names someone (a name or a pronoun) followed by a verb,
// at the start or after an opening phrase and its comma ("Speaking
// again, he said").
func (f *speakerFinder) clauseSubject(lo, hi int) (int, int, bool) {
	try := func(from int) (int, int, bool) {
		end := from
		for end < hi && end-from < 12 && f.isNounPhraseToken(end, from) {
			end++
		}
		for end > from && !f.canEndNounPhrase(end-1) {
			end--
		}
		if end == from || end >= hi {
			return 0, 0, false
		}
		pronoun := end == from+1 && isPronoun(strings.ToLower(f.toks[from].Text))
		if !pronoun && !f.hasProperNoun(from, end) {
			return 0, 0, false
		}
		next := f.toks[end]
		if !strings.HasPrefix(next.Tag, "VB") && next.Tag != "MD" && next.Tag != "RB" && next.Text != "," {
			return 0, 0, false
		}
		return from, end, true
	}
	if s, e, ok := try(lo); ok {
		return s, e, true
	}
	for k := lo; k < hi && k < lo+15; k++ {
		if f.toks[k].Text == "," {
			return try(k + 1)
		}
	}
	return 0, 0, false
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

// timeWords may follow a preposition between a subject and its cue:
// "China on Wednesday said".
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"week": true, "month": true, "year": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "weekend": true, "day": true,
}

// weekday names may stand alone between a subject and its cue.
var weekday = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// adverbs that may stand between a subject and its cue ("he also said",
// "she has since said").
var cueAdverbs = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "then": true,
	"once": true, "again": true, "previously": true, "recently": true, "earlier": true,
	"today": true, "yesterday": true, "now": true, "further": true, "reportedly": true,
	"would": true, "will": true, "later.": true, "had.": true, "just": true, "repeatedly": true,
	"publicly": true, "privately": true, "separately": true, "frequently": true, "often": true,
	"last": true, "this": true,
}

// nounPhraseBefore finds the noun phrase that ends just before the cue at
// toks[c], skipping adverbs and a time phrase in between, and not reaching
// before lo. A phrase in commas after a name ("Wang, a spokesman, said")
// gives the name.
func (f *speakerFinder) nounPhraseBefore(c, lo int) (int, int, bool) {
	j := f.skipAdverbs(c, lo)
	return f.nounPhraseEndingAt(j, lo)
}

func isRelativePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which":
		return true
	}
	return false
}

// skipAdverbs returns where a subject before the cue at toks[c] ends,
// stepping back over adverbs and a time phrase ("China on Wednesday
// said", "he has also said").
func (f *speakerFinder) skipAdverbs(c, lo int) int {
	j := c
	for j > lo {
		w := strings.ToLower(f.toks[j-1].Text)
		switch {
		case cueAdverbs[w] || f.toks[j-1].Tag == "RB" && !isPronoun(w):
			j--
			continue
		case timeWords[w] && j-2 >= lo && isTimePreposition(f.toks[j-2].Text):
			j -= 2
			continue
		case timeWords[w] && j-3 >= lo && isTimePreposition(f.toks[j-3].Text) && timeWords[strings.ToLower(f.toks[j-2].Text)]:
			j -= 3
			continue
		case weekday[w] && j-1 > lo:
			j-- // "Priebus later Thursday told Fox News"
			continue
		}
		break
	}
	return j
}

// nounPhraseEndingAt finds the noun phrase that ends just before toks[j].
func (f *speakerFinder) nounPhraseEndingAt(j, lo int) (int, int, bool) {
	end := j
	// An appositive or a relative clause between commas: "Wang, a
	// spokesman for the ministry, said", "Gil, 22, who founded the group,
	// said". The speaker is the phrase before the first comma.
	if end > lo && f.toks[end-1].Text == "," {
		best, bestEnd := -1, -1
		for k := end - 2; k > lo && k >= end-30; k-- {
			t := f.toks[k]
			if isQuoteMark(t.Text) || f.isSentenceEnd(k) {
				break
			}
			if t.Text != "," {
				continue
			}
			ns, ne, ok := f.nounPhraseBefore(k, lo)
			if !ok || ne != k || !f.hasProperNoun(ns, ne) && !isPronoun(strings.ToLower(f.toks[ns].Text)) {
				continue
			}
			// A person's name in the chain, else its first phrase; never
			// one after a preposition ("In Raleigh, Harry Bond, 30,
			// said"; "In a statement to the Observer, her adviser, Jake
			// Sullivan, said").
			if ns == lo {
				return ns, ne, true
			}
			if f.toks[ns-1].Tag == "IN" || f.toks[ns-1].Tag == "TO" {
				continue
			}
			if mi := f.mentionIn(f.toks[ns].Start, f.toks[ne-1].End); mi >= 0 && f.ms[mi].Type == Person {
				return ns, ne, true
			}
			best, bestEnd = ns, ne
		}
		if best >= 0 {
			return best, bestEnd, true
		}
		return 0, 0, false
	}
	start := end
	for start > lo && end-start < 14 {
		if f.toks[start-1].Text == ")" {
			// "Sen. Richard J. Durbin (D-Ill.)": step over a short
			// parenthesis.
			open := start - 2
			for open > lo && start-open < 8 && f.toks[open].Text != "(" {
				open--
			}
			if open >= lo && f.toks[open].Text == "(" && open > lo {
				start = open
				continue
			}
			break
		}
		if !f.isNounPhraseToken(start-1, lo) {
			break
		}
		start--
	}
	for start < end && !f.canStartNounPhrase(start) {
		start++
	}
	if start == end {
		return 0, 0, false
	}
	// A pronoun speaks alone: in "Friday he said", the subject is "he".
	for k := end - 1; k >= start; k-- {
		if isPronoun(strings.ToLower(f.toks[k].Text)) {
			if k == end-1 {
				return k, end, true
			}
			return 0, 0, false
		}
	}
	return start, end, true
}

func isTimePreposition(w string) bool {
	switch strings.ToLower(w) {
	case "on", "last", "this", "earlier", "late", "early", "in", "that", "next", "each", "every":
		return true
	}
	return false
}

// isPronoun reports whether w is a subject pronoun that can name a speaker.
func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "i", "we", "it":
		return true
	}
	return false
}

// isNounPhraseToken reports whether toks[i] can be part of a speaker's
// noun phrase: names, nouns, adjectives, determiners, possessives, and
// "of" inside ("President of Russia").
func (f *speakerFinder) isNounPhraseToken(i, lo int) bool {
	t := f.toks[i]
	w := strings.ToLower(t.Text)
	if isQuoteMark(t.Text) || t.Text == "," || f.isSentenceEnd(i) {
		return false
	}
	if isPronoun(w) {
		return true
	}
	if w == "." && i > lo && initialAt(f.toks, i-1) == 2 {
		return true // the stop of an initial: "William M. Daley"
	}
	switch t.Tag {
	case "NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "DT", "PRP$", "POS", "CD", "FW":
		// The tagger calls "said" a noun next to quote marks; a cue that
		// is also a noun ("email", "report") stays in the phrase.
		return !isCueWord(w) || !isPastOrPresentForm(w) || unicode.IsUpper(firstRune(t.Text))
	}
	switch w {
	case "of", "-", "&", "'s", "’s", "for", "to", "at":
		// "spokesman for the ministry", "Ambassador to China", "professor at Yale"
		return i > lo
	}
	switch t.Tag {
	case "IN", "RB", "CC", "WRB", "WP", "WDT", "TO", "MD", "EX", "PRP":
		return false // "In a Fox interview", "But", "When" open clauses
	}
	r := firstRune(t.Text)
	return unicode.IsUpper(r) && !strings.HasPrefix(t.Tag, "VB") || unicode.IsDigit(r)
}

func (f *speakerFinder) canStartNounPhrase(i int) bool {
	w := strings.ToLower(f.toks[i].Text)
	switch w {
	case "of", "-", "&", "'s", "’s", "for", "to", "at":
		return false
	}
	return f.toks[i].Tag != "POS"
}

func (f *speakerFinder) canEndNounPhrase(i int) bool {
	switch strings.ToLower(f.toks[i].Text) {
	case "of", "-", "&", "for", "to", "at", "the", "a", "an":
		return false
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// hasProperNoun reports whether toks[start:end] holds a capitalized word
// other than the first word of a sentence-initial phrase.
func (f *speakerFinder) hasProperNoun(start, end int) bool {
	for k := start; k < end; k++ {
		if f.toks[k].Tag == "NNP" || f.toks[k].Tag == "NNPS" {
			return true
		}
	}
	return f.mentionIn(f.toks[start].Start, f.toks[end-1].End) >= 0 || f.isProperName(start, end)
}

// isProperName reports whether toks[start:end] is a short run of
// capitalized words that are not titles, pronouns or determiners: a name
// the tagger did not recognise ("Cecile Richards:" in a headline).
func (f *speakerFinder) isProperName(start, end int) bool {
	if end-start > 4 {
		return false
	}
	for k := start; k < end; k++ {
		t := f.toks[k]
		w := strings.ToLower(t.Text)
		if !unicode.IsUpper(firstRune(t.Text)) || isPronoun(w) || lexicon.nominal[w].Type != "" && k == end-1 {
			return false
		}
		switch t.Tag {
		case "DT", "PRP$", "IN", "RB", "CC", "WRB", "WP", "TO", "MD", "CD":
			return false // "Until now", "The", "Later"
		}
	}
	return true
}

func (f *speakerFinder) mentionOf(i int) Mention {
	t := f.toks[i]
	return Mention{t.Start, t.End, t.Text}
}

func (f *speakerFinder) spanMention(start, end int) *Mention {
	s, e := f.toks[start].Start, f.toks[end-1].End
	return &Mention{s, e, f.text[s:e]}
}

// mentionIn returns the index in f.ms of the entity mention that heads
// the phrase [start, end), or -1: a person's name anywhere but in a
// possessive ("Chinese Foreign Ministry spokesman Wang Wenbin", not
// "Trump's campaign"), else an organization or place that ends the phrase
// ("Russia's official news agency Tass"). A nationality or place before
// the head only describes it ("the top Russian diplomat").
func (f *speakerFinder) mentionIn(start, end int) int {
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= start })
	best, bestRank := -1, 0
	for ; i < len(f.ms) && f.ms[i].End <= end; i++ {
		m := f.ms[i]
		if strings.Count(f.text[start:m.Start], "(") > strings.Count(f.text[start:m.Start], ")") {
			continue // "(R-Ohio)" after a name is not the speaker
		}
		rank := 0
		switch {
		case m.Type == Person && !f.possessiveAfter(m.End):
			rank = 3
		case m.End == end && m.Type == Org:
			rank = 2
		case m.End == end:
			rank = 1
		}
		if rank > 0 && rank >= bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// possessiveAfter reports whether a possessive 's follows offset.
func (f *speakerFinder) possessiveAfter(off int) bool {
	rest := f.text[off:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

// resolve turns the speaker phrase toks[start:end] and its cue into an
// attribution: a name in it, else a pronoun's or a description's referent.
func (f *speakerFinder) resolve(start, end, c, n int, conf float64) attribution {
	a := attribution{entity: -1, confidence: conf}
	if c >= 0 {
		a.cue = f.spanMention(c, c+n)
	}
	phrase := f.spanMention(start, end)
	if mi := f.mentionIn(phrase.Start, phrase.End); mi >= 0 {
		m := f.ms[mi]
		a.entity = m.Entity
		a.mention = &Mention{m.Start, m.End, f.text[m.Start:m.End]}
		a.method = MethodExplicit
		return a
	}
	a.mention = phrase
	if end-start == 1 && isPronoun(strings.ToLower(f.toks[start].Text)) {
		a.method = MethodPronoun
		a.entity = f.pronounReferent(strings.ToLower(f.toks[start].Text), phrase.Start)
		a.confidence = conf - 0.15
		return a
	}
	if f.isProperName(start, end) {
		// A name the tagger missed is still a name: give it an entity.
		a.method = MethodExplicit
		a.entity = f.addEntity(phrase)
		return a
	}
	a.method = MethodNominal
	a.entity = f.descriptionReferent(start, end, phrase.Start)
	a.confidence = conf - 0.25
	return a
}

// addEntity returns the entity for a speaker's name that no entity
// mention covers, making one on first use: a person, or an organization
// when a word of the name says so ("Breitbart News", "Our Principles
// PAC").
func (f *speakerFinder) addEntity(m *Mention) int {
	for i, e := range f.ents {
		if e.Name == m.Text {
			f.ents[i].Mentions = append(f.ents[i].Mentions, *m)
			return i
		}
	}
	typ := Person
	for _, w := range strings.Fields(m.Text) {
		if isOrgWord(w) {
			typ = Org
		}
	}
	f.ents = append(f.ents, Entity{
		ID: entityID(len(f.ents)), Name: m.Text, Type: typ,
		Aliases: []string{m.Text}, Roles: []string{}, Mentions: []Mention{*m},
	})
	f.gender = append(f.gender, 0)
	return len(f.ents) - 1
}

// isOrgWord reports whether a capitalized word marks an organization's
// name.
func isOrgWord(w string) bool {
	if h, ok := lexicon.nominal[strings.ToLower(w)]; ok && h.Type == Org {
		return true
	}
	switch strings.ToLower(w) {
	case "news", "times", "post", "journal", "press", "pac", "inc", "inc.", "corp", "corp.", "llc",
		"foundation", "institute", "association", "university", "college", "club", "center", "centre",
		"society", "league", "federation", "board", "commission", "bureau", "service", "tribune", "herald", "gazette":
		return true
	}
	return false
}

// insideQuote reports whether offset lies inside a quotation: names
// mentioned in quoted words are not who "he" or "the spokesman" refer to.
func (f *speakerFinder) insideQuote(off int) bool {
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > off })
	return i < len(f.quotes) && f.quotes[i].Start <= off
}

// pronounReferent returns the entity that a speaking pronoun at offset
// refers to: for he and she, the most recent person outside quotes whose
// gender does not clash; for it and they, the most recent organization or
// place, or (they) nobody.
func (f *speakerFinder) pronounReferent(p string, off int) int {
	want := byte(0)
	switch p {
	case "he":
		want = 'm'
	case "she":
		want = 'f'
	case "i", "we":
		return -1
	}
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= off })
	for k := i - 1; k >= 0; k-- {
		m := f.ms[k]
		if f.insideQuote(m.Start) {
			continue
		}
		switch p {
		case "he", "she":
			if m.Type == Person && (f.gender[m.Entity] == 0 || f.gender[m.Entity] == want) {
				return m.Entity
			}
		case "it", "they":
			if m.Type == Org {
				return m.Entity
			}
		}
	}
	return -1
}

// descriptionReferent returns the entity that a description such as "the
// top Russian diplomat" or "the newspaper" refers to: among entities of
// the type its head names, mentioned before it outside quotes, the one
// whose roles share most words with it (its head and its nationality),
// else the most recent. Indefinite and plural descriptions ("a source",
// "officials") refer to nobody in particular.
func (f *speakerFinder) descriptionReferent(start, end, off int) int {
	first := strings.ToLower(f.toks[start].Text)
	if first == "a" || first == "an" || first == "some" || first == "several" || first == "many" || first == "two" || first == "three" {
		return -1
	}
	head := ""
	var mods []string
	for k := start; k < end; k++ {
		w := strings.ToLower(f.toks[k].Text)
		if w == "of" || w == "for" || w == "to" || w == "at" {
			break
		}
		if head != "" {
			mods = append(mods, head)
		}
		head = w
	}
	h, ok := lexicon.nominal[head]
	if !ok {
		return -1
	}
	fits := map[string]bool{head: true}
	for _, s := range h.Synonyms {
		fits[s] = true
	}
	best, bestScore := -1, -1
	seen := map[int]bool{}
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= off })
	for k := i - 1; k >= 0; k-- {
		m := f.ms[k]
		if m.Type != h.Type || seen[m.Entity] || f.insideQuote(m.Start) {
			continue
		}
		seen[m.Entity] = true
		score := 0
		for _, role := range f.ents[m.Entity].Roles {
			for _, w := range strings.Fields(strings.ToLower(role)) {
				if fits[w] {
					score += 2
				}
			}
			for _, mod := range mods {
				if roleMentionsNation(role, mod) {
					score++
				}
			}
		}
		if h.Type != Person && strings.Contains(strings.ToLower(f.ents[m.Entity].Name), head) {
			score += 2
		}
		if score > bestScore { // ties go to the most recent, met first
			best, bestScore = m.Entity, score
		}
	}
	return best
}

// roleMentionsNation reports whether a role names the nation of the
// demonym mod: "Russian" fits "Russian Foreign Minister" and "President
// of Russia".
func roleMentionsNation(role, mod string) bool {
	country := lexicon.demonymLow[strings.ToLower(mod)]
	if country == "" {
		return false
	}
	lr := strings.ToLower(role)
	return strings.Contains(lr, strings.ToLower(mod)) || strings.Contains(lr, strings.ToLower(country))
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
