package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// miniShared writes a tiny shared directory with all three data sets.
func miniShared(t *testing.T) string {
	dir := t.TempDir()
	text := `"We are friends," Wang Wenbin said in Beijing.`
	writeFile(t, filepath.Join(dir, "samples", "seed.txt"), text)
	writeFile(t, filepath.Join(dir, "eval", "seed-article.gold.json"), `{
		"file": "seed.txt",
		"entities": [
			{"name": "Wang Wenbin", "type": "PERSON", "mentions": [[18, 29]]},
			{"name": "Beijing", "type": "PLACE", "mentions": [[38, 45]]}
		],
		"optional_spans": [], "norp": [],
		"quotes": [{"start": 0, "end": 17, "speaker": "Wang Wenbin", "kind": "direct", "cue": "said"}]
	}`)
	pn, err := json.Marshal(pnDoc{ID: "d1", Text: text, Attributions: []pnAttribution{{
		Source:  []pnSpan{{ByteStart: 18, ByteEnd: 29}},
		Cue:     []pnSpan{{ByteStart: 30, ByteEnd: 34}},
		Content: []pnSpan{{ByteStart: 0, ByteEnd: 17}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "eval", "polnear", "dev.jsonl"), string(pn)+"\n")
	writeFile(t, filepath.Join(dir, "eval", "conll2003-dev.txt"), conllSample)
	// Ten copies make ten documents, one of them held out.
	writeFile(t, filepath.Join(dir, "eval", "ner", "mini.conll"), strings.Repeat(conllSample, 5))
	return dir
}

func TestRun(t *testing.T) {
	dir := miniShared(t)
	var out, errb bytes.Buffer
	// The panel's gold is embedded and names PolNeAR articles that the
	// tiny shared directory lacks: scoreCards has its own test.
	if code := run([]string{"-shared", dir, "-v", "-only", "seed,polnear,conll,ner"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var head map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &head); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out.String())
	}
	for _, k := range []string{
		"seed_entity_f1", "seed_org_f1", "seed_quotes_found", "seed_speakers_right",
		"polnear_direct_f1", "polnear_exact", "polnear_speaker_acc", "conll_f1", "conll_org_f1",
		"ner_mini_f1", "ner_f1",
	} {
		if _, ok := head[k]; !ok {
			t.Errorf("headline lacks %q: %s", k, lines[len(lines)-1])
		}
	}
	for _, s := range []string{"Seed article", "PolNeAR dev (1 documents)", "CoNLL-2003 dev (2 documents)"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

func TestRunOnly(t *testing.T) {
	dir := miniShared(t)
	var out, errb bytes.Buffer
	if code := run([]string{"-shared", dir, "-only", "conll", "-conll-limit", "1"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if s := out.String(); strings.Contains(s, "Seed") || strings.Contains(s, "PolNeAR") || !strings.Contains(s, "CoNLL-2003 dev (1 documents)") {
		t.Errorf("-only conll printed:\n%s", s)
	}
}

func TestRunBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-only", "seed,nope"},
		{"-split", "test"},
		{"extra"},
		{"-nope"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-shared", t.TempDir()}, &out, &errb); code != 1 {
		t.Errorf("missing data: exit %d, want 1", code)
	}
}
