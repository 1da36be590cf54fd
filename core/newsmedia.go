package core

import (
	"strings"
	"unicode"
)

// newsMediumNouns are the words a text writes next to a newspaper's or a
// news agency's name to say what it is: "Zycie Warszawy daily", "the
// Al-Akhbar newspapers", "the daily Granma". The words of one group fit
// each other in a description: "the paper" is the daily named before.
var newsMediumNouns = map[string]string{
	"newspaper": "paper", "newspapers": "paper", "paper": "paper", "daily": "paper",
	"weekly": "paper", "tabloid": "paper", "magazine": "paper",
	"agency": "agency",
}

// mediumWordAfter returns the news medium's noun group of the word right
// after offset end ("daily" in "Zycie Warszawy daily said"), or "" when
// the next word is none. Only a word in lower case counts: "Daily" may
// be the next name's.
func mediumWordAfter(text string, end int) string {
	rest := text[end:]
	if !strings.HasPrefix(rest, " ") {
		return ""
	}
	rest = rest[1:]
	n := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if n < 0 {
		n = len(rest)
	}
	return newsMediumNouns[rest[:n]]
}

// mediumWordBefore returns the news medium's noun group of the word right
// before offset start ("the newspaper Granma"), or "".
func mediumWordBefore(text string, start int) string {
	before := strings.TrimSuffix(text[:start], " ")
	if len(before) == start {
		return ""
	}
	k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	return newsMediumNouns[before[k+1:]]
}

// mediaAsOrgs types as an organization every mention that the tagger took
// for a person of a name that the text calls a news medium once
// ("Zycie Warszawy daily said" … "Zycie Warszawy said"): a person is never
// a daily. A mention with an honorific stays a person; places stay places
// ("the Moscow daily Kommersant").
func mediaAsOrgs(text string, ms []nameMention) {
	media := map[string]bool{}
	for _, m := range ms {
		if (m.Type == Person || m.Type == Org) && mediumWordAfter(text, m.End) != "" && !afterIndefinite(text, m.Start) {
			media[text[m.Start:m.End]] = true
		}
	}
	for i := range ms {
		if m := &ms[i]; m.Type == Person && m.Gender == 0 && !m.Fixed && media[text[m.Start:m.End]] {
			m.Type = Org
		}
	}
}

// afterIndefinite reports whether "a" or "an" stands right before offset
// start: in "a Baton Rouge newspaper" the name says where the paper is,
// not which it is.
func afterIndefinite(text string, start int) bool {
	before := strings.ToLower(text[max(0, start-4):start])
	return strings.HasSuffix(before, " a ") || strings.HasSuffix(before, " an ") || before == "a " || before == "an "
}

// calledMedium reports whether the text calls entity e a news medium of
// group, next to one of its names outside speech before offset off:
// "the daily said" is the "Zycie Warszawy daily" named before, not the
// bank that daily wrote about.
func (f *speakerFinder) calledMedium(e int, group string, off int) bool {
	for _, m := range f.ents[e].Mentions {
		if m.Start >= off || f.insideQuote(m.Start) {
			continue
		}
		if mediumWordAfter(f.text, m.End) == group && !afterIndefinite(f.text, m.Start) || mediumWordBefore(f.text, m.Start) == group {
			return true
		}
	}
	return false
}
