package gazetteer

import (
	"reflect"
	"strings"
	"testing"
)

func TestMarks(t *testing.T) {
	g := Parse("city\tNew York\ncity?\tCharlotte\nfn\tCharlotte\norg\tNew York Times\n# comment\n\nbad line\n")
	if g.Len() != 4 {
		t.Fatalf("Len = %d, want 4", g.Len())
	}
	words := strings.Fields("The New York Times and CHARLOTTE")
	got := g.Marks(words, strings.Fields(strings.ToLower("The New York Times and CHARLOTTE")))
	want := [][]string{
		nil,
		{"city:B", "org:B"},
		{"city:I", "org:I"},
		{"org:I"},
		nil,
		{"city?~:B", "fn~:B"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Marks = %q, want %q", got, want)
	}
}
