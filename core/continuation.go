package core

import (
	"slices"
	"sort"
	"strings"

	"lede/internal/token"
	"lede/internal/wordutil"
)

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
		case pLast == qFirst-1 && f.quotes[i].Kind == KindPartial && attrs[prev].entity >= 0 &&
			f.ents[attrs[prev].entity].Type == Person && !f.mentionsPerson(qFirst):
			// A quoted phrase in the paragraph after someone spoke, which
			// names no one else: their account goes on ("Hong Kong also
			// had the necessary "constitutional infrastructure"").
			carry(i, prev, 0.5)
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
		// Only a person, or an organization by its name: with no cue at
		// all, "It has re-energised his passion" or "Bodyboarders now
		// seek…" before a quote are what it is about, not who speaks.
		if start, end, ok := f.previousSubject(i); ok {
			if a := f.resolve(start, end, -1, 0, 0.5); a.entity >= 0 && (f.ents[a.entity].Type == Person || f.ents[a.entity].Type == Org && a.method == MethodExplicit) {
				attrs[i] = a
				attrs[i].method = MethodContext
				continue
			}
		}
		// A paragraph of nothing but a quote, after one that speaks of
		// someone as "he" or "his" ("The thought of quitting never
		// entered his head."), is that person's.
		if p := f.first[i]; p > 0 && f.onlyQuotes(p) && (i == 0 || f.last[i-1] < p-1) {
			if e, mention := f.pronounIn(p - 1); e >= 0 {
				attrs[i] = attribution{entity: e, mention: mention, method: MethodContext, confidence: 0.45}
			}
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
	k := token.Index(f.toks, q.Start) - 1 // the end of the sentence before
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
		if j := token.Index(f.toks, f.quotes[qi-1].End); j > lo {
			return 0, 0, false // the sentence before holds a quote
		}
	}
	// "But she said she would not stop.": the conjunction that opens the
	// sentence is not part of its subject.
	if lo < k && isOpeningConjunction(f.toks[lo].Text) {
		lo++
	}
	return f.clauseSubject(lo, k)
}

// mentionsEntity reports whether paragraph p names entity e.
func (f *speakerFinder) mentionsEntity(p, e int) bool {
	return slices.ContainsFunc(f.blockMentions(p), func(m nameMention) bool { return m.Entity == e })
}

// blockMentions returns the mentions of block p (a mention never crosses
// a line).
func (f *speakerFinder) blockMentions(p int) []nameMention {
	para := f.paras[p]
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= para.Start })
	j := i
	for j < len(f.ms) && f.ms[j].End <= para.End {
		j++
	}
	return f.ms[i:j]
}

// onlyQuotes reports whether paragraph p holds nothing but quotations and
// punctuation.
func (f *speakerFinder) onlyQuotes(p int) bool {
	para := f.paras[p]
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > para.Start })
	pos := para.Start
	for ; i < len(f.quotes) && f.quotes[i].Start < para.End; i++ {
		if wordutil.HasLetter(f.text[pos:max(pos, f.quotes[i].Start)]) {
			return false
		}
		pos = max(pos, f.quotes[i].End)
	}
	return pos < para.End && !wordutil.HasLetter(f.text[pos:para.End]) || pos >= para.End
}

// isOpeningConjunction reports whether w, opening a sentence, only links
// it to the one before: "But", "And", "Yet", "So".
func isOpeningConjunction(w string) bool {
	switch w {
	case "But", "And", "Yet", "So", "Still", "However":
		return true
	}
	return false
}

// pronounIn returns the person the first personal pronoun of block p
// ("he", "his", "she", "her") stands for, and the pronoun, or -1.
func (f *speakerFinder) pronounIn(p int) (int, *Mention) {
	lo, hi := f.tokenRange(f.paras[p].Start, f.paras[p].End)
	for k := lo; k < hi; k++ {
		w := strings.ToLower(f.toks[k].Text)
		subject := w
		switch w {
		case "his", "him":
			subject = "he"
		case "her":
			subject = "she"
		case "he", "she":
		default:
			continue
		}
		if f.insideQuote(f.toks[k].Start) {
			continue
		}
		if e := f.pronounReferent(subject, f.toks[k].Start); e >= 0 {
			m := f.mentionOf(k)
			return e, &m
		}
		return -1, nil
	}
	return -1, nil
}

// mentionsPerson reports whether block p names a person.
func (f *speakerFinder) mentionsPerson(p int) bool {
	return slices.ContainsFunc(f.blockMentions(p), func(m nameMention) bool { return m.Type == Person })
}
