package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lede/internal/webdeps"
)

// axeViolation is the part of an axe-core violation a failure shows.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page as it stands and fails the test on
// any violation, named by state. axe comes from npm (webdeps.Axe) and is
// evaluated through DevTools, which the page's CSP (scripts from 'self'
// only) does not govern; the page itself is not changed to let it in.
func (p *page) checkAxe(state string) {
	p.t.Helper()
	src, err := webdeps.AxeScript(npmCache)
	if err != nil {
		p.t.Fatal(err)
	}
	var loaded bool
	p.run("injecting axe-core", chromedp.Evaluate(`typeof axe === 'object'`, &loaded))
	if !loaded {
		p.run("injecting axe-core", chromedp.Evaluate(string(src)+";true", &loaded))
	}
	var violations []axeViolation
	// Every WCAG A and AA rule and axe's best practices.
	p.eval("running axe-core", `axe.run(document, {
		runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
		resultTypes: ['violations'],
	}).then((r) => r.violations)`, &violations)
	for _, v := range violations {
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, fmt.Sprintf("%v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " ")))
		}
		p.t.Errorf("%s: axe %s (%s): %s\n\t%s", state, v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
	}
}

// TestAxe checks the page with axe-core in the states a reader sees it
// in: empty and ready, the sample analysed, and with a quote's details
// pinned and a name's mentions picked in the panel.
func TestAxe(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	p.checkAxe("empty page")

	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.run("loading the sample", chromedp.Click("#sample", chromedp.ByQuery))
	p.poll("waiting for the sample's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	p.checkAxe("sample analysed")

	// A quote clicked pins its details; a name clicked in the panel keeps
	// its mentions highlighted.
	p.run("picking a quote", chromedp.Click(`#article .quote[data-stop][data-speaker]`, chromedp.ByQuery))
	p.poll("waiting for the quote's details", `!document.querySelector('#quote-tip').hidden`)
	p.settleScroll()
	p.clickInPanel("picking a name", `#entities .entity-row`)
	p.poll("waiting for the name's mentions", `!!document.querySelector('#entities .entity-row[aria-pressed="true"]')`)
	p.checkAxe("a quote's details and a name picked")
}
