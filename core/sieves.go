package core

import (
	"strings"
	"unicode"

	"lede/internal/lexicon"
	"lede/internal/wordutil"
)

// direct runs the sieves that look for a cue of the quote's own.
func (f *speakerFinder) direct(qi int) attribution {
	bLo, bHi, aLo, aHi := f.regions(qi)
	// "…," X said.  /  "…," said X.  /  "…," according to X.
	if a, ok := f.after(aLo, aHi); ok {
		return f.preferPerson(a, bLo, bHi, aLo, aHi)
	}
	// X said: "…"  /  X told reporters, "…"  /  According to X, "…"  /  X: "…"
	if a, ok := f.before(bLo, bHi); ok {
		return f.preferPerson(a, bLo, bHi, aLo, aHi)
	}
	// "…?" ⏎ asked Mustafa Hoshiyeh, a labourer.: text copied from the
	// web may break the line between a quote and its cue.
	if a, ok := f.cueOnNextLine(qi, aLo, aHi); ok {
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
	// His call to "…", Trump's promise of "…": the words of whoever the
	// possessive names.
	if a, ok := f.possessiveSpeech(bLo, bHi); ok {
		return a
	}
	// No cue, but a subject with a verb of its own: X thanked him for
	// "…", the ad claims "…", X is labeling it "…".
	// A place or a nationality there is what the sentence is about, not
	// who speaks ("Hong Kong also had the necessary "constitutional
	// infrastructure""): the quote is left to the sieves after.
	if start, end, ok := f.clauseSubject(bLo, bHi); ok {
		if a := f.resolve(start, end, -1, 0, 0.55); a.entity < 0 || !f.isPlaceOrGroup(a.entity) {
			return a
		}
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
		if lexicon.IsObjectCue(strings.ToLower(f.toks[i].Text)) {
			return attribution{}, false
		}
		if a, ok := f.objectSpeaker(i, n, hi, 0.95); ok {
			return a, true
		}
		return attribution{}, false
	}
	// X said: the subject must start right after the quote. "X was
	// quoted (by Interfax) as saying": X is the subject of the passive.
	for c := i + 1; c < hi && c < i+40; c++ {
		if n, ok := f.cueAt(c, hi); ok {
			v := c
			if quotingVerbs[strings.ToLower(f.toks[c].Text)] && c-1 > i && isBeForm(f.toks[c-1].Text) {
				v = c - 1
			}
			start, end, ok := f.nounPhraseBefore(v, i)
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
	if n, ok := f.cueAt(lo, end); ok && unicode.IsUpper(wordutil.FirstRune(f.toks[lo].Text)) &&
		!lexicon.IsObjectCue(strings.ToLower(f.toks[lo].Text)) && !strings.HasSuffix(strings.ToLower(f.toks[lo].Text), "ing") {
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

// subject finds the speaker before the cue at toks[c] (n tokens long):
// "X said", "X has also said", "X, a spokesman, said".
func (f *speakerFinder) subject(c, n, lo int, conf float64) (attribution, bool) {
	// "She was described by The Guardian as …": in the passive, the
	// speaker is the agent after "by"; but one "quoted by Interfax as
	// saying" is the subject.
	if c > lo && n == 1 && f.toks[c].Tag == "VBN" && isBeForm(f.toks[c-1].Text) && c+1 < len(f.toks) && f.toks[c+1].Text == "by" && !quotingVerbs[strings.ToLower(f.toks[c].Text)] {
		_, hi := f.sentenceBounds(c)
		if a, ok := f.objectSpeaker(c+1, 1, hi, conf); ok {
			a.cue = f.spanMention(c, c+1)
			return a, true
		}
	}
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
	// "Liam caught a taxi back to London saying …": a place that a
	// preposition locates is where, and the clause's subject speaks.
	if f.locatedPlace(start, end) {
		if s, e, ok := f.clauseSubject(lo, start); ok {
			return f.resolve(s, e, c, n, conf-0.1), true
		}
		return attribution{}, false
	}
	// "Rui Gomez Pereira in his book Goan Temples writes": a
	// prepositional phrase between the named speaker and the cue.
	if !f.personIn(start, end) && !(end-start == 1 && isPronoun(strings.ToLower(f.toks[start].Text))) {
		if s, e, ok := f.personBeforePhrase(start, lo); ok {
			return f.resolve(s, e, c, n, conf-0.05), true
		}
	}
	// "He submitted a petition in 1993 asking for…": a participle after
	// a time phrase shares the clause's subject. (After other phrases
	// the noun before it is often its subject: "with Trump reportedly
	// yelling", "the newspaper's editorial telling him".)
	if start > lo && f.toks[c].Tag == "VBG" && f.toks[start-1].Tag == "IN" && onlyTimeWords(f.toks[start:end]) {
		if s, e, ok := f.clauseSubject(lo, start-1); ok {
			return f.resolve(s, e, c, n, conf-0.1), true
		}
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
	// "said the tourist, Khaled Hijazi, 37": a description first, the
	// name in the appositive after it. Not after "according to", whose
	// comma ends the source: "According to exit polls, Mitt Romney led".
	if end+1 < hi && f.toks[end].Text == "," && !f.personIn(start, end) && !strings.EqualFold(f.toks[c].Text, "according") {
		s, e := end+1, end+1
		for e < hi && e-s < 8 && f.isNounPhraseToken(e, s) {
			e++
		}
		if e > s && f.personIn(s, e) {
			return f.resolve(s, e, c, n, conf), true
		}
	}
	return f.resolve(start, end, c, n, conf), true
}

// personIn reports whether toks[start:end] hold a person's name.
func (f *speakerFinder) personIn(start, end int) bool {
	mi := f.mentionIn(f.toks[start].Start, f.toks[end-1].End)
	return mi >= 0 && f.ms[mi].Type == Person
}

// isTitle reports whether quote qi is the title of a work, which is a
// name and not speech: a quoted phrase in Title Case right after a
// preposition or a verb whose object is a listener ("told "Face the
// Nation"", "an appearance on "State of the Union"").
func (f *speakerFinder) isTitle(qi int) bool {
	q := f.quotes[qi]
	if q.Kind != KindPartial {
		return false
	}
	i, _ := f.tokenRange(q.Start, q.End)
	if i == 0 || i >= len(f.toks) {
		return false
	}
	prev := f.toks[i-1]
	if prev.Tag != "IN" && prev.Tag != "TO" && !lexicon.IsObjectCue(strings.ToLower(prev.Text)) {
		return false
	}
	return f.titleCased(qi)
}

// titleCased reports whether the words of quote qi are in Title Case, as
// a work's title is: at least two words, all capitalized but for short
// ones ("the", "of", "on").
func (f *speakerFinder) titleCased(qi int) bool {
	q := f.quotes[qi]
	words, capitals := 0, 0
	for w := range strings.FieldsSeq(f.text[q.TextStart:q.TextEnd]) {
		r := wordutil.FirstRune(w)
		if !unicode.IsLetter(r) || len(w) <= 3 && unicode.IsLower(r) {
			continue // "the", "of", "on" stay small in titles
		}
		words++
		if unicode.IsUpper(r) {
			capitals++
		}
	}
	return words >= 2 && capitals == words
}

// isPlaceOrGroup reports whether entity e is a place or a nationality or
// group (NORP): words about them are rarely theirs.
func (f *speakerFinder) isPlaceOrGroup(e int) bool {
	t := f.ents[e].Type
	return t == Place || t == NORP
}

// preferPerson returns a, unless a names a place or a group and another
// cue of the quote's sentence names a person: ""Water is life,"
// Bolivians say, according to Maria Gómez" is Gómez's.
func (f *speakerFinder) preferPerson(a attribution, bLo, bHi, aLo, aHi int) attribution {
	if a.entity < 0 || !f.isPlaceOrGroup(a.entity) {
		return a
	}
	for _, r := range [][2]int{{aLo, aHi}, {bLo, bHi}} {
		for c := r[0]; c < r[1]; c++ {
			n, ok := f.cueAt(c, r[1])
			if !ok || a.cue != nil && f.toks[c].Start == a.cue.Start {
				continue
			}
			var b attribution
			if strings.EqualFold(f.toks[c].Text, "according") {
				b, ok = f.objectSpeaker(c, n, r[1], a.confidence)
			} else {
				b, ok = f.subject(c, n, r[0], a.confidence)
			}
			if ok && b.entity >= 0 && f.ents[b.entity].Type == Person {
				return b
			}
		}
	}
	return a
}

func isBeForm(w string) bool {
	switch strings.ToLower(w) {
	case "was", "were", "is", "are", "been", "be", "being":
		return true
	}
	return false
}

// personBeforePhrase finds a person's name that ends just before a
// preposition opening a short phrase without a verb, the phrase running
// up to toks[end]: "Pereira [in his book Goan Temples] writes".
func (f *speakerFinder) personBeforePhrase(end, lo int) (int, int, bool) {
	for k := end - 1; k > lo && k >= end-10; k-- {
		t := f.toks[k]
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "WDT" || t.Tag == "WP" || t.Text == "," || f.isSentenceEnd(k) {
			return 0, 0, false
		}
		if t.Tag != "IN" {
			continue
		}
		if s, e, ok := f.nounPhraseEndingAt(k, lo); ok && e == k && f.personIn(s, e) {
			return s, e, true
		}
	}
	return 0, 0, false
}

// cueOnNextLine finds the speaker of a quote that ends its block in the
// block after it, when that block opens with a cue in lower case ("asked
// Mustafa Hoshiyeh") or with a name and a cue ("Jamil said."): a line
// break the copy put between a quotation and its attribution.
func (f *speakerFinder) cueOnNextLine(qi, aLo, aHi int) (attribution, bool) {
	last := f.last[qi]
	if aLo != aHi || last+1 >= len(f.paras) || qi+1 < len(f.quotes) && f.quotes[qi+1].Start < f.paras[last+1].End {
		return attribution{}, false
	}
	lo, hi := f.tokenRange(f.paras[last+1].Start, f.paras[last+1].End)
	for k := lo; k < hi; k++ {
		if f.isSentenceEnd(k) {
			hi = k
			break
		}
	}
	if lo >= hi || !unicode.IsLower(wordutil.FirstRune(f.toks[lo].Text)) {
		return attribution{}, false
	}
	return f.after(lo, hi)
}

// speechNouns are nouns for something said, which a possessive before
// them attributes: "his call to", "her promise of".
var speechNouns = map[string]bool{
	"call": true, "calls": true, "promise": true, "pledge": true, "vow": true, "claim": true,
	"warning": true, "demand": true, "appeal": true, "words": true, "message": true,
	"statement": true, "description": true, "plea": true, "slogan": true, "motto": true,
	"remark": true, "remarks": true, "comment": true, "comments": true, "assessment": true,
}

// possessiveSpeech finds "his call to", "Trump's promise of" right
// before a quote (in toks[lo:hi]) and returns whom the possessive names.
func (f *speakerFinder) possessiveSpeech(lo, hi int) (attribution, bool) {
	k := hi - 1
	for k > lo && k >= hi-3 && !speechNouns[strings.ToLower(f.toks[k].Text)] {
		switch strings.ToLower(f.toks[k].Text) {
		case "to", "of", "for", "that", ":", ",":
			k--
			continue
		}
		return attribution{}, false
	}
	if k <= lo || !speechNouns[strings.ToLower(f.toks[k].Text)] {
		return attribution{}, false
	}
	noun := f.spanMention(k, k+1)
	p := k - 1
	switch w := strings.ToLower(f.toks[p].Text); w {
	case "his", "her":
		e := f.pronounReferent(possessivePronouns[w], f.toks[p].Start)
		m := f.mentionOf(p)
		return attribution{entity: e, mention: &m, cue: noun, method: MethodPronoun, confidence: 0.6}, e >= 0
	case "'s", "’s":
		if s, e, ok := f.nounPhraseEndingAt(p, lo); ok && f.personIn(s, e) {
			a := f.resolve(s, e, k, 1, 0.7)
			return a, a.entity >= 0
		}
	}
	return attribution{}, false
}
