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

// features appends the hashed features of token i of s, given the two
// labels before it.
func features(s *sentence, i int, p1, p2 string, out []uint32) []uint32 {
	toks := s.toks
	n := len(toks)
	w, tag := s.lower[i], toks[i].Tag
	add := func(h perceptron.Hash) { out = append(out, uint32(h)) }
	add(perceptron.NewHash("b"))
	add(perceptron.NewHash("w").Add(w))
	add(perceptron.NewHash("t").Add(tag))
	add(perceptron.NewHash("s").Add(shape(toks[i].Text)))
	add(perceptron.NewHash("p1").Add(p1))
	add(perceptron.NewHash("p12").Add(p1).Add(p2))
	add(perceptron.NewHash("p1w").Add(p1).Add(w))
	add(perceptron.NewHash("p1t").Add(p1).Add(tag))
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
	if i > 0 {
		add(perceptron.NewHash("p1w-1").Add(p1).Add(s.lower[i-1]))
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
		add(perceptron.NewHash("qp1").Add(p1))
	}
	if s.cueRate[i] != "" {
		add(perceptron.NewHash("rate").Add(s.cueRate[i]).Add(tag))
	}
	if s.cueLike[i] {
		add(perceptron.NewHash("cue").Add(tag))
		add(perceptron.NewHash("cuep1").Add(p1))
	}
	// Where the nearest cues are: content follows its cue ("said that
	// …") or comes before it after a comma ("…, he said").
	if c := s.cueL[i]; c >= 0 {
		d := distance(i - c)
		add(perceptron.NewHash("cl").Add(d).Add(count(s.commaL[i])))
		add(perceptron.NewHash("clr").Add(s.cueRate[c]).Add(d))
		add(perceptron.NewHash("clw").Add(s.lower[c]).Add(d))
		add(perceptron.NewHash("clp1").Add(p1).Add(d))
	} else {
		add(perceptron.NewHash("cl").Add("<none>"))
	}
	if c := s.cueR[i]; c >= 0 {
		d := distance(c - i)
		add(perceptron.NewHash("cr").Add(d).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crr").Add(s.cueRate[c]).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crw").Add(s.lower[c]).Add(count(s.commaR[i])))
		add(perceptron.NewHash("crp1").Add(p1).Add(count(s.commaR[i])))
	} else {
		add(perceptron.NewHash("cr").Add("<none>"))
	}
	return out
}
