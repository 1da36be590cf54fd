// Package corpus builds the texts that Lede's benchmarks measure.
package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// LongWords is the size of the long benchmark text, in words.
const LongWords = 100000

// LongText returns a news text of about LongWords words: PolNeAR's dev
// articles (shared/eval/polnear/dev.jsonl) one after another, blank lines
// between them, and then seed repeated if they run short or are missing.
func LongText(shared, seed string) string {
	var sb strings.Builder
	words := 0
	if f, err := os.Open(filepath.Join(shared, "eval", "polnear", "dev.jsonl")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() && words < LongWords {
			var doc struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &doc) == nil {
				sb.WriteString(doc.Text + "\n\n")
				words += len(strings.Fields(doc.Text))
			}
		}
	}
	for words < LongWords && strings.TrimSpace(seed) != "" {
		sb.WriteString(seed + "\n\n")
		words += len(strings.Fields(seed))
	}
	return sb.String()
}

// HostileTexts are inputs within the size limit that once made the
// analyzer take gigabytes (issue 15): degenerate lines, brackets and
// quote marks, each about 2 MB. The names say what each is.
func HostileTexts() []struct{ Name, Text string } {
	return []struct{ Name, Text string }{
		{"a-lines", strings.Repeat("a\n", 1<<20)},
		{"brackets", strings.Repeat("(", 1<<20) + strings.Repeat(")", 1<<20)},
		{"quoted-words", strings.Repeat(`"a" `, 1<<19)},
		{"A-sentences", strings.Repeat("A.\n", 699050)},
		{"quoted-lines", strings.Repeat("\"a\"\n", 1<<19)},
		{"B-sentences", strings.Repeat("B.\n", 699050)},
	}
}

// Articles returns about n bytes of real news: PolNeAR's articles (dev,
// then train) from shared, else the seed text repeated.
func Articles(shared, seed string, n int) string {
	var sb strings.Builder
	for _, split := range []string{"dev", "train"} {
		f, err := os.Open(filepath.Join(shared, "eval", "polnear", split+".jsonl"))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var doc struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &doc) != nil {
				continue
			}
			if sb.Len()+len(doc.Text)+2 > n {
				break
			}
			sb.WriteString(doc.Text + "\n\n")
		}
		f.Close()
	}
	for sb.Len()+len(seed)+2 <= n && strings.TrimSpace(seed) != "" {
		sb.WriteString(seed + "\n\n")
	}
	return sb.String()
}

// LongestArticle returns PolNeAR's longest dev article (22,000
// characters), the page's hardest single article to draw, or seed when
// shared has no PolNeAR.
func LongestArticle(shared, seed string) string {
	longest := seed
	f, err := os.Open(filepath.Join(shared, "eval", "polnear", "dev.jsonl"))
	if err != nil {
		return longest
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	found := false
	for sc.Scan() {
		var doc struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &doc) == nil && (!found || len(doc.Text) > len(longest)) {
			longest, found = doc.Text, true
		}
	}
	return strings.ReplaceAll(longest, "\r\n", "\n")
}
