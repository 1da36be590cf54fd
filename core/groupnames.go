package core

import (
	"slices"
	"strings"
	"unicode"

	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// groupKinds are the nouns a text puts before the name of a group that
// it introduces: "the pressure group Human Rights in China", "the
// watchdog group Citizens for Responsibility and Ethics in Washington".
// Only singular ones: "the groups Amnesty International and Human Rights
// Watch" names two.
var groupKinds = map[string]bool{
	"group": true, "organization": true, "organisation": true, "watchdog": true, "coalition": true,
	"charity": true, "association": true, "movement": true, "lobby": true, "nonprofit": true,
	"non-profit": true, "pac": true, "alliance": true, "campaign": true, "tank": true,
}

// nameJoiners are the small words inside an organization's name, between
// its capitalized words: "Physicians for Human Rights", "Committee to
// Protect Journalists", "Women in Black".
var nameJoiners = map[string]bool{
	"for": true, "to": true, "in": true, "of": true, "on": true, "and": true, "the": true,
	"without": true, "against": true,
}

// maxGroupNameTokens is how long a group's name after its kind may run.
const maxGroupNameTokens = 10

// groupNames makes one organization of the name after a group's kind
// noun that small words join ("the pressure group Human Rights in China
// said"): the entity tagger, which learnt that "in China" after a name
// is where it is, splits it into "Human Rights" and "China", and every
// "the group said" after it goes to the wrong name. The name runs over
// capitalized words and the small words between them up to the first
// other word. "and" joins only after another small word ("Citizens for
// Responsibility and Ethics", not "Amnesty International and Human
// Rights Watch"); "in" and "on" do not follow a name that already ends
// in an organization's word ("the think tank Cato Institute in
// Washington"), nor one the text also writes on its own (placeOutside:
// "Human Rights Watch in New York … Human Rights Watch said"). Names
// without a small word inside are the tagger's to find, and a mention
// that reaches outside the run is left alone.
func groupNames(text string, sents []sentenceTokens, ms []nameMention) []nameMention {
	for si, s := range sents {
		toks := s.Toks
		for k := 0; k+1 < len(toks); k++ {
			if !groupKinds[toks[k].Text] {
				continue
			}
			last, joined := groupNameEnd(toks, k+1)
			last, joined = placeOutside(text, toks, k+1, last, joined)
			if !joined {
				continue
			}
			start, end := toks[k+1].Start, toks[last].End
			inside := func(m nameMention) bool { return m.Start >= start && m.End <= end }
			crossing := slices.ContainsFunc(ms, func(m nameMention) bool {
				return m.Start < end && m.End > start && !inside(m)
			})
			if crossing || slices.ContainsFunc(ms, func(m nameMention) bool { return m.Start == start && m.End == end }) {
				continue
			}
			words := make([]string, 0, last-k)
			for _, t := range toks[k+1 : last+1] {
				words = append(words, t.Text)
			}
			ms = slices.DeleteFunc(ms, inside)
			at, _ := slices.BinarySearchFunc(ms, start, func(m nameMention, off int) int { return m.Start - off })
			ms = slices.Insert(ms, at, nameMention{Start: start, End: end, Type: Org, Sent: si, Words: words})
			k = last
		}
	}
	return ms
}

// groupNameEnd returns the index of the last token of the name that
// starts at toks[from] (see groupNames), and whether a small word joins
// two of its capitalized words.
func groupNameEnd(toks []tokenize.Token, from int) (last int, joined bool) {
	last = -1
	small := false // a small word stands between capitalized ones so far
	for j := from; j < len(toks) && j-from < maxGroupNameTokens; j++ {
		w := toks[j].Text
		if unicode.IsUpper(wordutil.FirstRune(w)) && wordutil.HasLetter(w) {
			if last >= 0 && last < j-1 {
				joined = true
			}
			last = j
			continue
		}
		if last < 0 || !nameJoiners[w] || w == "and" && !small || (w == "in" || w == "on") && lexicon.IsOrgWord(toks[last].Text) {
			break
		}
		if w != "and" && w != "the" {
			small = true
		}
	}
	return last, joined
}

// placeOutside cuts the name toks[from:last+1] before an "in" or "at" when
// the text also writes the words before it without the rest: "Human
// Rights Watch in New York … Human Rights Watch said" names the group
// and where it is, "Human Rights in China" (never "Human Rights" alone)
// is one name. It returns the name's new last token and whether a small
// word still joins it.
func placeOutside(text string, toks []tokenize.Token, from, last int, joined bool) (int, bool) {
	for j := from + 1; j < last; j++ {
		if w := toks[j].Text; w != "in" && w != "at" {
			continue
		}
		before := text[toks[from].Start:toks[j-1].End]
		if strings.Count(text, before) > strings.Count(text, text[toks[from].Start:toks[last].End]) {
			return groupNameEnd(toks[:j], from)
		}
		break
	}
	return last, joined
}
