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
