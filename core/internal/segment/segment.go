// Package segment finds the paragraphs and sentences of a text. It is
// the first stage of the pipeline and needs no model: it imports neither
// prose nor the taggers.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of the input text.
type Span struct {
	Start int `json:"start"` // offset of the first byte (or code unit)
	End   int `json:"end"`   // offset just past the last byte (or code unit)
}

// Paragraphs returns the paragraphs of text as a reader sees them, each
// trimmed of the white space around it: runs of non-blank lines separated
// by blank lines, and, in text whose paragraphs are single lines (as
// copied from many news sites), also a line break after a line that ends
// a sentence, before one that starts one. A line break elsewhere does not
// end a paragraph, so a photo caption and its credit stay one, and text
// hard-wrapped at a fixed width keeps its paragraphs whole.
func Paragraphs(text string) []Span {
	start := -1 // start of the current paragraph, -1 when between paragraphs
	lastEnd := 0
	lines := Lines(text)
	// Written over the lines already read: a paragraph ends no later than
	// the line that ends it.
	paras := lines[:0]
	singles := !hardWrapped(text, lines)
	for _, line := range lines {
		if IsBlank(text[line.Start:line.End]) {
			if start >= 0 {
				paras = append(paras, Span{start, lastEnd})
				start = -1
			}
			continue
		}
		s, e := TrimSpan(text, line)
		if start >= 0 && singles && endsSentenceLine(text[start:lastEnd]) && startsSentenceLine(text[s:e]) {
			paras = append(paras, Span{start, lastEnd})
			start = -1
		}
		if start < 0 {
			start = s
		}
		lastEnd = e
	}
	if start >= 0 {
		paras = append(paras, Span{start, lastEnd})
	}
	return paras
}

// hardWrapped reports whether text is wrapped at a fixed width: most of
// its lines that another line follows directly are long and do not end a
// sentence. Such a text breaks lines inside its paragraphs.
func hardWrapped(text string, lines []Span) bool {
	joined, open := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		s, e := TrimSpan(text, lines[i])
		ns, ne := TrimSpan(text, lines[i+1])
		if s == e || ns == ne {
			continue
		}
		joined++
		if !endsSentenceLine(text[s:e]) && e-s >= 40 {
			open++
		}
	}
	return joined > 0 && 2*open >= joined
}

// endsSentenceLine reports whether a line ends a sentence: . ! ? or …,
// perhaps followed by closing quote marks or brackets.
func endsSentenceLine(line string) bool {
	for line != "" {
		r, n := utf8.DecodeLastRuneInString(line)
		switch {
		case IsClosing(r):
			line = line[:len(line)-n]
			continue
		case r == '.', r == '!', r == '?', r == '…':
			return true
		}
		return false
	}
	return false
}

// startsSentenceLine reports whether a line starts like a sentence.
func startsSentenceLine(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return startsSentence(r)
}

// Sentences returns the sentences of text in order. A sentence never
// crosses a line break: headlines, datelines and captions are usually
// lines without a final full stop, and joining them to the next line
// would glue names together.
func Sentences(text string) []Span {
	lines := Lines(text)
	out := make([]Span, 0, len(lines))
	for _, line := range lines {
		out = appendSentences(out, text, line)
	}
	return out
}

// Lines splits text at \n, \r\n, \r, U+2028 and U+2029. The spans exclude
// the line terminators.
func Lines(text string) []Span {
	out := make([]Span, 0, strings.Count(text, "\n")+1)
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			out = append(out, Span{start, i})
			i++
			start = i
		case c == '\r':
			out = append(out, Span{start, i})
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
			start = i
		case c == 0xE2 && (strings.HasPrefix(text[i:], "\u2028") || strings.HasPrefix(text[i:], "\u2029")):
			out = append(out, Span{start, i})
			i += 3
			start = i
		default:
			i++
		}
	}
	return append(out, Span{start, len(text)})
}

// IsBlank reports whether s is white space only.
func IsBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// TrimSpan shrinks sp to exclude white space at either end.
func TrimSpan(text string, sp Span) (int, int) {
	s, e := sp.Start, sp.End
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// appendSentences splits one line into sentences. A sentence ends at
// . ! ? or … (with any closing quotes and brackets after it) when white
// space and then a likely sentence start follow, unless the full stop ends
// a known abbreviation or an initial.
func appendSentences(out []Span, text string, line Span) []Span {
	s, e := TrimSpan(text, line)
	if s == e {
		return out
	}
	start := s
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		j := i + n
		for j < e {
			r2, n2 := utf8.DecodeRuneInString(text[j:e])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || IsClosing(r2) {
				j += n2
				continue
			}
			break
		}
		// j is just past the terminator and its closers; a break needs
		// white space and then a likely sentence start.
		k := j
		for k < e {
			r2, n2 := utf8.DecodeRuneInString(text[k:e])
			if !unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		if k == j && r == '.' && j == i+1 && gluedSentence(text[start:i], text[j:e]) {
			// "… said Ana Menezes.Native bees are …": text pasted from
			// the web lost the space after a full stop.
			out = append(out, Span{start, j})
			start = j
			i = j
			continue
		}
		if k == j || k == e {
			i = j
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:e])
		if !startsSentence(next) || (r == '.' && j == i+1 && isAbbreviation(text[start:i])) {
			i = j
			continue
		}
		out = append(out, Span{start, j})
		start = k
		i = k
	}
	return append(out, Span{start, e})
}

// gluedSentence reports whether a full stop with no space after it ends
// a sentence: a word of lower-case letters before it (not an
// abbreviation), and after it a capital then a lower-case letter
// ("Menezes.Native"), not "U.S.", "e.g.", "Node.JS" or a domain name.
func gluedSentence(before, after string) bool {
	b := []rune(before)
	if len(b) < 2 || !unicode.IsLower(b[len(b)-1]) || !unicode.IsLower(b[len(b)-2]) || isAbbreviation(before) {
		return false
	}
	a := []rune(after)
	if len(a) < 3 || !unicode.IsUpper(a[0]) || !unicode.IsLower(a[1]) || !unicode.IsLower(a[2]) {
		return false
	}
	// A word that goes on with a dot or a slash is a name or an address.
	for _, r := range a[1:] {
		if r == '.' || r == '/' || r == '@' {
			return false
		}
		if !unicode.IsLetter(r) {
			break
		}
	}
	return true
}

// IsClosing reports whether r closes a quotation or a bracket, so that a
// sentence may end just before it.
func IsClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}', '›':
		return true
	}
	return false
}

func startsSentence(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '„', '‹', '—', '-':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r)
}

// Abbreviations are words (lower case, without their final stop) that
// are usually followed by a capitalized word in news text, so a full stop
// after them does not end a sentence.
var Abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true,
	"sgt": true, "maj": true, "fr": true, "del": true, "adm": true, "cmdr": true, "gens": true, "sens": true,
	"reps": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "atty": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "approx": true,
	"u.s": true, "u.n": true, "u.k": true, "e.u": true, "d.c": true, "a.m": true,
	"p.m": true, "inc": true, "corp": true, "co": true, "ltd": true, "bros": true,
	"ft": true, "mt": true, "ave": true, "blvd": true, "dept": true, "univ": true,
	"fig": true, "ch": true, "vol": true, "op": true, "cf": true, "e.g": true, "i.e": true,
}

// isAbbreviation reports whether before (the text up to a full stop)
// ends in an abbreviation or in initials.
func isAbbreviation(before string) bool {
	w := before
	if i := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' }); i >= 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		w = w[i+n:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return Abbreviations[strings.ToLower(w)] || IsInitials(w)
}

// IsInitials reports whether w is capital letters each followed by a
// full stop, the last stop optional: "M", "M.", "G.K", "H.W.", "J.R.R".
func IsInitials(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || i+1 < len(w) && w[i+1] != '.' {
			return false
		}
	}
	return true
}
