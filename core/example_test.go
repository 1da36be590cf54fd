package core_test

import (
	"fmt"

	"lede/core"
)

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
