// Package lexicon holds Lede's word lists: countries and nationalities,
// titles and roles, honorifics, cue verbs, the heads of descriptions that
// can name a speaker, first names, organizations, and the words that end
// a place's or an event's name. They ship inside the binary (the browser
// has no file system) and are parsed once, at start-up.
//
// The package needs no model and imports neither prose nor the taggers,
// so that a small analyzer can be built without them.
package lexicon

import (
	"embed"
	"strconv"
	"strings"
)

//go:embed *.txt
var files embed.FS

// The word lists, read-only after start-up.
var (
	Country      = map[string]string{} // country or region name → its canonical name
	Demonym      = map[string]string{} // "Russian" → "Russia"
	DemonymLower = map[string]string{} // "russian" → "Russia"
	Role         = map[string]bool{}   // lower-case title and role words
	Honorific    = map[string]string{} // lower-case honorific → gender: m, f or -
	Cue          = map[string]bool{}   // one-word cues, lower case, base forms
	ObjectCue    = map[string]bool{}   // cues whose object is the listener: told
	PhraseCues   [][]string            // multi-word cues, lower case words
	Nominal      = map[string]NominalHead{}
	FirstName    = map[string]byte{} // "Hillary" → 'f'
	// FemaleShare is the share of a first name's bearers in US and UK
	// birth records who are women, in percent: "Hillary" → 96, "Jordan" →
	// 24 (first-name-shares.txt, written by cmd/gen-firstnames).
	FemaleShare = map[string]uint8{}
	Orgs        = map[string][][]string{} // first word → the known organization names that start with it
	PlaceWord   = map[string]bool{}       // "Province": ends a place's name
	EventWord   = map[string]bool{}       // "Games": ends an event's name
)

// NominalHead is what a description with this head word can name.
type NominalHead struct {
	Type     string   // entity type it points at (see package vocab)
	Synonyms []string // role words it fits
}

func init() {
	for _, line := range readLines("countries.txt") {
		fields := strings.Split(line, "|")
		names := strings.Split(fields[0], "/")
		for _, n := range names {
			Country[n] = names[0]
		}
		for _, d := range fields[1:] {
			Demonym[d] = names[0]
			DemonymLower[strings.ToLower(d)] = names[0]
		}
	}
	for _, line := range readLines("roles.txt") {
		Role[line] = true
	}
	for _, line := range readLines("honorifics.txt") {
		w, g, _ := strings.Cut(line, " ")
		Honorific[w] = g
	}
	for _, line := range readLines("cues.txt") {
		obj := strings.HasSuffix(line, "!")
		line = strings.TrimSuffix(line, "!")
		if strings.Contains(line, " ") {
			PhraseCues = append(PhraseCues, strings.Fields(line))
			continue
		}
		Cue[line] = true
		if obj {
			ObjectCue[line] = true
		}
	}
	for _, line := range readLines("nominals.txt") {
		f := strings.Fields(line)
		Nominal[f[0]] = NominalHead{Type: f[1], Synonyms: f[2:]}
	}
	for _, line := range readLines("orgs.txt") {
		words := strings.Fields(line)
		Orgs[words[0]] = append(Orgs[words[0]], words)
	}
	for _, line := range readLines("placewords.txt") {
		kind, w, _ := strings.Cut(line, " ")
		if kind == "place" {
			PlaceWord[w] = true
		} else {
			EventWord[w] = true
		}
	}
	for _, line := range readLines("firstnames.txt") {
		g, name, _ := strings.Cut(line, " ")
		FirstName[name] = g[0]
	}
	for _, line := range readLines("first-name-shares.txt") {
		name, share, _ := strings.Cut(line, " ")
		if n, err := strconv.Atoi(share); err == nil && n >= 0 && n <= 100 {
			FemaleShare[name] = uint8(n)
		}
	}
}

// readLines returns the lines of a word list that are neither blank nor
// comments, trimmed.
func readLines(name string) []string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("lexicon: missing word list " + name) // a build error, not an input error
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// IsRole reports whether w (any case) is a title or role word.
func IsRole(w string) bool {
	return Role[strings.ToLower(w)]
}
