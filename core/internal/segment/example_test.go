package segment_test

import (
	"fmt"

	"lede/core/internal/segment"
)

func ExampleSentences() {
	text := "Lavrov Arrives For Talks\nRussian Foreign Minister Sergey Lavrov arrived on Wednesday. He met Mr. Wang."
	for _, s := range segment.Sentences(text) {
		fmt.Printf("%d:%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0:24 Lavrov Arrives For Talks
	// 25:85 Russian Foreign Minister Sergey Lavrov arrived on Wednesday.
	// 86:102 He met Mr. Wang.
}
