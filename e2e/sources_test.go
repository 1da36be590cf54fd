package e2e

import (
	"strings"
	"testing"
)

// TestSources checks the Sources summary on an article whose people the
// text genders in three ways (a pronoun, an honorific, a first name) and
// leaves one unknown: the summary's counts, each person's gender with
// its reason, bars that follow the shares, and the Markdown and JSON
// downloads carrying the same summary.
func TestSources(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	text := strings.Join([]string{
		"Ministers Meet Over Fishing Rights",
		"",
		"Jane Doe, the fisheries minister, arrived in Lisbon on Monday. \"We will not give up a single boat,\" she said.",
		"",
		"\"The talks are going well,\" said Mrs. Kim Lee, who leads the delegation.",
		"",
		"\"Nobody wants a fight over cod,\" Robert Smith told reporters.",
		"",
		"\"We need an agreement this week,\" said Sergey Ivanov.",
		"",
		"\"Prices will rise,\" the Fishermen's Association said in a statement.",
	}, "\n")
	p.paste(text)
	p.analyze()
	var got struct {
		Hidden bool
		Line   string
		Rows   []struct{ Name, Gender, Reason, Share string }
		Widths []float64
	}
	p.eval("reading the Sources summary", `(() => {
		const sec = document.querySelector('#sources-section');
		const rows = [...document.querySelectorAll('#sources .source')].map((li) => {
			const g = li.querySelector('.gender');
			return {name: li.querySelector('.source-name').textContent, gender: g ? g.firstChild.textContent : '',
				reason: g ? g.title : '', share: li.querySelector('.source-share').textContent};
		});
		const widths = [...document.querySelectorAll('#sources .source-bar')].map((b) => b.getBoundingClientRect().width > 0 ?
			[...b.children].reduce((w, c) => w + c.getBoundingClientRect().width, 0) : -1);
		return {hidden: sec.hidden, line: document.querySelector('#sources-line').textContent, rows, widths};
	})()`, &got)
	if got.Hidden {
		t.Fatal("the Sources summary is hidden after an analysis with named speakers")
	}
	want := map[string]string{"Jane Doe": "woman", "Kim Lee": "woman", "Robert Smith": "man", "Sergey Ivanov": "gender unknown"}
	seen := map[string]bool{}
	for _, r := range got.Rows {
		if g, ok := want[r.Name]; ok {
			seen[r.Name] = true
			if r.Gender != g {
				t.Errorf("%s: gender %q, want %q", r.Name, r.Gender, g)
			}
			if r.Reason == "" {
				t.Errorf("%s: no reason for the gender", r.Name)
			}
		}
		if !strings.Contains(r.Share, "%") {
			t.Errorf("%s: share %q says no percentage", r.Name, r.Share)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s is not among the sources %+v", name, got.Rows)
		}
	}
	if !strings.Contains(got.Line, "4 people (2 women, 1 man, 1 unknown)") || !strings.Contains(got.Line, "1 organization") {
		t.Errorf("summary line %q, want 4 people (2 women, 1 man, 1 unknown) and 1 organization", got.Line)
	}
	for i := 1; i < len(got.Widths); i++ {
		if got.Widths[i] > got.Widths[i-1]+0.5 {
			t.Errorf("bar %d is wider than the one above it (%v): sources are listed largest first", i, got.Widths)
		}
	}
	if len(got.Widths) == 0 || got.Widths[0] <= 0 {
		t.Errorf("bar widths %v: the largest source's bar is not drawn", got.Widths)
	}
	var exports struct {
		MD     string
		People int
		Women  int
	}
	p.eval("the Markdown and JSON downloads", `(async () => {
		const text = document.querySelector('#text').value;
		const result = await window.lede.analyze(text);
		const json = JSON.parse(window.LedeExport.toJSON(text, result));
		return {md: window.LedeExport.toMarkdown(text, result, 'Ministers'), people: json.sources.people, women: json.sources.gender.female};
	})()`, &exports)
	if !strings.Contains(exports.MD, "## Sources") || !strings.Contains(exports.MD, "4 people (2 women, 1 man, 1 unknown)") ||
		!strings.Contains(exports.MD, `| Jane Doe | woman (called "she" once;`) {
		t.Errorf("the Markdown summary lacks the sources:\n%s", exports.MD)
	}
	if exports.People != 4 || exports.Women != 2 {
		t.Errorf("the JSON download's sources: %d people, %d women; want 4 and 2", exports.People, exports.Women)
	}
}
