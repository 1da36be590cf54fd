package core

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is an entity mention before mentions are grouped into entities.
type mention struct {
	Start, End int
	Type       string
}

// proseTypes maps prose's labels to ours. Its default model knows PERSON
// and GPE only.
var proseTypes = map[string]string{
	"PERSON":       Person,
	"GPE":          Place,
	"ORG":          Org,
	"ORGANIZATION": Org,
	"LOC":          Place,
	"NORP":         NORP,
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
		typ, known := proseTypes[label]
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
	return absorbFirstNames(text, toks, out)
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
	return "e" + itoa(i+1)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
