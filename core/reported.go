package core

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"lede/core/internal/quotes"
	"lede/internal/attrtag"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// reportedSpan is one reported content found by the attribution tagger,
// with its cue and source parts (token indexes into f.toks; -1 when the
// tagger found none).
type reportedSpan struct {
	start, end       int // content tokens [start, end)
	cueStart, cueEnd int
	srcStart, srcEnd int
	inner            []int // the quotes inside the content
	cueAfter         bool  // the cue follows the content ("…, he said")
}

// reportedSpeech is the stage after quotation attribution: it tags each
// sentence's sources, cues and contents (package attrtag) and keeps every
// content that has a cue and is not itself a quotation. Its input is the
// sentences' tokens; its output, the reported spans with their parts.
func (f *speakerFinder) reportedSpeech(sents []sentenceTokens) []reportedSpan {
	var out []reportedSpan
	base := 0
	paused := 0
	for _, s := range sents {
		if base-paused >= pauseTokens {
			paused = base
			f.pause()
		}
		// The tagger reads the sentence after its dateline: one learnt
		// from articles that seldom open with "LISBON, March 14 —" takes
		// the words after it for no part of the content.
		toks, at := s.Toks, base
		if _, dash, ok := dateline(f.text, s); ok {
			toks, at = toks[dash+1:], base+dash+1
		}
		parts := attrtag.Tag(toks)
		if !hasContent(parts) || opensWithAccordingTo(toks) {
			parts = accordingTo(toks)
		}
		if f.inHeadline(s.Start) {
			if dash := headlineDash(toks); dash != nil {
				parts = dash
			} else if colon := headlineColon(toks); colon != nil && !speechCueAfter(toks, parts, colon[1].End) {
				parts = colon
			}
		}
		parts = saidFallback(toks, parts)
		parts = clauseBeforeFinalCue(toks, parts)
		parts = clauseAfterSpeechCue(toks, parts)
		parts = f.quotedAsCue(parts, at)
		parts = subjectWithAside(toks, parts)
		parts = modifierOfSource(toks, parts)
		parts = listTail(toks, parts)
		parts = relativeSource(toks, parts)
		for _, p := range parts {
			if p.Role != attrtag.Content {
				continue
			}
			r := reportedSpan{start: at + p.Start, end: at + p.End, cueStart: -1, srcStart: -1}
			f.stopAtContrast(&r)
			f.trimContent(&r)
			if !f.hasWords(r) || !f.pickCue(&r, parts, at) {
				continue
			}
			// "said Friday, as income growth slowed": a time phrase alone
			// is when it was said, not what.
			if f.timePhrase(r.start, r.end) >= r.end-r.start {
				continue
			}
			if !r.cueAfter {
				r.start += f.leadingTime(r.start, r.end)
			}
			if !f.placeQuotes(&r) {
				continue
			}
			f.pickSource(&r, parts, at)
			if f.subjectOfCue(r, parts, at) {
				continue
			}
			if lead, ok := f.leadingPart(r, parts, at); ok {
				out = append(out, lead)
			}
			out = append(out, r)
		}
		base += len(s.Toks)
	}
	return out
}

// contentSpans returns the byte spans of the contents rs, merged where
// they overlap, in text order.
func (f *speakerFinder) contentSpans(rs []reportedSpan) []Span {
	out := make([]Span, 0, len(rs))
	for _, r := range rs {
		out = append(out, Span{Start: f.toks[r.start].Start, End: f.toks[r.end-1].End})
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// leadingTime returns how many tokens at the start of the content
// [start, end) make a time phrase that belongs to the cue before it, not
// to what was said: "said on Saturday it had…", "condemned this week the
// expansion…", "said Friday that…", "as saying earlier in August that…".
// It leaves at least one word.
func (f *speakerFinder) leadingTime(start, end int) int {
	n := f.timePhrase(start, end)
	// Not a day's own thing: "condemned Friday's test".
	if n == 0 || start+n >= end || !wordutil.HasLetter(f.toks[start+n].Text) || f.possessiveAfter(f.toks[start+n-1].End) {
		return 0
	}
	return n
}

// timePhrase returns how many tokens at the start of [start, end) make
// a time phrase: "Friday", "on Saturday night", "this week", "earlier in
// August"; 0 when none does.
func (f *speakerFinder) timePhrase(start, end int) int {
	word := func(k int) string {
		if k >= end {
			return ""
		}
		return strings.ToLower(f.toks[k].Text)
	}
	n := 0
	switch w := word(start); {
	case weekday[w]:
		n = 1
	case w == "on" && weekday[word(start+1)]:
		n = 2
	case (w == "this" || w == "last" || w == "earlier" || w == "later") && lexicon.TimeWords[word(start+1)]:
		n = 2
	case w == "earlier" && word(start+1) == "this" && lexicon.TimeWords[word(start+2)]:
		n = 3
	case w == "in" && lexicon.Months[word(start+1)]:
		n = 2 // "said in August that"
	case (w == "earlier" || w == "later") && word(start+1) == "in" && lexicon.Months[word(start+2)]:
		n = 3
	}
	if n > 0 && lexicon.TimeWords[word(start+n)] && !weekday[word(start+n)] {
		n++ // "on Friday night"
	}
	return n
}

// trimContent drops a content's final comma, colon or full stop and a
// leading comma: the content is the clause, not its punctuation.
func (f *speakerFinder) trimContent(r *reportedSpan) {
	for r.end > r.start {
		switch f.toks[r.end-1].Text {
		case ",", ":", ";", ".", "—", "–", "-":
			r.end--
			continue
		}
		break
	}
	for r.start < r.end {
		switch f.toks[r.start].Text {
		case ",", ":", ";", "—", "–", "-":
			r.start++
			continue
		}
		break
	}
}

// hasWords reports whether r, trimmed, still holds a letter or a digit.
func (f *speakerFinder) hasWords(r reportedSpan) bool {
	return r.start < r.end && wordutil.HasLetter(f.text[f.toks[r.start].Start:f.toks[r.end-1].End])
}

// pickCue gives r the nearest cue part of its sentence: the one before
// the content, or the one after it. A content without a cue is not
// reported speech.
func (f *speakerFinder) pickCue(r *reportedSpan, parts []attrtag.Part, base int) bool {
	best := nearestPart(parts, attrtag.Cue, base, r.start, r.end, 1<<30, nil)
	if best < 0 {
		return false
	}
	r.cueStart, r.cueEnd = base+parts[best].Start, base+parts[best].End
	r.cueAfter = r.cueStart >= r.end
	return !f.onlyAdverbs(r.cueStart, r.cueEnd)
}

// onlyAdverbs reports whether the tokens [start, end) are all adverbs:
// a cue of "also" or "reportedly" alone is the tagger's guess at a verb
// it did not find ("Hong Kong also had the necessary …"), not a cue.
func (f *speakerFinder) onlyAdverbs(start, end int) bool {
	for k := start; k < end; k++ {
		if !strings.HasPrefix(f.toks[k].Tag, "RB") {
			return false
		}
	}
	return true
}

// nearestPart returns the index of the part of the role that lies
// outside the tokens [start, end) and nearest to them, at most maxD
// tokens away, and not rejected by skip; or -1. Parts' tokens are counted
// from base.
func nearestPart(parts []attrtag.Part, role string, base, start, end, maxD int, skip func(s, e int) bool) int {
	best, bestD := -1, maxD+1
	for i, p := range parts {
		s, e := base+p.Start, base+p.End
		if p.Role != role || skip != nil && skip(s, e) {
			continue
		}
		d := 0
		switch {
		case e <= start:
			d = start - e
		case s >= end:
			d = s - end
		default:
			continue
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// placeQuotes relates r to the quotations: a content that is a quotation
// (or lies inside one) is left to it, and so is one that is mostly a
// quotation unless a speech cue's clause runs on into it; one that holds
// quotations is mixed and takes them whole.
func (f *speakerFinder) placeQuotes(r *reportedSpan) bool {
	start, end := f.toks[r.start].Start, f.toks[r.end-1].End
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > start })
	for ; i < len(f.quotes) && f.quotes[i].Start < end; i++ {
		q := f.quotes[i]
		if q.Start <= start && q.End >= end {
			return false // a quotation
		}
		if mostly := 2*(min(q.End, end)-max(q.Start, start)) >= end-start; mostly && !(f.speechCue(r) && f.wordsOutside(start, end, q)) {
			return false
		}
		// Take a quotation that the content cuts: its marks belong together.
		if q.Start < start {
			r.start, _ = f.tokenRange(q.Start, q.End)
		}
		if q.End > end {
			_, r.end = f.tokenRange(q.Start, q.End)
		}
		r.inner = append(r.inner, i)
	}
	return r.start < r.end
}

// leadingPart returns the first part of a content that its source and
// cue split, set off by commas: "Russia, Lavrov said, would never accept
// it" reports "Russia" and "would never accept it" (PolNeAR marks both
// as the content, in two spans). The tagger gives only the part after
// the cue; the part before runs from the sentence's start to the comma
// before the source, and has r's source and cue, which follow it. ok is
// false when r is not split so, or the tagger gave those words a part of
// their own.
func (f *speakerFinder) leadingPart(r reportedSpan, parts []attrtag.Part, base int) (reportedSpan, bool) {
	if r.cueAfter || r.srcStart < 0 || r.srcEnd > r.cueStart || r.start < r.cueEnd+1 ||
		f.toks[r.start-1].Text != "," || r.start-1-r.cueEnd > maxAsideTokens {
		return reportedSpan{}, false
	}
	comma := r.srcStart - 1 // the comma before the source
	lo, _ := f.sentenceBounds(r.srcStart)
	lo = max(lo, base) // not the dateline, which the tagger did not read
	if comma <= lo || f.toks[comma].Text != "," {
		return reportedSpan{}, false
	}
	for _, p := range parts {
		if base+p.Start < comma && base+p.End > lo {
			return reportedSpan{}, false
		}
	}
	lead := reportedSpan{start: lo, end: comma, cueStart: r.cueStart, cueEnd: r.cueEnd,
		srcStart: r.srcStart, srcEnd: r.srcEnd, cueAfter: true}
	f.trimContent(&lead)
	if !f.hasWords(lead) || !f.placeQuotes(&lead) {
		return reportedSpan{}, false
	}
	return lead, true
}

// maxAsideTokens is how many words may stand between a splitting cue and
// the comma after it ("Stumpf explained earlier in the committee
// hearing, were …").
const maxAsideTokens = 8

// pickSource gives r the source part next to its cue, if the tagger found
// one outside the content.
func (f *speakerFinder) pickSource(r *reportedSpan, parts []attrtag.Part, base int) {
	inContent := func(s, e int) bool { return s < r.end && e > r.start }
	if best := nearestPart(parts, attrtag.Source, base, r.cueStart, r.cueEnd, 8, inContent); best >= 0 {
		r.srcStart, r.srcEnd = base+parts[best].Start, base+parts[best].End
	}
}

// attributeReported finds the speaker of r: the tagged source, resolved
// like a quotation's (a name, a pronoun, a description); without one,
// the cue's subject as the quotation sieves find it: "said X" and
// "according to X" after the cue, "X said" before it, and the
// sentence's subject for a cue that continues its clause (", saying",
// "and said", "even suggesting").
func (f *speakerFinder) attributeReported(r reportedSpan, lo, hi int) attribution {
	c, n := r.cueStart, r.cueEnd-r.cueStart
	// "X, who met Y on Monday, said" (or the aside between dashes): an
	// aside ends right before the cue, and the speaker is before it,
	// whatever the tagger took. "X, who said": the relative pronoun names
	// the speaker, as for a quotation.
	if k := f.skipAdverbs(c, lo); !r.cueAfter && c > lo && (f.toks[c-1].Text == "," || isAsideDash(f.toks[c-1].Text) || k > lo && isRelativePronoun(f.toks[k-1].Text)) {
		if a, ok := f.subject(c, n, lo, 0.8); ok {
			return a
		}
	}
	if r.srcStart >= 0 && f.plausibleSource(r.srcStart, r.srcEnd) && !f.locatedPlace(r.srcStart, r.srcEnd) {
		return f.resolve(r.srcStart, r.srcEnd, c, n, 0.85)
	}
	if strings.EqualFold(f.toks[c].Text, "according") || r.cueAfter && r.cueEnd < hi && !strings.HasPrefix(f.toks[r.cueEnd].Tag, "PRP") {
		if a, ok := f.objectSpeaker(c, n, hi, 0.8); ok {
			return a
		}
	}
	// "Noting that …, Wang said …": a participle that opens the sentence
	// shares the subject of the clause after its comma.
	if !r.cueAfter && f.skipAdverbs(c, lo) == lo && f.toks[c].Tag == "VBG" {
		for k := r.end; k < hi && k < r.end+maxAsideTokens; k++ {
			if f.toks[k].Text == "," {
				if start, end, ok := f.clauseSubject(k+1, hi); ok {
					return f.resolve(start, end, c, n, 0.75)
				}
				break
			}
		}
	}
	from := lo
	if r.cueAfter {
		from = r.end
	}
	if a, ok := f.subject(c, n, from, 0.8); ok {
		return a
	}
	k := c
	for k > from && (cueAdverbs[strings.ToLower(f.toks[k-1].Text)] || strings.EqualFold(f.toks[k-1].Text, "even")) {
		k--
	}
	// A comma that American style sets inside a closing quote mark
	// ("went on to promote “Celebrity Apprentice,” note that…") still
	// links the clauses.
	if k > lo+1 && wordutil.IsQuoteMark(f.toks[k-1].Text) && f.toks[k-2].Text == "," {
		k--
	}
	if k > lo && isClauseLink(f.toks[k-1].Text) {
		if start, end, ok := f.clauseSubject(lo, k-1); ok {
			return f.resolve(start, end, c, n, 0.7)
		}
	}
	return attribution{entity: -1, cue: f.spanMention(c, r.cueEnd), method: MethodNone}
}

// plausibleSource reports whether toks[start:end] can name a speaker: it
// holds a noun, a pronoun or a name, and does not open with a word that
// only joins clauses ("that", "which").
func (f *speakerFinder) plausibleSource(start, end int) bool {
	switch strings.ToLower(f.toks[start].Text) {
	case "that", "which", "what", "if", "whether", "because":
		return false
	}
	for k := start; k < end; k++ {
		t := f.toks[k].Tag
		if strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "PRP") || t == "WP" || f.inName(k) {
			return true
		}
	}
	return false
}

// namesSpeaker reports whether r's content is where a quotation's
// speaker is named ("…," the president added): a source the tagger took
// for content. A quotation's speaker is named in its own lines or the
// ones next to them, so only the quotations around the content's line
// are looked at.
func (f *speakerFinder) namesSpeaker(r reportedSpan, attrs []attribution) bool {
	start, end := f.toks[r.start].Start, f.toks[r.end-1].End
	b := f.blockOf(start)
	i := sort.Search(len(f.quotes), func(i int) bool { return f.last[i] >= b-1 })
	for ; i < len(f.quotes) && f.first[i] <= b+1; i++ {
		a := attrs[i]
		if m := a.mention; m != nil && m.Start < end && m.End > start && !slices.Contains(r.inner, i) &&
			a.method != MethodContinuation && a.method != MethodContext {
			return true
		}
	}
	return false
}

// sentenceBounds returns the token range of the sentence holding token i.
func (f *speakerFinder) sentenceBounds(i int) (int, int) {
	lo, hi := i, i
	for lo > 0 && !f.ends[lo-1] {
		lo--
	}
	for hi < len(f.toks) && !f.ends[hi] {
		hi++
	}
	return lo, min(hi+1, len(f.toks))
}

// reportedQuotes attributes each reported span and returns it as a Quote
// of kind indirect or mixed. A mixed content and the quotations inside it
// have one speaker: the quotations' own when their sieves named one, else
// the content's, else one a quotation carried from the quote before it;
// the quotations then take it.
func (f *speakerFinder) reportedQuotes(rs []reportedSpan, attrs []attribution) []Quote {
	var out []Quote
	for _, r := range rs {
		if f.namesSpeaker(r, attrs) {
			continue
		}
		lo, hi := f.sentenceBounds(r.cueStart) // every reported span has a cue
		a := f.attributeReported(r, lo, hi)
		kind := KindIndirect
		if len(r.inner) > 0 {
			kind = KindMixed
			named := -1
			for _, qi := range r.inner {
				if attrs[qi].entity >= 0 && attrs[qi].method != MethodContinuation && attrs[qi].method != MethodContext {
					named = qi
					break
				}
			}
			if named < 0 && a.entity < 0 {
				// A speaker carried to a quotation beats none at all.
				for _, qi := range r.inner {
					if attrs[qi].entity >= 0 {
						named = qi
						break
					}
				}
			}
			if named >= 0 {
				a = attrs[named]
				a.mention = copyMention(a.mention)
				a.cue = copyMention(a.cue)
			}
			for _, qi := range r.inner {
				// A work's title inside reported speech ("called "Sleeping
				// Bread" Puig's "greatest gift"") is a name, not words said.
				if qi != named && attrs[qi].entity != a.entity && !f.titleCased(qi) {
					attrs[qi] = a
					attrs[qi].mention = copyMention(a.mention)
					attrs[qi].cue = copyMention(a.cue)
				}
			}
		}
		start, end := f.toks[r.start].Start, f.toks[r.end-1].End
		out = append(out, f.quote(start, end, start, end, kind, a))
	}
	return out
}

func hasContent(parts []attrtag.Part) bool {
	for _, p := range parts {
		if p.Role == attrtag.Content {
			return true
		}
	}
	return false
}

// accordingTo returns the cue and content of the one attribution that
// "according to" makes unambiguous, "According to X, CONTENT." and
// "CONTENT, according to X.", or nothing: for a sentence where the
// tagger found no content (it learnt the pattern from PolNeAR but misses
// it in short sentences) or that opens with "According to".
func accordingTo(toks []tokenize.Token) []attrtag.Part {
	n := len(toks)
	for i := 0; i+1 < n; i++ {
		if !strings.EqualFold(toks[i].Text, "according") || !strings.EqualFold(toks[i+1].Text, "to") {
			continue
		}
		cue := attrtag.Part{Start: i, End: i + 2, Role: attrtag.Cue}
		switch {
		case i == 0:
			for k := 2; k < n && k < 20; k++ {
				if toks[k].Text == "," {
					return []attrtag.Part{cue, {Start: k + 1, End: n, Role: attrtag.Content}}
				}
			}
		case toks[i-1].Text == "," && i > 2:
			return []attrtag.Part{{Start: 0, End: i - 1, Role: attrtag.Content}, cue}
		}
		return nil
	}
	return nil
}

// opensWithAccordingTo reports whether a sentence opens with "According
// to": then all after the source's comma is what it says, whatever verb
// the tagger took for a cue ("According to exit polls, Mitt Romney had a
// lead").
func opensWithAccordingTo(toks []tokenize.Token) bool {
	return len(toks) > 3 && strings.EqualFold(toks[0].Text, "according") && strings.EqualFold(toks[1].Text, "to")
}

// speechCue reports whether r's cue holds a word of speech ("says",
// "called", "claim", "according"), not only words the tagger took for
// one ("also had"): a word other than an adverb that opens a quarter of
// its uses' cues in the training articles, or a verb that opens some or
// is on Lede's list. On PolNeAR dev it keeps all but a few mixed contents
// ("pounding Trump as a "con artist"") and drops the false ones it saw.
func (f *speakerFinder) speechCue(r *reportedSpan) bool {
	for k := r.cueStart; k < r.cueEnd; k++ {
		w := strings.ToLower(f.toks[k].Text)
		rate, tag := attrtag.CueRate(w), f.toks[k].Tag
		if (rate == "high" || rate == "mid") && !strings.HasPrefix(tag, "RB") || strings.HasPrefix(tag, "VB") && (rate != "" || lexicon.IsCue(w)) {
			return true
		}
	}
	return false
}

// wordsOutside reports whether [start, end) holds words of the writer's
// own that run on into quotation q ("says voter fraud “would be…”",
// "the plan “a disaster” for Europe"), beyond a "that" that only links it
// to its cue: then the content is mixed. Words set off from the quotation
// by a comma, a colon, a dash or a line break, or after a quotation that
// ends on a comma (“…,” she said), only introduce or attribute it.
func (f *speakerFinder) wordsOutside(start, end int, q quotes.Quote) bool {
	if start < q.Start && strings.Contains(f.text[start:q.Start], "\n") || q.End < end && strings.Contains(f.text[q.End:end], "\n") {
		return false
	}
	qs, qe := f.tokenRange(q.Start, q.End)
	a, _ := f.tokenRange(start, end)
	before := false
	for k := a; k < qs; k++ {
		if wordutil.HasLetter(f.toks[k].Text) && !strings.EqualFold(f.toks[k].Text, "that") {
			before = true
		}
	}
	if before {
		switch prev := f.toks[qs-1].Text; {
		case wordutil.HasLetter(prev):
			return true
		case prev == "," && qs >= 2 && strings.EqualFold(f.toks[qs-2].Text, "that"):
			return true
		}
	}
	// After the quotation, the clause must go on in lower case past a
	// space: a capital starts a name or a headline's next word, and a
	// quotation that ends on a comma is followed by its attribution.
	inner := strings.TrimRight(f.text[q.Start:q.End], "\"”’'")
	if qe < len(f.toks) && f.toks[qe].Start < end && f.toks[qe].Start > q.End && f.text[q.End] == ' ' {
		r := wordutil.FirstRune(f.toks[qe].Text)
		return unicode.IsLower(r) && !strings.HasSuffix(inner, ",")
	}
	return false
}

// clauseBeforeFinalCue makes the whole clause before a sentence's final
// attribution its content ("Secret Service protocol called for X, sources
// said."): the tagger reads the clause's own verb ("called for") as a
// cue of its own and gives only what follows it, but the sentence's
// source said all of it. parts are returned changed only when the
// sentence ends in a source and cue (in either order) after a comma, and
// the tagger found another source or cue before that comma.
func clauseBeforeFinalCue(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	n := len(parts)
	if n < 3 {
		return parts
	}
	end := wordsEnd(toks, 0)
	// The final attribution: a cue and a source, the last ending the
	// sentence or followed only by words that say when, where or to whom
	// ("…, a human rights activist said on Saturday", "…, Xiao said in an
	// interview", "…, an Iraqi Kurdish group told Reuters").
	a, b := parts[n-2], parts[n-1]
	if !(a.Role == attrtag.Source && b.Role == attrtag.Cue || a.Role == attrtag.Cue && b.Role == attrtag.Source) || a.End != b.Start || !circumstanceTail(toks[min(b.End, end):end]) {
		return parts
	}
	comma := a.Start - 1
	if comma < 2 || toks[comma].Text != "," {
		return parts
	}
	inner := false
	for _, p := range parts[:n-2] {
		if p.End > comma {
			return parts
		}
		if p.Role != attrtag.Content {
			inner = true
		}
	}
	if !inner {
		return parts
	}
	return []attrtag.Part{{Start: 0, End: comma, Role: attrtag.Content}, a, b}
}

// clauseAfterSpeechCue makes the whole clause after a cue of speech its
// content when the tagger read that clause's own subject and verb as a
// source and cue of their own ("Erdmann told reporters Bonn supported
// European Union efforts…"): it learnt from PolNeAR, which counts
// "supported" as a cue and gives each word to one attribution only, but
// a reader hears what Erdmann said. The clause's verb must be no cue of
// speech (speechVerb), so "He said Lavrov told him that…" keeps both;
// the cue must follow its own source, as in "Erdmann told" (after "said
// David Autor, a professor…" or "according to" comes the source, not what
// was said); and at most two words may stand between the cue's verb and
// the clause: whom it was said to ("reporters", "him") and "that".
func clauseAfterSpeechCue(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	for i := 1; i+3 < len(parts); i++ {
		cue, src, verb, con := parts[i], parts[i+1], parts[i+2], parts[i+3]
		if parts[i-1].Role != attrtag.Source || cue.Role != attrtag.Cue || src.Role != attrtag.Source || verb.Role != attrtag.Cue || con.Role != attrtag.Content ||
			src.Start-cue.End > 2 || src.End != verb.Start || verb.End != con.Start {
			continue
		}
		said, did := toks[cue.End-1], toks[verb.Start]
		if !strings.HasPrefix(said.Tag, "VB") || !speechVerb(strings.ToLower(said.Text)) ||
			!strings.HasPrefix(did.Tag, "VB") || speechVerb(strings.ToLower(did.Text)) {
			continue
		}
		start := src.Start
		for k := cue.End; k < src.Start; k++ {
			switch {
			case strings.EqualFold(toks[k].Text, "that"):
				start = k
			case toks[k].Tag != "PRP" && toks[k].Tag != "NNS" && toks[k].Tag != "NNP":
				start = -1
			}
			if start < 0 {
				break
			}
		}
		if start < 0 {
			continue
		}
		out := append(slices.Clip(parts[:i+1]), attrtag.Part{Start: start, End: con.End, Role: attrtag.Content})
		return append(out, parts[i+4:]...)
	}
	return parts
}

// quotedAsCue moves "X as saying" out of a content that starts right
// after a cue "quoted" into the cue ("Algerian newspapers quoted the
// Human Rights National Observatory (ONDH), a government-appointed
// watchdog, as saying that…"): what was said begins after it, and X is
// the speaker (quotedAs). A content that is only "X as saying", before
// or after a quotation, goes. parts' indexes start at toks[at].
func (f *speakerFinder) quotedAsCue(parts []attrtag.Part, at int) []attrtag.Part {
	for i := 0; i+1 < len(parts); i++ {
		cue, con := parts[i], parts[i+1]
		if cue.Role != attrtag.Cue || con.Role != attrtag.Content || cue.End != con.Start {
			continue
		}
		_, end, ok := f.quotedAs(at + cue.Start)
		if !ok || end < at+con.Start {
			continue
		}
		saying := end + 1 // "as" after X, and maybe a comma
		if f.toks[end].Text == "," {
			saying++
		}
		if saying+1 >= at+con.End {
			// "Interfax quoted Sergei Yastrzhembsky as saying:" and
			// the quotation, or "…," the paper quoted one of them as
			// saying, without giving a name: no reported words of its
			// own, nor in a phrase after a comma.
			drop := i + 2
			if drop < len(parts) && parts[drop].Role == attrtag.Content && parts[drop].Start == con.End+1 && f.toks[at+con.End].Text == "," {
				drop++
			}
			parts[i].End = con.End
			return slices.Delete(parts, i+1, drop)
		}
		parts[i].End = saying + 1 - at
		parts[i+1].Start = saying + 1 - at
	}
	return parts
}

// subjectWithAside joins a content that the tagger cut at an aside
// after its subject ("Aziz said Iraq's military intervention, the first on
// such scale since the U.S. and allies decided to…, was in response to…"):
// the content after "said" or "told" (sayVerbs, whose content is a
// clause) is only a noun phrase, with no verb, and a comma ends it; a
// later comma in the sentence is followed by a finite verb that carries
// on that subject ("…, was"). The content then runs from the
// subject over the aside to the end of the content part that takes in the
// verb, or to the sentence's end, and the parts the tagger found inside
// the aside ("the U.S. and allies decided") go.
func subjectWithAside(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	for i := 0; i+1 < len(parts); i++ {
		cue, con := parts[i], parts[i+1]
		if cue.Role != attrtag.Cue || con.Role != attrtag.Content || cue.End != con.Start || con.End >= len(toks) || toks[con.End].Text != "," ||
			!sayVerbs[strings.ToLower(toks[cue.End-1].Text)] || hasVerb(toks[con.Start:con.End]) {
			continue
		}
		verb := -1
		for k := con.End + 1; k+1 < len(toks); k++ {
			if t := toks[k+1].Tag; toks[k].Text == "," && (t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD") {
				verb = k + 1
				break
			}
		}
		if verb < 0 {
			continue
		}
		end := wordsEnd(toks, verb)
		j := i + 2
		for j < len(parts) && parts[j].End <= verb {
			j++
		}
		if j < len(parts) {
			switch p := parts[j]; {
			case p.Start > verb:
				end = p.Start // another attribution after the clause
			case p.Role == attrtag.Content:
				end = p.End // the part that takes in the verb
				j++
			default:
				continue // the tagger read the verb as a cue: leave it
			}
		}
		out := append(slices.Clip(parts[:i+1]), attrtag.Part{Start: con.Start, End: end, Role: attrtag.Content})
		return append(out, parts[j:]...)
	}
	return parts
}

// sayVerbs are cues whose content is a clause, never only a noun phrase:
// "said the talks, …, had failed", not "attacked Trump, …".
var sayVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
}

// hasVerb reports whether toks hold a verb or a modal.
func hasVerb(toks []tokenize.Token) bool {
	for _, t := range toks {
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
	}
	return false
}

// maxCircumstance is the longest tail circumstanceTail accepts.
const maxCircumstance = 6

// circumstanceTail reports whether toks, the words after a sentence's
// final cue and source, only say when, where or to whom it was said: at
// most maxCircumstance words, with no verb and no punctuation (a comma or
// quotation mark would open another clause; "Aug." and "U.N." are words).
func circumstanceTail(toks []tokenize.Token) bool {
	if len(toks) > maxCircumstance || hasVerb(toks) {
		return false
	}
	for _, t := range toks {
		if !wordutil.IsWordLike(t.Text) {
			return false
		}
	}
	return true
}

// contrastWords open a clause that may set another view against the
// content ("prices would rise, but analysts disagreed").
var contrastWords = map[string]bool{"but": true, "yet": true, "while": true, "whereas": true, "although": true, "though": true}

// stopAtContrast ends r at a comma followed by a contrasting conjunction
// when a speech verb comes within the four words after it: that clause
// is someone else's view, not the source's. Without a speech verb the
// content goes on, as PolNeAR marks it where the source said both
// ("…would rise, but only slowly"); cutting at every such comma cost
// exact matches on PolNeAR train.
func (f *speakerFinder) stopAtContrast(r *reportedSpan) {
	for k := r.start + 1; k+1 < r.end; k++ {
		if f.toks[k].Text != "," || !contrastWords[strings.ToLower(f.toks[k+1].Text)] {
			continue
		}
		for j := k + 2; j < min(r.end, k+6); j++ {
			w := strings.ToLower(f.toks[j].Text)
			if strings.HasPrefix(f.toks[j].Tag, "VB") && speechVerb(w) {
				r.end = k
				return
			}
		}
	}
}

// subjectOfCue reports whether r is only the subject of its cue ("His
// claim was rejected"): a content without a verb right before a cue, with
// no punctuation between them, no source, and no content after the cue
// to complete it (PolNeAR splits "Trump is expected to win" around its
// cue, and both halves are content), names what the verb is about, not
// what anyone said.
func (f *speakerFinder) subjectOfCue(r reportedSpan, parts []attrtag.Part, base int) bool {
	if !r.cueAfter || r.cueStart != r.end || r.srcStart >= 0 {
		return false
	}
	for _, p := range parts {
		if p.Role == attrtag.Content && base+p.Start >= r.cueEnd {
			return false
		}
	}
	return !hasVerb(f.toks[r.start:r.end])
}

// speechVerb reports whether w is a cue on Lede's list or opens over a
// quarter of its uses' cues in the training articles (attrtag.CueRate
// "high" or "mid").
func speechVerb(w string) bool {
	r := attrtag.CueRate(w)
	return r == "high" || r == "mid" || lexicon.IsCue(w)
}

// modifierOfSource drops a content part without a verb that runs into a
// source part with nothing between them ("Wang said, state-run Xinhua
// news agency reported": "state-run" is the source's, no content). What
// is reported before its source ends at a comma, a quote mark or a dash,
// not inside the source's noun phrase; a relative word is content of
// its own ("what he called…", "which he described as…").
func modifierOfSource(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	out := parts[:0]
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p.Role == attrtag.Content && i+1 < len(parts) && parts[i+1].Role == attrtag.Source &&
			parts[i+1].Start == p.End && !hasVerb(toks[p.Start:p.End]) && wordutil.HasLetter(toks[p.End-1].Text) && !relativeWord(toks[p.Start]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// relativeWord reports whether t opens a relative clause: "which",
// "what", "who", "that".
func relativeWord(t tokenize.Token) bool {
	return strings.HasPrefix(t.Tag, "W") || strings.EqualFold(t.Text, "that")
}

// maxListTail is the longest list tail, in tokens, that listTail joins
// to a content.
const maxListTail = 12

// listTail runs a sentence's last content on to the sentence's end when
// the tagger stopped it at a comma that only goes on with a list: the
// words after it have no verb, no punctuation but commas, and an "and"
// or "or" ("…tax filings in New York, New Jersey and Connecticut"; "new,
// deep tax cuts, especially for the wealthy and corporations"). A tail
// that opens a contrast or "according to" is left alone.
func listTail(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	n := len(parts)
	if n == 0 || parts[n-1].Role != attrtag.Content {
		return parts
	}
	p := parts[n-1]
	end := wordsEnd(toks, p.End)
	if p.End >= end || toks[p.End].Text != "," {
		return parts
	}
	tail := toks[p.End+1 : end]
	if len(tail) == 0 || len(tail) > maxListTail || hasVerb(tail) {
		return parts
	}
	list := false
	for _, t := range tail {
		w := strings.ToLower(t.Text)
		if w == "and" || w == "or" {
			list = true
		}
		if !wordutil.IsWordLike(t.Text) && t.Text != "," {
			return parts
		}
		if w == "according" || contrastWords[w] {
			return parts
		}
	}
	if !list {
		return parts
	}
	out := slices.Clone(parts)
	out[n-1].End = end
	return out
}

// speechCueAfter reports whether a cue part that holds a verb of speech
// starts at token i or after it: a headline's second attribution
// ("Report: Half Clinton's meetings were with donors; campaign says…").
func speechCueAfter(toks []tokenize.Token, parts []attrtag.Part, i int) bool {
	for _, p := range parts {
		if p.Role != attrtag.Cue || p.Start < i {
			continue
		}
		for _, t := range toks[p.Start:p.End] {
			if speechVerb(strings.ToLower(t.Text)) {
				return true
			}
		}
	}
	return false
}

// saidWords are the cues that saidFallback reads when the tagger found no
// content: the commonest verbs of speech, which news uses in a few fixed
// orders.
var saidWords = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "told": true, "tells": true}

// reportedWords are the cues that saidFallback reads only after the
// clause they report (", the official newspaper Granma reported on
// Saturday."): before it, what follows is their object.
var reportedWords = map[string]bool{"reported": true, "reports": true}

// subordinators open a clause that a sentence's final cue may leave
// outside what was said: "…, the Commerce Department said Friday, as
// income growth slowed".
var subordinators = map[string]bool{
	"as": true, "while": true, "after": true, "before": true, "although": true, "though": true,
	"because": true, "since": true, "when": true, "but": true, "whereas": true,
}

// subordinateTail returns where the words after a cue at toks[from-1]
// end when a comma and a subordinating word follow them (the comma's
// index), else end.
func subordinateTail(toks []tokenize.Token, from, end int) int {
	for k := from; k+1 < end && k <= from+maxCircumstance; k++ {
		if toks[k].Text == "," {
			if subordinators[strings.ToLower(toks[k+1].Text)] {
				return k
			}
			break
		}
	}
	return end
}

// onlyTimeWords reports whether toks are all words of time or numbers:
// "Friday", "on Tuesday", "last week".
func onlyTimeWords(toks []tokenize.Token) bool {
	for _, t := range toks {
		w := strings.ToLower(t.Text)
		if t.Tag != "CD" && !lexicon.TimeWords[w] && !lexicon.Months[w] && !weekday[w] && !isTimePreposition(w) {
			return false
		}
	}
	return len(toks) > 0
}

// maxFallbackSource is the most words saidFallback takes for a source.
const maxFallbackSource = 10

// saidFallback gives a sentence in which the tagger found no content (or
// only a time phrase: "said | Friday") the content of its "said" in the
// two orders wire news writes most: ", SOURCE said [when]." after a
// clause ("An explosion leveled the motel, killing two people, fire
// officials said Friday": the tagger took the whole clause for the
// source), also when a subordinate clause follows (", the Commerce
// Department said Friday, as income growth slowed") and with "reported"
// (", the official newspaper Granma reported on Saturday."); and
// "SOURCE said CLAUSE." with a source
// of at most maxFallbackSource words and no verb or comma ("The students'
// union said second and third-year students were demanding…"). Only said
// and says open a clause so: "added one more development" is no speech;
// told has whom it was told before its clause (toldFallback). A sentence
// with quote marks is left to the quotations.
func saidFallback(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	for _, p := range parts {
		if p.Role == attrtag.Content && !onlyTimeWords(toks[p.Start:p.End]) {
			return parts
		}
	}
	end := wordsEnd(toks, 0)
	i := slices.IndexFunc(toks[:end], func(t tokenize.Token) bool {
		w := strings.ToLower(t.Text)
		return (saidWords[w] || reportedWords[w]) && strings.HasPrefix(t.Tag, "VB")
	})
	// An apostrophe may close a plural's possessive ("The students' union").
	quoted := func(t tokenize.Token) bool { return wordutil.IsQuoteMark(t.Text) && t.Text != "'" && t.Text != "’" }
	if i < 0 || slices.ContainsFunc(toks[:end], quoted) {
		return parts
	}
	tail := subordinateTail(toks, i+1, end)
	if reportedWords[strings.ToLower(toks[i].Text)] && i+1 < tail && toks[i+1].Tag != "IN" && !lexicon.TimeWords[strings.ToLower(toks[i+1].Text)] && !weekday[strings.ToLower(toks[i+1].Text)] {
		return parts // "the company reported a loss": what was reported is its object
	}
	if circumstanceTail(toks[i+1 : tail]) {
		c := i - 1
		for c >= 0 && toks[c].Text != "," {
			c--
		}
		if c < minDashClause || i-c-1 < 1 || i-c-1 > maxFallbackSource || hasVerb(toks[c+1:i]) || !hasVerb(toks[:c]) {
			return parts
		}
		return []attrtag.Part{{Start: 0, End: c, Role: attrtag.Content}, {Start: c + 1, End: i, Role: attrtag.Source}, {Start: i, End: i + 1, Role: attrtag.Cue}}
	}
	w := strings.ToLower(toks[i].Text)
	if reportedWords[w] {
		return parts
	}
	if w == "told" || w == "tells" {
		return toldFallback(toks[:end], parts, i)
	}
	if w != "said" && w != "says" || !plainSource(toks[:i]) || !wordutil.IsWordLike(toks[i+1].Text) ||
		end-i-1 < minDashClause || !hasVerb(toks[i+1:end]) {
		return parts
	}
	return []attrtag.Part{{Start: 0, End: i, Role: attrtag.Source}, {Start: i, End: i + 1, Role: attrtag.Cue}, {Start: i + 1, End: end, Role: attrtag.Content}}
}

// plainSource reports whether toks can be the source that opens a
// sentence before its cue: one to maxFallbackSource words, with no verb
// or comma.
func plainSource(toks []tokenize.Token) bool {
	return len(toks) >= 1 && len(toks) <= maxFallbackSource && !hasVerb(toks) &&
		!slices.ContainsFunc(toks, func(t tokenize.Token) bool { return t.Text == "," })
}

// wordsEnd returns the end of toks without the tokens with no letter or
// digit at its end (a full stop, a closing quote mark), at lo at least.
func wordsEnd(toks []tokenize.Token, lo int) int {
	end := len(toks)
	for end > lo && !wordutil.HasLetter(toks[end-1].Text) {
		end--
	}
	return end
}

// maxRecipient is the most words toldFallback takes for whom it was
// told.
const maxRecipient = 5

// toldFallback is saidFallback's "SOURCE told WHOM CLAUSE.": the clause
// starts at "that" or at a subject pronoun after the words for whom it
// was told, which hold no verb or comma ("Eyewitnesses told Boston
// television stations they saw a gasoline truck…"). toks ends before the
// sentence's final stop; i is the cue's.
func toldFallback(toks []tokenize.Token, parts []attrtag.Part, i int) []attrtag.Part {
	if !plainSource(toks[:i]) {
		return parts
	}
	for k := i + 1; k < len(toks) && k <= i+maxRecipient+1; k++ {
		t := toks[k]
		lw := strings.ToLower(t.Text)
		if strings.HasPrefix(t.Tag, "VB") || t.Text == "," || t.Text == ":" {
			return parts
		}
		start := -1
		switch {
		case lw == "that" && k > i+1:
			start = k
		case t.Tag == "PRP" && k > i+1 && lw != "him" && lw != "her" && lw != "them" && lw != "me" && lw != "us":
			start = k
		}
		if start >= 0 {
			if len(toks)-start < minDashClause || !hasVerb(toks[start:]) {
				return parts
			}
			return []attrtag.Part{{Start: 0, End: i, Role: attrtag.Source}, {Start: i, End: i + 1, Role: attrtag.Cue}, {Start: start, End: len(toks), Role: attrtag.Content}}
		}
	}
	return parts
}

// maxRelativeSource is the longest source, in tokens, that
// relativeSource reads between a relative word and its cue.
const maxRelativeSource = 6

// relativeSource mends a content part that ends in a relative clause's
// opening and runs into a cue: "a slowdown in consumer spending that some
// analysts | said | may help moderate growth", "no confirmation of the
// report which | the spokesman | said | came from…". The noun before the
// relative word is what the reported words are about, not what was said,
// so the part goes; the words between the relative word and the cue, if
// the tagger gave them to the content, are the source. Only a content
// without a verb before the relative word goes: in a longer one ("he
// believed …, despite the fact that the union endorsed her") the
// relative clause is one piece of what was said.
func relativeSource(toks []tokenize.Token, parts []attrtag.Part) []attrtag.Part {
	out := parts[:0]
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p.Role != attrtag.Content || i+1 >= len(parts) || parts[i+1].Start != p.End {
			out = append(out, p)
			continue
		}
		next := parts[i+1].Role
		if next != attrtag.Cue && next != attrtag.Source {
			out = append(out, p)
			continue
		}
		rel := -1
		for k := p.End - 1; k > p.Start && k >= p.End-1-maxRelativeSource; k-- {
			w := strings.ToLower(toks[k].Text)
			if w == "that" || w == "which" {
				if t := toks[k-1].Tag; (t == "NN" || t == "NNS") && wordutil.HasLetter(toks[k-1].Text) && !hasVerb(toks[p.Start:k]) {
					rel = k // a noun's relative clause, not "said that" or "so … that"
				}
				break
			}
		}
		if rel < 0 || hasVerb(toks[rel+1:p.End]) || next == attrtag.Source && rel+1 != p.End ||
			next == attrtag.Cue && rel+1 == p.End {
			out = append(out, p)
			continue
		}
		if next == attrtag.Cue {
			out = append(out, attrtag.Part{Start: rel + 1, End: p.End, Role: attrtag.Source})
		}
	}
	return out
}
