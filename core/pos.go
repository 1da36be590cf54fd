package core

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mingrammer/commonregex"
)

// The part-of-speech tagger is prose's averaged perceptron, the same
// weights (as float32) and the same features, in a faster form: cmd/genpos stores the
// weights keyed by a 64-bit hash of each feature (posmodel/pos.bin), so
// loading copies numbers instead of decoding millions of gob map entries,
// and tagging hashes each feature once instead of building and looking
// up strings. TestPOSTaggerMatchesProse checks that the tags agree with
// prose's own.

//go:embed posmodel/pos.bin
var posModelBytes []byte

type posModel struct {
	classes []string
	tagMap  map[string]uint8  // words that always get one tag
	index   map[uint64]uint32 // feature hash → first entry<<8 | entry count
	cls     []uint8           // entries: a class …
	weights []float32         // … and its weight
}

var (
	posOnce   sync.Once
	posLoaded *posModel
	posErr    error
)

func loadPOS() (*posModel, error) {
	posOnce.Do(func() { posLoaded, posErr = decodePOS(posModelBytes) })
	return posLoaded, posErr
}

const posMagic = "LEDEPOS1"

// EncodePOSModel writes prose's tagger model (its classes, its tag map of
// unambiguous words and its weights by feature and class) in the form
// that core embeds. cmd/genpos calls it.
func EncodePOSModel(classes []string, tagMap map[string]string, weights map[string]map[string]float64) ([]byte, error) {
	if len(classes) > 255 {
		return nil, errors.New("too many classes")
	}
	classIndex := map[string]int{}
	var b bytes.Buffer
	b.WriteString(posMagic)
	b.WriteByte(byte(len(classes)))
	for i, c := range classes {
		classIndex[c] = i
		b.WriteByte(byte(len(c)))
		b.WriteString(c)
	}
	words := make([]string, 0, len(tagMap))
	for w := range tagMap {
		words = append(words, w)
	}
	slices.Sort(words)
	binary.Write(&b, binary.LittleEndian, uint32(len(words)))
	for _, w := range words {
		ci, ok := classIndex[tagMap[w]]
		if !ok || len(w) > 65535 {
			return nil, errors.New("bad tag map entry " + w)
		}
		binary.Write(&b, binary.LittleEndian, uint16(len(w)))
		b.WriteString(w)
		b.WriteByte(byte(ci))
	}
	type feat struct {
		hash uint64
		w    map[string]float64
	}
	feats := make([]feat, 0, len(weights))
	seen := map[uint64]string{}
	for f, w := range weights {
		h := hashString(f)
		if other, dup := seen[h]; dup {
			return nil, errors.New("feature hash collision: " + f + " and " + other)
		}
		seen[h] = f
		feats = append(feats, feat{h, w})
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return 0
	})
	binary.Write(&b, binary.LittleEndian, uint32(len(feats)))
	for _, f := range feats {
		binary.Write(&b, binary.LittleEndian, f.hash)
		cs := make([]string, 0, len(f.w))
		for c := range f.w {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		if len(cs) > 255 {
			return nil, errors.New("too many classes for one feature")
		}
		b.WriteByte(byte(len(cs)))
		for _, c := range cs {
			ci, ok := classIndex[c]
			if !ok {
				return nil, errors.New("unknown class " + c)
			}
			b.WriteByte(byte(ci))
			binary.Write(&b, binary.LittleEndian, float32(f.w[c]))
		}
	}
	return b.Bytes(), nil
}

func decodePOS(data []byte) (*posModel, error) {
	bad := errors.New("core: the embedded part-of-speech model is damaged")
	r := &byteReader{data: data}
	if string(r.next(len(posMagic))) != posMagic {
		return nil, bad
	}
	m := &posModel{}
	n := int(r.byte())
	for range n {
		m.classes = append(m.classes, string(r.next(int(r.byte()))))
	}
	words := int(r.u32())
	m.tagMap = make(map[string]uint8, words)
	for range words {
		w := string(r.next(int(r.u16())))
		m.tagMap[w] = r.byte()
	}
	feats := int(r.u32())
	if r.err || feats > len(data) {
		return nil, bad
	}
	m.index = make(map[uint64]uint32, feats)
	m.cls = make([]uint8, 0, feats*3)
	m.weights = make([]float32, 0, feats*3)
	for range feats {
		h := r.u64()
		count := int(r.byte())
		m.index[h] = uint32(len(m.cls))<<8 | uint32(count)
		for range count {
			m.cls = append(m.cls, r.byte())
			m.weights = append(m.weights, math.Float32frombits(r.u32()))
		}
	}
	if r.err || r.pos != len(data) {
		return nil, bad
	}
	for _, c := range m.cls {
		if int(c) >= len(m.classes) {
			return nil, bad
		}
	}
	return m, nil
}

// byteReader reads little-endian values and remembers running short.
type byteReader struct {
	data []byte
	pos  int
	err  bool
}

func (r *byteReader) next(n int) []byte {
	if r.err || n < 0 || r.pos+n > len(r.data) {
		r.err = true
		return nil
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b
}

func (r *byteReader) byte() byte {
	if b := r.next(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *byteReader) u16() uint16 {
	if b := r.next(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *byteReader) u32() uint32 {
	if b := r.next(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *byteReader) u64() uint64 {
	if b := r.next(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// FNV-1a, 64 bits, over the feature's words joined by spaces, as prose
// joins them.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashParts hashes parts joined by single spaces, without joining them.
func hashParts(parts ...string) uint64 {
	h := uint64(fnvOffset)
	for k, p := range parts {
		if k > 0 {
			h ^= ' '
			h *= fnvPrime
		}
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= fnvPrime
		}
	}
	return h
}

// The special cases of prose's tagger, copied so that the tags agree.
var (
	posNone      = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	posKeep      = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
	posEmoticons = map[string]bool{}
)

func init() {
	for _, e := range []string{"(-8", "(-;", "(-_-)", "(._.)", "(:", "(=", "(o:", "(¬_¬)", "(ಠ_ಠ)", "(╯°□°）╯︵┻━┻", "-__-", "8-)", "8-D", "8D", ":(", ":((", ":(((", ":()", ":)))", ":-)", ":-))", ":-)))", ":-*", ":-/", ":-X", ":-]", ":-o", ":-p", ":-x", ":-|", ":-}", ":0", ":3", ":P", ":]", ":`(", ":`)", ":`-(", ":o", ":o)", "=(", "=)", "=D", "=|", "@_@", "O.o", "O_o", "V_V", "XDD", "[-:", "^___^", "o_0", "o_O", "o_o", "v_v", "xD", "xDD", "¯\\(ツ)/¯"} {
		posEmoticons[e] = true
	}
}

// tag sets the part-of-speech tag of each token, as prose's tagger would.
func (m *posModel) tag(toks []token) {
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, t := range toks {
		ctx[i+2] = posNormalize(t.Text)
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
		case posEmoticons[word]:
			tag = "SYM"
		case commonregex.LinkRegex.MatchString(word) || commonregex.EmailRegex.MatchString(word) || strings.HasPrefix(word, "@"):
			tag = "NN"
		case posNone.MatchString(word):
			tag = "-NONE-"
		case posKeep.MatchString(word):
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
func (m *posModel) predict(ctx []string, i int, w, p1, p2 string, scores []float64) string {
	clear(scores)
	touched := touchedPool.Get().(*[256]bool)
	defer func() { *touched = [256]bool{}; touchedPool.Put(touched) }()
	add := func(h uint64) {
		e, ok := m.index[h]
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
	add(hashParts("bias"))
	add(hashParts("i suffix", w[len(w)-min(len(w), 3):]))
	add(hashParts("i pref1", string(rune(w[0])))) // prose converts the byte, not the rune
	add(hashParts("i-1 tag", p1))
	add(hashParts("i-2 tag", p2))
	add(hashParts("i tag+i-2 tag", p1, p2))
	add(hashParts("i word", ctx[i]))
	add(hashParts("i-1 tag+i word", p1, ctx[i]))
	add(hashParts("i-1 word", prev))
	add(hashParts("i-1 suffix", prev[len(prev)-min(len(prev), 3):]))
	add(hashParts("i-2 word", ctx[i-2]))
	add(hashParts("i+1 word", next))
	add(hashParts("i+1 suffix", next[len(next)-min(len(next), 3):]))
	add(hashParts("i+2 word", ctx[i+2]))
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

// posNormalize is prose's normalize: hyphenated words, years and numbers
// become classes; other words are lower-cased.
func posNormalize(word string) string {
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
