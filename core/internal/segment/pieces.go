package segment

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// MaxPiece is the longest sentence the taggers see whole. News
// sentences are a few hundred bytes; a longer "sentence" is a run of
// brackets, quote marks or words without a full stop, which the taggers
// read in pieces so that the memory of one tagging pass stays small.
const MaxPiece = 2000

// Pieces returns the spans the taggers (and the first look's word lists)
// read: the sentences, each one longer than MaxPiece cut into pieces of
// about half that, at white space where there is some.
func Pieces(text string, sents []Span) []Span {
	if !slices.ContainsFunc(sents, func(s Span) bool { return s.End-s.Start > MaxPiece }) {
		return sents
	}
	out := make([]Span, 0, len(sents)+8)
	for _, s := range sents {
		if s.End-s.Start <= MaxPiece {
			out = append(out, s)
			continue
		}
		for start := s.Start; start < s.End; {
			end := min(start+MaxPiece/2, s.End)
			if end < s.End {
				// Back to white space, if there is some in the last half.
				cut := end
				for cut > start+MaxPiece/4 && !unicode.IsSpace(rune(text[cut-1])) {
					cut--
				}
				if unicode.IsSpace(rune(text[cut-1])) {
					end = cut
				}
				for end < s.End && !utf8.RuneStart(text[end]) {
					end++
				}
			}
			out = append(out, Span{Start: start, End: end})
			start = end
		}
	}
	return out
}
