package firstlook_test

import (
	"fmt"

	"lede/core/firstlook"
)

func ExampleAnalyze() {
	res, err := firstlook.Analyze("“We will never accept it,” the Russian envoy told NATO in Brussels.", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range res.Quotes {
		fmt.Printf("%s quote %q, speaker %s\n", q.Kind, q.Text, q.Method)
	}
	for _, e := range res.Entities {
		fmt.Println(e.Type, e.Name)
	}
	// Output:
	// direct quote "We will never accept it,", speaker none
	// NORP Russian
	// ORG NATO
}
