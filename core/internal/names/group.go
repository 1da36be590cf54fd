package names

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"lede/core/result"
	"lede/internal/lexicon"
	"lede/internal/vocab"
)

// Group assigns each mention an entity and builds the entities,
// numbered by first mention.
func Group(text string, ms []Mention, pause func()) []result.Entity {
	if pause == nil {
		pause = func() {}
	}
	g := &grouper{text: text, byName: map[string]int{}, byWord: map[string][]int{}, byLast: map[string][]int{}}
	if g.firstLineEnd = strings.IndexByte(text, '\n'); g.firstLineEnd < 0 {
		g.firstLineEnd = 0 // one line: no headline
	}
	g.fullNames(ms)
	pause()
	g.partialNames(ms)
	g.shortOrgNames(ms)
	g.orgSuffixes(ms)
	pause()
	return numberEntities(text, ms, g.groups)
}

// group is one entity while mentions are being grouped.
type group struct {
	typ   string
	words []string // for people: the fullest name's words
	last  int      // index in ms of its latest mention so far
	// calledBy holds the partial names (lower case) that have named it:
	// a text that calls one of two people "Yeltsin" keeps doing so, and
	// names the other in full ("Naina Yeltsin").
	calledBy map[string]bool
	inBody   bool // named in full below the headline
}

// grouper holds the groups found so far and the indexes that find them.
type grouper struct {
	text string
	// firstLineEnd is where the first line ends: the headline, when the
	// text has more lines. (The speaker stages, which have the sentences,
	// call a first line a headline only when it is one sentence.)
	firstLineEnd int
	groups       []*group
	byName       map[string]int // type and normalized name → group, for all but partial names of people
	// People by their words and by their last word, lower case, so that
	// a long text does not compare every name with every other.
	persons []int
	byWord  map[string][]int
	byLast  map[string][]int
}

// index files group gi under each of words and under the last of them.
func (g *grouper) index(gi int, words []string) {
	for _, w := range words {
		lw := strings.ToLower(w)
		if !slices.Contains(g.byWord[lw], gi) {
			g.byWord[lw] = append(g.byWord[lw], gi)
		}
	}
	last := strings.ToLower(words[len(words)-1])
	if !slices.Contains(g.byLast[last], gi) {
		g.byLast[last] = append(g.byLast[last], gi)
	}
}

// candidates returns the people that may match a name with the word key:
// those indexed under key, or, for a long enough word that may be
// misspelt, all.
func (g *grouper) candidates(idx map[string][]int, key string) []int {
	if c := idx[strings.ToLower(key)]; len(c) > 0 {
		return c
	}
	if utf8.RuneCountInString(key) >= minFuzzySurname {
		return g.persons
	}
	return nil
}

// fullNames is the first pass: it groups the full names of people (two
// words or more), and everything that is not a person, by name. Partial
// names of people are left with Entity -1.
func (g *grouper) fullNames(ms []Mention) {
	acronyms := definedAcronyms(g.text, ms)
	for i := range ms {
		m := &ms[i]
		m.Entity = -1
		if m.Type == vocab.Person {
			if len(m.Words) < 2 {
				continue
			}
			for _, gi := range g.candidates(g.byLast, m.Words[len(m.Words)-1]) {
				gr := g.groups[gi]
				if sameFullName(gr.words, m.Words) {
					m.Entity = gi
					if len(m.Words) > len(gr.words) {
						gr.words = m.Words
						g.index(gi, m.Words)
					}
					break
				}
			}
		} else {
			name := g.text[m.Start:m.End]
			if long, ok := acronyms[name]; ok {
				m.Type = long.Type // NATO is what the text said it stands for
				name = g.text[long.Start:long.End]
			}
			key := m.Type + "\x00" + normName(name)
			if c := lexicon.Country[name]; c != "" && m.Type == vocab.Place {
				key = m.Type + "\x00" + normName(c)
			}
			if gi, ok := g.byName[key]; ok {
				m.Entity = gi
			} else {
				g.byName[key] = len(g.groups)
			}
		}
		if m.Entity < 0 {
			m.Entity = len(g.groups)
			g.groups = append(g.groups, &group{typ: m.Type, words: m.Words, last: -1})
			if m.Type == vocab.Person {
				g.persons = append(g.persons, m.Entity)
				g.index(m.Entity, m.Words)
			}
		}
	}
}

// partialNames is the second pass: a partial name joins the person the
// text has already called by it below the headline ("Ivanka Trump" after
// "Donald Trump … Trump said": "Trump" stays Donald), else the person of
// that name mentioned most recently, or failing that the first one
// mentioned after it; a name that matches nobody is a person of its own.
// Only people named in full below the headline count as called so: a
// headline runs words together ("Glenn Beck Blasts Drudge").
func (g *grouper) partialNames(ms []Mention) {
	for _, m := range ms {
		if m.Entity >= 0 && m.Start >= g.firstLineEnd {
			g.groups[m.Entity].inBody = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Entity >= 0 {
			g.groups[m.Entity].last = i
			continue
		}
		best, bestLast, bestCalled := -1, -2, false
		name := strings.ToLower(strings.Join(m.Words, " "))
		for _, gi := range g.candidates(g.byWord, m.Words[0]) {
			gr := g.groups[gi]
			if !containsWords(gr.words, m.Words) {
				continue
			}
			last := gr.last
			if last < 0 {
				last = -1 // mentioned only later: the weakest claim
			}
			// A text that has called one of them so goes on doing so.
			calledSo := gr.inBody && gr.calledBy[name]
			if calledSo && !bestCalled || calledSo == bestCalled && last > bestLast {
				best, bestLast, bestCalled = gi, last, calledSo
			}
		}
		if best < 0 {
			key := vocab.Person + "\x00" + normName(g.text[m.Start:m.End])
			if gi, ok := g.byName[key]; ok {
				best = gi
			} else {
				best = len(g.groups)
				g.byName[key] = best
				g.groups = append(g.groups, &group{typ: vocab.Person, words: m.Words, last: -1})
			}
		}
		m.Entity = best
		g.groups[best].last = i
		if m.Start < g.firstLineEnd {
			continue // a headline's names are often run together ("Trump Supporter Who Was …")
		}
		if g.groups[best].calledBy == nil {
			g.groups[best].calledBy = map[string]bool{}
		}
		g.groups[best].calledBy[name] = true
	}
}

// shortOrgNames joins an organization named by one word, or a person so
// named whom the text never names in full, to the one organization of the
// text whose two-word name starts with that word: "Goldman" to "Goldman
// Sachs", "Wells" to "Wells Fargo". With two such
// names it joins neither; a name whose words mark a body ("Senate",
// "Intelligence Committee") is a body of its own. An organization named
// by one word may also join a two-word name whose second word marks a
// body, when no other name fits: "Commerce" to "Commerce Department",
// "NBC" to "NBC News"; a person so named stays apart from "Clinton
// Foundation". A company's name counts without its legal form and the
// initials before it (companyCore): "Ericsson" joins "LM Ericsson AB".
func (g *grouper) shortOrgNames(ms []Mention) {
	longer := map[string][]int{} // lower-case first word → groups of longer organization names
	bodies := map[string][]int{} // the same for names whose second word marks a body ("Commerce Department")
	for i := range ms {
		m := ms[i]
		if m.Type != vocab.Org || len(m.Words) != 2 || lexicon.IsOrgWord(m.Words[0]) {
			continue
		}
		into := longer
		if lexicon.IsOrgWord(m.Words[1]) {
			into = bodies
		}
		w := strings.ToLower(m.Words[0])
		if !slices.Contains(into[w], m.Entity) {
			into[w] = append(into[w], m.Entity)
		}
	}
	// A company's name between its initials and its legal form: "LM
	// Ericsson AB" is "Ericsson".
	for i := range ms {
		m := ms[i]
		if m.Type != vocab.Org || len(m.Words) < 2 {
			continue
		}
		core := companyCore(m.Words)
		if len(core) != 1 || len(core) == len(m.Words) || lexicon.IsOrgWord(core[0]) {
			continue
		}
		w := strings.ToLower(core[0])
		if !slices.Contains(longer[w], m.Entity) {
			longer[w] = append(longer[w], m.Entity)
		}
	}
	for i := range ms {
		m := &ms[i]
		// A one-word "person" the text never names in full is the
		// company's name too: "Wells" beside "Wells Fargo".
		lone := m.Type == vocab.Person && len(g.groups[m.Entity].words) == 1
		if m.Type != vocab.Org && !lone || len(m.Words) != 1 {
			continue
		}
		c := longer[strings.ToLower(m.Words[0])]
		if m.Type == vocab.Org && len(c) == 0 {
			c = bodies[strings.ToLower(m.Words[0])]
		}
		if len(c) == 1 && c[0] != m.Entity {
			m.Entity, m.Type = c[0], vocab.Org
		}
	}
}

// orgSuffixes joins an organization whose name ends another's longer
// name to it, when only one does: "Intelligence Committee" to "House
// Intelligence Committee", "Security Council" to "U.N. Security Council".
func (g *grouper) orgSuffixes(ms []Mention) {
	type named struct {
		words []string
		group int
	}
	// The distinct longer names, by their last word, so that a text with
	// many names compares each only with those that may end it.
	byLast := map[string][]named{}
	for _, m := range ms {
		if m.Type != vocab.Org || len(m.Words) < 2 {
			continue
		}
		last := m.Words[len(m.Words)-1]
		if !slices.ContainsFunc(byLast[last], func(o named) bool { return o.group == m.Entity && slices.Equal(o.words, m.Words) }) {
			byLast[last] = append(byLast[last], named{m.Words, m.Entity})
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Type != vocab.Org || len(m.Words) < 2 {
			continue
		}
		into := -1
		for _, o := range byLast[m.Words[len(m.Words)-1]] {
			if len(o.words) > len(m.Words) && o.group != m.Entity && slices.Equal(o.words[len(o.words)-len(m.Words):], m.Words) {
				if into >= 0 && into != o.group {
					into = -2 // two longer names end so: it is neither
					break
				}
				into = o.group
			}
		}
		if into >= 0 {
			m.Entity = into
		}
	}
}

// numberEntities builds the entities from the groups, numbered by first
// mention, and points each mention at its entity's index. An entity's
// name is its fullest mention, listed first among its aliases, the other
// forms following in order of appearance.
func numberEntities(text string, ms []Mention, groups []*group) []result.Entity {
	order := make([]int, len(groups))
	for i := range order {
		order[i] = -1
	}
	// Each entity's mentions, counted first: a name said a million times
	// would otherwise leave its list's every smaller copy behind.
	counts := make([]int, len(groups))
	for i := range ms {
		counts[ms[i].Entity]++
	}
	var ents []result.Entity
	for i := range ms {
		gi := ms[i].Entity
		if order[gi] < 0 {
			order[gi] = len(ents)
			ents = append(ents, result.Entity{ID: EntityID(len(ents)), Type: groups[gi].typ, Aliases: []string{}, Roles: []string{},
				Mentions: make([]result.Mention, 0, counts[gi])})
		}
		ms[i].Entity = order[gi]
		e := &ents[order[gi]]
		mt := text[ms[i].Start:ms[i].End]
		e.Mentions = append(e.Mentions, result.Mention{Start: ms[i].Start, End: ms[i].End, Text: mt})
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
		e := &ents[i]
		if k := slices.Index(e.Aliases, e.Name); k > 0 {
			copy(e.Aliases[1:k+1], e.Aliases[:k])
			e.Aliases[0] = e.Name
		}
	}
	return ents
}

func EntityID(i int) string {
	return "e" + strconv.Itoa(i+1)
}

// companyForms are the legal forms that end a company's name, in lower
// case without their stop: "Inc", "Corp", "AB", "SA", "plc".
var companyForms = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true, "ab": true, "ag": true,
	"sa": true, "nv": true, "bv": true, "spa": true, "gmbh": true, "asa": true, "oyj": true, "bhd": true, "kk": true,
}

// companyCore returns a company's name without its legal form and the
// initials before it: "LM Ericsson AB" → "Ericsson", "Lear Corp" →
// "Lear".
func companyCore(words []string) []string {
	for len(words) > 1 && companyForms[strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))] {
		words = words[:len(words)-1]
	}
	for len(words) > 1 && len(words[0]) <= 3 && strings.ToUpper(words[0]) == words[0] {
		words = words[1:]
	}
	return words
}
