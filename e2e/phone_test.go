package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// phone makes the tab a 390-pixel-wide phone with a touch screen (no
// hover, a coarse pointer), as an iPhone 14 is.
func phone() chromedp.Action {
	return chromedp.EmulateViewport(390, 844, func(p *emulation.SetDeviceMetricsOverrideParams, touch *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = true
		p.DeviceScaleFactor = 2
		touch.Enabled = true
		touch.MaxTouchPoints = 5
	})
}

// TestPhone reads the sample on a phone: the panels, after the whole
// article, are one tap away on the bar kept at the top of the window,
// which marks the part in view; the hints speak of tapping, not of
// hovering or Ctrl+Enter; and the bar works from the keyboard too.
func TestPhone(t *testing.T) {
	p := openPage(t)
	p.run("phone", phone())
	p.waitReady()

	hints := func(state string) {
		t.Helper()
		var shown string
		p.eval("reading the page as shown", `document.body.innerText`, &shown)
		for _, word := range []string{"Hover", "hover", "Ctrl", "Enter analyzes"} {
			if strings.Contains(shown, word) {
				t.Errorf("%s: the phone shows %q: %q", state, word, around(shown, word))
			}
		}
	}
	var touch bool
	p.eval("media", `matchMedia('(hover: none)').matches && matchMedia('(pointer: coarse)').matches`, &touch)
	if !touch {
		t.Fatal("the emulated phone has hover or a fine pointer")
	}
	hints("empty page")

	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.run("loading the sample", chromedp.Click("#sample", chromedp.ByQuery))
	p.poll("waiting for the sample's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	hints("sample analysed")
	var touchHint bool
	p.eval("the touch hint", `!!document.querySelector('.reading-hint.for-touch').offsetParent`, &touchHint)
	if !touchHint {
		t.Error("the phone shows no hint on tapping quotes and names")
	}

	type where struct {
		Bar     float64 `json:"bar"`     // the bar's top in the window
		Part    float64 `json:"part"`    // the top of the part gone to
		Current string  `json:"current"` // the link marked aria-current
		Scroll  float64 `json:"scroll"`
		Width   int     `json:"width"`
	}
	look := func(part string) where {
		t.Helper()
		p.settleScroll()
		var w where
		p.eval("reading the bar", fmt.Sprintf(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({
			bar: document.querySelector('#jump').getBoundingClientRect().top,
			part: document.querySelector(%q).getBoundingClientRect().top,
			current: (document.querySelector('#jump [aria-current]') || {}).textContent || '',
			scroll: window.scrollY,
			width: document.documentElement.scrollWidth,
		}))))`, part), &w)
		return w
	}
	w := look("#reading")
	if w.Current != "Article" {
		t.Errorf("before scrolling, the bar marks %q, want Article", w.Current)
	}
	if w.Width > 390 {
		t.Errorf("the page is %d pixels wide on a 390-pixel phone", w.Width)
	}

	// Tapped: "Who said what" is at the top, under the bar, which stays.
	p.run("tapping Who said what", chromedp.Click(`#jump a[href="#panels"]`, chromedp.ByQuery))
	w = look("#panels")
	if w.Scroll < 1000 {
		t.Errorf("Who said what is %.0f pixels down: the page scrolled only to %.0f", w.Part, w.Scroll)
	}
	if w.Bar < -1 || w.Bar > 1 {
		t.Errorf("after the jump the bar is at %.0f, want it kept at the top of the window", w.Bar)
	}
	if w.Part < 30 || w.Part > 120 {
		t.Errorf("Who said what starts at %.0f in the window, want it just under the bar", w.Part)
	}
	if w.Current != "Who said what" {
		t.Errorf("in Who said what, the bar marks %q", w.Current)
	}

	// From the keyboard: Names, then back to the article.
	p.run("going to Names by the keyboard", chromedp.Focus(`#jump a[href="#entities-section"]`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	w = look("#entities-section")
	if w.Part < 30 || w.Part > 120 || w.Current != "Names" {
		t.Errorf("Enter on Names: Names starts at %.0f, the bar marks %q", w.Part, w.Current)
	}
	p.run("back to the article", chromedp.Click(`#jump a[href="#reading"]`, chromedp.ByQuery))
	w = look("#reading")
	if w.Part < 30 || w.Part > 120 || w.Current != "Article" {
		t.Errorf("back to the article: it starts at %.0f, the bar marks %q", w.Part, w.Current)
	}
	p.checkAxe("phone, sample analysed")
}

// around returns the words around the first s in text.
func around(text, s string) string {
	i := strings.Index(text, s)
	return text[max(0, i-40):min(len(text), i+len(s)+40)]
}
