// Package nertag is Lede's named-entity tagger: a greedy averaged
// perceptron (package perceptron) over prose's tokens and part-of-speech
// tags. It uses prose's feature template (word, tag, shape, affixes,
// neighbours, previous labels) and adds what prose's model lacks: the word
// lists (countries, nationalities, titles, first names, organization
// words) as features. Train learns it from sentences with gold entities;
// cmd/train-entities runs that on CoNLL-2003 and writes ner.bin, which
// this package embeds.
//
// The model's labels are BIO tags over CoNLL's PER, ORG, LOC and MISC;
// Tag gives each token its entity type in Lede's vocabulary instead.
package nertag

import (
	_ "embed"
	"strings"
	"sync"

	"lede/internal/gazetteer"
	"lede/internal/lexicon"
	"lede/internal/perceptron"
	"lede/internal/tokenize"
	"lede/internal/vocab"
)

//go:embed ner.bin
var modelBytes []byte

// gazetteerText is the name lists the model was trained with (see package
// gazetteer); cmd/train-entities writes it beside ner.bin.
//
//go:embed gazetteer.txt
var gazetteerText string

// magic opens the model file.
const magic = "LEDENER3"

var (
	once    sync.Once
	loaded  *perceptron.Model
	gaz     *gazetteer.Gazetteer
	loadErr error
)

// Load decodes the embedded model, once per process; it fails only when
// the binary holds a damaged model.
func Load() error {
	once.Do(func() {
		loaded, loadErr = perceptron.Decode(modelBytes, magic)
		gaz = gazetteer.Parse(gazetteerText)
	})
	return loadErr
}

// Tag sets the entity type of each token of one sentence, left to right,
// each label seeing the two before it. The tokens need their
// part-of-speech tags. It loads the model on first use and tags nothing
// if it is damaged.
func Tag(toks []tokenize.Token) {
	if Load() != nil {
		return
	}
	scores := make([]float32, len(loaded.Labels))
	var feats []uint32
	s := newSentence(toks, gaz)
	labels := perceptron.Greedy(len(toks), loaded.Labels,
		func(i int, p1, p2 string) []uint32 {
			feats = features(s, i, p1, p2, feats[:0])
			return feats
		},
		func(_ int, f []uint32) int { return loaded.Best(f, scores) })
	for i, l := range labels {
		toks[i].Entity = entityType(l, toks[i].Text)
	}
}

// conllTypes maps the model's CoNLL types to Lede's.
var conllTypes = map[string]string{
	"PER":  vocab.Person,
	"LOC":  vocab.Place,
	"ORG":  vocab.Org,
	"MISC": vocab.Misc,
}

// entityType returns the type of a token that the model labelled label:
// "" for O, and NORP for a nationality labelled MISC.
func entityType(label, word string) string {
	_, typ, ok := strings.Cut(label, "-")
	if !ok {
		return ""
	}
	if typ == "MISC" && lexicon.Demonym[word] != "" {
		return vocab.NORP
	}
	return conllTypes[typ]
}
