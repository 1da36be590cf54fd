// Package tokenize splits a sentence into tokens with prose's tokenizer
// and places each token on the source text, which prose does not do: it
// gives no offsets, and rewrites curly quotes as straight ones.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"lede/internal/token"
)

// Token is one word or punctuation mark of a sentence (see package token).
type Token = token.Token

// Sentence tokenizes the sentence text[start:end] and returns
// its tokens with offsets into text. Tags and entity types are left empty.
func Sentence(text string, start, end int) []Token {
	src := text[start:end]
	doc, err := prose.NewDocument(breakLongRuns(src),
		prose.WithSegmentation(false),
		prose.WithTagging(false),
		prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	return splitFinalStop(alignTokens(src, start, doc.Tokens()))
}

// splitFinalStop splits the full stop off the sentence's last word, which
// prose leaves on it when the sentence ends the text ("said Bob." would
// make the name "Bob."). A word with a stop inside ("U.S.") or of one
// letter (an initial) keeps it.
func splitFinalStop(toks []Token) []Token {
	n := len(toks)
	if n == 0 {
		return toks
	}
	last := toks[n-1]
	word, ok := strings.CutSuffix(last.Text, ".")
	if !ok || utf8.RuneCountInString(word) < 2 || strings.Contains(word, ".") || !unicode.IsLetter([]rune(word)[utf8.RuneCountInString(word)-1]) {
		return toks
	}
	stop := last
	stop.Start, stop.Text = last.End-1, "."
	last.End, last.Text = last.End-1, word
	return append(toks[:n-1], last, stop)
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

// alignTokens places prose's tokens on src with a cursor. prose rewrites
// curly quotes to straight ones and "&rsquo;" to an apostrophe, and may
// split a multi-byte character, so a token is matched loosely; a token
// that cannot be found near the cursor is dropped rather than guessed.
func alignTokens(src string, base int, toks []prose.Token) []Token {
	out := make([]Token, 0, len(toks))
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
		out = append(out, Token{
			Start: base + cur, End: base + end,
			Text: src[cur:end],
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
