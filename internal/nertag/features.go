package nertag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/internal/gazetteer"
	"lede/internal/lexicon"
	"lede/internal/perceptron"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// sentence is what the features read of one sentence: its tokens, the
// name-list phrases that cover each, and how the sentence is cased. What
// the features of a token and of its neighbours both read is worked out
// once per token here (each token's shape is read by seven features).
type sentence struct {
	toks    []tokenize.Token
	lower   []string   // each token's text in lower case
	shapes  []string   // each token's wordShape
	classes [][]string // each token's gazetteerClasses
	gaz     [][]string // gazetteer marks of each token
	kase    string     // "caps", "title" or "mixed"
}

func newSentence(toks []tokenize.Token, g *gazetteer.Gazetteer) *sentence {
	words := make([]string, len(toks))
	lower := make([]string, len(toks))
	shapes := make([]string, len(toks))
	classes := make([][]string, len(toks))
	for i, t := range toks {
		words[i], lower[i] = t.Text, strings.ToLower(t.Text)
		shapes[i], classes[i] = wordShape(t.Text), gazetteerClasses(t.Text, lower[i])
	}
	return &sentence{toks: toks, lower: lower, shapes: shapes, classes: classes,
		gaz: g.Marks(words, lower), kase: sentenceCase(words)}
}

// sentenceCase tells an ALL CAPS line and a Title Case headline from
// ordinary text, where a capital says more about a word.
func sentenceCase(words []string) string {
	letters, caps, long, titled := 0, 0, 0, 0
	for _, w := range words {
		if !wordutil.IsWordLike(w) || !unicode.IsLetter(wordutil.FirstRune(w)) {
			continue
		}
		letters++
		if strings.ToUpper(w) == w && utf8.RuneCountInString(w) > 1 {
			caps++
		}
		if utf8.RuneCountInString(w) >= 4 {
			long++
			if unicode.IsUpper(wordutil.FirstRune(w)) {
				titled++
			}
		}
	}
	switch {
	case caps >= 3 && caps*5 >= letters*4:
		return "caps"
	case titled >= 3 && titled*5 >= long*4:
		return "title"
	}
	return "mixed"
}

// features appends the hashed features of token i of s, given the two
// labels before it.
func features(s *sentence, i int, p1, p2 string, out []uint32) []uint32 {
	toks := s.toks
	word := toks[i].Text
	lower := s.lower[i]
	shape := s.shapes[i]
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	add(perceptron.NewHash("b"))
	add(perceptron.NewHash("w").Add(lower))
	add(perceptron.NewHash("W").Add(word))
	add(perceptron.NewHash("t").Add(toks[i].Tag))
	add(perceptron.NewHash("s").Add(shape))
	for k := 1; k <= 4; k++ {
		add(perceptron.NewHash("suf").Add(suffix(lower, k)))
	}
	for k := 1; k <= 3; k++ {
		add(perceptron.NewHash("pre").Add(prefix(lower, k)))
	}
	add(perceptron.NewHash("p1").Add(p1))
	add(perceptron.NewHash("p12").Add(p1).Add(p2))
	add(perceptron.NewHash("p1s").Add(p1).Add(shape))
	add(perceptron.NewHash("p1w").Add(p1).Add(lower))
	add(perceptron.NewHash("p1t").Add(p1).Add(toks[i].Tag))
	if i == 0 {
		add(perceptron.NewHash("first").Add(shape))
	}
	ctx := func(h contextHashes, j int) {
		if j < 0 || j >= len(toks) {
			add(h.none)
			return
		}
		add(h.word.Add(s.lower[j]))
		add(h.tag.Add(toks[j].Tag))
		add(h.shape.Add(s.shapes[j]))
	}
	ctx(contexts[0], i-1)
	ctx(contexts[1], i+1)
	ctx(contexts[2], i-2)
	ctx(contexts[3], i+2)
	if i+1 < len(toks) {
		add(perceptron.NewHash("w+1").Add(lower).Add(s.lower[i+1]))
	}
	if i > 0 {
		add(perceptron.NewHash("w-1").Add(s.lower[i-1]).Add(lower))
	}
	if i+1 < len(toks) {
		add(perceptron.NewHash("p1+1").Add(p1).Add(s.lower[i+1]))
		add(perceptron.NewHash("s+1").Add(shape).Add(s.shapes[i+1]))
	}
	if i > 0 {
		add(perceptron.NewHash("s-1").Add(s.shapes[i-1]).Add(shape))
	}
	return listFeatures(s, i, p1, out)
}

// contextHashes are the hashes of a neighbour's templates, before its
// values are added: "-1w" for the word before, and so on.
type contextHashes struct{ none, word, tag, shape perceptron.Hash }

// contexts are the neighbours' templates at -1, +1, -2 and +2.
var contexts = func() (out [4]contextHashes) {
	for k, name := range []string{"-1", "+1", "-2", "+2"} {
		out[k] = contextHashes{perceptron.NewHash(name).Add("<none>"), perceptron.NewHash(name + "w"),
			perceptron.NewHash(name + "t"), perceptron.NewHash(name + "s")}
	}
	return out
}()

// listFeatures appends the features of token i of s that come from the
// case of its line, the gazetteers and the word lists.
func listFeatures(s *sentence, i int, p1 string, out []uint32) []uint32 {
	toks := s.toks
	shape := s.shapes[i]
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	// How the sentence is cased changes what a capital means.
	add(perceptron.NewHash("kase").Add(s.kase).Add(shape))
	// Name lists: the phrases that cover the word and its neighbours.
	for _, g := range s.gaz[i] {
		add(perceptron.NewHash("gz").Add(g))
		add(perceptron.NewHash("gzp1").Add(g).Add(p1))
	}
	if i > 0 {
		for _, g := range s.gaz[i-1] {
			add(perceptron.NewHash("gz-1").Add(g))
		}
	}
	if i+1 < len(toks) {
		for _, g := range s.gaz[i+1] {
			add(perceptron.NewHash("gz+1").Add(g))
		}
	}
	// Word lists: what the word is known as, and what its neighbours are.
	for _, g := range s.classes[i] {
		add(perceptron.NewHash("g").Add(g))
		add(perceptron.NewHash("gp1").Add(g).Add(p1))
	}
	if i > 0 {
		for _, g := range s.classes[i-1] {
			add(perceptron.NewHash("g-1").Add(g))
		}
	}
	if i+1 < len(toks) {
		for _, g := range s.classes[i+1] {
			add(perceptron.NewHash("g+1").Add(g))
		}
	}
	return out
}

// gazetteerClasses returns the word lists that hold word (lower: the word
// in lower case).
func gazetteerClasses(word, lower string) []string {
	var out []string
	if lexicon.Country[word] != "" {
		out = append(out, "country")
	}
	if lexicon.Demonym[word] != "" {
		out = append(out, "demonym")
	}
	if lexicon.Role[lower] {
		out = append(out, "role")
	}
	if g, ok := lexicon.Honorific[lower]; ok && g != "" {
		out = append(out, "honorific")
	}
	if lexicon.FirstName[word] != 0 {
		out = append(out, "firstname")
	}
	if lexicon.IsOrgWord(word) && unicode.IsUpper(wordutil.FirstRune(word)) {
		out = append(out, "orgword")
	}
	if lexicon.Months[lower] || lexicon.TimeWords[lower] {
		out = append(out, "time")
	}
	if len(lexicon.Orgs[word]) > 0 {
		out = append(out, "knownorg")
	}
	if lexicon.PlaceWord[word] {
		out = append(out, "placeword")
	}
	if lexicon.EventWord[word] {
		out = append(out, "eventword")
	}
	return out
}

// wordShape maps a word to its pattern of character classes, runs
// collapsed: "Lavrov" → "Xx", "NATO" → "X", "2023" → "d", "U.S." → "X.X.".
func wordShape(w string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range w {
		c := '.'
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r == '-':
			c = '-'
		case r == '.':
			c = '.'
		default:
			c = 'p'
		}
		if c != last || c == '.' {
			b.WriteRune(c)
		}
		last = c
		if b.Len() > 6 {
			break
		}
	}
	return b.String()
}

func suffix(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[len(r)-n:])
}

func prefix(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
