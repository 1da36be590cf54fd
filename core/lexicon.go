package core

import (
	"embed"
	"strings"
)

// The word lists ship inside the binary: the browser has no file system.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexicon holds the word lists, parsed once at start-up.
var lexicon = loadLexicon()

type lexiconData struct {
	country    map[string]string // country or region name → its canonical name
	demonym    map[string]string // "Russian" → "Russia"
	demonymLow map[string]string // "russian" → "Russia"
	role       map[string]bool   // lower-case role words
	honorific  map[string]string // lower-case honorific → gender: m, f or -
	cue        map[string]bool   // one-word cues, lower case
	objectCue  map[string]bool   // cues whose object is the listener: told
	phraseCues [][]string        // multi-word cues, lower case words
	nominal    map[string]nominalHead
	firstName  map[string]byte       // "Hillary" → 'f'
	orgs       map[string][][]string // first word → the known organization names that start with it
	placeWord  map[string]bool       // "Province": ends a place's name
	eventWord  map[string]bool       // "Games": ends an event's name
}

// nominalHead is what a description with this head word can name.
type nominalHead struct {
	Type     string   // entity type it points at
	Synonyms []string // role words it fits
}

func readLines(name string) []string {
	b, err := lexiconFiles.ReadFile("lexicon/" + name)
	if err != nil {
		panic("core: missing word list " + name) // a build error, not an input error
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

func loadLexicon() *lexiconData {
	lx := &lexiconData{
		country:    map[string]string{},
		demonym:    map[string]string{},
		demonymLow: map[string]string{},
		role:       map[string]bool{},
		honorific:  map[string]string{},
		cue:        map[string]bool{},
		objectCue:  map[string]bool{},
		nominal:    map[string]nominalHead{},
		firstName:  map[string]byte{},
		orgs:       map[string][][]string{},
		placeWord:  map[string]bool{},
		eventWord:  map[string]bool{},
	}
	for _, line := range readLines("countries.txt") {
		fields := strings.Split(line, "|")
		names := strings.Split(fields[0], "/")
		for _, n := range names {
			lx.country[n] = names[0]
		}
		for _, d := range fields[1:] {
			lx.demonym[d] = names[0]
			lx.demonymLow[strings.ToLower(d)] = names[0]
		}
	}
	for _, line := range readLines("roles.txt") {
		lx.role[line] = true
	}
	for _, line := range readLines("honorifics.txt") {
		w, g, _ := strings.Cut(line, " ")
		lx.honorific[w] = g
	}
	for _, line := range readLines("cues.txt") {
		obj := strings.HasSuffix(line, "!")
		line = strings.TrimSuffix(line, "!")
		if strings.Contains(line, " ") {
			lx.phraseCues = append(lx.phraseCues, strings.Fields(line))
			continue
		}
		lx.cue[line] = true
		if obj {
			lx.objectCue[line] = true
		}
	}
	for _, line := range readLines("nominals.txt") {
		f := strings.Fields(line)
		lx.nominal[f[0]] = nominalHead{Type: f[1], Synonyms: f[2:]}
	}
	for _, line := range readLines("orgs.txt") {
		words := strings.Fields(line)
		lx.orgs[words[0]] = append(lx.orgs[words[0]], words)
	}
	for _, line := range readLines("placewords.txt") {
		kind, w, _ := strings.Cut(line, " ")
		if kind == "place" {
			lx.placeWord[w] = true
		} else {
			lx.eventWord[w] = true
		}
	}
	for _, line := range readLines("firstnames.txt") {
		g, name, _ := strings.Cut(line, " ")
		lx.firstName[name] = g[0]
	}
	return lx
}

// isRoleWord reports whether w (any case) is a title or role word.
func isRoleWord(w string) bool {
	return lexicon.role[strings.ToLower(w)]
}
