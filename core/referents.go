package core

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"lede/core/internal/names"
	"lede/internal/lexicon"
	"lede/internal/token"
	"lede/internal/wordutil"
)

// entityGenders takes each person's gender from honorifics ("Mr. Wang"),
// else from a common first name ("Hillary Clinton").
func entityGenders(ms []nameMention, ents []Entity) []byte {
	g := make([]byte, len(ents))
	for _, m := range ms {
		if m.Gender != 0 && g[m.Entity] == 0 {
			g[m.Entity] = m.Gender
		}
	}
	for i, e := range ents {
		if g[i] == 0 && e.Type == Person {
			if first, _, ok := strings.Cut(e.Name, " "); ok {
				g[i] = lexicon.FirstName[first]
			}
		}
	}
	return g
}

// mentionIn returns the index in f.ms of the entity mention that heads
// the phrase [start, end), or -1: a person's name anywhere but in a
// possessive ("Chinese Foreign Ministry spokesman Wang Wenbin", not
// "Trump's campaign"), else an organization that ends the phrase or is
// followed only by nouns of its kind ("Russia's official news agency
// Tass", "the Xinhua news agency") or by an aside (onlyAside), else a
// place that ends it, unless "in", "at", "from" or "near" puts it there
// ("a senior U.N. official in Baghdad", "Republicans in Washington"). A
// nationality or place before the head only describes it ("the top
// Russian diplomat").
func (f *speakerFinder) mentionIn(start, end int) int {
	// From the first mention that ends inside the phrase: a phrase that
	// cut a name short ("Blasio" of "Bill de Blasio") still finds it.
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].End > start })
	best, bestRank := -1, 0
	for ; i < len(f.ms) && f.ms[i].End <= end; i++ {
		m := f.ms[i]
		if before := f.text[min(start, m.Start):m.Start]; strings.Count(before, "(") > strings.Count(before, ")") {
			continue // "(R-Ohio)" after a name is not the speaker
		}
		rank := 0
		switch {
		case m.Type == Person && !f.possessiveAfter(m.End):
			rank = 3
		case m.Type == Org && (m.End == end || f.kindNounsOnly(m.End, end) || onlyAside(f.text[m.End:end])):
			rank = 2
		case m.End == end && !(m.Start > start && afterLocative(f.text, m.Start)):
			rank = 1
		}
		if rank > 0 && rank >= bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// onlyAside reports whether s, the rest of a phrase after an
// organization's name, only adds to the name: its acronym in brackets, a
// description in commas, or both ("The Rally for … in Rwanda (RDR)
// urged"; "the Human Rights National Observatory (ONDH), a
// government-appointed watchdog, as saying").
func onlyAside(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		k := strings.IndexByte(s, ')')
		if k < 0 || strings.Contains(s[1:k], "(") {
			return false
		}
		s = strings.TrimSpace(s[k+1:])
	} else if s == "" {
		return false
	}
	if s == "" {
		return true
	}
	rest, ok := strings.CutPrefix(s, ",")
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(strings.TrimSpace(rest), ",")
	first, _, _ := strings.Cut(rest, " ")
	return (first == "a" || first == "an" || first == "the") && !strings.ContainsAny(rest, ",()")
}

// kindNounsOnly reports whether the text [from, end) is only common
// nouns in lower case headed by a word that names an organization's kind
// or the people who speak for it: "the Xinhua news agency", "Le Matin
// newspaper", "Agriculture Department officials", "the Fox News poll" speak
// for the organization; "GOP strategists" and "Twitter users" do not.
func (f *speakerFinder) kindNounsOnly(from, end int) bool {
	i := token.Index(f.toks, from)
	if i >= len(f.toks) || f.toks[i].Start >= end || f.possessiveAfter(from) {
		return false
	}
	head := ""
	for ; i < len(f.toks) && f.toks[i].Start < end; i++ {
		t := f.toks[i]
		// The tagger may take a kind's word for an adjective ("the Global
		// Times tabloid"); the word list says what it is.
		if t.Tag != "NN" && t.Tag != "NNS" && !spokesNouns[t.Text] || strings.ToLower(t.Text) != t.Text {
			return false
		}
		head = t.Text
	}
	return spokesNouns[head]
}

// spokesNouns name what speaks for an organization named before them: its
// kind when it is a news medium, the people who speak for it, its polls.
// Not "campaign" or "committee": "Alan Grayson's Senate campaign" is not
// the Senate's.
var spokesNouns = map[string]bool{
	"agency": true, "newspaper": true, "newspapers": true, "paper": true, "daily": true, "weekly": true, "tabloid": true,
	"magazine": true, "network": true, "channel": true, "broadcaster": true, "station": true, "radio": true,
	"television": true, "website": true,
	"official": true, "officials": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"spokespeople": true, "spokesmen": true, "representative": true, "representatives": true,
	"leadership": true, "poll": true, "survey": true, "members": true,
}

// possessiveAfter reports whether a possessive 's follows offset.
func (f *speakerFinder) possessiveAfter(off int) bool {
	rest := f.text[off:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

// resolve turns the speaker phrase toks[start:end] and its cue into an
// attribution: a name in it, else a pronoun's or a description's referent.
// After "quoted X as saying" the speaker is X, whatever the phrase.
func (f *speakerFinder) resolve(start, end, c, n int, conf float64) attribution {
	a := attribution{entity: -1, confidence: conf}
	if c >= 0 {
		a.cue = f.spanMention(c, c+n)
	}
	if s, e, ok := f.quotedAs(c); ok {
		start, end = s, e
	}
	phrase := f.spanMention(start, end)
	if f.locatedPlace(start, end) {
		// The source's words name where, not who.
		return attribution{entity: -1, cue: a.cue, mention: phrase, method: MethodExplicit, confidence: conf}
	}
	if mi := f.mentionIn(phrase.Start, phrase.End); mi >= 0 {
		m := f.ms[mi]
		a.entity = m.Entity
		a.mention = &Mention{Start: m.Start, End: m.End, Text: f.text[m.Start:m.End]}
		a.method = MethodExplicit
		return a
	}
	a.mention = phrase
	// A possessive names whom its pronoun would: "Trump didn't back away
	// from his pledge to …" (the source of a cue that is a noun).
	w := strings.ToLower(f.toks[start].Text)
	if p, ok := possessivePronouns[w]; ok {
		w = p
	}
	if end-start == 1 && isPronoun(w) {
		a.method = MethodPronoun
		a.entity = f.pronounReferent(w, phrase.Start)
		a.confidence = conf - 0.15
		return a
	}
	// "the Encyclopædi Britannica", "the Guardian": a name after "the".
	if end-start >= 2 && strings.EqualFold(f.toks[start].Text, "the") && f.isProperName(start+1, end) {
		start++
	}
	if f.isProperName(start, end) {
		// A name the tagger missed is still a name: give it an entity,
		// without the role glued before it ("Environmentalist Ma Jun").
		for end-start > 2 && isRoleWord(f.toks[start].Text) {
			start++
		}
		phrase = f.spanMention(start, end)
		a.mention = phrase
		a.method = MethodExplicit
		if !f.noNewEntities {
			a.entity = f.addEntity(phrase)
		} else {
			// Reported speech's sources make no entity, but may name one
			// the text has.
			a.entity = f.namedEntity(phrase.Text)
		}
		return a
	}
	a.method = MethodNominal
	a.entity = f.descriptionReferent(start, end, phrase.Start)
	a.confidence = conf - 0.25
	return a
}

// addEntity returns the entity for a speaker's name that no entity
// mention covers: the organization whose longer name holds it
// (orgNamedIn), else one made on first use: a person, or an
// organization when a word of the name says so ("Breitbart News", "Our
// Principles PAC").
func (f *speakerFinder) addEntity(m *Mention) int {
	if i := f.entityNamed(m.Text); i >= 0 {
		f.ents[i].Mentions = append(f.ents[i].Mentions, *m)
		return i
	}
	if i := f.orgNamedIn(m.Text); i >= 0 {
		f.ents[i].Mentions = append(f.ents[i].Mentions, *m)
		if !slices.Contains(f.ents[i].Aliases, m.Text) {
			f.ents[i].Aliases = append(f.ents[i].Aliases, m.Text)
		}
		return i
	}
	typ := Person
	for _, w := range strings.Fields(m.Text) {
		if lexicon.IsOrgWord(w) {
			typ = Org
		}
	}
	f.ents = append(f.ents, Entity{
		ID: names.EntityID(len(f.ents)), Name: m.Text, Type: typ,
		Aliases: []string{m.Text}, Roles: []string{}, Mentions: []Mention{*m},
	})
	f.gender = append(f.gender, 0)
	return len(f.ents) - 1
}

// namedEntity returns the entity named name, or the organization whose
// longer name holds it (orgNamedIn), or -1.
func (f *speakerFinder) namedEntity(name string) int {
	if i := f.entityNamed(name); i >= 0 {
		return i
	}
	return f.orgNamedIn(name)
}

// entityNamed returns the entity whose name is name, or -1.
func (f *speakerFinder) entityNamed(name string) int {
	return slices.IndexFunc(f.ents, func(e Entity) bool { return e.Name == name })
}

// orgNamedIn returns the one organization whose name holds every word
// of name, when no person's does: a speaker "Commerce" the tagger did
// not read as a name is the "Commerce Department" named before. It
// returns -1 when none or several do.
func (f *speakerFinder) orgNamedIn(name string) int {
	words := strings.Fields(name)
	found := -1
	for i, e := range f.ents {
		if e.Type != Org && e.Type != Person {
			continue
		}
		have := strings.Fields(e.Name)
		if len(have) <= len(words) || !containsAll(have, words) || personsOrg[strings.ToLower(have[len(have)-1])] {
			continue
		}
		if e.Type == Person || found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// containsAll reports whether every word of part is among words.
func containsAll(words, part []string) bool {
	for _, w := range part {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// insideQuote reports whether offset lies inside a quotation: names
// mentioned in quoted words are not who "he" or "the spokesman" refer to.
func (f *speakerFinder) insideQuote(off int) bool {
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > off })
	return i < len(f.quotes) && f.quotes[i].Start <= off
}

// insideSpeech reports whether offset lies inside a quotation or, once
// stage 8 has found them, inside reported speech: a speaking "he" is
// seldom someone named in another's words ("Aziz said the plea came from
// Barzani. He said…" is Aziz speaking again). A description is matched
// by its words instead ("the president"), wherever the name stood.
func (f *speakerFinder) insideSpeech(off int) bool {
	if f.insideQuote(off) {
		return true
	}
	j := sort.Search(len(f.reported), func(j int) bool { return f.reported[j].End > off })
	return j < len(f.reported) && f.reported[j].Start <= off
}

// pronounReferent returns the entity that a speaking pronoun at offset
// refers to: for he and she, the most recent person outside quotes whose
// gender does not clash; for it and they, the most recent organization,
// or for it a country that was the subject of its clause ("Iran rejected
// the charges. It said…"); else nobody.
func (f *speakerFinder) pronounReferent(p string, off int) int {
	want := byte(0)
	switch p {
	case "he":
		want = 'm'
	case "she":
		want = 'f'
	case "i", "we":
		return -1
	}
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= off })
	for k := i - 1; k >= max(0, i-referentWindow); k-- {
		m := f.ms[k]
		if f.insideSpeech(m.Start) {
			continue
		}
		switch p {
		case "he", "she":
			if m.Type == Person && (f.gender[m.Entity] == 0 || f.gender[m.Entity] == want) {
				return f.preferSubject(k, want)
			}
		case "it", "they":
			if m.Type == Org || p == "it" && m.Type == Place && lexicon.Country[f.ents[m.Entity].Name] != "" && f.isSubject(m) {
				return m.Entity
			}
		}
	}
	return -1
}

// referentWindow is how many mentions back a pronoun or a description
// looks for what it stands for: far more than any article's distance
// between a name and "he" or "the spokesman", and it keeps a long text's
// many of them from costing the square of its mentions.
const referentWindow = 500

// possessivePronouns maps a possessive to the pronoun it goes with.
var possessivePronouns = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}

// descriptionReferent returns the entity that a description such as "the
// top Russian diplomat" or "the newspaper" refers to: among entities of
// the type its head names, mentioned before it outside quotes, the one
// whose roles share most words with it (its head and its nationality),
// else the most recent. Indefinite and plural descriptions ("a source",
// "officials") refer to nobody in particular.
func (f *speakerFinder) descriptionReferent(start, end, off int) int {
	first := strings.ToLower(f.toks[start].Text)
	if first == "a" || first == "an" || first == "some" || first == "several" || first == "many" || first == "two" || first == "three" {
		return -1
	}
	// A headline opens the text: a description in it ("… - paper",
	// "Paper says …") is named in the story below it (namedLater), not by
	// a name in its own few words.
	if f.inHeadline(f.toks[start].Start) {
		return -1
	}
	head := ""
	var mods []string
	headEnd := start // the head's phrase: [start, headEnd)
	for k := start; k < end; k++ {
		w := strings.ToLower(f.toks[k].Text)
		if w == "of" || w == "for" || w == "to" || w == "at" {
			break
		}
		if head != "" {
			mods = append(mods, head)
		}
		head = w
		headEnd = k + 1
	}
	h, ok := lexicon.Nominal[head]
	if !ok {
		return f.headReferent(start, end, head, off)
	}
	fits := map[string]bool{head: true}
	for _, s := range h.Synonyms {
		fits[s] = true
	}
	best, bestScore := -1, -1
	seen := map[int]bool{}
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= off })
	for k := i - 1; k >= max(0, i-referentWindow); k-- {
		m := f.ms[k]
		if m.Type != h.Type || seen[m.Entity] || f.insideQuote(m.Start) {
			continue
		}
		score := 0
		for _, role := range f.ents[m.Entity].Roles {
			for _, w := range strings.Fields(strings.ToLower(role)) {
				if fits[w] {
					score += 2
				}
			}
			for _, mod := range mods {
				if roleMentionsNation(role, mod) {
					score++
				}
			}
		}
		if h.Type != Person && strings.Contains(strings.ToLower(f.ents[m.Entity].Name), head) {
			score += 2
		}
		if g := newsMediumNouns[head]; g != "" && h.Type == Org && f.calledMedium(m.Entity, g, off) {
			score += 2
		}
		// An organization named only in someone's words is what was
		// spoken of, not who spoke: "the newspaper said" after "Caltex
		// plans to build a blender, the China Daily said" is the paper;
		// nor is one that was told ("… told Reuters. Deliveries are due
		// by 1999, the company said"). A role or name that fits may
		// still pick it.
		if score == 0 && h.Type != Person && (f.insideSpeech(m.Start) || f.toldTo(m.Start)) {
			continue
		}
		seen[m.Entity] = true
		if score > bestScore { // ties go to the most recent, met first
			best, bestScore = m.Entity, score
		}
	}
	if governs[head] && bestScore <= 0 {
		return f.countryOf(mods, off)
	}
	// "Trump's campaign", "his office": without a role or name that
	// fits, the organization is the owner's, which the text seldom names;
	// the last one named is someone else's. So is a person the head's
	// possessive describes ("Cameron's spokesman", "Pagliano's lawyer"):
	// not the owner, nor whoever was named last.
	if bestScore == 0 && (h.Type != Person && f.possessed(start, end) || h.Type == Person && f.possessed(start, headEnd)) {
		return -1
	}
	return best
}

// governs are heads that name a country's rulers: "the Mexican
// government" is Mexico's, not the organization named last (a newspaper,
// a party); without an organization that fits, it is the country its
// nationality names, or nobody.
var governs = map[string]bool{"government": true, "administration": true, "authorities": true, "regime": true, "junta": true}

// countryOf returns the place entity named before off that a nationality
// among mods stands for ("Burmese" for Burma), or -1.
func (f *speakerFinder) countryOf(mods []string, off int) int {
	for _, mod := range mods {
		country := lexicon.DemonymLower[mod]
		if country == "" {
			continue
		}
		for _, m := range f.ms {
			if m.Start >= off {
				break
			}
			if m.Type == Place && lexicon.Country[f.ents[m.Entity].Name] == country {
				return m.Entity
			}
		}
	}
	return -1
}

// roleMentionsNation reports whether a role names the nation of the
// demonym mod: "Russian" fits "Russian Foreign Minister" and "President
// of Russia".
func roleMentionsNation(role, mod string) bool {
	country := lexicon.DemonymLower[strings.ToLower(mod)]
	if country == "" {
		return false
	}
	lr := strings.ToLower(role)
	return strings.Contains(lr, strings.ToLower(mod)) || strings.Contains(lr, strings.ToLower(country))
}

// headReferent resolves a description whose head the word lists do not
// know ("the radio", "the 32-year-old national team captain") to the
// entity mentioned most recently before off, outside quotes, whose name
// ends with the head ("Damascus Radio") or one of whose roles holds it
// ("national team captain"); a description with an age ("the
// 32-year-old …") is a person's, the most recent one's when no role
// fits. It returns -1 when nothing fits.
func (f *speakerFinder) headReferent(start, end int, head string, off int) int {
	aged := false
	for k := start; k < end; k++ {
		aged = aged || strings.HasSuffix(strings.ToLower(f.toks[k].Text), "-year-old")
	}
	if head == "" || !unicode.IsLetter(wordutil.FirstRune(head)) {
		return -1
	}
	lastPerson := -1
	seen := map[int]bool{}
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= off })
	for k := i - 1; k >= max(0, i-referentWindow); k-- {
		m := f.ms[k]
		if seen[m.Entity] || f.insideQuote(m.Start) || m.Type != Person && m.Type != Org {
			continue
		}
		seen[m.Entity] = true
		e := f.ents[m.Entity]
		if m.Type == Person && lastPerson < 0 {
			lastPerson = m.Entity
		}
		if aged && m.Type != Person {
			continue
		}
		name := strings.Fields(strings.ToLower(e.Name))
		if len(name) > 0 && name[len(name)-1] == head {
			return m.Entity
		}
		for _, role := range e.Roles {
			if slices.Contains(strings.Fields(strings.ToLower(role)), head) {
				return m.Entity
			}
		}
	}
	if aged {
		return lastPerson
	}
	return -1
}

// isRoleWord reports whether w names what someone does rather than who
// they are: a role of the word lists, or an "-ist" ("Environmentalist",
// "Economist").
func isRoleWord(w string) bool {
	lw := strings.ToLower(w)
	if lexicon.IsRole(lw) || len(lw) >= 7 && strings.HasSuffix(lw, "ist") {
		return true
	}
	// A title joined by hyphens, as British and wire news write ranks:
	// "Lieutenant-Colonel", "Vice-President", "Secretary-General".
	parts := strings.Split(lw, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !lexicon.IsRole(p) {
			return false
		}
	}
	return true
}

// preferSubject returns the entity of ms[k], the most recent person a
// pronoun may stand for, unless that mention is the object of a
// preposition and an earlier fitting person of the same sentence is a
// clause's subject: in "He said Barzani sent a message to Saddam in
// which he said", "he" is Barzani, who sent, not Saddam, to whom.
func (f *speakerFinder) preferSubject(k int, want byte) int {
	m := f.ms[k]
	i := token.Index(f.toks, m.Start) - 1
	for i >= 0 && (f.toks[i].Tag == "DT" || f.toks[i].Tag == "JJ" || f.toks[i].Tag == "JJR") {
		i--
	}
	if i < 0 || f.toks[i].Tag != "IN" && f.toks[i].Tag != "TO" {
		return m.Entity
	}
	lo, _ := f.sentenceBounds(i)
	for j := k - 1; j >= 0 && f.ms[j].Start >= f.toks[lo].Start; j-- {
		o := f.ms[j]
		if o.Type == Person && o.Entity != m.Entity && (f.gender[o.Entity] == 0 || f.gender[o.Entity] == want) &&
			!f.insideQuote(o.Start) && f.isSubject(o) {
			return o.Entity
		}
	}
	return m.Entity
}

// isSubject reports whether mention m is followed by a verb, perhaps
// after an adverb: the subject of its clause.
func (f *speakerFinder) isSubject(m nameMention) bool {
	i := token.Index(f.toks, m.End)
	for i < len(f.toks) && f.toks[i].Tag == "RB" {
		i++
	}
	if i >= len(f.toks) {
		return false
	}
	t := f.toks[i].Tag
	return strings.HasPrefix(t, "VB") || t == "MD"
}

// possessed reports whether the description toks[start:end) names
// whose it is ("his campaign", "Trump's campaign").
func (f *speakerFinder) possessed(start, end int) bool {
	for k := start; k < end; k++ {
		if f.toks[k].Tag == "PRP$" || f.toks[k].Tag == "POS" || strings.HasSuffix(f.toks[k].Text, "'s") || strings.HasSuffix(f.toks[k].Text, "’s") {
			return true
		}
	}
	return false
}

// toldTo reports whether the name at offset is whom something was told:
// "told Reuters", "told the newspaper".
func (f *speakerFinder) toldTo(off int) bool {
	i := token.Index(f.toks, off) - 1
	if i >= 0 && strings.EqualFold(f.toks[i].Text, "the") {
		i--
	}
	if i < 0 {
		return false
	}
	switch strings.ToLower(f.toks[i].Text) {
	case "told", "tell", "tells", "telling":
		return true
	}
	return false
}
