package core

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// misc is the internal type of names that are none of ours (events,
// works, laws): found so that their words are not taken for places or
// people, then dropped.
const misc = "MISC"

// mention is an entity mention before mentions are grouped into entities.
type mention struct {
	Start, End int
	Type       string
}

// labelTypes maps the tagger's IOB label types (see nerToLabel) to ours.
var labelTypes = map[string]string{
	"PERSON": Person,
	"GPE":    Place,
	"ORG":    Org,
	"NORP":   NORP,
	"MISC":   misc,
}

// chunkMentions turns the IOB labels of one sentence's tokens into
// mentions. prose often labels each word of a name B- ("Sergey" B-PERSON,
// "Lavrov" B-PERSON), so adjacent tokens of one type, apart by spaces
// only, form one mention whatever their prefix.
func chunkMentions(text string, toks []token) []mention {
	var out []mention
	open := -1 // index in out of the mention that may continue
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		_, label, _ := strings.Cut(t.Label, "-")
		typ, known := labelTypes[label]
		if open >= 0 && out[open].Type == Person && t.Text == "." && i > 0 && toks[i-1].End == t.Start &&
			initialAt(toks, i-1) == 2 && out[open].End == toks[i-1].End {
			out[open].End = t.End // the stop of an initial that opens a name: "P. Simmons"
			continue
		}
		if open >= 0 && out[open].Type == Person {
			// A middle initial ("William M. Daley") and a capitalized
			// word prose left unlabelled ("Amy Pope") continue a name.
			if n := initialAt(toks, i); n > 0 && i+n < len(toks) && (strings.HasSuffix(toks[i+n].Label, "PERSON") || isNameWord(toks[i+n])) {
				out[open].End = toks[i+n-1].End
				i += n - 1
				continue
			}
			if (!known || typ != Person && !strings.HasSuffix(nextLabel(toks, i), "PERSON")) && isNameWord(t) && onlySpaces(text[out[open].End:t.Start]) {
				out[open].End = t.End
				continue
			}
		}
		if !known || !isWordLike(t.Text) {
			open = -1
			continue
		}
		if open >= 0 && out[open].Type == typ && onlySpaces(text[out[open].End:t.Start]) {
			out[open].End = t.End
			continue
		}
		out = append(out, mention{Start: t.Start, End: t.End, Type: typ})
		open = len(out) - 1
	}
	return applyWordLists(text, toks, absorbFirstNames(text, toks, out))
}

// applyWordLists corrects mentions with the word lists: events are not
// places ("Beijing Winter Olympic Games"), a place word ends a place
// ("Anhui Province"), known organizations are organizations ("Xinhua",
// "NATO", "AP"), and a compound of places names each ("China-Russia").
// MISC mentions stay, so that their words are not taken for names
// later; buildEntities drops them.
func applyWordLists(text string, toks []token, ms []mention) []mention {
	var out []mention
	covered := func(start, end int) int { // index in out of a mention overlapping [start, end)
		for k := len(out) - 1; k >= 0 && out[k].End > start-200; k-- {
			if out[k].Start < end && start < out[k].End {
				return k
			}
		}
		return -1
	}
	mi := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// Mentions that start here, as the tagger found them.
		if mi < len(ms) && ms[mi].Start == t.Start {
			m := ms[mi]
			mi++
			j := tokenIndex(toks, m.End) // the first token after m
			// A capitalized run after it that ends in an event word makes
			// the whole an event; one that is a place word, a place.
			k := j
			for k < len(toks) && k-j < 4 && unicode.IsUpper(firstRune(toks[k].Text)) && onlySpaces(text[toks[k-1].End:toks[k].Start]) {
				k++
				if lexicon.eventWord[toks[k-1].Text] {
					m.End, m.Type = toks[k-1].End, misc
					break
				}
			}
			// A nationality and then capitalized words that end in an
			// organization word: "Chinese Foreign Ministry".
			if m.Type == NORP {
				for k := j; k < len(toks) && k-j < 3 && unicode.IsUpper(firstRune(toks[k].Text)) && onlySpaces(text[toks[k-1].End:toks[k].Start]); k++ {
					if isOrgWord(toks[k].Text) {
						m.End, m.Type = toks[k].End, Org
						break
					}
				}
			}
			if m.Type != misc && j < len(toks) && lexicon.placeWord[toks[j].Text] && onlySpaces(text[m.End:toks[j].Start]) {
				m.End, m.Type = toks[j].End, Place
			}
			if last := lastWord(text[m.Start:m.End]); lexicon.placeWord[last] && m.Type != misc {
				m.Type = Place
			} else if lexicon.eventWord[last] {
				m.Type = misc
			}
			if isKnownOrg(text[m.Start:m.End]) {
				m.Type = Org
			}
			if parts := compoundPlaces(text, m.Start, m.End); parts != nil && tokenIndex(toks, m.End)-i == 1 {
				out = append(out, parts...)
			} else {
				out = append(out, m)
			}
			// Skip the tokens it covers.
			for i+1 < len(toks) && toks[i+1].Start < m.End {
				i++
			}
			for mi < len(ms) && ms[mi].Start < m.End {
				mi++
			}
			continue
		}
		// Known organizations and compounds the tagger missed.
		if n := knownOrgAt(toks, i); n > 0 && covered(t.Start, toks[i+n-1].End) < 0 {
			out = append(out, mention{Start: t.Start, End: toks[i+n-1].End, Type: Org})
			i += n - 1
			continue
		}
		if parts := compoundPlaces(text, t.Start, t.End); parts != nil {
			out = append(out, parts...)
		}
	}
	kept := out[:0]
	for _, m := range out {
		// A nationality before an organization is part of its name
		// ("Chinese Foreign Ministry"), and before a place too ("British
		// Columbia").
		if n := len(kept); n > 0 && (m.Type == Org || m.Type == Place) && kept[n-1].Type == NORP && onlySpaces(text[kept[n-1].End:m.Start]) {
			kept[n-1].End, kept[n-1].Type = m.End, m.Type
			continue
		}
		// "Ministry of Environment": the tagger may start the name at
		// "of"; the capitalized word before belongs to it.
		if w := text[m.Start:min(m.End, m.Start+3)]; (w == "of " || w == "for") && m.Type == Org {
			if k := tokenIndex(toks, m.Start) - 1; k >= 0 && unicode.IsUpper(firstRune(toks[k].Text)) && onlySpaces(text[toks[k].End:m.Start]) {
				if n := len(kept); n > 0 && kept[n-1].End == toks[k].End {
					kept = kept[:n-1] // the word was a mention of its own
				}
				m.Start = toks[k].Start
			}
		}
		kept = append(kept, m)
	}
	return kept
}

// knownOrgAt returns how many tokens from toks[i] spell a known
// organization's name, or 0.
func knownOrgAt(toks []token, i int) int {
	best := 0
	for _, words := range lexicon.orgs[toks[i].Text] {
		if i+len(words) > len(toks) || len(words) <= best {
			continue
		}
		ok := true
		for k, w := range words {
			ok = ok && toks[i+k].Text == w
		}
		if ok {
			best = len(words)
		}
	}
	return best
}

// isKnownOrg reports whether name is in the list of organizations.
func isKnownOrg(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	for _, known := range lexicon.orgs[words[0]] {
		if slices.Equal(known, words) {
			return true
		}
	}
	return false
}

// compoundPlaces splits a hyphenated compound of countries or
// nationalities ("China-Russia", "Russia-Ukraine") into one mention per
// part; nil when it is not one.
func compoundPlaces(text string, start, end int) []mention {
	word := text[start:end]
	if !strings.Contains(word, "-") || lexicon.country[word] != "" {
		return nil
	}
	var out []mention
	pos := start
	for _, part := range strings.Split(word, "-") {
		switch {
		case lexicon.country[part] != "":
			out = append(out, mention{pos, pos + len(part), Place})
		case lexicon.demonym[part] != "":
			out = append(out, mention{pos, pos + len(part), NORP})
		default:
			return nil
		}
		pos += len(part) + 1
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// absorbFirstNames extends a person's mention back over a first name that
// prose labelled otherwise or not at all ("Sergey" as a place before
// "Lavrov" as a person), and drops the mention the first name had.
func absorbFirstNames(text string, toks []token, ms []mention) []mention {
	dropped := map[int]bool{}
	for mi := range ms {
		m := &ms[mi]
		if m.Type != Person {
			continue
		}
		k := tokenIndex(toks, m.Start) - 1
		for n := 0; n < 2 && k >= 0 && isNameWord(toks[k]) && onlySpaces(text[toks[k].End:m.Start]); n++ {
			// The token may be a one-word mention of its own.
			other := -1
			for oi := mi - 1; oi >= 0 && ms[oi].End >= toks[k].Start; oi-- {
				if ms[oi].Start <= toks[k].Start && ms[oi].End >= toks[k].End {
					other = oi
				}
			}
			if other >= 0 && (ms[other].Start != toks[k].Start || ms[other].End != toks[k].End) {
				break
			}
			if other >= 0 {
				dropped[other] = true
			}
			m.Start = toks[k].Start
			k--
		}
	}
	if len(dropped) == 0 {
		return ms
	}
	out := ms[:0]
	for i, m := range ms {
		if !dropped[i] {
			out = append(out, m)
		}
	}
	return out
}

func nextLabel(toks []token, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].Label
	}
	return ""
}

// initialAt returns how many tokens an initial at toks[i] takes ("M." as
// one token, or "M" and "."), or 0 when there is none.
func initialAt(toks []token, i int) int {
	w := toks[i].Text
	if len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z' {
		return 1
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == toks[i].End {
		return 2
	}
	return 0
}

// isNameWord reports whether an unlabelled token can be the rest of a
// person's name: a capitalized proper noun that is not a title, a
// country, a month or a weekday.
func isNameWord(t token) bool {
	if t.Tag != "NNP" || !unicode.IsUpper(firstRune(t.Text)) || len(t.Text) < 2 {
		return false
	}
	if strings.ToUpper(t.Text) == t.Text || isKnownOrg(t.Text) {
		return false // "AP", "CNN": a credit or an acronym, not a surname
	}
	return !isRoleWord(t.Text) && lexicon.country[t.Text] == "" && lexicon.demonym[t.Text] == "" && !timeWords[strings.ToLower(t.Text)] && !months[strings.ToLower(t.Text)]
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// onlySpaces reports whether s is made of spaces and tabs only (no line
// breaks, no punctuation).
func onlySpaces(s string) bool {
	return strings.Trim(s, " \t\u00a0") == ""
}

// isWordLike reports whether s starts with a letter or digit, so that a
// stray quote mark or comma labelled as part of a name is left out.
func isWordLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func entityID(i int) string {
	return "e" + strconv.Itoa(i+1)
}
