package core_test

import (
	"fmt"

	"lede/core"
)

func ExampleSentences() {
	text := "Lavrov Arrives For Talks\nRussian Foreign Minister Sergey Lavrov arrived on Wednesday. He met Mr. Wang."
	for _, s := range core.Sentences(text) {
		fmt.Printf("%d:%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0:24 Lavrov Arrives For Talks
	// 25:85 Russian Foreign Minister Sergey Lavrov arrived on Wednesday.
	// 86:102 He met Mr. Wang.
}

func ExampleAnalyze() {
	text := "Russian Foreign Minister Sergey Lavrov arrived in Beijing on Wednesday."
	res, err := core.Analyze(text)
	if err != nil {
		panic(err)
	}
	for _, e := range res.Entities {
		if e.Type == core.Person {
			m := e.Mentions[0]
			fmt.Printf("%s %s at %d:%d\n", e.Type, e.Name, m.Start, m.End)
		}
	}
	// Output:
	// PERSON Sergey Lavrov at 25:38
}
