package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSameWord(t *testing.T) {
	tests := []struct {
		a, b   string
		minLen int
		want   bool
	}{
		{"Lavrov", "lavrov", minFuzzySurname, true},
		{"Sergei", "Sergey", minFuzzyFirstName, true},
		{"Zelensky", "Zelenskyy", minFuzzySurname, true},
		{"Wang", "Wan", minFuzzySurname, false},
		{"Langer", "Lanner", minFuzzySurname, false}, // two golfers
		{"Wilde", "Bilde", minFuzzySurname, false},
		{"Stephanopoulos", "Stephnopoulos", minFuzzySurname, true},
		{"Putin", "Pution", minFuzzySurname, false}, // too short to guess
	}
	for _, tt := range tests {
		if got := sameWord(tt.a, tt.b, tt.minLen); got != tt.want {
			t.Errorf("sameWord(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.minLen, got, tt.want)
		}
	}
}

func TestIsInitials(t *testing.T) {
	tests := []struct {
		acr   string
		words string
		want  bool
	}{
		{"NATO", "North Atlantic Treaty Organization", true},
		{"FBI", "Federal Bureau of Investigation", true},
		{"UN", "United Nations", true},
		{"EU", "North Atlantic Treaty Organization", false},
		{"nato", "North Atlantic Treaty Organization", false},
	}
	for _, tt := range tests {
		if got := isInitials(tt.acr, strings.Fields(tt.words)); got != tt.want {
			t.Errorf("isInitials(%q, %q) = %v, want %v", tt.acr, tt.words, got, tt.want)
		}
	}
}

func TestSpellsSome(t *testing.T) {
	tests := []struct {
		acr   string
		words string
		want  bool
	}{
		{"RDR", "Rally for the Return of Refugees and Democracy in Rwanda", true},
		{"KDP", "Kurdistan Democratic Party", true},
		{"DR", "Rally for Democracy", false},   // not from the first word
		{"RDX", "Rally for Democracy", false},  // a letter no word gives
		{"RDR", "Rally for the Return", false}, // too few words
		{"rdr", "Rally for Democracy in Rwanda", false},
	}
	for _, tt := range tests {
		if got := spellsSome(tt.acr, strings.Fields(tt.words)); got != tt.want {
			t.Errorf("spellsSome(%q, %q) = %v, want %v", tt.acr, tt.words, got, tt.want)
		}
	}
}

// FuzzNameMatching checks the name matchers' invariants on any two names:
// a name matches itself, matching is symmetric, and nothing panics.
func FuzzNameMatching(f *testing.F) {
	f.Add("Sergey Lavrov", "Sergei Lavrov")
	f.Add("Volodymyr Zelenskyy", "Zelensky")
	f.Add("Wang Yi", "Wang Wenbin")
	f.Add("", "\xff\xfe")
	f.Add("É Ö", "e o")
	f.Fuzz(func(t *testing.T, a, b string) {
		wa, wb := strings.Fields(a), strings.Fields(b)
		for _, w := range wa {
			if !sameWord(w, w, minFuzzyFirstName) {
				t.Fatalf("sameWord(%q, %q) is false", w, w)
			}
		}
		if len(wa) > 0 && len(wb) > 0 {
			if sameFullName(wa, wb) != sameFullName(wb, wa) {
				t.Fatalf("sameFullName(%q, %q) is not symmetric", a, b)
			}
			if !sameFullName(wa, wa) || !containsWords(wa, wa) {
				t.Fatalf("%q does not match itself", a)
			}
		}
		if len(wa) == 1 && len(wb) == 1 && sameWord(wa[0], wb[0], minFuzzySurname) != sameWord(wb[0], wa[0], minFuzzySurname) {
			t.Fatalf("sameWord(%q, %q) is not symmetric", a, b)
		}
		isInitials(a, wb)
		if utf8.ValidString(a) && !utf8.ValidString(normName(a)) {
			t.Fatalf("normName(%q) is not valid UTF-8", a)
		}
	})
}

func TestCompanyCore(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"LM Ericsson AB", "Ericsson"},
		{"Lear Corp.", "Lear"},
		{"RJR Nabisco", "Nabisco"},
		{"Boatmen's Bancshares Inc", "Boatmen's Bancshares"},
		{"Inc", "Inc"},
		{"AB", "AB"},
	} {
		if got := strings.Join(companyCore(strings.Fields(c.name)), " "); got != c.want {
			t.Errorf("companyCore(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
