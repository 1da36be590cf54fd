package core

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// token is one prose token placed on the source text.
type token struct {
	Start, End int    // byte offsets into the source
	Text       string // source[Start:End], not prose's rewritten form
	Tag        string // Penn Treebank part of speech
	Label      string // prose's IOB entity label: "O", "B-PERSON", "I-GPE", …
}

// tagSentence runs prose on one sentence span of text and returns its
// tokens with their offsets in text, part-of-speech tags, and entity
// labels from Lede's own tagger (see ner.go).
func tagSentence(text string, sent Span) []token {
	toks := posTagSentence(text, sent)
	if m, err := loadNER(); err == nil {
		for i, l := range m.tag(toks) {
			toks[i].Label = nerToLabel(l, toks[i].Text)
		}
	}
	return toks
}

// posTagSentence tokenizes one sentence with prose's tokenizer and tags
// it with prose's part-of-speech model in its faster form (pos.go).
func posTagSentence(text string, sent Span) []token {
	LoadModel()
	src := text[sent.Start:sent.End]
	doc, err := prose.NewDocument(breakLongRuns(src),
		prose.WithSegmentation(false),
		prose.WithTagging(false),
		prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	toks := alignTokens(src, sent.Start, doc.Tokens())
	posLoaded.tag(toks)
	return toks
}

// maxRun is the longest run without white space that prose is given
// whole. prose strips a word's leading and trailing punctuation one
// character at a time, recounting the word each time, so a run of 10,000
// quote marks or brackets costs it seconds.
const maxRun = 64

// breakLongRuns returns the copy of s that prose tokenizes: a space put
// into every run of more than maxRun bytes without white space, every
// maxRun/2 bytes, at rune boundaries; and control characters and U+FFFD
// (what invalid text and JavaScript's lone surrogates become) turned into
// spaces, so that they never glue words together ("Beijing.\x00").
// Tokens are placed on the original text, where the pieces of a long run
// lie side by side and the odd characters are skipped.
func breakLongRuns(s string) string {
	run, change := 0, false
	for _, r := range s {
		if isOddRune(r) {
			change = true
			break
		}
		if unicode.IsSpace(r) {
			run = 0
			continue
		}
		run++
		if run > maxRun {
			change = true
			break
		}
	}
	if !change {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/(maxRun/2) + 1)
	n := 0
	for _, r := range s {
		if isOddRune(r) {
			r = ' '
		}
		if unicode.IsSpace(r) {
			n = 0
		} else if n >= maxRun/2 {
			b.WriteByte(' ')
			n = 0
		}
		if !unicode.IsSpace(r) {
			n++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isOddRune reports whether r is a control character (other than white
// space) or U+FFFD.
func isOddRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) && !unicode.IsSpace(r)
}

// nerToLabel maps the tagger's CoNLL labels to the IOB labels of our
// types: PER → PERSON, LOC → GPE (a place), ORG → ORG; MISC only for
// nationalities (NORP), else nothing.
func nerToLabel(l, word string) string {
	prefix, typ, ok := strings.Cut(l, "-")
	if !ok {
		return "O"
	}
	switch typ {
	case "PER":
		return prefix + "-PERSON"
	case "LOC":
		return prefix + "-GPE"
	case "ORG":
		return prefix + "-ORG"
	case "MISC":
		if lexicon.demonym[word] != "" {
			return prefix + "-NORP"
		}
		return prefix + "-MISC"
	}
	return "O"
}

// alignTokens places prose's tokens on src with a cursor. prose rewrites
// curly quotes to straight ones and "&rsquo;" to an apostrophe, and may
// split a multi-byte character, so a token is matched loosely; a token
// that cannot be found near the cursor is dropped rather than guessed.
func alignTokens(src string, base int, toks []prose.Token) []token {
	out := make([]token, 0, len(toks))
	cur := 0
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		for cur < len(src) {
			r, n := utf8.DecodeRuneInString(src[cur:])
			if !unicode.IsSpace(r) {
				break
			}
			cur += n
		}
		end, ok := matchToken(src, cur, t.Text)
		if !ok {
			// Look a little further: prose drops some characters.
			found := false
			for skip := cur; skip < len(src) && skip < cur+64; {
				_, n := utf8.DecodeRuneInString(src[skip:])
				skip += n
				if e, ok := matchToken(src, skip, t.Text); ok {
					cur, end, found = skip, e, true
					break
				}
			}
			if !found {
				continue
			}
		}
		out = append(out, token{
			Start: base + cur, End: base + end,
			Text: src[cur:end], Tag: t.Tag, Label: t.Label,
		})
		cur = end
	}
	return out
}

// matchToken reports whether tok, as prose wrote it, stands in src at
// at, and where it ends there.
func matchToken(src string, at int, tok string) (int, bool) {
	i := at
	for _, r := range tok {
		if i >= len(src) {
			return 0, false
		}
		s, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case s == r:
		case r == '"' && (s == '“' || s == '”'):
		case r == '\'' && (s == '‘' || s == '’'):
		case r == '\'' && strings.HasPrefix(src[i:], "&rsquo;"):
			n = len("&rsquo;")
		case r == utf8.RuneError:
			// prose cut a multi-byte character in two; take the whole one.
		default:
			return 0, false
		}
		i += n
	}
	if i > len(src) || !utf8.ValidString(src[at:i]) || i == at {
		return 0, false
	}
	return i, true
}
