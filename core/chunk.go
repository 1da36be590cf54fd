package core

import (
	"strings"
	"unicode"

	"lede/core/internal/segment"
	"lede/core/internal/wordlists"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// chunkSentences runs entity chunking on each sentence: the tagger's
// spans (chunkMentions), a first name the tagger typed apart joined to
// the surname after it (absorbFirstNames), names joined by "&" made one
// (joinAmpersands), then the word lists' corrections (applyWordLists).
func chunkSentences(text string, sents []sentenceTokens, pause func()) [][]candidate {
	raw := make([][]candidate, len(sents))
	for i, s := range sents {
		if pause != nil && i%pauseSentences == pauseSentences-1 {
			pause()
		}
		c := chunkMentions(text, s.Toks)
		c = absorbFirstNames(text, s.Toks, c)
		c = joinAmpersands(text, c)
		raw[i] = wordlists.Apply(text, s.Toks, c)
	}
	return raw
}

// candidate is a span that may name an entity (see wordlists.Candidate).
type candidate = wordlists.Candidate

// chunkMentions turns the entity types of one sentence's tokens into
// candidates. Adjacent tokens of one type, apart by spaces only, form one
// candidate whatever their BIO prefix was: the tagger may start a new name
// at each word ("Sergey" B-PER, "Lavrov" B-PER). An initial, and a
// capitalized word the tagger left out, continue a person's name.
func chunkMentions(text string, toks []tokenize.Token) []candidate {
	var out []candidate
	open := -1 // index in out of the mention that may continue
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		typ, known := t.Entity, t.Entity != ""
		if open >= 0 && out[open].Type == Person && t.Text == "." && i > 0 && toks[i-1].End == t.Start &&
			initialAt(toks, i-1) == 2 && out[open].End == toks[i-1].End {
			out[open].End = t.End // the stop of an initial that opens a name: "P. Simmons"
			continue
		}
		if open >= 0 && out[open].Type == Person {
			// A middle initial ("William M. Daley") and a capitalized
			// word the tagger left out ("Amy Pope") continue a name.
			if n := initialAt(toks, i); n > 0 && i+n < len(toks) && (toks[i+n].Entity == Person || isNameWord(toks[i+n])) {
				out[open].End = toks[i+n-1].End
				i += n - 1
				continue
			}
			// A particle continues it when a name follows: "Bill de Blasio".
			if particleAt(text, toks, i) && wordutil.OnlySpaces(text[out[open].End:t.Start]) {
				out[open].End = t.End
				continue
			}
			if (!known || typ != Person && nextEntity(toks, i) != Person) && isNameWord(t) && wordutil.OnlySpaces(text[out[open].End:t.Start]) {
				out[open].End = t.End
				continue
			}
		}
		// A particle opens a person's name when the name follows it with
		// no first name before: "said de Blasio".
		if open < 0 && !known && particleAt(text, toks, i) && toks[i+1].Entity == Person {
			out = append(out, candidate{Start: t.Start, End: t.End, Type: Person})
			open = len(out) - 1
			continue
		}
		if !known || !wordutil.IsWordLike(t.Text) {
			open = -1
			continue
		}
		if open >= 0 && out[open].Type == typ && wordutil.OnlySpaces(text[out[open].End:t.Start]) {
			out[open].End = t.End
			continue
		}
		out = append(out, candidate{Start: t.Start, End: t.End, Type: typ})
		open = len(out) - 1
	}
	return out
}

// nextEntity returns the entity type of the token after toks[i], if any.
func nextEntity(toks []tokenize.Token, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].Entity
	}
	return ""
}

// initialAt returns how many tokens an initial at toks[i] takes, or 0
// when there is none: "M." or "G.K." as one token, or "M" or "G.K" and
// then ".".
func initialAt(toks []tokenize.Token, i int) int {
	w := toks[i].Text
	if segment.IsInitials(w) && strings.HasSuffix(w, ".") {
		return 1
	}
	if segment.IsInitials(w) && i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == toks[i].End {
		return 2
	}
	return 0
}

// nameParticles are the lower-case words inside names from many
// languages: "Bill de Blasio", "Vincent van Gogh", "Osama bin Laden".
var nameParticles = map[string]bool{
	"de": true, "da": true, "do": true, "dos": true, "das": true, "di": true, "du": true, "del": true,
	"della": true, "der": true, "den": true, "van": true, "von": true, "ter": true, "ten": true,
	"bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true, "y": true,
}

// particleAt reports whether toks[i] is a name particle, in either case
// ("De Blasio" opens a sentence), that the next token, a person's name or
// a capitalized name word, continues.
func particleAt(text string, toks []tokenize.Token, i int) bool {
	if !nameParticles[strings.ToLower(toks[i].Text)] || i+1 >= len(toks) || !wordutil.OnlySpaces(text[toks[i].End:toks[i+1].Start]) {
		return false
	}
	return toks[i+1].Entity == Person || isNameWord(toks[i+1])
}

// isNameWord reports whether an unlabelled token can be the rest of a
// person's name: a capitalized proper noun that is not a title, a
// country, a month or a weekday.
func isNameWord(t tokenize.Token) bool {
	if t.Tag != "NNP" || !unicode.IsUpper(wordutil.FirstRune(t.Text)) || len(t.Text) < 2 {
		return false
	}
	if strings.ToUpper(t.Text) == t.Text || wordlists.IsKnownOrg(t.Text) {
		return false // "AP", "CNN": a credit or an acronym, not a surname
	}
	return !lexicon.IsRole(t.Text) && lexicon.Country[t.Text] == "" && lexicon.Demonym[t.Text] == "" && !lexicon.TimeWords[strings.ToLower(t.Text)] && !lexicon.Months[strings.ToLower(t.Text)]
}

// joinAmpersands makes two candidates with only "&" between them one
// organization when the tagger read either as one: "Douglas & Lomason
// Co", "Schroder Wertheim & Co." (a surname, then a company). Every "&"
// between names in CoNLL-2003 train is inside an organization's name;
// tweets also write it for "and" between people ("Tom & Jerry"), so two
// people's names stay apart.
func joinAmpersands(text string, c []candidate) []candidate {
	out := c[:0]
	for _, m := range c {
		if n := len(out); n > 0 && (out[n-1].Type == Org || m.Type == Org) && strings.TrimSpace(text[out[n-1].End:m.Start]) == "&" {
			out[n-1].End = m.End
			out[n-1].Type = Org
			continue
		}
		out = append(out, m)
	}
	return out
}
