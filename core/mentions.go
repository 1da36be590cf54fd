package core

import (
	"slices"
	"strings"
	"unicode"

	"lede/core/internal/names"
	"lede/core/internal/segment"
	"lede/core/internal/wordlists"
	"lede/internal/lexicon"
	"lede/internal/postag"
	"lede/internal/token"
	"lede/internal/tokenize"
	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// nameMention is a name in the text (see names.Mention).
type nameMention = names.Mention

// nameMentions turns the candidates of each sentence into the text's
// name mentions, in text order: cleaned (cleanMentions), datelines typed
// (datelines), a city before its state typed (placesBeforeStates), trimmed to the
// names in headlines (trimHeadlineMentions), a surname run into a
// place's name split (splitRunTogether), a common word before a known
// surname dropped (commonWordsBeforeSurnames), a group's name that small words
// join made whole (groupNames), with each name marked
// wherever the text uses it (propagateNames), retyped by their words
// (retypeByName), a name the text calls a newspaper an organization
// (mediaAsOrgs), each name of one type (unifyTypes), without MISC, and with the role written next to each
// person (assignRoles).
//
// pause, if not nil, is called between the passes (Analyzer.Pause).
func nameMentions(text string, sents []sentenceTokens, raw [][]candidate, pause func()) []nameMention {
	if pause == nil {
		pause = func() {}
	}
	ms := cleanMentions(text, sents, raw)
	pause()
	ms = datelines(text, sents, ms)
	placesBeforeStates(text, ms)
	ms = trimHeadlineMentions(text, sents, ms)
	ms = splitRunTogether(sents, ms)
	commonWordsBeforeSurnames(sents, ms)
	ms = groupNames(text, sents, ms)
	pause()
	ms = propagateNames(text, sents, ms)
	pause()
	retypeByName(text, ms) // before MISC goes: a surname the tagger called MISC is a person
	mediaAsOrgs(text, ms)
	unifyTypes(text, ms)
	teamsNamedForPlaces(ms)
	ms = slices.DeleteFunc(ms, func(m nameMention) bool { return m.Type == vocab.Misc })
	pause()
	assignRoles(text, sents, ms)
	return ms
}

// cleanMentions turns each sentence's candidates into name mentions:
// titles and honorifics out of names, a sentence's full stop off a short
// last word, nationalities typed NORP, and a capitalized common word that
// only opens a sentence dropped. It returns them in text order.
func cleanMentions(text string, sents []sentenceTokens, raw [][]candidate) []nameMention {
	n := 0
	for _, list := range raw {
		n += len(list)
	}
	ms := make([]nameMention, 0, n) // at most one each: no copies while it grows
	lower := lowercaseWords(sents)
	for si, list := range raw {
		for _, m := range list {
			nm, ok := cleanMention(text, sents[si].Toks, si, m)
			if ok && !isCommonWordAtStart(text, sents[si].Toks, nm, lower) {
				ms = append(ms, nm)
			}
		}
	}
	return ms
}

// lowercaseWords returns the words that the text writes in lower case.
func lowercaseWords(sents []sentenceTokens) map[string]bool {
	out := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Toks {
			if r := wordutil.FirstRune(t.Text); unicode.IsLower(r) {
				out[t.Text] = true
			}
		}
	}
	return out
}

// isCommonWordAtStart reports whether a one-word mention opens its
// sentence (after any quote marks), where every word is capitalized, and
// the text writes the same word in lower case elsewhere: "Smoke does not
// stop at a border" beside "wildfire smoke" is no name. Names from the
// word lists stay.
func isCommonWordAtStart(text string, toks []tokenize.Token, m nameMention, lower map[string]bool) bool {
	if len(m.Words) != 1 || !lower[strings.ToLower(m.Words[0])] {
		return false
	}
	name := text[m.Start:m.End]
	if lexicon.Country[name] != "" || lexicon.Demonym[name] != "" || wordlists.IsKnownOrg(name) {
		return false
	}
	for _, t := range toks {
		if t.Start >= m.Start {
			return true // only quote marks and punctuation before it
		}
		if wordutil.IsWordLike(t.Text) {
			return false
		}
	}
	return false
}

// cleanMention strips honorifics, titles and modifiers ("Paris-based")
// from the front of a mention, so that "Mr. Smith" and "Foreign Minister
// Sergey Lavrov" become names, and types nationalities and known
// countries.
func cleanMention(text string, toks []tokenize.Token, sent int, m candidate) (nameMention, bool) {
	ts := token.In(toks, m.Start, m.End)
	nm := nameMention{Start: m.Start, End: m.End, Type: m.Type, Sent: sent}
	if len(ts) == 0 {
		// Part of a token: "China" in "China-Russia".
		nm.Words = []string{text[m.Start:m.End]}
		return names.TypeByLexicon(text, nm), true
	}
	for len(ts) > 1 {
		w := strings.ToLower(ts[0].Text)
		if len(ts) > 2 && w == "first" && (ts[1].Text == "Lady" || ts[1].Text == "Gentleman") {
			ts = ts[1:] // "First Lady Laura Bush": the title is two words
		} else if ts[0].Text == "the" || ts[0].Text == "a" || ts[0].Text == "an" {
			// "the United States": an article the tagger took in.
		} else if describedBy(ts[0].Text) {
			// "Family-controlled Douglas & Lomason", "Paris-based Elf".
		} else if g, ok := lexicon.Honorific[w]; ok {
			if g != "-" {
				nm.Gender = g[0]
			}
		} else if m.Type != Person || !isRoleWord(w) && lexicon.Demonym[ts[0].Text] == "" {
			// Only a person's name loses its titles: "Chinese Foreign
			// Ministry" and "Ministry of Environment" keep their words.
			break
		}
		ts = ts[1:]
	}
	// "Secretary of State John Kerry": the end of a role may be taken
	// for the start of the name; a first name says where it starts.
	if m.Type == Person && len(ts) >= 3 && roleOfBefore(toks, ts[0]) {
		for j := 1; j < len(ts)-1; j++ {
			if lexicon.FirstName[ts[j].Text] != 0 {
				ts = ts[j:]
				break
			}
		}
	}
	// "Outspoken Andrei Medvedev", "Actress Eva Longoria", "Democrat Alan
	// Grayson": a word the part-of-speech tagger knows as a common one,
	// or a party's, capitalized before a first name is no part of the
	// name. (Names it never saw, "Aung San Suu Kyi", keep their words.)
	if m.Type == Person && len(ts) >= 3 && isFirstName(ts[1].Text) && lexicon.FirstName[ts[0].Text] == 0 &&
		!lexicon.IsOrgWord(ts[len(ts)-1].Text) && (partyMember[ts[0].Text] || postag.CommonWord(ts[0].Text)) {
		ts = ts[1:]
	}
	// A trailing possessive or stray punctuation is not part of a name,
	// nor is a word in lower case ("Western unity").
	for len(ts) > 0 && (!wordutil.IsWordLike(ts[len(ts)-1].Text) || unicode.IsLower(wordutil.FirstRune(ts[len(ts)-1].Text))) {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return nm, false
	}
	nm.Start, nm.End = ts[0].Start, ts[len(ts)-1].End
	// prose's tokenizer keeps a sentence's full stop on a short last
	// word ("Wang Yi."); an initial or "Jr." keeps its stop.
	if last := ts[len(ts)-1].Text; strings.HasSuffix(last, ".") && len(last) > 2 && !keepsStop(last) {
		nm.End--
	}
	// A state written as news abbreviates it keeps the stop that prose's
	// tokenizer split off: "Flint, Mich.".
	if k := token.Index(toks, nm.End); k < len(toks) && toks[k].Text == "." && toks[k].Start == nm.End && lexicon.StateAbbreviations[text[nm.Start:nm.End]] {
		nm.End = toks[k].End
	}
	if nm.Start > m.Start {
		if _, g, ok := honorificBefore(toks, nm.Start); ok {
			nm.Gender = g
		}
	}
	name := text[nm.Start:nm.End]
	if isPartyAffiliation(name) {
		return nm, false
	}
	for _, t := range ts {
		nm.Words = append(nm.Words, strings.TrimSuffix(t.Text, "."))
	}
	if allRoleWords(nm.Words) {
		return nm, false // "Foreign Ministers", "President"
	}
	if partyMember[nm.Words[len(nm.Words)-1]] && len(nm.Words) > 1 {
		nm.Type = NORP // "Massachusetts Democrat" describes someone
	}
	return names.TypeByLexicon(text, nm), true
}

// isFirstName reports whether w is a first name in US and UK birth
// records.
func isFirstName(w string) bool {
	_, ok := lexicon.FemaleShare[w]
	return ok
}

// partyMember are the words that end a description of a politician by
// state and party: "Massachusetts Democrat", "Texas Republicans".
var partyMember = map[string]bool{"Democrat": true, "Democrats": true, "Republican": true, "Republicans": true}

// keepsStop reports whether a name's last word keeps its full stop: an
// abbreviation ("Jr."), initials ("N.C.") or a US state as news writes
// it ("Mich.", "Okla.").
func keepsStop(w string) bool {
	bare := strings.TrimSuffix(w, ".")
	return segment.Abbreviations[strings.ToLower(bare)] || segment.IsInitials(bare) || lexicon.StateAbbreviations[bare]
}

// roleOfBefore reports whether "of" and a role word stand just before the
// token t: "Secretary of", "Minister of".
func roleOfBefore(toks []tokenize.Token, t tokenize.Token) bool {
	k := token.Index(toks, t.Start)
	return k >= 2 && toks[k-1].Text == "of" && lexicon.IsRole(toks[k-2].Text)
}

// isPartyAffiliation reports whether name is a US party and state tag
// such as "D-Ill" or "R-Texas", which the entity tagger takes for a name.
func isPartyAffiliation(name string) bool {
	if len(name) < 3 || name[1] != '-' || !strings.ContainsRune("DRI", rune(name[0])) {
		return false
	}
	return unicode.IsUpper(wordutil.FirstRune(name[2:]))
}

// allRoleWords reports whether every word is a title or role word (or
// its plural), or an adjective that only goes with one.
func allRoleWords(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		switch lw {
		case "foreign", "deputy", "vice", "prime", "senior", "chief", "former", "acting", "interim":
			continue
		}
		if !lexicon.IsRole(lw) && !lexicon.IsRole(strings.TrimSuffix(lw, "s")) {
			return false
		}
	}
	return true
}

// honorificBefore returns the honorific just before offset among toks
// ("Mr." of "Mr. Wang") and the gender it shows, 'm' or 'f', if there is
// one that shows a gender.
func honorificBefore(toks []tokenize.Token, offset int) (string, byte, bool) {
	i := token.Index(toks, offset)
	if i == 0 {
		return "", 0, false
	}
	g, ok := lexicon.Honorific[strings.ToLower(toks[i-1].Text)]
	if !ok || g == "-" {
		return "", 0, false
	}
	return toks[i-1].Text, g[0], true
}

// modifierEnds are the participles that, after a hyphen, make a word a
// modifier of the name after it ("Family-controlled", "Paris-based",
// "state-run"), not a part of it.
var modifierEnds = map[string]bool{
	"controlled": true, "based": true, "owned": true, "run": true, "led": true, "backed": true, "born": true,
	"made": true, "funded": true, "linked": true, "affiliated": true, "listed": true, "headquartered": true,
	"allied": true, "dominated": true, "sponsored": true, "supported": true, "appointed": true, "educated": true,
}

// describedBy reports whether w is such a modifier.
func describedBy(w string) bool {
	i := strings.LastIndexAny(w, "-‑")
	return i > 0 && modifierEnds[w[i+1:]]
}
