package e2e

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"lede/internal/site"
)

// fakeWorker stands in for worker.js with a canned analyzer, so the
// renderer can be tested on quotes and awkward spans whatever the real
// analyzer finds today. Offsets come from indexOf on the input, which is
// what the real analyzer's UTF-16 offsets mean.
const fakeWorker = `'use strict';
function at(text, s, n) {
  let i = -1;
  for (let k = 0; k <= (n || 0); k++) i = text.indexOf(s, i + 1);
  if (i < 0) throw new Error('fake analyzer: no ' + s);
  return {start: i, end: i + s.length, text: s};
}
self.onmessage = (ev) => {
  const {id, text} = ev.data;
  const q1 = at(text, '“We will not move,”');
  const q2 = at(text, '"Nor will we,"');
  const q3 = at(text, '"Lavrov knows it."');
  const scare = at(text, '"red line"');
  const mixed = at(text, 'Russia would call it a "dead end" for talks');
  const deadEnd = at(text, '"dead end"');
  const result = {
    offsets: 'utf16',
    entities: [
      {id: 'e1', name: 'Sergey Lavrov', type: 'PERSON', aliases: ['Sergey Lavrov', 'Lavrov'], roles: ['Russian Foreign Minister'],
        mentions: [at(text, 'Sergey Lavrov'), at(text, 'Lavrov', 1)]},
      {id: 'e2', name: 'Wang Yi', type: 'PERSON', aliases: [], roles: [], mentions: [at(text, 'Wang Yi')]},
      {id: 'e3', name: 'Beijing', type: 'PLACE', aliases: [], roles: [], mentions: [at(text, 'Beijing')]},
      // Crosses the end of the first quote: must be skipped, not nested.
      {id: 'e4', name: 'bogus', type: 'ORG', aliases: [], roles: [], mentions: [at(text, 'move,” said')]},
      // Out of range: must be dropped without harm.
      {id: 'e5', name: 'bad', type: 'NORP', aliases: [], roles: [], mentions: [{start: 5, end: 99999, text: 'x'}]},
    ],
    quotes: [
      // The speaker mentions coincide with marks; the continuation shares
      // its predecessor's.
      {...q1, text: 'We will not move,', kind: 'direct', speaker: 'e1', speakerMention: at(text, 'Sergey Lavrov'), cue: at(text, 'said'), method: 'explicit', confidence: 0.9},
      {...q2, text: 'Nor will we,', kind: 'direct', speaker: 'e2', speakerMention: at(text, 'Wang Yi'), cue: at(text, 'replied'), method: 'explicit', confidence: 0.9},
      {...q3, text: 'Lavrov knows it.', kind: 'direct', speaker: 'e2', speakerMention: at(text, 'Wang Yi'), cue: null, method: 'continuation', confidence: 0.7},
      // A cue whose text does not match its offsets must not be drawn.
      {...scare, text: 'red line', kind: 'partial', speaker: null, speakerMention: null,
        cue: {...at(text, 'calling'), text: 'said'}, method: 'none', confidence: 0.5},
      // Reported speech with a quoted phrase inside: both drawn, nested.
      {...mixed, kind: 'mixed', speaker: 'e1', speakerMention: at(text, 'Lavrov', 2), cue: at(text, 'said', 1), method: 'explicit', confidence: 0.85},
      {...deadEnd, text: 'dead end', kind: 'partial', speaker: 'e1', speakerMention: at(text, 'Lavrov', 2), cue: at(text, 'said', 1), method: 'explicit', confidence: 0.9},
    ],
    sentences: [],
    paragraphs: text.split('\n\n').reduce((acc, p) => {
      const start = acc.length ? acc[acc.length - 1].end + 2 : 0;
      acc.push({start, end: start + p.length});
      return acc;
    }, []),
  };
  postMessage({type: 'result', id, result});
};
postMessage({type: 'progress', loaded: 1, total: 1});
postMessage({type: 'loading'});
postMessage({type: 'ready'});
`

// TestRendering drives the page's renderer with the fake analyzer: quotes
// contain marks, partial overlaps and bad spans are skipped, paragraphs
// and the exact text survive, marks of one entity highlight together, and
// quotes show their speaker on hover and pin on click.
func TestRendering(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("..", "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			if err := copyFile(filepath.Join(dir, e.Name()), filepath.Join("..", "web", e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "worker.js"), []byte(fakeWorker), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()

	const text = "“We will not move,” said Sergey Lavrov.\n\n" +
		"\"Nor will we,\" Wang Yi replied in Beijing,\ncalling it a \"red line\".\n\n" +
		"\"Lavrov knows it.\"\n\n" +
		"Lavrov said Russia would call it a \"dead end\" for talks."

	p := openURL(t, srv.URL+"/")
	p.waitReady()
	p.paste(text)
	p.analyze()

	if got := p.articleText(); got != text {
		t.Errorf("article text differs from the input:\n%s", firstDiff(got, text))
	}
	var got struct {
		Paragraphs     int      `json:"paragraphs"`
		Quotes         []string `json:"quotes"`
		Unattributed   int      `json:"unattributed"`
		MarkInQuote    []string `json:"markInQuote"`
		Orgs           int      `json:"orgs"`
		Groups         int      `json:"groups"`
		QuoteListItems int      `json:"quoteListItems"`
		Groups2        []string `json:"groups2"`
		Colors         []string `json:"colors"`
		MarkInCite     []string `json:"markInCite"`
		CiteFor        []string `json:"citeFor"`
		Rows           []string `json:"rows"`
		Title          string   `json:"title"`
		Nested         int      `json:"nested"`
		ReportedItems  []string `json:"reportedItems"`
	}
	p.eval("inspecting the article", `(() => {
		const a = document.querySelector('#article');
		const all = (sel) => [...document.querySelectorAll(sel)];
		return {
			paragraphs: a.querySelectorAll('p').length,
			quotes: all('#article .quote').map((q) => q.textContent),
			unattributed: a.querySelectorAll('.quote[data-unattributed="true"]').length,
			markInQuote: all('#article .quote mark').map((m) => m.dataset.entity + ':' + m.textContent),
			orgs: a.querySelectorAll('mark[data-type="ORG"]').length,
			groups: a.querySelectorAll('mark[data-type="NORP"]').length,
			quoteListItems: document.querySelectorAll('#speakers .quote-link').length,
			groups2: all('#speakers .speaker-group').map((g) =>
				g.querySelector('.speaker-name').textContent + '|' + g.querySelector('.tally').textContent),
			colors: all('#article .quote').map((q) => q.dataset.speakerColor || '-'),
			markInCite: all('#article .cite[data-cite="who"] mark').map((m) => m.textContent),
			citeFor: all('#article .cite').map((c) => c.dataset.cite + ':' + c.textContent + ':' + c.dataset.citeFor),
			rows: all('#entities .entity-row').map((r) => [...r.children].map((c) => c.textContent).join('/')),
			title: a.querySelector('mark[data-entity="e1"]').title,
			nested: a.querySelectorAll('.quote[data-kind="mixed"] .quote[data-kind="partial"]').length,
			reportedItems: all('#speakers .quote-link .reported-text').map((r) => r.textContent + '|' +
				r.parentElement.querySelector('.kind-badge').textContent),
		};
	})()`, &got)

	if got.Paragraphs != 4 {
		t.Errorf("%d paragraphs, want 4", got.Paragraphs)
	}
	wantQuotes := []string{"“We will not move,”", `"Nor will we,"`, `"red line"`, `"Lavrov knows it."`,
		`Russia would call it a "dead end" for talks`, `"dead end"`}
	if len(got.Quotes) != len(wantQuotes) {
		t.Errorf("quotes = %q, want %q", got.Quotes, wantQuotes)
	} else {
		for i := range wantQuotes {
			if got.Quotes[i] != wantQuotes[i] {
				t.Errorf("quote %d = %q, want %q", i, got.Quotes[i], wantQuotes[i])
			}
		}
	}
	if got.Unattributed != 1 {
		t.Errorf("%d unattributed quotes, want 1 (the scare quote)", got.Unattributed)
	}
	if len(got.MarkInQuote) != 1 || got.MarkInQuote[0] != "e1:Lavrov" {
		t.Errorf("marks inside quotes = %q, want [e1:Lavrov]", got.MarkInQuote)
	}
	if got.Orgs != 0 {
		t.Errorf("the mark crossing a quote's end was rendered")
	}
	if got.Groups != 0 {
		t.Errorf("the out-of-range mention was rendered")
	}
	if got.QuoteListItems != 6 {
		t.Errorf("%d quotes listed, want 6", got.QuoteListItems)
	}
	if got.Nested != 1 {
		t.Errorf("%d quoted phrases drawn inside the mixed reported speech, want 1", got.Nested)
	}
	// Reported speech is listed without quote marks, and says what it is.
	if want := []string{`Russia would call it a "dead end" for talks|reported, partly quoted`}; strings.Join(got.ReportedItems, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported items = %q, want %q", got.ReportedItems, want)
	}
	// Most words first (quoted and reported; the quoted phrase inside the
	// reported speech counts once), the unattributed last; colours follow.
	wantGroups := []string{"Sergey Lavrov|2 quotes · 6 quoted words; 1 reported · 7 words", "Wang Yi|2 quotes · 6 quoted words", "Unattributed|1 quote · 2 quoted words"}
	if strings.Join(got.Groups2, "\n") != strings.Join(wantGroups, "\n") {
		t.Errorf("speaker groups = %q, want %q", got.Groups2, wantGroups)
	}
	if want := []string{"1", "2", "-", "2", "1", "1"}; strings.Join(got.Colors, " ") != strings.Join(want, " ") {
		t.Errorf("quote colours = %q, want %q", got.Colors, want)
	}
	if want := []string{"Sergey Lavrov", "Wang Yi"}; strings.Join(got.MarkInCite, "|") != strings.Join(want, "|") {
		t.Errorf("marks inside speaker mentions = %q, want %q", got.MarkInCite, want)
	}
	wantCites := []string{"cue:said:0", "who:Sergey Lavrov:0", "who:Wang Yi:1 2", "cue:replied:1", "who:Lavrov:4 5", "cue:said:4 5"}
	if strings.Join(got.CiteFor, "|") != strings.Join(wantCites, "|") {
		t.Errorf("cites = %q, want %q", got.CiteFor, wantCites)
	}
	// Grouped by type in a fixed order, most mentioned first; the bad
	// spans' entities are listed even though the article cannot draw them.
	wantRows := []string{
		"Sergey Lavrov/2 mentions/Russian Foreign Minister/also: Lavrov",
		"Wang Yi/1 mention",
		"bogus/1 mention",
		"Beijing/1 mention",
		"bad/1 mention",
	}
	if strings.Join(got.Rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("entity rows = %q, want %q", got.Rows, wantRows)
	}
	if want := "Person: Sergey Lavrov (Russian Foreign Minister)"; got.Title != want {
		t.Errorf("mark title = %q, want %q", got.Title, want)
	}

	// Clicking one mention highlights every mention of that entity.
	p.run("clicking a mark", chromedp.Click(`#article mark[data-entity="e1"]`, chromedp.ByQuery))
	var active []string
	p.eval("reading highlighted marks", `[...document.querySelectorAll('#article mark.is-active')].map((m) => m.textContent)`, &active)
	if len(active) != 2 || active[0] != "Sergey Lavrov" || active[1] != "Lavrov" {
		t.Errorf("highlighted marks = %q, want [Sergey Lavrov Lavrov]", active)
	}

	// Hovering the continuation shows its speaker and outlines the mention
	// it borrows; Escape dismisses the details.
	var tip struct {
		Hidden bool     `json:"hidden"`
		Text   string   `json:"text"`
		Cited  []string `json:"cited"`
	}
	const readTip = `({
		hidden: document.querySelector('#quote-tip').hidden,
		text: document.querySelector('#quote-tip').textContent,
		cited: [...document.querySelectorAll('#article .is-cited')].map((c) => c.textContent),
	})`
	p.eval("hovering a quote", `document.querySelector('#article .quote[data-quote="2"]')
		.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))`, nil)
	p.eval("reading the quote details", readTip, &tip)
	if tip.Hidden || !strings.Contains(tip.Text, "Wang Yi") || !strings.Contains(tip.Text, "continued") ||
		len(tip.Cited) != 1 || tip.Cited[0] != "Wang Yi" {
		t.Errorf("details of the hovered continuation = %+v, want Wang Yi, continued, and Wang Yi outlined", tip)
	}
	p.run("pressing Escape", chromedp.KeyEvent(kb.Escape))
	p.eval("reading the quote details", readTip, &tip)
	if !tip.Hidden || len(tip.Cited) != 0 {
		t.Errorf("after Escape the details are %+v, want hidden", tip)
	}

	// A click pins a quote's details, which stay when the pointer leaves;
	// a click outside the quotes unpins them.
	p.run("clicking a quote", chromedp.Click(`#article .quote[data-quote="1"]`, chromedp.ByQuery))
	p.eval("leaving the article", `document.querySelector('#article')
		.dispatchEvent(new MouseEvent('mouseleave'))`, nil)
	p.eval("reading the quote details", readTip, &tip)
	if tip.Hidden || !strings.Contains(tip.Text, "“Wang Yi replied”") {
		t.Errorf("details of the pinned quote = %+v, want “Wang Yi replied”", tip)
	}
	p.run("clicking outside the quotes", chromedp.Click(`#article-heading`, chromedp.ByQuery))
	p.eval("reading the quote details", readTip, &tip)
	if !tip.Hidden {
		t.Errorf("details still shown after a click outside the quotes: %+v", tip)
	}
}
