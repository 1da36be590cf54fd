package core

import (
	"sort"
	"strings"
	"unicode"

	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

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

// maxOpeningPhrase is how many tokens clauseSubject lets open a sentence
// before the comma after which its subject stands ("As the race has
// turned to primary contests in states with more diverse Democratic
// electorates, Clinton has…").
const maxOpeningPhrase = 25

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
		if !pronoun && !f.hasProperNoun(from, end) || f.locatedPlace(from, end) {
			return 0, 0, false
		}
		// "Syria on Friday condemned …": a time phrase may stand
		// between the subject and its verb, and so may a bracketed
		// aside ("Bob Goodlatte (R-Va.) told MSNBC…").
		after := bracketEnd(f.toks, end+f.leadingTime(end, hi), hi)
		if after >= hi {
			return 0, 0, false
		}
		next := f.toks[after]
		if !strings.HasPrefix(next.Tag, "VB") && next.Tag != "MD" && next.Tag != "RB" && next.Text != "," {
			return 0, 0, false
		}
		return from, end, true
	}
	if s, e, ok := try(lo); ok {
		return s, e, true
	}
	// After the conjunction that links the sentence to the one before
	// ("And he managed to do it…, slamming…").
	if lo+1 < hi && f.toks[lo].Tag == "CC" {
		if s, e, ok := try(lo + 1); ok {
			return s, e, true
		}
	}
	// After an opening phrase and its comma, or two ("On Thursday,
	// however, Trump spoke…").
	for k := lo; k < hi && k < lo+maxOpeningPhrase; k++ {
		if f.toks[k].Text == "," {
			if s, e, ok := try(k + 1); ok {
				return s, e, true
			}
		}
	}
	return 0, 0, false
}

// weekday names may stand alone between a subject and its cue.
var weekday = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// reflexive pronouns stress the subject right after it: "Galois himself
// exclaimed".
var reflexive = map[string]bool{"himself": true, "herself": true, "itself": true, "themselves": true}

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

// isAsideDash reports whether t is a dash that sets off an aside: a long
// dash or a double hyphen, not a hyphen.
func isAsideDash(t string) bool {
	return t == "—" || t == "–" || t == "--"
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
		case (lexicon.TimeWords[w] || lexicon.Months[w]) && j-2 >= lo && isTimePreposition(f.toks[j-2].Text):
			j -= 2 // "on Friday", "in May": "the government, which in May said"
			continue
		case lexicon.TimeWords[w] && j-3 >= lo && isTimePreposition(f.toks[j-3].Text) && lexicon.TimeWords[strings.ToLower(f.toks[j-2].Text)]:
			j -= 3
			continue
		case weekday[w] && j-1 > lo:
			j-- // "Priebus later Thursday told Fox News"
			continue
		case reflexive[w] && j-1 > lo:
			j-- // "Galois himself exclaimed"
			continue
		case (w == "example" || w == "instance") && j-2 > lo && strings.EqualFold(f.toks[j-2].Text, "for"):
			j -= 2 // "the Britannica for example describes"
			continue
		}
		break
	}
	return j
}

// nounPhraseEndingAt finds the noun phrase that ends just before toks[j].
func (f *speakerFinder) nounPhraseEndingAt(j, lo int) (int, int, bool) {
	end := j
	// An aside between dashes: "The California Avocado Commission --
	// which has led the opposition -- said". The speaker is the phrase
	// before the first dash.
	if end > lo && isAsideDash(f.toks[end-1].Text) {
		for k := end - 2; k > lo && k >= end-30; k-- {
			t := f.toks[k]
			if wordutil.IsQuoteMark(t.Text) || f.isSentenceEnd(k) {
				break
			}
			if t.Text != f.toks[end-1].Text {
				continue
			}
			if ns, ne, ok := f.nounPhraseBefore(k, lo); ok && ne == k && (f.hasProperNoun(ns, ne) || isPronoun(strings.ToLower(f.toks[ns].Text))) {
				return ns, ne, true
			}
			break
		}
		return 0, 0, false
	}
	// An appositive or a relative clause between commas: "Wang, a
	// spokesman for the ministry, said", "Gil, 22, who founded the group,
	// said". The speaker is the phrase before the first comma.
	if end > lo && f.toks[end-1].Text == "," {
		// A role first, the name after it: "Association founder and
		// president, Jane Doe, said".
		if ns, ne, ok := f.nounPhraseBefore(end-1, lo); ok && ne == end-1 && ns > lo && f.toks[ns-1].Text == "," && f.personIn(ns, ne) {
			return ns, ne, true
		}
		best, bestEnd := -1, -1
		for k := end - 2; k > lo && k >= end-30; k-- {
			t := f.toks[k]
			if wordutil.IsQuoteMark(t.Text) || f.isSentenceEnd(k) {
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
	if wordutil.IsQuoteMark(t.Text) || t.Text == "," || f.isSentenceEnd(i) {
		return false
	}
	if isPronoun(w) || f.inName(i) {
		return true
	}
	if w == "." && i > lo && initialAt(f.toks, i-1) == 2 {
		return true // the stop of an initial: "William M. Daley"
	}
	switch t.Tag {
	case "NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "DT", "PRP$", "POS", "CD", "FW":
		// The tagger calls "said" a noun next to quote marks; a cue that
		// is also a noun ("email", "report") stays in the phrase.
		return !lexicon.IsCue(w) || !isPastOrPresentForm(w) || unicode.IsUpper(wordutil.FirstRune(t.Text))
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
	r := wordutil.FirstRune(t.Text)
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
	if end-start > 4 || end-start == 1 && f.toks[start].Tag == "NNS" {
		return false // "Bodyboarders now seek…": a plural noun opening a sentence
	}
	for k := start; k < end; k++ {
		t := f.toks[k]
		w := strings.ToLower(t.Text)
		if !unicode.IsUpper(wordutil.FirstRune(t.Text)) || isPronoun(w) || lexicon.Nominal[w].Type != "" && k == end-1 {
			return false
		}
		switch t.Tag {
		case "DT", "PRP$", "IN", "RB", "CC", "WRB", "WP", "TO", "MD", "CD":
			return false // "Until now", "The", "Later"
		}
	}
	return true
}

// bracketEnd returns the index after the bracketed aside that opens at
// toks[i] ("(R-Va.)", "(BRE)"), or i when none does: an aside longer
// than six tokens is no label.
func bracketEnd(toks []tokenize.Token, i, hi int) int {
	if i >= hi || toks[i].Text != "(" {
		return i
	}
	for k := i + 1; k < hi && k <= i+6; k++ {
		if toks[k].Text == ")" {
			return k + 1
		}
	}
	return i
}

// inName reports whether toks[i] lies inside a name mention: the
// part-of-speech tagger takes some surnames for verbs ("Stenning",
// "Manning"), and a name is a noun phrase whatever its tags.
func (f *speakerFinder) inName(i int) bool {
	t := f.toks[i]
	k := sort.Search(len(f.ms), func(k int) bool { return f.ms[k].End > t.Start })
	return k < len(f.ms) && f.ms[k].Start <= t.Start && t.End <= f.ms[k].End
}
