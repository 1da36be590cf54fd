package postag

import (
	"strings"
	"testing"

	"github.com/mingrammer/commonregex"
)

// patternGuards are the quick tests tag makes before each of prose's
// patterns: a word that fails one cannot match its pattern.
var patternGuards = []struct {
	name    string
	matches func(string) bool
	guard   func(string) bool
}{
	{"link", commonregex.LinkRegex.MatchString, func(w string) bool { return strings.Contains(w, ".") }},
	{"address", commonregex.EmailRegex.MatchString, func(w string) bool { return strings.Contains(w, "@") }},
	{"noneTag", noneTag.MatchString, func(w string) bool { return w == "0" || strings.HasPrefix(w, "*") }},
	{"keepTag", keepTag.MatchString, func(w string) bool { return strings.HasPrefix(w, "-") }},
}

func checkGuards(t *testing.T, w string) {
	for _, g := range patternGuards {
		if g.matches(w) && !g.guard(w) {
			t.Errorf("%q matches prose's %s pattern but fails its guard: tag would tag it differently from prose", w, g.name)
		}
	}
}

func TestPatternGuards(t *testing.T) {
	for _, w := range []string{"lede.example.org", "https://x.y/z", "www.bbc.co.uk", "a@b.cd", "@lede", "0", "*", "*T*-1", "*-12",
		"-LRB-", "-NONE-", "said", "U.S.", "3.5", "e-mail", "(a)", "x@y", "--", ""} {
		checkGuards(t, w)
	}
}

// FuzzPatternGuards checks the guards on any word.
func FuzzPatternGuards(f *testing.F) {
	for _, w := range []string{"lede.example.org", "a@b.cd", "*T*-1", "-LRB-", "said"} {
		f.Add(w)
	}
	f.Fuzz(checkGuards)
}
