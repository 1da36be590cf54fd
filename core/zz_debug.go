package core

import "fmt"

// DebugTokens is temporary.
func DebugTokens(text string) {
	for _, s := range Sentences(text) {
		for _, t := range tagSentence(text, s) {
			fmt.Printf("%s/%s/%s ", t.Text, t.Tag, t.Label)
		}
		fmt.Println()
	}
}
