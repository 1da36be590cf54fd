package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runWith(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSingleText(t *testing.T) {
	code, out, _ := runWith(t, "Sergey Lavrov arrived in Beijing.")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Offsets  string `json:"offsets"`
		Entities []struct {
			Name string `json:"name"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Offsets != "utf8" || len(res.Entities) == 0 {
		t.Fatalf("output %q: %v", out, err)
	}
}

func TestFileAndErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Wang Yi spoke in Beijing."), 0o644)
	os.WriteFile(bad, []byte("Wang \xff Yi"), 0o644)
	if code, out, _ := runWith(t, "", "--compact", good); code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("good file: exit %d, output %q", code, out)
	}
	if code, _, errs := runWith(t, "", bad); code != 1 || !strings.Contains(errs, "not valid UTF-8") {
		t.Errorf("invalid UTF-8: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runWith(t, "", filepath.Join(dir, "missing.txt")); code != 2 || errs == "" {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runWith(t, "", "a", "b"); code != 2 || errs == "" {
		t.Errorf("two files: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runWith(t, "", "--help"); code != 0 || !strings.Contains(errs, "--jsonl") {
		t.Errorf("--help: exit %d, stderr %q", code, errs)
	}
}

func TestJSONLKeepsOrderAndBadLines(t *testing.T) {
	var in strings.Builder
	const n = 40
	for i := range n {
		switch i % 10 {
		case 3:
			in.WriteString("this is not json\n")
		case 6:
			fmt.Fprintf(&in, "{\"id\": %d}\n", i) // no text
		case 8:
			in.WriteString("\n") // blank lines are skipped
			fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"bad \\udc00 \\ud800 Beijing\"}\n", i)
		default:
			fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"Sergey Lavrov arrived in Beijing number %d.\"}\n", i, i)
		}
	}
	code, out, errs := runWith(t, in.String(), "--jsonl", "--workers", "4")
	if code != 1 || !strings.Contains(errs, "12 of the inputs failed") {
		t.Errorf("exit %d, stderr %q; want 1 and 12 failures", code, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var line struct {
			ID     *int            `json:"id"`
			Line   int             `json:"line"`
			Result json.RawMessage `json:"result"`
			Error  string          `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("output line %d: %v", i, err)
		}
		switch i % 10 {
		case 3:
			if line.ID != nil || line.Error == "" || line.Line == 0 {
				t.Errorf("bad line %d: got %s", i, sc.Text())
			}
		case 6:
			if line.ID == nil || *line.ID != i || line.Error == "" {
				t.Errorf("line %d without text: got %s", i, sc.Text())
			}
		case 8:
			// Lone surrogates are refused as file mode refuses bad
			// bytes, with the id kept and where they are.
			at := len(fmt.Sprintf("{\"id\": %d, \"text\": \"bad ", i))
			if line.ID == nil || *line.ID != i || !strings.Contains(line.Error, fmt.Sprintf("lone surrogate at byte %d of", at)) {
				t.Errorf("line %d with lone surrogates: got %s", i, sc.Text())
			}
		default:
			if line.ID == nil || *line.ID != i || line.Result == nil {
				t.Errorf("line %d: got %s", i, sc.Text())
			}
		}
		i++
	}
	if i != n {
		t.Errorf("%d output lines, want %d", i, n)
	}
}

// TestJSONLBadText checks the rules a line's text shares with file mode:
// bytes that are not UTF-8 are refused with their offset, never analysed
// as U+FFFD, and an id that can be read is always given back.
func TestJSONLBadText(t *testing.T) {
	in := "{\"id\":4,\"text\":42}\n" +
		"{\"id\":\"a\",\"text\":\"Jos\xe9 Garc\xeda said hi.\"}\n" +
		"{\"id\":[1,2],\"text\":\"\\ud83d\\ude00 Bob said hi.\"}\n"
	code, out, _ := runWith(t, in, "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		`{"id":4,"line":1,"error":"line 1: no \"text\" string"}`,
		`{"id":"a","line":2,"error":"line 2: text is not valid UTF-8: bad byte or lone surrogate at byte 21 of the line"}`,
	}
	if len(lines) != 3 || lines[0] != want[0] || lines[1] != want[1] || !strings.HasPrefix(lines[2], `{"id":[1,2],"result":`) {
		t.Errorf("output:\n%s\nwant:\n%s\n{\"id\":[1,2],\"result\":…", out, strings.Join(want, "\n"))
	}
}

func TestInvalidInString(t *testing.T) {
	for s, want := range map[string]int{
		`"plain"`:                  -1,
		`"caf\u00e9"`:              -1,
		`"\ud83d\ude00 pair"`:      -1,
		`"lone \ud800 high"`:       6,
		`"lone \udc00 low"`:        6,
		`"high then \ud800\u0041"`: 11,
		"\"bad \xff byte\"":        5,
		`"escaped \\ud800 text"`:   -1,
		`"end \ud800"`:             5,
	} {
		if got := invalidInString([]byte(s)); got != want {
			t.Errorf("invalidInString(%s) = %d, want %d", s, got, want)
		}
	}
}
