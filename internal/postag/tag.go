package postag

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/mingrammer/commonregex"

	"lede/internal/perceptron"
	"lede/internal/tokenize"
)

// The special cases of prose's tagger, copied so that the tags agree.
var (
	noneTag   = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepTag   = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
	emoticons = map[string]bool{}
)

func init() {
	for _, e := range []string{"(-8", "(-;", "(-_-)", "(._.)", "(:", "(=", "(o:", "(¬_¬)", "(ಠ_ಠ)", "(╯°□°）╯︵┻━┻", "-__-", "8-)", "8-D", "8D", ":(", ":((", ":(((", ":()", ":)))", ":-)", ":-))", ":-)))", ":-*", ":-/", ":-X", ":-]", ":-o", ":-p", ":-x", ":-|", ":-}", ":0", ":3", ":P", ":]", ":`(", ":`)", ":`-(", ":o", ":o)", "=(", "=)", "=D", "=|", "@_@", "O.o", "O_o", "V_V", "XDD", "[-:", "^___^", "o_0", "o_O", "o_o", "v_v", "xD", "xDD", "¯\\(ツ)/¯"} {
		emoticons[e] = true
	}
}

// tag is Tag with the model loaded.
func (m *model) tag(toks []tokenize.Token) {
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, t := range toks {
		ctx[i+2] = normalize(t.Text)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	scores := make([]float64, len(m.classes))
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := toks[i].Text
		var tag string
		switch {
		case word == "-":
			tag = "-"
		case emoticons[word]:
			tag = "SYM"
		// Each pattern is tried only on a word it can match: a link has a
		// dot, an address an @, noneTag's words are "0" or begin with *,
		// keepTag's with -. Most words have none of these, and the
		// patterns took a third of the tagging's time.
		case strings.Contains(word, ".") && commonregex.LinkRegex.MatchString(word) ||
			strings.Contains(word, "@") && (commonregex.EmailRegex.MatchString(word) || strings.HasPrefix(word, "@")):
			tag = "NN"
		case (word == "0" || strings.HasPrefix(word, "*")) && noneTag.MatchString(word):
			tag = "-NONE-"
		case strings.HasPrefix(word, "-") && keepTag.MatchString(word):
			tag = word
		default:
			if c, ok := m.tagMap[word]; ok {
				tag = m.classes[c]
			} else {
				tag = m.predict(ctx, i, word, p1, p2, scores)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// predict scores the classes for word with prose's features.
func (m *model) predict(ctx []string, i int, w, p1, p2 string, scores []float64) string {
	clear(scores)
	touched := touchedPool.Get().(*[256]bool)
	defer func() { *touched = [256]bool{}; touchedPool.Put(touched) }()
	add := func(h uint64) {
		e, ok := m.index[h>>m.shift]
		if !ok {
			return
		}
		start, n := int(e>>8), int(e&0xff)
		for k := start; k < start+n; k++ {
			scores[m.cls[k]] += float64(m.weights[k])
			touched[m.cls[k]] = true
		}
	}
	i = min(len(ctx)-2, i+2)
	prev, next := ctx[i-1], ctx[i+1]
	add(perceptron.HashParts("bias"))
	add(perceptron.HashParts("i suffix", w[len(w)-min(len(w), 3):]))
	add(perceptron.HashParts("i pref1", string(rune(w[0])))) // prose converts the byte, not the rune
	add(perceptron.HashParts("i-1 tag", p1))
	add(perceptron.HashParts("i-2 tag", p2))
	add(perceptron.HashParts("i tag+i-2 tag", p1, p2))
	add(perceptron.HashParts("i word", ctx[i]))
	add(perceptron.HashParts("i-1 tag+i word", p1, ctx[i]))
	add(perceptron.HashParts("i-1 word", prev))
	add(perceptron.HashParts("i-1 suffix", prev[len(prev)-min(len(prev), 3):]))
	add(perceptron.HashParts("i-2 word", ctx[i-2]))
	add(perceptron.HashParts("i+1 word", next))
	add(perceptron.HashParts("i+1 suffix", next[len(next)-min(len(next), 3):]))
	add(perceptron.HashParts("i+2 word", ctx[i+2]))
	// prose picks the best of the classes that some feature scored, even
	// when all are negative.
	best := -1
	for c, s := range scores {
		if touched[c] && (best < 0 || s > scores[best]) {
			best = c
		}
	}
	if best < 0 {
		return ""
	}
	return m.classes[best]
}

var touchedPool = sync.Pool{New: func() any { return new([256]bool) }}

// normalize is prose's normalize: hyphenated words, years and numbers
// become classes; other words are lower-cased.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := word[0]
	if strings.Contains(word, "-") && first != '-' {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
