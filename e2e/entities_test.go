package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// panelGroup is one type's group in the entities panel as the reader sees
// it.
type panelGroup struct {
	Type  string `json:"type"`
	Title string `json:"title"`
	Count int    `json:"count"`
	Rows  []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Mentions string `json:"mentions"`
		Roles    string `json:"roles"`
		Aliases  string `json:"aliases"`
	} `json:"rows"`
}

// readPanel returns the entities panel's groups in page order.
func (p *page) readPanel() []panelGroup {
	p.t.Helper()
	var groups []panelGroup
	p.eval("reading the entities panel", `[...document.querySelectorAll('#entities .entity-group')].map((g) => {
		const text = (node, sel) => (node.querySelector(sel) || {}).textContent || '';
		return {
			type: g.dataset.type,
			title: text(g, '.group-label'),
			count: Number(text(g, '.group-count')),
			rows: [...g.querySelectorAll('.entity-row')].map((r) => ({
				id: r.dataset.entity,
				name: text(r, '.entity-name'),
				mentions: text(r, '.entity-count'),
				roles: text(r, '.entity-roles'),
				aliases: text(r, '.entity-aliases'),
			})),
		};
	})`, &groups)
	return groups
}

// mentionCount reads the number in "12 mentions".
func mentionCount(s string) int {
	var n int
	fmt.Sscanf(s, "%d", &n)
	return n
}

// TestSeedEntities checks, with the real analyzer on the seed article, the
// entities panel (groups, counts, roles, aliases, order), that its rows
// and the article's marks highlight each other by pointer and keyboard,
// and that the legend's type switches hide a type's highlights but not
// its text. It saves the panel in light and dark mode to out/.
func TestSeedEntities(t *testing.T) {
	text := seedText(t)
	p := openPage(t)
	p.waitReady()
	p.paste(text)
	p.analyze()

	groups := p.readPanel()
	var titles []string
	byType := map[string]panelGroup{}
	for _, g := range groups {
		titles = append(titles, g.Title)
		byType[g.Type] = g
		if g.Count != len(g.Rows) {
			t.Errorf("%s: heading says %d, lists %d", g.Title, g.Count, len(g.Rows))
		}
		for i := 1; i < len(g.Rows); i++ {
			if a, b := mentionCount(g.Rows[i-1].Mentions), mentionCount(g.Rows[i].Mentions); b > a {
				t.Errorf("%s not sorted by mentions: %q (%d) before %q (%d)", g.Title, g.Rows[i-1].Name, a, g.Rows[i].Name, b)
			}
		}
	}
	if want := []string{"People", "Organizations", "Places", "Groups"}; !slices.Equal(titles, want) {
		t.Errorf("groups = %q, want %q", titles, want)
	}

	var people []string
	for _, r := range byType["PERSON"].Rows {
		people = append(people, r.Name)
	}
	wantPeople := []string{"Sergey Lavrov", "Wang Wenbin", "Wang Yi", "Vladimir Putin", "Xi Jinping", "Nicholas Burns"}
	if got, want := slices.Sorted(slices.Values(people)), slices.Sorted(slices.Values(wantPeople)); !slices.Equal(got, want) {
		t.Errorf("People = %q, want exactly %q", people, wantPeople)
	}

	var lavrov string
	for _, r := range byType["PERSON"].Rows {
		if r.Name != "Sergey Lavrov" {
			continue
		}
		lavrov = r.ID
		if !strings.Contains(r.Roles, "Russian Foreign Minister") {
			t.Errorf("Sergey Lavrov's roles = %q, want Russian Foreign Minister", r.Roles)
		}
		if r.Mentions != "12 mentions" {
			t.Errorf("Sergey Lavrov's mentions = %q, want 12 mentions", r.Mentions)
		}
		if r.Aliases != "also: Lavrov" {
			t.Errorf("Sergey Lavrov's aliases = %q, want also: Lavrov", r.Aliases)
		}
	}
	if lavrov == "" {
		t.Fatal("no Sergey Lavrov in the People group")
	}

	// active reads which marks and rows are highlighted, and which row is
	// pressed.
	type activeState struct {
		Marks   []string `json:"marks"`   // entity ids of highlighted marks
		Rows    []string `json:"rows"`    // entity ids of highlighted rows
		Pressed []string `json:"pressed"` // entity ids of pressed rows
		Total   int      `json:"total"`   // marks of the entity asked about
	}
	active := func(id string) activeState {
		t.Helper()
		var st activeState
		p.eval("reading highlights", fmt.Sprintf(`(() => {
			const ids = (sel) => [...document.querySelectorAll(sel)].map((n) => n.dataset.entity);
			return {
				marks: ids('#article mark.is-active'),
				rows: ids('#entities li.entity.is-active'),
				pressed: ids('#entities .entity-row[aria-pressed="true"]'),
				total: document.querySelectorAll('#article mark[data-entity=%q]').length,
			};
		})()`, id), &st)
		return st
	}
	only := func(ids []string, id string) bool {
		return len(ids) > 0 && !slices.ContainsFunc(ids, func(s string) bool { return s != id })
	}
	row := func(id string) string { return fmt.Sprintf(`#entities .entity-row[data-entity=%q]`, id) }

	// Clicking Sergey Lavrov's row highlights all 12 of his marks, and
	// only his, and brings the first into view. The pointer then moves off
	// the page, so that what the scroll put under it does not count.
	p.clickInPanel("clicking Sergey Lavrov's row", row(lavrov))
	p.poll("waiting for the first mention to be in view", fmt.Sprintf(`(() => {
		const r = document.querySelector('#article mark[data-entity=%q]').getBoundingClientRect();
		return r.top >= 0 && r.bottom <= window.innerHeight;
	})()`, lavrov))
	p.run("moving the pointer away", chromedp.MouseEvent(input.MouseMoved, 2, 2))
	st := active(lavrov)
	if len(st.Marks) != 12 || st.Total != 12 || !only(st.Marks, lavrov) {
		t.Errorf("after clicking his row, highlighted marks = %q of his %d, want all 12 of %s", st.Marks, st.Total, lavrov)
	}
	if !only(st.Rows, lavrov) || !only(st.Pressed, lavrov) {
		t.Errorf("after clicking his row, highlighted rows %q, pressed %q; want %s", st.Rows, st.Pressed, lavrov)
	}

	// Screenshots of the panel with him picked, light and dark.
	var png []byte
	p.run("panel screenshot", chromedp.Screenshot("#entities-section", &png, chromedp.ByQuery))
	saveScreenshot(t, "entities.png", png)
	p.run("dark mode", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "dark"},
	}))
	p.run("panel screenshot", chromedp.Screenshot("#entities-section", &png, chromedp.ByQuery))
	saveScreenshot(t, "entities-dark.png", png)
	p.run("light mode", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "light"},
	}))

	// The keyboard does the same: Enter on a focused row picks it.
	var wangYi string
	for _, r := range byType["PERSON"].Rows {
		if r.Name == "Wang Yi" {
			wangYi = r.ID
		}
	}
	p.run("pressing Enter on Wang Yi's row",
		chromedp.Focus(row(wangYi), chromedp.ByQuery),
		chromedp.KeyEvent(kb.Enter))
	if st := active(wangYi); len(st.Marks) != st.Total || !only(st.Marks, wangYi) || !only(st.Pressed, wangYi) {
		t.Errorf("after Enter on Wang Yi's row: %+v, want all his marks and his row", st)
	}

	// Clicking a mark in the article highlights the entity's other
	// mentions and its row.
	var wenbin string
	for _, r := range byType["PERSON"].Rows {
		if r.Name == "Wang Wenbin" {
			wenbin = r.ID
		}
	}
	// The scroll that Enter on a row started must end first, or the
	// click lands where the mark was.
	p.run("scrolling to a mark of Wang Wenbin",
		chromedp.ScrollIntoView(fmt.Sprintf(`#article mark[data-entity=%q]`, wenbin), chromedp.ByQuery))
	p.settleScroll()
	p.run("clicking a mark of Wang Wenbin",
		chromedp.Click(fmt.Sprintf(`#article mark[data-entity=%q]`, wenbin), chromedp.ByQuery),
		chromedp.MouseEvent(input.MouseMoved, 2, 2))
	if st := active(wenbin); st.Total < 2 || len(st.Marks) != st.Total || !only(st.Marks, wenbin) || !only(st.Rows, wenbin) {
		t.Errorf("after clicking a mark of Wang Wenbin: %+v, want all his marks and his row", st)
	}

	// Switching Places off drops their highlight but keeps every word and
	// every mark; People keep theirs. Switching back restores it.
	type styles struct {
		Place   string `json:"place"`
		Person  string `json:"person"`
		Pressed string `json:"pressed"`
		Marks   int    `json:"marks"`
	}
	readStyles := func() styles {
		t.Helper()
		var s styles
		p.eval("reading mark styles", `(() => {
			const bg = (type) => getComputedStyle(document.querySelector('#article mark[data-type="' + type + '"]')).backgroundColor;
			return {
				place: bg('PLACE'),
				person: bg('PERSON'),
				pressed: document.querySelector('.type-toggle[data-type="PLACE"]').getAttribute('aria-pressed'),
				marks: document.querySelectorAll('#article mark').length,
			};
		})()`, &s)
		return s
	}
	const transparent = "rgba(0, 0, 0, 0)"
	before := readStyles()
	if before.Place == transparent || before.Pressed != "true" {
		t.Fatalf("before switching Places off: %+v, want a coloured place and the switch pressed", before)
	}
	p.run("switching Places off", chromedp.Click(`.type-toggle[data-type="PLACE"]`, chromedp.ByQuery))
	off := readStyles()
	if off.Place != transparent || off.Pressed != "false" {
		t.Errorf("with Places off: %+v, want place marks transparent and the switch released", off)
	}
	if off.Person != before.Person || off.Marks != before.Marks {
		t.Errorf("with Places off: %+v, want people still %s and all %d marks kept", off, before.Person, before.Marks)
	}
	if got := p.articleText(); got != text {
		t.Errorf("with Places off the article text differs from the input:\n%s", firstDiff(got, text))
	}
	p.eval("scrolling to the legend", `document.querySelector('#article-heading').scrollIntoView()`, nil)
	p.run("screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "entities-places-off.png", png)
	p.run("switching Places on", chromedp.Click(`.type-toggle[data-type="PLACE"]`, chromedp.ByQuery))
	if on := readStyles(); on.Place != before.Place || on.Pressed != "true" {
		t.Errorf("with Places back on: %+v, want %s and the switch pressed", on, before.Place)
	}
}
