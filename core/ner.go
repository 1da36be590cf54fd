package core

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The named-entity tagger is a greedy averaged perceptron over prose's
// tokens and part-of-speech tags. It uses prose's feature template (word,
// tag, shape, affixes, neighbours, previous labels) and adds what prose's
// model lacks: the word lists in lexicon/ (countries, nationalities,
// titles, first names, organization words) as features. It is trained on
// CoNLL-2003 by cmd/trainner, which writes nermodel/ner.bin.
//
// Labels are BIO tags over PER, ORG, LOC and MISC.

//go:embed nermodel/ner.bin
var nerModelBytes []byte

// nerModel holds the weights: for each known feature (by hash), one
// weight per label.
type nerModel struct {
	labels  []string
	index   map[uint32]int32 // feature hash → row in weights
	weights []float32        // row-major, len(labels) per row
}

var (
	nerOnce   sync.Once
	nerLoaded *nerModel
	nerErr    error
)

// loadNER decodes the embedded model once.
func loadNER() (*nerModel, error) {
	nerOnce.Do(func() {
		nerLoaded, nerErr = decodeNER(nerModelBytes)
	})
	return nerLoaded, nerErr
}

const nerMagic = "LEDENER1"

// encodeNER writes a model: magic, labels, a scale, then per feature its
// hash and its weights quantized to int16.
func encodeNER(m *nerModel) []byte {
	var b bytes.Buffer
	b.WriteString(nerMagic)
	b.WriteByte(byte(len(m.labels)))
	for _, l := range m.labels {
		b.WriteByte(byte(len(l)))
		b.WriteString(l)
	}
	maxAbs := float32(0)
	for _, w := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(&b, binary.LittleEndian, scale)
	binary.Write(&b, binary.LittleEndian, uint32(len(m.index)))
	n := len(m.labels)
	hashes := make([]uint32, 0, len(m.index))
	for h := range m.index {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes) // the same model always encodes to the same bytes
	for _, h := range hashes {
		row := m.index[h]
		binary.Write(&b, binary.LittleEndian, h)
		for k := 0; k < n; k++ {
			binary.Write(&b, binary.LittleEndian, int16(math.Round(float64(m.weights[int(row)*n+k]/scale))))
		}
	}
	return b.Bytes()
}

func decodeNER(data []byte) (*nerModel, error) {
	bad := errors.New("core: the embedded NER model is damaged")
	if !bytes.HasPrefix(data, []byte(nerMagic)) {
		return nil, bad
	}
	p := len(nerMagic)
	if p >= len(data) {
		return nil, bad
	}
	n := int(data[p])
	p++
	m := &nerModel{}
	for range n {
		if p >= len(data) {
			return nil, bad
		}
		l := int(data[p])
		p++
		if p+l > len(data) {
			return nil, bad
		}
		m.labels = append(m.labels, string(data[p:p+l]))
		p += l
	}
	if p+8 > len(data) {
		return nil, bad
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(data[p:]))
	count := int(binary.LittleEndian.Uint32(data[p+4:]))
	p += 8
	if len(data)-p != count*(4+2*n) {
		return nil, bad
	}
	m.index = make(map[uint32]int32, count)
	m.weights = make([]float32, count*n)
	for i := range count {
		m.index[binary.LittleEndian.Uint32(data[p:])] = int32(i)
		p += 4
		for k := range n {
			m.weights[i*n+k] = float32(int16(binary.LittleEndian.Uint16(data[p:]))) * scale
			p += 2
		}
	}
	return m, nil
}

// nerTag labels the tokens of one sentence, left to right, each label
// seeing the two before it. An I- label that cannot follow the previous
// label is read as B-.
func (m *nerModel) tag(toks []token) []string {
	out := make([]string, len(toks))
	scores := make([]float32, len(m.labels))
	var feats []uint32
	for i := range toks {
		p1, p2 := "<s>", "<s>"
		if i > 0 {
			p1 = out[i-1]
		}
		if i > 1 {
			p2 = out[i-2]
		}
		feats = nerFeatures(toks, i, p1, p2, feats[:0])
		clear(scores)
		n := len(m.labels)
		for _, f := range feats {
			if row, ok := m.index[f]; ok {
				w := m.weights[int(row)*n : int(row)*n+n]
				for k := range scores {
					scores[k] += w[k]
				}
			}
		}
		best := 0
		for k := range scores {
			if scores[k] > scores[best] {
				best = k
			}
		}
		out[i] = fixBIO(m.labels[best], p1)
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

// featureHash hashes a feature's template name and value (FNV-1a).
type featureHash uint32

func newHash(template string) featureHash {
	h := featureHash(2166136261)
	return h.add(template)
}

func (h featureHash) add(s string) featureHash {
	for i := 0; i < len(s); i++ {
		h ^= featureHash(s[i])
		h *= 16777619
	}
	h ^= 0xff // separates the parts
	h *= 16777619
	return h
}

// nerFeatures appends the hashed features of toks[i], given the two
// labels before it.
func nerFeatures(toks []token, i int, p1, p2 string, out []uint32) []uint32 {
	word := toks[i].Text
	lower := strings.ToLower(word)
	shape := wordShape(word)
	add := func(h featureHash) { out = append(out, uint32(h)) }
	add(newHash("b"))
	add(newHash("w").add(lower))
	add(newHash("W").add(word))
	add(newHash("t").add(toks[i].Tag))
	add(newHash("s").add(shape))
	for k := 1; k <= 4; k++ {
		add(newHash("suf").add(suffix(lower, k)))
	}
	for k := 1; k <= 3; k++ {
		add(newHash("pre").add(prefix(lower, k)))
	}
	add(newHash("p1").add(p1))
	add(newHash("p12").add(p1).add(p2))
	add(newHash("p1s").add(p1).add(shape))
	add(newHash("p1w").add(p1).add(lower))
	add(newHash("p1t").add(p1).add(toks[i].Tag))
	if i == 0 {
		add(newHash("first").add(shape))
	}
	ctx := func(name string, j int) {
		if j < 0 || j >= len(toks) {
			add(newHash(name).add("<none>"))
			return
		}
		add(newHash(name + "w").add(strings.ToLower(toks[j].Text)))
		add(newHash(name + "t").add(toks[j].Tag))
		add(newHash(name + "s").add(wordShape(toks[j].Text)))
	}
	ctx("-1", i-1)
	ctx("+1", i+1)
	ctx("-2", i-2)
	ctx("+2", i+2)
	if i+1 < len(toks) {
		add(newHash("w+1").add(lower).add(strings.ToLower(toks[i+1].Text)))
	}
	if i > 0 {
		add(newHash("w-1").add(strings.ToLower(toks[i-1].Text)).add(lower))
	}
	if i+1 < len(toks) {
		add(newHash("p1+1").add(p1).add(strings.ToLower(toks[i+1].Text)))
		add(newHash("s+1").add(shape).add(wordShape(toks[i+1].Text)))
	}
	if i > 0 {
		add(newHash("s-1").add(wordShape(toks[i-1].Text)).add(shape))
	}
	// Word lists: what the word is known as, and what its neighbours are.
	for _, g := range gazetteerClasses(word) {
		add(newHash("g").add(g))
		add(newHash("gp1").add(g).add(p1))
	}
	if i > 0 {
		for _, g := range gazetteerClasses(toks[i-1].Text) {
			add(newHash("g-1").add(g))
		}
	}
	if i+1 < len(toks) {
		for _, g := range gazetteerClasses(toks[i+1].Text) {
			add(newHash("g+1").add(g))
		}
	}
	return out
}

// gazetteerClasses returns the word lists that hold word.
func gazetteerClasses(word string) []string {
	var out []string
	lower := strings.ToLower(word)
	if lexicon.country[word] != "" {
		out = append(out, "country")
	}
	if lexicon.demonym[word] != "" {
		out = append(out, "demonym")
	}
	if lexicon.role[lower] {
		out = append(out, "role")
	}
	if g, ok := lexicon.honorific[lower]; ok && g != "" {
		out = append(out, "honorific")
	}
	if lexicon.firstName[word] != 0 {
		out = append(out, "firstname")
	}
	if isOrgWord(word) && unicode.IsUpper(firstRune(word)) {
		out = append(out, "orgword")
	}
	if months[lower] || timeWords[lower] {
		out = append(out, "time")
	}
	if len(lexicon.orgs[word]) > 0 {
		out = append(out, "knownorg")
	}
	if lexicon.placeWord[word] {
		out = append(out, "placeword")
	}
	if lexicon.eventWord[word] {
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
