package e2e

import (
	"os"
	"testing"
)

// fontsDrawn lists the fonts of the text the page shows: each element's
// own text and generated labels, as family, size, weight and style. It
// counts text in the window and out of it, but not text that is not
// drawn at all (display: none, hidden).
const fontsDrawn = `(() => {
	const fonts = new Map();
	const add = (cs, where) => {
		const key = [cs.fontFamily, cs.fontSize, cs.fontWeight, cs.fontStyle].join(' / ');
		if (!fonts.has(key)) fonts.set(key, where);
	};
	const describe = (n) => n.nodeName.toLowerCase() + (n.className ? '.' + String(n.className).split(' ').join('.') : '');
	for (const n of document.querySelectorAll('body *')) {
		if (!n.checkVisibility()) continue;
		if ([...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.data.trim())) add(getComputedStyle(n), describe(n));
		for (const pseudo of ['::before', '::after']) {
			const cs = getComputedStyle(n, pseudo);
			if (!/^(none|normal|""|"" \/ "")$/.test(cs.content)) add(cs, describe(n) + pseudo);
		}
	}
	return Object.fromEntries(fonts);
})()`

// TestFontsWarmed checks that warm.js's specimen holds every font a
// result draws that the empty page does not: the first use of a font
// costs a synchronous lookup (20-60 ms on Linux), which the specimen
// moves out of the drawing of a result. It analyses the sample and a
// long article, on a wide window and on a phone, with a quote's details
// shown, and fails on a font that neither the empty page nor the
// specimen drew: a new size or weight in style.css needs its place in
// the specimen.
func TestFontsWarmed(t *testing.T) {
	sample, err := os.ReadFile("../web/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	long := polnearArticle(t, longArticle)
	for _, narrow := range []bool{false, true} {
		name := map[bool]string{false: "wide", true: "phone"}[narrow]
		t.Run(name, func(t *testing.T) {
			p := openPage(t)
			if narrow {
				p.run("phone", phone())
			}
			p.waitReady()
			p.poll("waiting for the fonts to be warmed up", `document.body.dataset.fontsWarm === 'true'`)
			var left int
			p.eval("finding the specimen", `document.querySelectorAll('.font-specimen').length`, &left)
			if left != 0 {
				t.Errorf("%d specimens left on the page after the warm-up", left)
			}
			known := map[string]string{}
			p.eval("reading the empty page's fonts", fontsDrawn, &known)
			var specimen map[string]string
			p.eval("drawing the specimen", `import(new URL('warm.js', document.baseURI).href).then((m) => {
				const box = document.createElement('div');
				box.className = 'font-specimen';
				box.append(...m.specimen());
				document.body.append(box);
				const fonts = `+fontsDrawn+`;
				box.remove();
				return fonts;
			})`, &specimen)
			for k, v := range specimen {
				known[k] = v
			}
			for _, text := range []string{string(sample), long} {
				p.measureAnalysis(text)
				p.eval("showing a quote's details", `(() => {
					document.querySelector('#article .quote[data-stop]').focus();
					return true;
				})()`, nil)
				var drawn map[string]string
				p.eval("reading the result's fonts", fontsDrawn, &drawn)
				for font, where := range drawn {
					if _, ok := known[font]; !ok {
						t.Errorf("%s draws %s, a font missing from warm.js's specimen", where, font)
					}
				}
			}
		})
	}
}
