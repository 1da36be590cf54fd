// Package boundary is what both of the browser's analyzers (wasm, the
// full one, and wasm/firstlook) do at the JavaScript boundary: convert a
// result's offsets to UTF-16 once, turn every error or panic into a
// returned error, hand the JSON to JavaScript a megabyte at a time, and
// let the collector work at the analysis's pauses. It never touches the
// DOM, and imports no analyzer, so the first look stays small.
package boundary

import (
	"unicode/utf8"

	"lede/core/result"
)

// utf16Index converts UTF-8 byte offsets of one text into UTF-16 code-unit
// offsets, what JavaScript's String.prototype.slice uses. It keeps a
// checkpoint every 64 bytes, so memory stays small for huge texts and a
// conversion costs at most 64 bytes of decoding.
type utf16Index struct {
	text  string
	bytes []int // bytes[k]: the first rune boundary at or after k*64
	units []int // units[k]: UTF-16 units before bytes[k]
}

const checkpointEvery = 64

func newUTF16Index(text string) *utf16Index {
	ix := &utf16Index{text: text}
	units := 0
	next := 0
	for i, r := range text {
		for i >= next {
			ix.bytes = append(ix.bytes, i)
			ix.units = append(ix.units, units)
			next += checkpointEvery
		}
		units += utf16Len(r)
	}
	for len(text) >= next {
		ix.bytes = append(ix.bytes, len(text))
		ix.units = append(ix.units, units)
		next += checkpointEvery
	}
	return ix
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// convert returns the UTF-16 offset of byte offset off, which must be on
// a rune boundary in [0, len(text)].
func (ix *utf16Index) convert(off int) int {
	k := off / checkpointEvery
	if ix.bytes[k] > off {
		k--
	}
	units := ix.units[k]
	for _, r := range ix.text[ix.bytes[k]:off] {
		units += utf16Len(r)
	}
	return units
}

// ToUTF16 rewrites every offset of res, computed on text, as a UTF-16
// offset, once, and marks the result so.
func ToUTF16(text string, res *result.Result) {
	ix := newUTF16Index(text)
	conv := func(start, end *int) {
		*start, *end = ix.convert(*start), ix.convert(*end)
	}
	mention := func(m *result.Mention) {
		if m != nil {
			conv(&m.Start, &m.End)
		}
	}
	for i := range res.Entities {
		for j := range res.Entities[i].Mentions {
			mention(&res.Entities[i].Mentions[j])
		}
	}
	for i := range res.Quotes {
		q := &res.Quotes[i]
		conv(&q.Start, &q.End)
		mention(q.SpeakerMention)
		mention(q.Cue)
	}
	for i := range res.Sentences {
		conv(&res.Sentences[i].Start, &res.Sentences[i].End)
	}
	for i := range res.Paragraphs {
		conv(&res.Paragraphs[i].Start, &res.Paragraphs[i].End)
	}
	res.Offsets = "utf16"
}
