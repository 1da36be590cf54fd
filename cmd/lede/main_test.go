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
	if code != 1 || !strings.Contains(errs, "8 of the inputs failed") {
		t.Errorf("exit %d, stderr %q; want 1 and 8 failures", code, errs)
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
