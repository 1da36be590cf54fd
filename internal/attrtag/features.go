package attrtag

import (
	"strconv"
	"strings"

	"lede/internal/lexicon"
	"lede/internal/perceptron"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// sentence is what the features read of one sentence: its tokens, each
// in lower case, which tokens look like speech cues, and which stand
// inside quote marks.
type sentence struct {
	toks    []tokenize.Token
	lower   []string
	cueLike []bool // a word that often opens a cue
	cueRate []string
	quoted  []bool // inside quote marks (the marks themselves are not)
	cueL    []int  // cueL[i]: the nearest cue-like token before i, or -1
	cueR    []int  // cueR[i]: the nearest cue-like token after i, or -1
	commaL  []int  // commaL[i]: commas between cueL[i] and i
	commaR  []int  // commaR[i]: commas between i and cueR[i]

	// first holds the first pass's labels of the tokens when this is the
	// second pass, else nil (see setFirst and stacked).
	first     []string
	partStart []int // partStart[i]: the first token of the first pass's part holding i
	partEnd   []int // partEnd[i]: the token after that part
	firstCues int   // the cues the first pass found
}

// setFirst gives s the first pass's labels, and what stacked reads of
// them that is the same for every token of a part or of the sentence,
// so that each token's features cost the same however long its part.
func (s *sentence) setFirst(first []string) {
	n := len(first)
	s.first, s.partStart, s.partEnd, s.firstCues = first, make([]int, n), make([]int, n), 0
	for i, l := range first {
		if l == "B-CUE" {
			s.firstCues++
		}
		s.partStart[i] = i
		if i > 0 && kindOf(first[i-1]) == kindOf(l) && l[0] != 'B' {
			s.partStart[i] = s.partStart[i-1]
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.partEnd[i] = i + 1
		if i+1 < n && kindOf(first[i+1]) == kindOf(first[i]) && first[i+1][0] != 'B' {
			s.partEnd[i] = s.partEnd[i+1]
		}
	}
}

// cueWords holds the words that often open a cue in the training
// articles, with how often: "said" → "high", "called" → "mid". The
// trainer writes it beside the model (cues.txt).
type cueWords map[string]string

// parseCueWords reads cues.txt: a word and its rate class a line.
func parseCueWords(text string) cueWords {
	out := cueWords{}
	for line := range strings.SplitSeq(text, "\n") {
		if w, class, ok := strings.Cut(line, " "); ok {
			out[w] = class
		}
	}
	return out
}

func newSentence(toks []tokenize.Token, cues cueWords) *sentence {
	n := len(toks)
	s := &sentence{
		toks: toks, lower: make([]string, n), cueLike: make([]bool, n), cueRate: make([]string, n), quoted: make([]bool, n),
		cueL: make([]int, n), cueR: make([]int, n), commaL: make([]int, n), commaR: make([]int, n),
	}
	open := false
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		s.lower[i] = w
		if wordutil.IsQuoteMark(t.Text) {
			open = !open
			continue
		}
		s.quoted[i] = open
		s.cueRate[i] = cues[w]
		if s.cueRate[i] == "" && (strings.HasPrefix(t.Tag, "VB") || isVerbForm(w)) && lexicon.IsCue(w) {
			s.cueRate[i] = "list"
		}
		s.cueLike[i] = !open && s.cueRate[i] != ""
	}
	last, commas := -1, 0
	for i := range toks {
		s.cueL[i], s.commaL[i] = last, commas
		if s.cueLike[i] {
			last, commas = i, 0
		}
		if toks[i].Text == "," {
			commas++
		}
	}
	last, commas = -1, 0
	for i := n - 1; i >= 0; i-- {
		s.cueR[i], s.commaR[i] = last, commas
		if s.cueLike[i] {
			last, commas = i, 0
		}
		if toks[i].Text == "," {
			commas++
		}
	}
	return s
}

// isVerbForm reports whether w is a form that is a verb even where the
// tagger, confused by quote marks, says otherwise.
func isVerbForm(w string) bool {
	switch w {
	case "said", "says", "told", "tells", "wrote", "writes":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// distance buckets a token distance so that far tokens share weights.
func distance(d int) string {
	switch {
	case d <= 3:
		return strconv.Itoa(d)
	case d <= 6:
		return "4-6"
	case d <= 10:
		return "7-10"
	case d <= 20:
		return "11-20"
	}
	return "far"
}

func count(n int) string {
	if n > 2 {
		return "2+"
	}
	return strconv.Itoa(n)
}

// shape is a token's coarse class: capitalized word, lower-case word,
// number or punctuation (the mark itself).
func shape(t string) string {
	r := wordutil.FirstRune(t)
	switch {
	case r >= 'A' && r <= 'Z' || r > 127 && strings.ToLower(string(r)) != string(r):
		return "X"
	case r >= '0' && r <= '9':
		return "d"
	case wordutil.IsWordLike(t):
		return "x"
	}
	return t
}

// emission appends the hashed features of token i of s that do not
// depend on the label before it.
func emission(s *sentence, i int, out []uint32) []uint32 {
	toks := s.toks
	n := len(toks)
	w, tag := s.lower[i], toks[i].Tag
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	add(perceptron.NewHash("b"))
	if s.first != nil {
		out = stacked(s, i, out)
	}
	add(perceptron.NewHash("w").Add(w))
	add(perceptron.NewHash("t").Add(tag))
	add(perceptron.NewHash("s").Add(shape(toks[i].Text)))
	add(perceptron.NewHash("stem").Add(stem(w)).Add(tag[:min(2, len(tag))]))
	ctx := func(name string, j int) {
		h := perceptron.NewHash(name)
		if j < 0 || j >= n {
			add(h.Add("<none>"))
			return
		}
		add(h.Add("w").Add(s.lower[j]))
		add(h.Add("t").Add(toks[j].Tag))
	}
	ctx("-1", i-1)
	ctx("+1", i+1)
	ctx("-2", i-2)
	ctx("+2", i+2)
	add(perceptron.NewHash("end").Add(distance(n - 1 - i)))
	if i > 0 {
		add(perceptron.NewHash("t-1t").Add(toks[i-1].Tag).Add(tag))
	}
	if i+1 < n {
		add(perceptron.NewHash("tt+1").Add(tag).Add(toks[i+1].Tag))
		add(perceptron.NewHash("ww+1").Add(w).Add(s.lower[i+1]))
	}
	if i == 0 {
		add(perceptron.NewHash("first"))
	}
	if i == n-1 {
		add(perceptron.NewHash("last").Add(w))
	}
	if s.quoted[i] {
		add(perceptron.NewHash("q"))
	}
	if s.cueRate[i] != "" {
		add(perceptron.NewHash("rate").Add(s.cueRate[i]).Add(tag))
	}
	if s.cueLike[i] {
		add(perceptron.NewHash("cue").Add(tag))
	}
	// Where the nearest cues are: content follows its cue ("said that
	// …") or comes before it after a comma ("…, he said").
	if c := s.cueL[i]; c >= 0 {
		d := distance(i - c)
		add(perceptron.NewHash("cl").Add(d).Add(count(s.commaL[i])))
		add(perceptron.NewHash("clr").Add(s.cueRate[c]).Add(d))
		add(perceptron.NewHash("clw").Add(stem(s.lower[c])).Add(d))
		add(perceptron.NewHash("clt").Add(d).Add(tag))
	} else {
		add(perceptron.NewHash("cl").Add("<none>"))
	}
	if c := s.cueR[i]; c >= 0 {
		d := distance(c - i)
		add(perceptron.NewHash("cr").Add(d).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crr").Add(s.cueRate[c]).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crw").Add(stem(s.lower[c])).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crt").Add(d).Add(tag))
	} else {
		add(perceptron.NewHash("cr").Add("<none>"))
	}
	return out
}

// transition appends the hashed features of token i of s joined with
// prev, the label before it: the label bigram, and the features joined
// with prev's kind.
func transition(s *sentence, i int, prev string, out []uint32) []uint32 {
	out = append(out, bigram(prev))
	return kindFeatures(s, i, kindOf(prev), out)
}

// bigram is the feature of the label before, whatever the token.
func bigram(prev string) uint32 { return uint32(perceptron.NewHash("p1").Add(prev)) }

// kindOf returns a label's kind: "CON" for B-CON and I-CON; O and the
// start are their own.
func kindOf(label string) string {
	if len(label) > 2 && label[1] == '-' {
		return label[2:]
	}
	return label
}

// kindFeatures appends the hashed features of token i of s joined with
// kind, the kind of the label before it. Joining them with the kind
// rather than the label halves the weights to look up per token, at no
// cost in accuracy on PolNeAR dev.
func kindFeatures(s *sentence, i int, kind string, out []uint32) []uint32 {
	h, ok := kindHashes[kind]
	if !ok {
		h = hashesFor(kind)
	}
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	w, tag := s.lower[i], s.toks[i].Tag
	add(h.p1w.Add(w))
	add(h.p1t.Add(tag))
	if i > 0 {
		add(h.p1w1.Add(s.lower[i-1]))
	}
	if s.quoted[i] {
		add(h.qp1)
	}
	if s.cueLike[i] {
		add(h.cuep1)
	}
	if c := s.cueL[i]; c >= 0 {
		add(h.clp1.Add(distance(i - c)))
	}
	if c := s.cueR[i]; c >= 0 {
		add(h.crp1.Add(count(s.commaR[i])))
	}
	return out
}

// transitionHashes are the kind templates' hashes with the kind already
// added: the part of each feature's hash that every token shares.
type transitionHashes struct {
	p1w, p1t, p1w1, qp1, cuep1, clp1, crp1 perceptron.Hash
}

func hashesFor(kind string) transitionHashes {
	h := func(template string) perceptron.Hash { return perceptron.NewHash(template).Add(kind) }
	return transitionHashes{
		p1w: h("p1w"), p1t: h("p1t"), p1w1: h("p1w-1"),
		qp1: h("qp1"), cuep1: h("cuep1"), clp1: h("clp1"), crp1: h("crp1"),
	}
}

// kindHashes holds the transition hashes of every kind and the start.
var kindHashes = func() map[string]transitionHashes {
	m := map[string]transitionHashes{start: hashesFor(start)}
	for _, l := range labels {
		m[kindOf(l)] = hashesFor(kindOf(l))
	}
	return m
}()

// stem takes a verb's common endings off (-s, -es, -ed, -d, -ing) so
// that the forms of one word share weights; it is crude and only has to
// be consistent.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			return strings.TrimSuffix(b, "e")
		}
	}
	return strings.TrimSuffix(w, "e")
}

// stacked appends the features of token i that the first pass's labels
// give: its own, its neighbours', and where its part lies among the
// parts the first pass found in the sentence.
func stacked(s *sentence, i int, out []uint32) []uint32 {
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	n := len(s.first)
	at := func(j int) string {
		if j < 0 || j >= n {
			return "<none>"
		}
		return s.first[j]
	}
	l := at(i)
	add(perceptron.NewHash("f0").Add(l))
	add(perceptron.NewHash("f-1").Add(at(i - 1)).Add(l))
	add(perceptron.NewHash("f+1").Add(l).Add(at(i + 1)))
	add(perceptron.NewHash("f-2").Add(at(i - 2)))
	add(perceptron.NewHash("f+2").Add(at(i + 2)))
	add(perceptron.NewHash("f0w").Add(l).Add(s.lower[i]))
	// The part holding i: its length and where i stands in it.
	a, b, k := s.partStart[i], s.partEnd[i], kindOf(l)
	add(perceptron.NewHash("fpart").Add(k).Add(distance(b - a)).Add(distance(i - a)).Add(distance(b - 1 - i)))
	before, after := "<s>", "</s>"
	if a > 0 {
		before = kindOf(s.first[a-1])
	}
	if b < n {
		after = kindOf(s.first[b])
	}
	add(perceptron.NewHash("fctx").Add(before).Add(k).Add(after))
	add(perceptron.NewHash("fcues").Add(count(s.firstCues)).Add(k))
	return out
}
