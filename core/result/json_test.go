package result_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	results := []result.Result{{}, {Offsets: "utf8", Entities: []result.Entity{}, Quotes: []result.Quote{}}, odd("\x00\b\f\n\r\t\x1f\x7f\"\\<>&\u2028\u2029\xff😀é", 1e-7)}
	for _, text := range texts {
		res, err := core.Analyze(text)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	for i, res := range results {
		if diff := againstEncoder(&res); diff != "" {
			t.Errorf("result %d: %s", i, diff)
		}
	}
}

// againstEncoder compares WriteJSON with encoding/json's Encoder on res in
// all four modes, and describes the first difference.
func againstEncoder(res *result.Result) string {
	for _, indent := range []bool{false, true} {
		for _, escapeHTML := range []bool{false, true} {
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(escapeHTML)
			if indent {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(res); err != nil {
				return "" // NaN or infinity: neither is a confidence
			}
			if err := result.WriteJSON(&got, res, indent, escapeHTML); err != nil {
				return err.Error()
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				return fmt.Sprintf("indent %v, escapeHTML %v:\n got %.300q\nwant %.300q", indent, escapeHTML, got.String(), want.String())
			}
		}
	}
	return ""
}

// odd is a result with every field set, s in each string and x as the
// confidence, and one entity's lists nil.
func odd(s string, x float64) result.Result {
	m := &result.Mention{Start: 1, End: 2, Text: s}
	return result.Result{
		Offsets: s,
		Entities: []result.Entity{
			{ID: s, Name: s, Type: s, Aliases: []string{s, ""}, Roles: []string{}, Mentions: []result.Mention{*m}, Gender: &result.Gender{Value: s, Evidence: s}},
			{ID: "e2"},
		},
		Quotes: []result.Quote{
			{Start: -1, End: 1 << 40, Text: s, Kind: s, Speaker: &s, SpeakerMention: m, Cue: m, Method: s, Confidence: x},
			{Confidence: -x},
		},
		Sentences: []result.Span{{Start: 0, End: 3}},
	}
}

// FuzzWriteJSON checks WriteJSON against encoding/json for any string in
// every field and any confidence.
func FuzzWriteJSON(f *testing.F) {
	f.Add("plain", 0.5)
	f.Add("\x00<&>\u2028\xff\xc3", 1e21)
	f.Add("é😀\t", 123456789.125e-12)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		res := odd(s, x)
		if diff := againstEncoder(&res); diff != "" {
			t.Fatal(diff)
		}
	})
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
