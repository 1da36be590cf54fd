package e2e

// How the page looks: the reading view of the seed article in light and
// dark mode and on a phone, saved to out/ for a person to look at, with
// the checks a screenshot cannot make by eye (no sideways scrolling on a
// phone, panels stacked, contrast of the page's own colour pairs).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// colorScheme emulates prefers-color-scheme.
func colorScheme(scheme string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
	})
}

// viewport sets the window's size in CSS pixels, as a phone (mobile) or a
// desktop browser.
func viewport(w, h int64, mobile bool) chromedp.Action {
	return chromedp.EmulateViewport(w, h, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = mobile
	})
}

// settle waits for fonts and two frames, so that a screenshot shows the
// page as laid out.
func (p *page) settle() {
	p.t.Helper()
	p.eval("waiting for a stable frame", `document.fonts.ready.then(() => new Promise((r) =>
		requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`, nil)
}

// TestLook saves the reading view of the seed article: out/light.png and
// out/dark.png at 1280×1000, out/narrow.png at 390×844, and, when
// LEDE_UPDATE_SCREENSHOT=1, the README's docs/screenshot.png.
func TestLook(t *testing.T) {
	p := openPage(t)
	p.run("desktop window", viewport(1280, 1000, false), colorScheme("light"))
	p.waitReady()
	// The page as it opens: the text box, waiting.
	p.settle()
	var png []byte
	p.run("start screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "start.png", png)
	p.checkContrast("light, text box")
	p.run("dark mode", colorScheme("dark"))
	p.checkContrast("dark, text box")
	p.run("light mode", colorScheme("light"))

	p.paste(seedText(t))
	p.analyze()
	// The pointer is moved off the article, so that no quote is detailed
	// and no name's mentions are highlighted: Analyze, where the click
	// left it, is under the headline once the text box has folded away.
	p.run("moving the pointer away", chromedp.MouseEvent(input.MouseMoved, 2, 2))
	p.eval("resting", `document.activeElement.blur(); window.scrollTo(0, 0); true`, nil)
	p.settle()

	var layout struct {
		Editor     bool     `json:"editorHidden"`
		Expanded   string   `json:"expanded"`
		Headline   string   `json:"headline"`
		Measure    float64  `json:"measure"`
		Side       bool     `json:"side"`
		Labelledby string   `json:"labelledby"`
		Landmarks  []string `json:"landmarks"`
	}
	p.eval("reading the layout", `(() => {
		const a = document.querySelector('#article');
		// The measure in characters: the article's width over the width
		// of its font's "0", which is what CSS calls 1ch.
		const cs = getComputedStyle(a);
		const probe = document.createElement('span');
		probe.textContent = '0'.repeat(100);
		probe.style.fontFamily = cs.fontFamily;
		probe.style.fontSize = cs.fontSize;
		document.body.append(probe);
		const ch = probe.getBoundingClientRect().width / 100;
		probe.remove();
		const panels = document.querySelector('.panels').getBoundingClientRect();
		return {
			editorHidden: document.querySelector('#editor').hidden,
			expanded: document.querySelector('#edit').getAttribute('aria-expanded'),
			headline: (a.querySelector('p[data-role="headline"]') || {}).textContent || '',
			measure: a.clientWidth / ch,
			side: panels.left > a.getBoundingClientRect().right,
			labelledby: a.getAttribute('aria-labelledby'),
			// Landmarks, named regions and live regions, as a screen reader
			// lists them.
			landmarks: [...document.querySelectorAll('header, main, aside, footer, nav, section[aria-labelledby], [role=status]')]
				.filter((n) => n.getClientRects().length || n.matches('[role=status]'))
				.map((n) => n.tagName.toLowerCase() + (n.matches('[role=status]') ? '(status)' : '') +
					(n.getAttribute('aria-label') || n.getAttribute('aria-labelledby') ? ':named' : '')),
		};
	})()`, &layout)
	if !layout.Editor || layout.Expanded != "false" {
		t.Errorf("after the analysis the text box is shown (hidden %v, aria-expanded %q), want it folded away", layout.Editor, layout.Expanded)
	}
	if want := "China Assures Unlimited Cooperation With Russia As Lavrov Arrives For Talks"; layout.Headline != want {
		t.Errorf("headline = %q, want %q", layout.Headline, want)
	}
	if layout.Labelledby != "article-title" {
		t.Errorf("the article is labelled by %q, want the headline", layout.Labelledby)
	}
	// About 65–75 characters a line, a comfortable measure.
	if layout.Measure < 60 || layout.Measure > 76 {
		t.Errorf("the article is %.0fch wide, want 60 to 75", layout.Measure)
	}
	wantLandmarks := []string{"header", "main", "section:named", "span(status)", "p(status)", "section:named",
		"aside:named", "section:named", "section:named", "section:named", "p(status)", "footer"}
	if strings.Join(layout.Landmarks, " ") != strings.Join(wantLandmarks, " ") {
		t.Errorf("landmarks and live regions %q, want %q", layout.Landmarks, wantLandmarks)
	}
	if !layout.Side {
		t.Error("at 1280 pixels the panels are not beside the article")
	}
	// A desktop with a mouse: the hints speak of hovering and keys.
	var hint string
	p.eval("reading the hint", `[...document.querySelectorAll('.reading-hint')].filter((n) => n.offsetParent).map((n) => n.textContent).join(' ')`, &hint)
	if !strings.HasPrefix(strings.TrimSpace(hint), "Hover, focus or click a quote") {
		t.Errorf("at 1280 pixels with a mouse the hint is %q, want the one on hovering and keys", hint)
	}

	p.run("light screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "light.png", png)
	if os.Getenv("LEDE_UPDATE_SCREENSHOT") == "1" {
		if err := os.WriteFile(filepath.Join("..", "docs", "screenshot.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote ../docs/screenshot.png")
	}

	// Dark mode, with a quote detailed, as a reader would see it.
	p.run("dark mode", colorScheme("dark"))
	// The real pointer rests off the article, or the scroll would move the
	// quote from under it and end the hover.
	p.run("moving the pointer away", chromedp.MouseEvent(input.MouseMoved, 2, 2))
	const believed = `[...document.querySelectorAll('#article .quote')].find((q) => q.textContent.startsWith('"We have always believed'))`
	p.eval("scrolling to a quote", believed+`.scrollIntoView({block: 'center'}); true`, nil)
	p.settle()
	p.eval("hovering the quote", believed+`.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); true`, nil)
	p.settle()
	p.run("dark screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "dark.png", png)
	p.checkContrast("dark")
	p.run("light mode", colorScheme("light"))
	p.checkContrast("light")

	// A phone: one column, nothing wider than the screen.
	p.run("phone window", viewport(390, 844, true))
	p.eval("top", `document.querySelector('#article').dispatchEvent(new MouseEvent('mouseleave')); window.scrollTo(0, 0); true`, nil)
	p.settle()
	var narrow struct {
		ScrollWidth int      `json:"scrollWidth"`
		Width       int      `json:"width"`
		Stacked     bool     `json:"stacked"`
		Wide        []string `json:"wide"`
	}
	p.eval("reading the phone layout", `(() => {
		const a = document.querySelector('#article').getBoundingClientRect();
		const panels = document.querySelector('.panels').getBoundingClientRect();
		const w = document.documentElement.clientWidth;
		return {
			scrollWidth: document.documentElement.scrollWidth,
			width: w,
			stacked: panels.top >= a.bottom,
			wide: [...document.querySelectorAll('body *')]
				.filter((n) => n.getClientRects().length && n.getBoundingClientRect().right > w + 1)
				.slice(0, 5).map((n) => n.tagName + '.' + n.className),
		};
	})()`, &narrow)
	if narrow.ScrollWidth > narrow.Width {
		t.Errorf("at 390 pixels the page is %d wide and scrolls sideways; too wide: %q", narrow.ScrollWidth, narrow.Wide)
	}
	if !narrow.Stacked {
		t.Error("at 390 pixels the panels are not under the article")
	}
	p.run("phone screenshot", chromedp.CaptureScreenshot(&png))
	saveScreenshot(t, "narrow.png", png)
}

// checkContrast fails the test for any text on the page, in the current
// colour scheme, whose colour has less than 4.5:1 contrast with the
// background it is drawn on. It samples the elements the page styles:
// text, hints, marks and their labels' colours, badges, buttons, the tip.
func (p *page) checkContrast(scheme string) {
	p.t.Helper()
	var bad []string
	p.eval("checking contrast", `(() => {
		// parse turns a computed colour into [r, g, b, a] in 0..1, through
		// a canvas, which understands every CSS colour syntax.
		const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
		const parse = (c) => {
			ctx.clearRect(0, 0, 1, 1);
			ctx.fillStyle = '#000';
			ctx.fillStyle = c;
			ctx.fillRect(0, 0, 1, 1);
			const d = ctx.getImageData(0, 0, 1, 1).data;
			return [d[0] / 255, d[1] / 255, d[2] / 255, d[3] / 255];
		};
		const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
		const lum = (c) => {
			const l = c.slice(0, 3).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
			return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
		};
		const ratio = (a, b) => {
			const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
			return (x + 0.05) / (y + 0.05);
		};
		// background is what node is drawn on: its own and its ancestors'
		// backgrounds, laid over one another.
		const background = (node) => {
			const layers = [];
			for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
				const c = parse(getComputedStyle(n).backgroundColor);
				if (c[3] > 0) layers.push(c);
				if (c[3] >= 1) break;
			}
			let bg = parse(getComputedStyle(document.documentElement).backgroundColor);
			for (const c of layers.reverse()) bg = over(c, bg);
			return bg;
		};
		const opacity = (node) => {
			let o = 1;
			for (let n = node; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
			return o;
		};
		const bad = [];
		const seen = new Set();
		const check = (node, pseudo) => {
			const cs = getComputedStyle(node, pseudo);
			const key = node.tagName + '.' + node.className + (pseudo || '') + cs.color;
			if (seen.has(key)) return;
			seen.add(key);
			const bg = background(node);
			const fg = over(parse(cs.color), bg);
			const o = opacity(node) * (pseudo ? Number(cs.opacity) : 1);
			const seenFg = over([...fg.slice(0, 3), o], bg);
			const r = ratio(seenFg, bg);
			if (r < 4.5) bad.push((node.id ? '#' + node.id : node.tagName.toLowerCase() + '.' + node.className) +
				(pseudo || '') + ' ' + r.toFixed(2) + ':1 (' + cs.color + ' on ' + bg.map((v) => Math.round(v * 255)).join(',') + ')');
		};
		const sel = 'h1, h2, h3, p, .tagline, .hint, label, button, kbd, mark, .badge, .tally, .speaker-type, ' +
			'.entity-name, .entity-count, .entity-roles, .entity-aliases, .group-count, .group-note, ' +
			'.reading-stats, .downloads-label, .status, .quote-tip p, .quote-tip span, .quote-link q, textarea, footer p';
		for (const node of document.querySelectorAll(sel)) {
			if (!node.getClientRects().length || !node.textContent.trim()) continue;
			if (node.closest('[data-partial="true"], button:disabled')) continue;
			// Drawn fully transparent, it shows nothing: the font specimen,
			// drawn out of sight while the page warms up (warm.js).
			if (opacity(node) === 0) continue;
			check(node);
			if (node.matches('mark')) check(node, '::after');
		}
		return bad;
	})()`, &bad)
	for _, b := range bad {
		p.t.Errorf("%s mode: contrast below 4.5:1: %s", scheme, b)
	}
	if len(bad) == 0 {
		p.t.Logf("%s mode: every text colour sampled has at least 4.5:1 contrast", scheme)
	}
}
