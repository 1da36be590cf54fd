package core

import (
	"strings"

	"lede/internal/lexicon"
	"lede/internal/wordutil"
)

// isCueComplement reports whether toks[i:j] may stand between a cue and
// its quote: an object or a short prepositional phrase ("told reporters",
// "said in a statement", "wrote on Twitter"), without a verb.
func (f *speakerFinder) isCueComplement(i, j int) bool {
	for k := i; k < j; k++ {
		t := f.toks[k]
		if strings.HasPrefix(t.Tag, "VB") || f.isSentenceEnd(k) || wordutil.IsQuoteMark(t.Text) {
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
	for _, p := range lexicon.PhraseCues {
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
	if !lexicon.IsCue(w) {
		return 0, false
	}
	// "report" and "claims" are nouns as often as verbs; the common past
	// forms are verbs even where the tagger is confused by quote marks.
	if strings.HasPrefix(t.Tag, "VB") || isPastOrPresentForm(w) || strings.HasSuffix(w, "ing") && f.introducesQuote(i) {
		return 1, true
	}
	return 0, false
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

// introducesQuote reports whether toks[i] is followed by a comma or a
// colon and a quote mark: a cue's -ing form there is a verb whatever its
// tag ("… details further stating, "The linga…""), unlike a noun ("an
// encouraging note: "…"").
func (f *speakerFinder) introducesQuote(i int) bool {
	if i+2 >= len(f.toks) {
		return false
	}
	p := f.toks[i+1].Text
	return (p == "," || p == ":") && wordutil.IsQuoteMark(f.toks[i+2].Text)
}

// quotingVerbs report another's words: "Interfax quoted Chernomyrdin as
// saying", "the paper cited officials as saying".
var quotingVerbs = map[string]bool{"quoted": true, "quotes": true, "quoting": true, "cited": true, "cites": true, "citing": true}

// maxQuotedAs is the longest phrase quotedAs takes for the one quoted.
const maxQuotedAs = 16

// quotedAs reports whether the cue at toks[c] reports someone else's
// words, "quoted X as saying": the speaker is X, toks[start:end], not the
// agency or paper that quoted X (the subject, or the agent of "was quoted
// by Interfax as saying"). X is a noun phrase, with perhaps an acronym in
// brackets and a description in commas ("the Human Rights National
// Observatory (ONDH), a government-appointed watchdog, as saying"), of at
// most maxQuotedAs tokens, followed by "as" and an -ing verb.
func (f *speakerFinder) quotedAs(c int) (start, end int, ok bool) {
	if c < 0 || !quotingVerbs[strings.ToLower(f.toks[c].Text)] {
		return 0, 0, false
	}
	start = c + 1
	for k := start; k+1 < len(f.toks) && k-start < maxQuotedAs; k++ {
		t := f.toks[k].Text
		if strings.EqualFold(t, "as") {
			if k == start || f.toks[k+1].Tag != "VBG" {
				return 0, 0, false
			}
			end = k
			if f.toks[end-1].Text == "," {
				end--
			}
			return start, end, end > start
		}
		if t != "(" && t != ")" && t != "," && !f.isNounPhraseToken(k, start) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}
