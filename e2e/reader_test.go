package e2e

import (
	"strings"
	"testing"
)

// TestArticleAsReadersSeeIt pastes an article as copied from a news site,
// a paragraph a line and a headline ending with a full stop, and checks
// that the page reads it as a reader would: one paragraph per line, the
// headline as a headline, and a quote nobody is named for labelled
// "speaker unknown", with no words offered as evidence.
func TestArticleAsReadersSeeIt(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	text := strings.Join([]string{
		"Stealth Over Health: Clinton Was Headed to Hospital But Diverted to Avoid Bad Optics.",
		"Hillary Clinton was headed to an emergency room on Sunday, sources said.",
		"The campaign called it \"a minor matter\" in a statement.",
		"\"She is doing fine,\" said Brian Fallon, a campaign spokesman.",
		"\"It is all about optics.\"",
	}, "\n")
	p.paste(text)
	p.analyze()
	var got struct {
		Paragraphs int
		Headline   string
		Badges     []string
		Tip        string
	}
	p.eval("reading the article", `(() => {
		const a = document.querySelector('#article');
		return {
			paragraphs: a.querySelectorAll('p').length,
			headline: (a.querySelector('p[data-role="headline"]') || {}).textContent || '',
			badges: [...document.querySelectorAll('#speakers .speaker-group[data-unattributed] .badge[data-method]')].map((b) => b.textContent),
		};
	})()`, &got)
	if got.Paragraphs != 5 {
		t.Errorf("%d paragraphs, want 5 (one a line)", got.Paragraphs)
	}
	if !strings.HasPrefix(got.Headline, "Stealth Over Health") {
		t.Errorf("headline %q, want the first line", got.Headline)
	}
	if len(got.Badges) == 0 {
		t.Error("no quote is unattributed; \"sources said\" names nobody")
	}
	for _, b := range got.Badges {
		if b != "speaker unknown" {
			t.Errorf("an unattributed quote's badge reads %q, want \"speaker unknown\"", b)
		}
	}
	// The unattributed quote's details name nobody and cite no words.
	p.eval("focusing the unattributed quote", `(() => {
		const q = document.querySelector('#article .quote[data-unattributed="true"][data-stop]');
		if (!q) return '';
		q.focus();
		return document.querySelector('#quote-tip').textContent;
	})()`, &got.Tip)
	if !strings.Contains(got.Tip, "Speaker unknown") || strings.Contains(got.Tip, "“") {
		t.Errorf("the unattributed quote's details read %q, want \"Speaker unknown\" and no cited words", got.Tip)
	}
}
