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
	for _, t := range toks {
		_, label, _ := strings.Cut(t.Label, "-")
		typ, known := proseTypes[label]
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
	return out
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
