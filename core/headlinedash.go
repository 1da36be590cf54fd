package core

import (
	"strings"
	"unicode"

	"lede/internal/attrtag"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// maxDashSource is the most words a headline's source after its dash
// has: "Interfax", "newspaper", "Foreign Ministry officials".
const maxDashSource = 3

// minDashClause is the fewest words the headline before the dash has.
const minDashClause = 3

// headlineSources are the words that name a source in a headline's tail
// without being a name or a description on Lede's list: a wire headline
// credits radio, a report or sources as readily as an agency.
var headlineSources = map[string]bool{
	"radio": true, "television": true, "tv": true, "report": true, "reports": true,
	"sources": true, "source": true, "officials": true, "official": true,
	"witnesses": true, "police": true, "poll": true, "survey": true, "study": true,
	"diplomats": true, "analysts": true, "media": true, "press": true,
}

// headlineDash reads a wire headline that names its source after a
// dash, "Yeltsin visits wife Naina in hospital - Interfax.", "Algeria
// restaurant bomb kills seven - newspaper.": the clause before the dash
// is what the source says, the dash is the cue and the words after it
// the source. toks is the headline's sentence; it returns nil for any
// other, so that a section label ("SOCCER - SCOTTISH LEAGUE RESULTS"),
// a date ("Summary - Aug 30") or a company's filing ("IPO FILING --
// Homegate Hospitality Inc.") is left to the tagger: the clause needs a
// verb (headlineVerb) and minDashClause words, and the tail at most
// maxDashSource words without a digit, each a name or a word for a
// source.
func headlineDash(toks []tokenize.Token) []attrtag.Part {
	n := headlineEnd(toks)
	d := n - 1
	for d >= 0 && !isDash(toks[d].Text) {
		d--
	}
	if d < minDashClause || n-d-1 < 1 || n-d-1 > maxDashSource || !headlineVerb(toks[:d]) || allCaps(toks[:d]) {
		return nil
	}
	for _, t := range toks[d+1 : n] {
		w := strings.ToLower(t.Text)
		if strings.ContainsAny(w, "0123456789") || strings.HasPrefix(t.Tag, "VB") {
			return nil
		}
		if !unicode.IsUpper(wordutil.FirstRune(t.Text)) && !headlineSources[w] && lexicon.Nominal[w].Type == "" {
			return nil
		}
	}
	return []attrtag.Part{
		{Start: 0, End: d, Role: attrtag.Content},
		{Start: d, End: d + 1, Role: attrtag.Cue},
		{Start: d + 1, End: n, Role: attrtag.Source},
	}
}

// headlineVerb reports whether a headline's clause has a verb: one the
// tagger saw, or a word in -s right after a name, which the tagger,
// reading a headline without its articles, takes for a plural noun
// ("Yeltsin visits wife…", "Yeltsin endorses…").
func headlineVerb(toks []tokenize.Token) bool {
	if hasVerb(toks) {
		return true
	}
	for i := 1; i < len(toks); i++ {
		w := toks[i].Text
		if toks[i].Tag == "NNS" && strings.HasSuffix(w, "s") && unicode.IsLower(wordutil.FirstRune(w)) && unicode.IsUpper(wordutil.FirstRune(toks[i-1].Text)) {
			return true
		}
	}
	return false
}

// inHeadline reports whether the byte offset off lies in the text's
// headline: a first line of one sentence, with lines after it.
func (f *speakerFinder) inHeadline(off int) bool {
	if len(f.paras) < 2 || off < f.paras[0].Start || off >= f.paras[0].End {
		return false
	}
	i, j := f.tokenRange(f.paras[0].Start, f.paras[0].End)
	for k := i; k < j-1; k++ {
		if f.ends[k] {
			return false
		}
	}
	return true
}

// headlineColon reads a headline that names its source before a colon,
// "Pence: Gennifer Flowers Won't Be at Debate", "Poll: Wealthy Voters
// Abandon Republican Party": the words after the colon are what the
// source says, the colon is the cue. toks is the headline's sentence;
// it returns nil unless the words before the colon are at most
// maxDashSource names or words for a source, with no article, verb,
// preposition or digit ("The Latest: …", "Stealth Over Health: …",
// "Obama on Climate Change: …" are labels), and the words after it have
// a verb and at least minDashClause words.
func headlineColon(toks []tokenize.Token) []attrtag.Part {
	n := headlineEnd(toks)
	c := 0
	for c < n && c <= maxDashSource && toks[c].Text != ":" {
		c++
	}
	if c == 0 || c > maxDashSource || c >= n || toks[c].Text != ":" || n-c-1 < minDashClause || !headlineVerb(toks[c+1:n]) {
		return nil
	}
	for _, t := range toks[:c] {
		w := strings.ToLower(t.Text)
		if strings.ContainsAny(w, "0123456789") || strings.HasPrefix(t.Tag, "VB") || t.Tag == "DT" || t.Tag == "IN" || t.Tag == "CC" || labelWords[w] {
			return nil
		}
		if !unicode.IsUpper(wordutil.FirstRune(t.Text)) || !headlineSources[w] && !isHeadlineName(t) {
			return nil
		}
	}
	return []attrtag.Part{
		{Start: 0, End: c, Role: attrtag.Source},
		{Start: c, End: c + 1, Role: attrtag.Cue},
		{Start: c + 1, End: n, Role: attrtag.Content},
	}
}

// isHeadlineName reports whether t may be a word of a name in a
// headline, which capitalizes every word: a proper noun, or a word the
// tagger typed as an entity.
func isHeadlineName(t tokenize.Token) bool {
	return strings.HasPrefix(t.Tag, "NNP") || t.Entity != ""
}

// labelWords are the small words that make the words before a headline's
// colon a label rather than a source, whatever the tagger made of them
// in a headline's capitals: "Stealth Over Health: …".
var labelWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "on": true, "over": true, "in": true, "for": true,
	"with": true, "at": true, "to": true, "from": true, "and": true, "or": true, "after": true, "before": true,
	"about": true, "against": true, "vs": true, "vs.": true, "by": true, "latest": true,
}

// headlineEnd returns the end of a headline's tokens without its final
// full stops and exclamation marks.
func headlineEnd(toks []tokenize.Token) int {
	n := len(toks)
	for n > 0 && (toks[n-1].Text == "." || toks[n-1].Text == "!") {
		n--
	}
	return n
}
