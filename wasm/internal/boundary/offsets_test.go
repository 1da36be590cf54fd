package boundary

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUTF16IndexAgreesWithNaiveCount(t *testing.T) {
	texts := []string{
		"",
		"plain ascii",
		"Zürich – 😀 👩‍👩‍👧 Genève",
		strings.Repeat("é😀a", 100),
		"قال لافروف 🇷🇺",
	}
	for _, text := range texts {
		ix := newUTF16Index(text)
		units := 0
		for i := 0; i <= len(text); {
			if got := ix.convert(i); got != units {
				t.Fatalf("%q: convert(%d) = %d, want %d", text, i, got, units)
			}
			if i == len(text) {
				break
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			units += utf16Len(r)
			i += n
		}
	}
}

// FuzzUTF16Index checks the index against a plain count at every rune
// boundary.
func FuzzUTF16Index(f *testing.F) {
	f.Add("Zürich – 😀 👩‍👩‍👧")
	f.Add(strings.Repeat("é😀", 70))
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // core refuses such text before the boundary sees it
		}
		ix := newUTF16Index(text)
		units := 0
		for i, r := range text {
			if got := ix.convert(i); got != units {
				t.Fatalf("convert(%d) = %d, want %d", i, got, units)
			}
			units += utf16Len(r)
		}
		if got := ix.convert(len(text)); got != units {
			t.Fatalf("convert(end) = %d, want %d", got, units)
		}
	})
}
