package core

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/jdkato/prose/v2"
)

// TestPOSTaggerMatchesProse tags the seed article and PolNeAR's dev
// articles with prose's tagger and with ours: the tags agree, but for the
// rare ties that prose breaks at random (it takes the best of a Go map).
// Words that occur twice in a sentence are not compared: prose's
// tokenizer caches tokens by their text, so both occurrences share one
// Token and prose reports the tag of the last for all of them (its tag
// for the first "China-Russia" in the seed article's sentence that has
// two is the second one's).
func TestPOSTaggerMatchesProse(t *testing.T) {
	texts := []string{readSeed(t)}
	if f, err := os.Open("../../shared/eval/polnear/dev.jsonl"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() && len(texts) < 30 {
			var doc struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &doc) == nil {
				texts = append(texts, doc.Text)
			}
		}
	}
	proseModel := prose.ModelFromData("prose") // prose's own tagger, to compare with
	m, err := loadPOS()
	if err != nil {
		t.Fatal(err)
	}
	all, differ := 0, 0
	for _, text := range texts {
		for _, s := range Sentences(text) {
			src := breakLongRuns(text[s.Start:s.End])
			doc, err := prose.NewDocument(src, prose.UsingModel(proseModel), prose.WithSegmentation(false), prose.WithExtraction(false))
			if err != nil {
				t.Fatal(err)
			}
			want := doc.Tokens()
			toks := make([]token, len(want))
			for i, w := range want {
				toks[i].Text = w.Text
			}
			m.tag(toks)
			count := map[string]int{}
			for _, w := range want {
				count[w.Text]++
			}
			for i := range toks {
				if count[toks[i].Text] > 1 {
					continue
				}
				all++
				if toks[i].Tag != want[i].Tag {
					differ++
					if differ <= 5 {
						t.Logf("%q: ours %s, prose %s in %q", toks[i].Text, toks[i].Tag, want[i].Tag, src)
					}
				}
			}
		}
	}
	if all < 10000 || differ*2000 > all {
		t.Errorf("%d of %d tags differ from prose's", differ, all)
	}
	t.Logf("%d of %d tags differ", differ, all)
}

func TestPOSModelDamaged(t *testing.T) {
	for _, bad := range [][]byte{nil, []byte(posMagic), posModelBytes[:len(posModelBytes)/2]} {
		if _, err := decodePOS(bad); err == nil {
			t.Errorf("decodePOS(%d bytes) accepted a damaged model", len(bad))
		}
	}
}
