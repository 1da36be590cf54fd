package core

import (
	"sort"
	"strings"
)

// placePrepositions put a place where something happens, not who acts:
// "meeting in Ramallah to discuss", "a taxi back to London saying". Not
// "of": "The city of Phoenix asked" is Phoenix speaking, though "Baker of
// Columbia, South Carolina, says" is not South Carolina (see
// locatedPlace).
var placePrepositions = map[string]bool{
	"in": true, "at": true, "from": true, "near": true, "to": true, "into": true,
	"across": true, "toward": true, "towards": true,
}

// locatedPlace reports whether the tokens [start, end) are exactly the
// name of a place that a preposition locates, or the state or country
// after such a place, or one after "of", and its comma ("in Santa
// Barbara, California", "Baker of Columbia, South Carolina"). Such
// a place never speaks, whatever its words' position before a cue
// suggests.
func (f *speakerFinder) locatedPlace(start, end int) bool {
	if start >= end {
		return false
	}
	m := f.placeMentionEndingAt(f.toks[end-1].End)
	if m < 0 || f.ms[m].Start != f.toks[start].Start || start == 0 {
		return false
	}
	for k, first := start-1, true; k >= 0; first = false {
		w := strings.ToLower(f.toks[k].Text)
		if placePrepositions[w] || w == "of" && !first {
			return true
		}
		if w != "," || k == 0 {
			return false
		}
		// "Santa Barbara, California": the place before the comma must
		// be located itself.
		prev := f.placeMentionEndingAt(f.toks[k-1].End)
		if prev < 0 {
			return false
		}
		s, _ := f.tokenRange(f.ms[prev].Start, f.ms[prev].End)
		if s == 0 {
			return false
		}
		k = s - 1
	}
	return false
}

// placeMentionEndingAt returns the index in f.ms of the place mention
// that ends at offset end, or -1. Mentions do not overlap, so one at most
// ends there.
func (f *speakerFinder) placeMentionEndingAt(end int) int {
	i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].End >= end })
	for ; i < len(f.ms) && f.ms[i].Start < end; i++ {
		if f.ms[i].End == end && f.ms[i].Type == Place {
			return i
		}
	}
	return -1
}
