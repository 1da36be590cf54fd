package perceptron

import "strings"

// Start is the label that stands before a sentence's first token.
const Start = "<s>"

// Greedy labels n tokens left to right with BIO labels: features(i, p1,
// p2) gives the features of token i given the two labels before it, and
// choose picks a label index in labels for them. Tagging and training run
// the same loop, so a model is trained on the decisions it will make.
func Greedy(n int, labels []string, features func(i int, p1, p2 string) []uint32, choose func(i int, feats []uint32) int) []string {
	out := make([]string, n)
	for i := range n {
		p1, p2 := Start, Start
		if i > 0 {
			p1 = out[i-1]
		}
		if i > 1 {
			p2 = out[i-2]
		}
		out[i] = fixBIO(labels[choose(i, features(i, p1, p2))], p1)
	}
	return out
}

// fixBIO turns an I-X that does not continue an X into B-X.
func fixBIO(label, prev string) string {
	if strings.HasPrefix(label, "I-") && prev[min(2, len(prev)):] != label[2:] {
		return "B-" + label[2:]
	}
	return label
}
