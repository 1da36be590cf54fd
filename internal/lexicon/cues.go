package lexicon

import "strings"

// IsCue reports whether w (lower case) is a form of a cue verb: the
// word list holds base forms, and -s, -es, -ed, -d, -ied, -ing and a
// doubled consonant are taken off to find them.
func IsCue(w string) bool {
	if Cue[w] {
		return true
	}
	var bases []string
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			bases = append(bases, b, b+"e")
			if n := len(b); n >= 2 && b[n-1] == b[n-2] {
				bases = append(bases, b[:n-1]) // admitted, begging
			}
		}
	}
	if b, ok := strings.CutSuffix(w, "ied"); ok {
		bases = append(bases, b+"y")
	}
	if b, ok := strings.CutSuffix(w, "ies"); ok {
		bases = append(bases, b+"y")
	}
	for _, b := range bases {
		if Cue[b] {
			return true
		}
	}
	return false
}

// IsObjectCue reports whether w is a form of a cue whose object is the
// listener ("told", "assuring").
func IsObjectCue(w string) bool {
	if ObjectCue[w] {
		return true
	}
	for _, suf := range []string{"s", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && (ObjectCue[b] || ObjectCue[b+"e"]) {
			return true
		}
	}
	return false
}
