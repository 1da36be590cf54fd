package result_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"lede/core"
	"lede/core/result"
)

// TestWriteJSONMatchesEncoder checks that WriteJSON writes the bytes
// encoding/json's Encoder writes, in all four of its modes, for results
// with and without entities, quotes and spans, and HTML characters.
func TestWriteJSONMatchesEncoder(t *testing.T) {
	texts := []string{
		"",
		"   \n\n",
		seed(t),
		`"Tom & Jerry <3," said Ann O'Neil of AT&T.` + "\n\nShe left.",
		strings.Repeat(`"a" `, 200),
	}
	results := []result.Result{{}, {Offsets: "utf8", Entities: []result.Entity{}, Quotes: []result.Quote{}}}
	for _, text := range texts {
		res, err := core.Analyze(text)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	for i, res := range results {
		for _, indent := range []bool{false, true} {
			for _, escapeHTML := range []bool{false, true} {
				var want, got bytes.Buffer
				enc := json.NewEncoder(&want)
				enc.SetEscapeHTML(escapeHTML)
				if indent {
					enc.SetIndent("", "  ")
				}
				if err := enc.Encode(res); err != nil {
					t.Fatal(err)
				}
				if err := result.WriteJSON(&got, &res, indent, escapeHTML); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("result %d, indent %v, escapeHTML %v:\n got %.300q\nwant %.300q", i, indent, escapeHTML, got.String(), want.String())
				}
			}
		}
	}
}

// failingWriter fails once it has taken n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteJSONReportsWriteErrors(t *testing.T) {
	res, _ := core.Analyze(seed(t))
	for _, n := range []int{0, 1, 100, 5000} {
		if err := result.WriteJSON(&failingWriter{n}, &res, true, false); err == nil || err.Error() != "disk full" {
			t.Errorf("after %d bytes: error %v, want disk full", n, err)
		}
	}
}

// seed is the seed article that core's tests read.
func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/seed-article.txt")
	if err != nil {
		t.Fatalf("the seed article: %v", err)
	}
	return string(b)
}
