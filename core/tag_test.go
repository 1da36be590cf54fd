package core

import (
	"strings"
	"testing"

	"lede/core/internal/segment"
)

// TestTokenEstimate checks that tokenEstimate errs high, but not by much,
// on news, and counts nothing for spans without a letter.
func TestTokenEstimate(t *testing.T) {
	for _, text := range []string{readSeed(t), "Mr. O'Neil didn't say \"no,\" he said on Tuesday.", strings.Repeat("(", 100), "a\nb"} {
		spans := segment.Pieces(text, segment.Sentences(text))
		got := 0
		for _, s := range spans {
			got += len(tagSentence(text, s))
		}
		est := tokenEstimate(text, spans)
		if est < got || est > got*3/2+2 {
			t.Errorf("%.40q: estimate %d for %d tokens, want at least as many and at most half as many again", text, est, got)
		}
	}
}
