package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSeedQuotes checks, with the real analyzer on the seed article, that
// quotes are drawn and focusable, that focusing one names its speaker and
// the words that did, and that the "Who said what" panel lists the
// speakers and leads to their quotes. It saves screenshots of both in
// light and dark mode to out/.
func TestSeedQuotes(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	p.paste(seedText(t))
	p.analyze()

	var got struct {
		Quotes   int      `json:"quotes"`
		Focus    int      `json:"focusable"`
		Reported int      `json:"reported"`
		TabStops int      `json:"tabStops"`
		Speakers []string `json:"speakers"`
		Words    []int    `json:"words"`
	}
	p.eval("reading quotes and speakers", `(() => {
		const all = (sel) => [...document.querySelectorAll(sel)];
		const named = all('#speakers .speaker-group:not([data-unattributed])');
		return {
			quotes: all('#article .quote:is([data-kind="direct"], [data-kind="partial"])').length,
			focusable: all('#article .quote:is([data-kind="direct"], [data-kind="partial"])[data-stop]').length,
			reported: all('#article .quote:is([data-kind="indirect"], [data-kind="mixed"])[data-stop]').length,
			tabStops: all('#article [tabindex="0"]').length,
			speakers: named.map((g) => g.querySelector('.speaker-name').textContent),
			// Quoted and reported words together, the panel's order.
			words: named.map((g) => [...g.querySelector('.tally').textContent.matchAll(/(\d+) (?:quoted )?words?/g)]
				.reduce((n, m) => n + Number(m[1]), 0)),
		};
	})()`, &got)
	if got.Quotes != 11 || got.Focus != 11 {
		t.Errorf("%d quote elements, %d of them stops for the quote keys; want 11 and 11", got.Quotes, got.Focus)
	}
	// The article's quotes are one Tab stop (roving tabindex), not one each.
	if got.TabStops != 1 {
		t.Errorf("%d Tab stops in the article, want 1", got.TabStops)
	}
	// The seed reports much of what is said ("Wang said China
	// encourages…"); each is drawn and reachable as a quote is.
	if got.Reported < 5 {
		t.Errorf("%d reported speech elements are focusable, want at least 5", got.Reported)
	}
	for _, name := range []string{"Wang Wenbin", "Sergey Lavrov", "Wang Yi", "China"} {
		if !contains(got.Speakers, name) {
			t.Errorf("speaker %q not in the panel; it lists %q", name, got.Speakers)
		}
	}
	for i := 1; i < len(got.Words); i++ {
		if got.Words[i] > got.Words[i-1] {
			t.Errorf("speakers not sorted by quoted and reported words: %q has %d, %q before it %d",
				got.Speakers[i], got.Words[i], got.Speakers[i-1], got.Words[i-1])
		}
	}

	// Arrowing to a quote attributed through a pronoun names the speaker
	// and outlines the pronoun and the verb. The details sit next to the
	// quote. The pointer is moved out of the way first: a quote under it
	// would be the one detailed.
	support := p.quoteIndex(`"We support all diplomatic efforts towards that end,"`)
	sel := fmt.Sprintf(`#article .quote[data-quote="%d"]`, support)
	p.eval("centring the quote", fmt.Sprintf(`document.querySelector('%s').scrollIntoView({block: 'center'})`, sel), nil)
	p.run("arrowing to the quote",
		chromedp.MouseEvent(input.MouseMoved, 2, 2),
		chromedp.Focus(fmt.Sprintf(`#article .quote[data-quote="%d"]`, support-1), chromedp.ByQuery),
		chromedp.KeyEvent(kb.ArrowDown))
	var active int
	p.eval("reading the focused quote", `Number(document.activeElement.dataset.quote)`, &active)
	if active != support {
		t.Fatalf("ArrowDown focused quote %d, want %d", active, support)
	}
	// That quote is now the article's Tab stop: Tab leaves the article, and
	// Shift+Tab comes back to it.
	var back struct {
		Stop   int  `json:"stop"`
		Inside bool `json:"inside"`
	}
	p.run("tabbing out of the article and back",
		chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift)))
	p.eval("reading the Tab stop", `({stop: Number((document.querySelector('#article [tabindex="0"]') || {dataset: {}}).dataset.quote),
		inside: document.activeElement.closest('#article') != null})`, &back)
	if back.Stop != support || !back.Inside {
		t.Errorf("after Tab and Shift+Tab: the article's Tab stop is quote %d (focus inside: %v), want %d", back.Stop, back.Inside, support)
	}
	p.run("arrowing back to the quote", chromedp.Focus(sel, chromedp.ByQuery))
	var tip struct {
		Hidden bool     `json:"hidden"`
		Text   string   `json:"text"`
		Cited  []string `json:"cited"`
		Near   bool     `json:"near"`
	}
	p.eval("reading the quote details", fmt.Sprintf(`(() => {
		const tip = document.querySelector('#quote-tip');
		const a = document.querySelector('%s').getBoundingClientRect();
		const b = tip.getBoundingClientRect();
		return {
			hidden: tip.hidden,
			text: tip.textContent,
			cited: [...document.querySelectorAll('#article .is-cited')].map((c) => c.textContent),
			near: b.height > 0 && Math.min(Math.abs(b.top - a.bottom), Math.abs(a.top - b.bottom)) < 40,
		};
	})()`, sel), &tip)
	if tip.Hidden || !strings.Contains(tip.Text, "Wang Wenbin") || !strings.Contains(tip.Text, "“he said”") {
		t.Errorf("details of the focused quote = %q (hidden %v), want Wang Wenbin and “he said”", tip.Text, tip.Hidden)
	}
	if strings.Join(tip.Cited, "|") != "he|said" {
		t.Errorf("outlined words = %q, want [he said]", tip.Cited)
	}
	if !tip.Near {
		t.Error("the details are not next to the focused quote")
	}

	var png []byte
	p.run("screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "quotes.png", png)
	p.run("dark mode", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "dark"},
	}))
	p.run("screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "quotes-dark.png", png)
	p.run("panel screenshot", chromedp.Screenshot("#quotes-section", &png, chromedp.ByQuery))
	saveScreenshot(t, "quotes-panel-dark.png", png)
	p.run("light mode", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "light"},
	}))
	p.run("panel screenshot", chromedp.Screenshot("#quotes-section", &png, chromedp.ByQuery))
	saveScreenshot(t, "quotes-panel.png", png)

	// Clicking a quote in the panel brings the article's quote into view
	// and focuses it.
	both := p.quoteIndex(`"Both sides have a firmer will to develop bilateral relations, and stronger confidence to advance cooperation in various areas,"`)
	p.clickInPanel("clicking the quote in the panel", fmt.Sprintf(`#speakers .quote-link[data-quote="%d"]`, both))
	p.poll("waiting for the quote to be focused and in view", fmt.Sprintf(`(() => {
		const q = document.activeElement;
		if (!q.matches('#article .quote[data-quote="%d"]')) return false;
		const r = q.getBoundingClientRect();
		return r.top >= 0 && r.bottom <= window.innerHeight;
	})()`, both))
	var pinned string
	p.eval("reading the quote details", `document.querySelector('#quote-tip').textContent`, &pinned)
	if !strings.Contains(pinned, "Wang Yi") {
		t.Errorf("details after the panel click = %q, want Wang Yi", pinned)
	}
}

// quoteIndex returns the data-quote index of the article's quote whose
// text, marks included, is exactly text.
func (p *page) quoteIndex(text string) int {
	p.t.Helper()
	js, err := json.Marshal(text)
	if err != nil {
		p.t.Fatal(err)
	}
	var i int
	p.eval("finding a quote", fmt.Sprintf(`(() => {
		const q = [...document.querySelectorAll('#article .quote')].find((q) => q.textContent === %s);
		return q ? Number(q.dataset.quote) : -1;
	})()`, js), &i)
	if i < 0 {
		p.t.Fatalf("no quote %s in the article", text)
	}
	return i
}
