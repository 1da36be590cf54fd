package nertag

import (
	"math/rand"

	"lede/internal/gazetteer"
	"lede/internal/perceptron"
	"lede/internal/postag"
	"lede/internal/tokenize"
)

// Example is one training sentence: its text, the entities in it, and
// how much it counts (0 counts as 1).
type Example struct {
	Text   string
	Spans  []Span
	Weight float64
}

// Span is a gold entity in an Example: byte offsets into its Text and a
// CoNLL type: PER, ORG, LOC or MISC.
type Span struct {
	Start, End int
	Label      string
}

// labels are what the tagger chooses from, "O" first.
var labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// instance is a training sentence as tokens with gold label indexes.
type instance struct {
	s      *sentence
	gold   []int
	weight float64
}

// Train trains the tagger on examples for the given number of passes,
// with the name lists gazetteerText (what gazetteer.txt holds, and must
// hold when the model is used), and returns the encoded model (what
// ner.bin holds). Features whose averaged
// weights all stay below minWeight are dropped, to keep the model small.
// Tokens and tags come from packages tokenize and postag, as when the
// model is used. progress, if not nil, is told the token accuracy of each
// pass. The same examples and arguments always give the same bytes.
func Train(examples []Example, gazetteerText string, epochs int, minWeight float64, progress func(epoch int, accuracy float64)) []byte {
	data := instances(examples, gazetteer.Parse(gazetteerText))
	tr := perceptron.NewTrainer(labels)
	rng := rand.New(rand.NewSource(1))
	var feats []uint32
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		right, all := 0, 0
		for _, inst := range data {
			perceptron.Greedy(len(inst.s.toks), labels,
				func(i int, p1, p2 string) []uint32 {
					feats = features(inst.s, i, p1, p2, feats[:0])
					return feats
				},
				func(i int, f []uint32) int {
					b := tr.Learn(f, inst.gold[i], inst.weight)
					if b == inst.gold[i] {
						right++
					}
					all++
					return b
				})
		}
		if progress != nil {
			progress(epoch, float64(right)/float64(all))
		}
	}
	return tr.Average(minWeight).Encode(magic, coarse)
}

// instances tokenizes and tags each example and gives each token its gold
// BIO label; examples without tokens are left out.
func instances(examples []Example, g *gazetteer.Gazetteer) []instance {
	labelIndex := map[string]int{}
	for i, l := range labels {
		labelIndex[l] = i
	}
	var data []instance
	for _, ex := range examples {
		toks := tokenize.Sentence(ex.Text, 0, len(ex.Text))
		if len(toks) == 0 {
			continue
		}
		postag.Tag(toks)
		gold := make([]int, len(toks))
		for i, t := range toks {
			for _, s := range ex.Spans {
				if t.Start >= s.Start && t.Start < s.End {
					prefix := "I-"
					if t.Start == s.Start {
						prefix = "B-"
					}
					gold[i] = labelIndex[prefix+s.Label]
				}
			}
		}
		w := ex.Weight
		if w == 0 {
			w = 1
		}
		data = append(data, instance{newSentence(toks, g), gold, w})
	}
	return data
}

// coarse is how many int16 steps of the largest weight make one step of
// the stored weights (see perceptron.Model.Encode).
// 64 (a step of 0.075 for weights up to 38) halves ner.bin's gzip size
// at a cost of 1 in 4,000 entity labels of a large corpus (docs/MODEL.md).
const coarse = 64
