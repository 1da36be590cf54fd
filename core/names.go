package core

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// nameMention is a mention being cleaned and grouped into entities.
type nameMention struct {
	Start, End int
	Type       string
	Sent       int      // index of its sentence
	Words      []string // the name's words, for matching
	Role       string   // the title or role written next to it, if any
	Gender     byte     // 'm' or 'f' from an honorific, 0 when unknown
	Entity     int      // index of its entity once grouped
}

// sentenceTokens are the tagged tokens of one sentence.
type sentenceTokens struct {
	Span
	Toks []token
}

// buildEntities cleans the raw NER mentions of each sentence (titles out
// of names, headline words out of names, nationalities typed NORP), finds
// the role written next to each person, and groups the mentions into
// entities: one per referent, so "Lavrov" joins "Sergey Lavrov" and a bare
// "Wang" joins whichever Wang was named last. It returns the entities and
// the mentions, in text order, each with its entity index.
func buildEntities(text string, sents []sentenceTokens, raw [][]mention) ([]Entity, []nameMention) {
	var ms []nameMention
	lower := lowercaseWords(sents)
	for si, list := range raw {
		for _, m := range list {
			nm, ok := cleanMention(text, sents[si].Toks, si, m)
			if ok && !isCommonWordAtStart(text, sents[si].Toks, nm, lower) {
				ms = append(ms, nm)
			}
		}
	}
	ms = trimHeadlineMentions(text, sents, ms)
	ms = propagateNames(text, sents, ms)
	retypeByName(ms) // before MISC goes: a surname the tagger called MISC is a person
	ms = slices.DeleteFunc(ms, func(m nameMention) bool { return m.Type == misc })
	for i := range ms {
		if ms[i].Type == Person {
			ms[i].Role = roleOf(text, sents[ms[i].Sent].Toks, ms[i])
		}
	}
	ents := groupMentions(text, ms)
	return ents, ms
}

// lowercaseWords returns the words that the text writes in lower case.
func lowercaseWords(sents []sentenceTokens) map[string]bool {
	out := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Toks {
			if r := firstRune(t.Text); unicode.IsLower(r) {
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
func isCommonWordAtStart(text string, toks []token, m nameMention, lower map[string]bool) bool {
	if len(m.Words) != 1 || !lower[strings.ToLower(m.Words[0])] {
		return false
	}
	name := text[m.Start:m.End]
	if lexicon.country[name] != "" || lexicon.demonym[name] != "" || isKnownOrg(name) {
		return false
	}
	for _, t := range toks {
		if t.Start >= m.Start {
			return true // only quote marks and punctuation before it
		}
		if isWordLike(t.Text) {
			return false
		}
	}
	return false
}

// tokensIn returns the tokens of toks that lie inside [start, end).
func tokensIn(toks []token, start, end int) []token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	return toks[i:j]
}

// tokenIndex returns the index of the first token at or after offset.
func tokenIndex(toks []token, offset int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= offset })
}

// cleanMention strips honorifics and titles from the front of a mention,
// so that "Mr. Smith" and "Foreign Minister Sergey Lavrov" become names,
// and types nationalities and known countries.
func cleanMention(text string, toks []token, sent int, m mention) (nameMention, bool) {
	ts := tokensIn(toks, m.Start, m.End)
	nm := nameMention{Start: m.Start, End: m.End, Type: m.Type, Sent: sent}
	if len(ts) == 0 {
		// Part of a token: "China" in "China-Russia".
		nm.Words = []string{text[m.Start:m.End]}
		return typeByLexicon(text, nm), true
	}
	for len(ts) > 1 {
		w := strings.ToLower(ts[0].Text)
		if g, ok := lexicon.honorific[w]; ok {
			if g != "-" {
				nm.Gender = g[0]
			}
		} else if m.Type != Person || !isRoleWord(w) && lexicon.demonym[ts[0].Text] == "" {
			// Only a person's name loses its titles: "Chinese Foreign
			// Ministry" and "Ministry of Environment" keep their words.
			break
		}
		ts = ts[1:]
	}
	// A trailing possessive or stray punctuation is not part of a name.
	for len(ts) > 0 && !isWordLike(ts[len(ts)-1].Text) {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return nm, false
	}
	nm.Start, nm.End = ts[0].Start, ts[len(ts)-1].End
	// prose keeps a sentence's full stop on a short last word ("Wang
	// Yi."); an initial or "Jr." keeps its stop.
	if last := ts[len(ts)-1].Text; strings.HasSuffix(last, ".") && len(last) > 2 && !abbreviations[strings.ToLower(strings.TrimSuffix(last, "."))] {
		nm.End--
	}
	if nm.Start > m.Start {
		if g, ok := honorificBefore(text, toks, nm.Start); ok {
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
	return typeByLexicon(text, nm), true
}

// isPartyAffiliation reports whether name is a US party and state tag
// such as "D-Ill" or "R-Texas", which prose takes for a name.
func isPartyAffiliation(name string) bool {
	if len(name) < 3 || name[1] != '-' || !strings.ContainsRune("DRI", rune(name[0])) {
		return false
	}
	return unicode.IsUpper(firstRune(name[2:]))
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
		if !isRoleWord(lw) && !isRoleWord(strings.TrimSuffix(lw, "s")) {
			return false
		}
	}
	return true
}

// honorificBefore reports the gender shown by an honorific just before
// offset ("Mr. Wang").
func honorificBefore(text string, toks []token, offset int) (byte, bool) {
	i := tokenIndex(toks, offset)
	if i == 0 {
		return 0, false
	}
	g, ok := lexicon.honorific[strings.ToLower(toks[i-1].Text)]
	if !ok || g == "-" {
		return 0, false
	}
	return g[0], true
}

// isTitleCase reports whether a sentence looks like a headline: three or
// more words, every word of four letters or more capitalized, and no full
// stop at the end. prose and the tagger take any capitalized word there
// for a name ("Lavrov Arrives").
func isTitleCase(toks []token) bool {
	if n := len(toks); n > 0 && strings.HasSuffix(toks[n-1].Text, ".") {
		return false // body text ends in a full stop, a headline does not
	}
	words, glue := 0, false
	for i, t := range toks {
		r := firstRune(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if !unicode.IsUpper(r) && utf8.RuneCountInString(t.Text) >= 4 {
			return false
		}
		glue = glue || i > 0 && headlineGlue[strings.ToUpper(t.Text[:1])+t.Text[1:]]
	}
	// A list of names ("Billy Andrade, Duffy Waldorf") is capitalized
	// too, but has none of the small words of a headline.
	return words >= 3 && glue && !allCaps(toks)
}

// isOwnParagraph reports whether the sentence sp is a paragraph of its
// own, as a headline is: blank lines (or the text's ends) around its line.
func isOwnParagraph(text string, sp Span) bool {
	start := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	end := sp.End + strings.IndexByte(text[sp.End:]+"\n", '\n')
	if !isBlank(text[start:sp.Start]) || !isBlank(text[sp.End:end]) {
		return false // the line holds more than this sentence
	}
	// The line before and the line after must be blank, or absent.
	prev := strings.TrimSuffix(text[:start], "\n")
	if prev != "" && !isBlank(prev[strings.LastIndexByte(prev, '\n')+1:]) {
		return false
	}
	if end >= len(text) {
		return true
	}
	next := text[end+1:]
	if i := strings.IndexByte(next, '\n'); i >= 0 {
		next = next[:i]
	}
	return isBlank(next)
}

// headlineGlue are small words that Title Case capitalizes and a list of
// names does not have.
var headlineGlue = map[string]bool{
	"With": true, "For": true, "As": true, "To": true, "Of": true, "In": true, "On": true,
	"At": true, "The": true, "And": true, "A": true, "An": true, "By": true, "From": true,
	"Is": true, "Are": true, "Over": true, "After": true, "Amid": true, "Says": true,
	"Say": true, "Into": true, "Against": true, "Will": true, "Be": true, "Not": true,
	"Up": true, "Out": true, "But": true, "Or": true, "Its": true, "His": true, "Her": true,
	"Their": true, "Who": true, "What": true, "How": true, "Why": true, "New": true,
}

// allCaps reports whether most words of a sentence are in capitals: wire
// headlines ("SOCCER - JAPAN GET LUCKY WIN"), which the tagger has learnt
// to read, unlike Title Case.
func allCaps(toks []token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if utf8.RuneCountInString(t.Text) < 2 || !unicode.IsLetter(firstRune(t.Text)) {
			continue
		}
		words++
		if strings.ToUpper(t.Text) == t.Text {
			upper++
		}
	}
	return words > 0 && upper*10 >= words*8
}

// trimHeadlineMentions keeps, of a mention in a Title Case line, only the
// longest run of words that the body of the text also uses in names; a
// mention with none is dropped.
func trimHeadlineMentions(text string, sents []sentenceTokens, ms []nameMention) []nameMention {
	title := make([]bool, len(sents))
	for i, s := range sents {
		title[i] = isTitleCase(s.Toks) && isOwnParagraph(text, s.Span)
	}
	known := map[string]string{} // a word of a name in the body → that name's type
	for _, m := range ms {
		if !title[m.Sent] {
			for _, w := range m.Words {
				if _, ok := known[w]; !ok {
					known[w] = m.Type
				}
			}
		}
	}
	var out []nameMention
	for _, m := range ms {
		if !title[m.Sent] {
			out = append(out, m)
			continue
		}
		// Each run of words that the body uses in names is a mention,
		// typed as the body types it; a known country or nationality
		// stands on its own.
		ts := tokensIn(sents[m.Sent].Toks, m.Start, m.End)
		for i := 0; i < len(ts); {
			j := i
			for j < len(ts) && known[m.Words[j]] != "" {
				j++
			}
			if j == i {
				if w := m.Words[i]; lexicon.country[w] != "" || lexicon.demonym[w] != "" || isKnownOrg(w) {
					j = i + 1
				} else {
					i++
					continue
				}
			}
			part := m
			part.Start, part.End = ts[i].Start, ts[j-1].End
			part.Words = m.Words[i:j]
			if t := known[m.Words[i]]; t != "" {
				part.Type = t
			} else if isKnownOrg(m.Words[i]) {
				part.Type = Org
			}
			out = append(out, typeByLexicon(text, part))
			i = j
		}
	}
	return out
}

// typeByLexicon types a mention that is a known country as a place and a
// known nationality as NORP, whatever the tagger said.
func typeByLexicon(text string, m nameMention) nameMention {
	name := text[m.Start:m.End]
	switch {
	case lexicon.country[name] != "":
		m.Type = Place
	case lexicon.demonym[name] != "":
		m.Type = NORP
	}
	return m
}

// propagateNames marks the places where a one-word name found elsewhere
// in the text, or a person's surname, stands again untagged: the tagger
// misses a name at the start of a sentence ("Putin and Xi met") that it
// found in the middle of another, and a text names one referent the same
// way throughout.
func propagateNames(text string, sents []sentenceTokens, ms []nameMention) []nameMention {
	typeOf := map[string]string{}
	for _, m := range ms {
		switch {
		case m.Type == Person && len(m.Words) >= 2:
			typeOf[m.Words[len(m.Words)-1]] = Person
		case len(m.Words) == 1 && m.Type != NORP && m.Type != misc:
			if _, ok := typeOf[m.Words[0]]; !ok {
				typeOf[m.Words[0]] = m.Type
			}
		}
	}
	if len(typeOf) == 0 {
		return ms
	}
	var added []nameMention
	k := 0 // ms[k] is the first mention that may cover the token
	for si, s := range sents {
		for _, t := range s.Toks {
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			if k < len(ms) && ms[k].Start < t.End {
				continue // inside a mention
			}
			typ, ok := typeOf[t.Text]
			if !ok || !strings.HasPrefix(t.Tag, "NNP") && !unicode.IsUpper(firstRune(t.Text)) {
				continue
			}
			added = append(added, nameMention{Start: t.Start, End: t.End, Type: typ, Sent: si, Words: []string{t.Text}})
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sortNameMentions(ms)
	return ms
}

// sortNameMentions sorts mentions by where they start, keeping the order
// of mentions that start together.
func sortNameMentions(ms []nameMention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
}

// retypeByName makes a person of any mention whose words all belong to a
// person's full name elsewhere in the text: prose often types a bare
// surname as a place ("Lavrov arrived in Tunxi").
func retypeByName(ms []nameMention) {
	nameWords := map[string]bool{}
	for _, m := range ms {
		if m.Type == Person && len(m.Words) >= 2 {
			for _, w := range m.Words {
				nameWords[w] = true
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Type == Person || m.Type == NORP || lexicon.country[strings.Join(m.Words, " ")] != "" {
			continue
		}
		all := true
		for _, w := range m.Words {
			all = all && nameWords[w]
		}
		if all {
			m.Type = Person
		}
	}
}

// roleOf returns the title or role written before a person's name in its
// sentence ("Chinese Foreign Ministry spokesman", "US Ambassador to
// China", "President of Russia"), or after it between commas ("Wang, a
// ministry spokesman,"); "" when there is none.
func roleOf(text string, toks []token, m nameMention) string {
	i := tokenIndex(toks, m.Start)
	// Before the name: capitalized words, role words and the small words
	// that join them, back to anything else.
	j := i
	for j > 0 {
		t := toks[j-1]
		w := t.Text
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case lexicon.honorific[lw] != "":
		case isRoleWord(w):
		case unicode.IsUpper(r) && !strings.HasPrefix(t.Tag, "VB") && !isSentenceInitialFunctionWord(toks, j-1):
		case (lw == "of" || lw == "to" || lw == "for" || lw == "-") && j < i:
		default:
			goto done
		}
		j--
	}
done:
	for j < i && !isRoleStart(toks[j].Text) {
		j++
	}
	if role := rolePhrase(text, toks[j:i]); role != "" {
		return role
	}
	// After the name: ", [a|the] ROLE ,"
	k := tokenIndex(toks, m.End)
	if k < len(toks) && toks[k].Text == "," {
		start := k + 1
		if start < len(toks) && (toks[start].Tag == "DT" || toks[start].Tag == "PRP$") {
			start++
		}
		end := start
		for end < len(toks) && end-start < 10 && toks[end].Text != "," && toks[end].Text != "." &&
			!strings.HasPrefix(toks[end].Tag, "VB") && !isQuoteMark(toks[end].Text) {
			end++
		}
		if end < len(toks) && end > start && (toks[end].Text == "," || toks[end].Text == ".") {
			return rolePhrase(text, toks[start:end])
		}
	}
	return ""
}

// isRoleStart reports whether a role phrase may begin with w: not with a
// joining word.
func isRoleStart(w string) bool {
	switch strings.ToLower(w) {
	case "of", "to", "for", "-", "and":
		return false
	}
	return true
}

// isSentenceInitialFunctionWord reports whether token i is a capitalized
// function word at the start of a sentence ("The", "Later"), which is not
// part of a title.
func isSentenceInitialFunctionWord(toks []token, i int) bool {
	if i != 0 {
		return false
	}
	switch toks[i].Tag {
	case "DT", "RB", "IN", "CC", "PRP", "WRB", "VBG", "VBN":
		return true
	}
	return false
}

// rolePhrase returns the text of toks when it holds a role word, else "".
func rolePhrase(text string, toks []token) string {
	for len(toks) > 0 && lexicon.honorific[strings.ToLower(toks[0].Text)] != "" {
		toks = toks[1:]
	}
	for len(toks) > 0 && lexicon.honorific[strings.ToLower(toks[len(toks)-1].Text)] != "" {
		toks = toks[:len(toks)-1]
	}
	has := false
	for _, t := range toks {
		has = has || isRoleWord(t.Text)
	}
	if !has {
		return ""
	}
	return text[toks[0].Start:toks[len(toks)-1].End]
}

func isQuoteMark(s string) bool {
	switch s {
	case `"`, "'", "“", "”", "‘", "’", "«", "»", "„", "``", "''":
		return true
	}
	return false
}

// normName is the form of a name used to compare names: lower case,
// without "the " in front or a possessive at the end.
func normName(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return s
}

// sameWord reports whether two name words are one spelling of the same
// name: equal ignoring case, or one edit apart when both have at least
// minLen letters.
//
// The lengths were measured on CoNLL-2003 (train and dev, 1,162
// documents): of the people in one document whose names are one edit
// apart, surnames of 5 or 6 letters are as often different people as not
// ("De Wilde" and "De Bilde", the golfers Lanner and Langer), while from
// 7 letters on they were spelling slips ("Stephnopoulos", "Batterby").
// First names vary in transliteration at the end ("Sergei", "Sergey"),
// and beside a matching surname 5 letters are safe.
func sameWord(a, b string, minLen int) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if utf8.RuneCountInString(a) < minLen || utf8.RuneCountInString(b) < minLen {
		return false
	}
	return levenshtein.ComputeDistance(strings.ToLower(a), strings.ToLower(b)) <= 1
}

// Fuzzy matching lengths, measured as sameWord says.
const (
	minFuzzySurname   = 7
	minFuzzyFirstName = 5
)

// sameFullName reports whether two multi-word person names name the same
// person: the same last word, and every word of the shorter matching a
// word of the longer ("Vladimir Putin", "Vladimir Vladimirovich Putin").
func sameFullName(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if !sameWord(a[len(a)-1], b[len(b)-1], minFuzzySurname) {
		return false
	}
	for _, w := range a[:len(a)-1] {
		found := false
		for _, v := range b[:len(b)-1] {
			found = found || sameWord(w, v, minFuzzyFirstName)
		}
		if !found {
			return false
		}
	}
	return true
}

// groupMentions assigns each mention an entity and builds the entities,
// numbered by first mention.
func groupMentions(text string, ms []nameMention) []Entity {
	type group struct {
		typ   string
		words []string // for people: the fullest name's words
		last  int      // index in ms of its latest mention so far
	}
	var groups []*group
	byName := map[string]int{}
	// People by their words and by their last word, lower case, so that
	// a long text does not compare every name with every other.
	var persons []int
	byWord := map[string][]int{}
	byLast := map[string][]int{}
	index := func(gi int, words []string) {
		for _, w := range words {
			lw := strings.ToLower(w)
			if !slices.Contains(byWord[lw], gi) {
				byWord[lw] = append(byWord[lw], gi)
			}
		}
		last := strings.ToLower(words[len(words)-1])
		if !slices.Contains(byLast[last], gi) {
			byLast[last] = append(byLast[last], gi)
		}
	}
	// candidates returns the people that may match words: those indexed
	// under key, or, for a long enough word that may be misspelt, all.
	candidates := func(idx map[string][]int, key string) []int {
		if c := idx[strings.ToLower(key)]; len(c) > 0 {
			return c
		}
		if utf8.RuneCountInString(key) >= minFuzzySurname {
			return persons
		}
		return nil
	}
	acronyms := definedAcronyms(text, ms)
	// Pass 1: full names of people, and everything that is not a person.
	for i := range ms {
		m := &ms[i]
		m.Entity = -1
		if m.Type == Person {
			if len(m.Words) < 2 {
				continue
			}
			for _, gi := range candidates(byLast, m.Words[len(m.Words)-1]) {
				g := groups[gi]
				if sameFullName(g.words, m.Words) {
					m.Entity = gi
					if len(m.Words) > len(g.words) {
						g.words = m.Words
						index(gi, m.Words)
					}
					break
				}
			}
		} else {
			name := text[m.Start:m.End]
			if long, ok := acronyms[name]; ok {
				m.Type = long.Type // NATO is what the text said it stands for
				name = text[long.Start:long.End]
			}
			key := m.Type + "\x00" + normName(name)
			if c := lexicon.country[name]; c != "" && m.Type == Place {
				key = m.Type + "\x00" + normName(c)
			}
			if gi, ok := byName[key]; ok {
				m.Entity = gi
			} else {
				byName[key] = len(groups)
			}
		}
		if m.Entity < 0 {
			m.Entity = len(groups)
			groups = append(groups, &group{typ: m.Type, words: m.Words, last: -1})
			if m.Type == Person {
				persons = append(persons, m.Entity)
				index(m.Entity, m.Words)
			}
		}
	}
	// Pass 2: a partial name joins the person of that name mentioned most
	// recently, or failing that the first one mentioned after it.
	for i := range ms {
		m := &ms[i]
		if m.Entity >= 0 {
			groups[m.Entity].last = i
			continue
		}
		best, bestLast := -1, -2
		for _, gi := range candidates(byWord, m.Words[0]) {
			g := groups[gi]
			if !containsWords(g.words, m.Words) {
				continue
			}
			last := g.last
			if last < 0 {
				last = -1 // mentioned only later: the weakest claim
			}
			if last > bestLast {
				best, bestLast = gi, last
			}
		}
		if best < 0 {
			key := Person + "\x00" + normName(text[m.Start:m.End])
			if gi, ok := byName[key]; ok {
				best = gi
			} else {
				best = len(groups)
				byName[key] = best
				groups = append(groups, &group{typ: Person, words: m.Words, last: -1})
			}
		}
		m.Entity = best
		groups[best].last = i
	}
	// Number entities by first mention.
	order := make([]int, len(groups))
	for i := range order {
		order[i] = -1
	}
	var ents []Entity
	for i := range ms {
		gi := ms[i].Entity
		if order[gi] < 0 {
			order[gi] = len(ents)
			ents = append(ents, Entity{ID: entityID(len(ents)), Type: groups[gi].typ, Aliases: []string{}, Roles: []string{}})
		}
		ms[i].Entity = order[gi]
		e := &ents[order[gi]]
		mt := text[ms[i].Start:ms[i].End]
		e.Mentions = append(e.Mentions, Mention{ms[i].Start, ms[i].End, mt})
		if !slices.Contains(e.Aliases, mt) {
			e.Aliases = append(e.Aliases, mt)
		}
		if ms[i].Role != "" && !slices.Contains(e.Roles, ms[i].Role) {
			e.Roles = append(e.Roles, ms[i].Role)
		}
		if fuller(mt, e.Name) {
			e.Name = mt
		}
	}
	for i := range ents {
		// The name first, then the other forms in order of appearance.
		e := &ents[i]
		if k := slices.Index(e.Aliases, e.Name); k > 0 {
			copy(e.Aliases[1:k+1], e.Aliases[:k])
			e.Aliases[0] = e.Name
		}
	}
	return ents
}

// definedAcronyms finds the acronyms that the text defines by a name in
// brackets after a mention ("the North Atlantic Treaty Organization
// (NATO)"), where the acronym is the initials of the name's words (small
// words such as "of" may be left out). It maps each to that mention.
func definedAcronyms(text string, ms []nameMention) map[string]nameMention {
	out := map[string]nameMention{}
	for _, m := range ms {
		if len(m.Words) < 2 || m.Type == Person {
			continue
		}
		rest := text[m.End:]
		if !strings.HasPrefix(rest, " (") {
			continue
		}
		close := strings.IndexByte(rest, ')')
		if close < 3 || close > 12 {
			continue
		}
		acr := rest[2:close]
		if isInitials(acr, m.Words) {
			out[acr] = m
		}
	}
	return out
}

// isInitials reports whether acr (in capitals) spells the initials of
// words, where words that are not capitalized may be skipped.
func isInitials(acr string, words []string) bool {
	if strings.ToUpper(acr) != acr || len(acr) < 2 {
		return false
	}
	var all, caps strings.Builder
	for _, w := range words {
		r := firstRune(w)
		all.WriteRune(unicode.ToUpper(r))
		if unicode.IsUpper(r) {
			caps.WriteRune(r)
		}
	}
	return acr == all.String() || acr == caps.String()
}

// fuller reports whether name a is a fuller form than b: more words, or as
// many and longer.
func fuller(a, b string) bool {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	return na > nb || na == nb && len(a) > len(b)
}

// containsWords reports whether every word of part matches a word of whole.
func containsWords(whole, part []string) bool {
	for _, w := range part {
		found := false
		for _, v := range whole {
			found = found || sameWord(w, v, minFuzzySurname)
		}
		if !found {
			return false
		}
	}
	return len(part) > 0
}
