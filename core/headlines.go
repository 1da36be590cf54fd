package core

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/names"
	"lede/core/internal/segment"
	"lede/core/internal/wordlists"
	"lede/internal/lexicon"
	"lede/internal/token"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// isTitleCase reports whether a sentence looks like a headline: three or
// more words, every word of four letters or more capitalized, and no full
// stop at the end. The entity tagger takes any capitalized word there for
// a name ("Lavrov Arrives"). A headline that opens an article may keep a
// full stop ("Chris Christie Calls Hillary Clinton A Disgrace."): where
// opens says the sentence does so, a stop is allowed, and then every word
// of three letters or more must be capitalized, which tells it from a
// sentence such as "Sergey Lavrov met Wang Yi in Beijing.".
func isTitleCase(toks []tokenize.Token, opens bool) bool {
	minLetters := 4
	if n := len(toks); n > 0 && strings.HasSuffix(toks[n-1].Text, ".") {
		if !opens {
			return false // body text ends in a full stop
		}
		minLetters = 3
	}
	words, glue := 0, false
	for i, t := range toks {
		r := wordutil.FirstRune(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if !unicode.IsUpper(r) && utf8.RuneCountInString(t.Text) >= minLetters {
			return false
		}
		glue = glue || i > 0 && headlineGlue[strings.ToUpper(t.Text[:1])+t.Text[1:]]
	}
	// A list of names ("Billy Andrade, Duffy Waldorf") is capitalized
	// too, but has none of the small words of a headline. An article's
	// first line of four words or more without a comma is a headline all
	// the same ("Senator Smith Slams Budget Plan").
	return words >= 3 && (glue || opens && words >= 4 && !hasComma(toks)) && !allCaps(toks)
}

// hasComma reports whether a comma is among toks.
func hasComma(toks []tokenize.Token) bool {
	for _, t := range toks {
		if t.Text == "," {
			return true
		}
	}
	return false
}

// isOwnParagraph reports whether the sentence sp is a paragraph of its
// own, as a headline is: blank lines (or the text's ends) around its line.
func isOwnParagraph(text string, sp Span) bool {
	start := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	end := len(text)
	if k := strings.IndexByte(text[sp.End:], '\n'); k >= 0 {
		end = sp.End + k
	}
	if !segment.IsBlank(text[start:sp.Start]) || !segment.IsBlank(text[sp.End:end]) {
		return false // the line holds more than this sentence
	}
	// The line before and the line after must be blank, or absent.
	prev := strings.TrimSuffix(text[:start], "\n")
	if prev != "" && !segment.IsBlank(prev[strings.LastIndexByte(prev, '\n')+1:]) {
		return false
	}
	if end >= len(text) {
		return true
	}
	next := text[end+1:]
	if i := strings.IndexByte(next, '\n'); i >= 0 {
		next = next[:i]
	}
	return segment.IsBlank(next)
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
func allCaps(toks []tokenize.Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if utf8.RuneCountInString(t.Text) < 2 || !unicode.IsLetter(wordutil.FirstRune(t.Text)) {
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
		// Only the first sentence opens an article, and only when a body follows.
		title[i] = isTitleCase(s.Toks, i == 0 && len(sents) > 1) && isOwnParagraph(text, s.Span)
	}
	known := map[string]string{} // a word of a name in the body, lower case (a headline capitalizes "De Blasio") → that name's type
	for _, m := range ms {
		if !title[m.Sent] {
			for _, w := range m.Words {
				if _, ok := known[strings.ToLower(w)]; !ok {
					known[strings.ToLower(w)] = m.Type
				}
			}
		}
	}
	if !slices.Contains(title, true) {
		return ms
	}
	// The mentions are rewritten in place, so that a text of many
	// headline-like lines keeps one list of mentions, not two. Only a
	// headline mention that splits into more parts than have been read
	// so far (rare) moves what is written to a list of its own.
	out := ms[:0]
	inPlace := true
	var parts []nameMention
	for read, m := range ms {
		parts = append(parts[:0], m)
		if title[m.Sent] {
			parts = headlineParts(text, sents[m.Sent].Toks, m, known, parts[:0])
		}
		if inPlace && len(out)+len(parts) > read+1 {
			out = append(make([]nameMention, 0, len(ms)+len(parts)), out...)
			inPlace = false
		}
		out = append(out, parts...)
	}
	return out
}

// headlineParts appends to out the mentions a headline mention m keeps
// (its tokens toks): each run of words that the body uses in names,
// typed as the body types it (known); a known country, nationality or
// organization stands on its own.
func headlineParts(text string, toks []tokenize.Token, m nameMention, known map[string]string, out []nameMention) []nameMention {
	ts := token.In(toks, m.Start, m.End)
	for i := 0; i < len(ts); {
		j := i
		for j < len(ts) && known[strings.ToLower(m.Words[j])] != "" {
			j++
		}
		if j == i {
			if w := m.Words[i]; lexicon.Country[w] != "" || lexicon.Demonym[w] != "" || wordlists.IsKnownOrg(w) {
				j = i + 1
			} else {
				i++
				continue
			}
		}
		part := m
		part.Start, part.End = ts[i].Start, ts[j-1].End
		part.Words = m.Words[i:j]
		if t := known[strings.ToLower(m.Words[i])]; t != "" {
			part.Type = t
		} else if wordlists.IsKnownOrg(m.Words[i]) {
			part.Type = Org
		}
		out = append(out, names.TypeByLexicon(text, part))
		i = j
	}
	return out
}
