package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir is the project's shared data (PolNeAR's articles among it):
// LEDE_SHARED, else the folder beside the repository, as make eval has it.
func sharedDir() string {
	if d := os.Getenv("LEDE_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared")
}

// polnearArticle returns the text of PolNeAR's dev article id, or, when
// the shared data is not there (a fresh clone), the page's own sample
// article (web/sample.txt), which also opens with a headline and runs on
// for paragraphs: the tests that take it check the same things of
// either, so the repository alone still runs them.
func polnearArticle(t *testing.T, id string) string {
	t.Helper()
	path := filepath.Join(sharedDir(), "eval", "polnear", "dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Logf("no PolNeAR (%v): using web/sample.txt", err)
		b, err := os.ReadFile(filepath.Join("..", "web", "sample.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if a.ID == id {
			return strings.ReplaceAll(a.Text, "\r\n", "\n")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("no article %q in %s", id, path)
	return ""
}

// newsPage wraps an article (its first paragraph the headline) in a news
// site's page as a reader saves it or copies it all: a masthead and menu,
// a share bar above the headline, a byline, a photo, a "related" box in
// the middle of the story, more links after it and a footer, all of it
// naming Facebook and Twitter and none of it the story.
func newsPage(article string) string {
	paras := strings.Split(article, "\n\n")
	title := html.EscapeString(paras[0])
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>%s | The Daily Ledger</title>
<script>window.__ran = 1</script>
<style>.share-bar { display: flex }</style></head>
<body class="article-page">
<header class="masthead"><a class="logo" href="/">The Daily Ledger</a>
<nav class="menu"><ul><li><a href="/world">World</a></li><li><a href="/us">U.S.</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="subscribe"><a href="/subscribe">Subscribe for $1 a week</a> <a href="/login">Log in</a></div>
</header>
<main id="content">
<article class="story">
<div class="share-bar social"><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a>
<a href="https://twitter.com/intent/tweet">Share on Twitter</a> <a href="mailto:?subject=story">Email</a></div>
<h1 class="headline">%s</h1>
<p class="byline">By <a rel="author" href="/by/jane-roe">Jane Roe</a></p>
<figure class="lead-photo"><img src="photo.jpg" alt=""><figcaption>File photo. (Daily Ledger)</figcaption></figure>
<div class="story-body">
`, title, title)
	for i, p := range paras[1:] {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		if i == 2 {
			b.WriteString(`<aside class="related-inline"><h3>Related</h3><ul>
<li><a href="/a">Facebook and Twitter Face Questions From Congress</a></li>
<li><a href="/b">Opinion: What Twitter Users Said About the Debate</a></li></ul></aside>
`)
		}
	}
	b.WriteString(`</div>
<div class="share-bar social bottom"><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a>
<a href="https://twitter.com/intent/tweet">Share on Twitter</a> <a href="mailto:?subject=story">Email</a></div>
</article>
<section class="more-stories related"><h2>More from Politics</h2><ul>
<li><a href="/c">Facebook Removes Fake Accounts Ahead of Vote</a></li>
<li><a href="/d">Twitter Suspends Accounts Tied to Campaign</a></li>
<li><a href="/e">Senate Leaders Agree on Budget Deal</a></li></ul></section>
</main>
<footer class="site-footer"><p>© 2016 The Daily Ledger. Follow us on Facebook and Twitter.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>`)
	return b.String()
}

// newsArticle is a PolNeAR dev article with a headline, quotes and
// paragraphs long enough for a reader mode.
const newsArticle = "breitbart_2016-09-12_stealth-over-health-hillary-clin"

// furniture is text of newsPage's that is not the story's.
var furniture = []string{"Share on", "Facebook", "Twitter", "Daily Ledger", "Subscribe", "More from", "Related", "About us"}

// checkStory checks that the page read the story of newsPage(article):
// the headline, the byline and every paragraph, in order, and no
// furniture; that the headline is the article's, no furniture is marked
// and the downloads are named after the headline.
func checkStory(t *testing.T, p *page, d *downloads, how, article string) {
	t.Helper()
	paras := strings.Split(article, "\n\n")
	var got struct {
		Value, Headline string
	}
	p.eval("reading the page", `({value: document.querySelector('#text').value,
		headline: (document.querySelector('#article-title') || {}).textContent || ''})`, &got)
	if got.Headline != paras[0] {
		t.Errorf("%s: the headline is %q, want %q", how, got.Headline, paras[0])
	}
	// A no-break space reads as a space, as htmlToText has it.
	want := strings.ReplaceAll(paras[0]+"\n\nBy Jane Roe\n\n"+strings.Join(paras[1:], "\n\n"), "\u00a0", " ")
	if got.Value != want {
		t.Errorf("%s: the text is not the story:\n%s", how, firstDiff(got.Value, want))
	}
	for _, f := range furniture {
		if strings.Contains(got.Value, f) {
			t.Errorf("%s: the text holds the page's %q", how, f)
		}
	}
	for _, typ := range []string{"ORG", "PERSON", "PLACE", "NORP"} {
		for _, m := range p.marks(typ) {
			if m == "Facebook" || m == "Twitter" {
				t.Errorf("%s: %q is marked %s", how, m, typ)
			}
		}
	}
	if len(p.marks("PERSON")) == 0 {
		t.Errorf("%s: no PERSON marks in the story", how)
	}
	// The file is named after the headline, as the page makes names.
	var wantName string
	p.eval("naming the file", fmt.Sprintf(`LedeExport.slug(%s) + '.lede.json'`, jsString(paras[0])), &wantName)
	if !strings.HasPrefix(wantName, "stealth-over-health") && !strings.HasPrefix(wantName, "portugal-and-canada") {
		t.Fatalf("the headline's file name is %q", wantName)
	}
	if name, _ := d.take(p, `button.download[data-format="json"]`); name != wantName {
		t.Errorf("%s: the JSON download is named %q, want %q", how, name, wantName)
	}
}

// TestPastedNewsPage pastes a whole news page (rich text, as "select all,
// copy" puts it on the clipboard) and drops the same page saved as .html:
// each time the page reads the story as a reader mode does, with its
// headline, not the share bar's "Share on Facebook", as the headline, and
// nothing of the menus, share bars, related links or footer.
func TestPastedNewsPage(t *testing.T) {
	article := polnearArticle(t, newsArticle)
	page := newsPage(article)

	p := openPage(t)
	p.waitReady()
	d := p.allowDownloads()

	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.eval("pasting the page", fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.setData('text/html', %s);
		dt.setData('text/plain', 'Share on Facebook Share on Twitter Email');
		document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, jsString(page)), nil)
	p.poll("waiting for the pasted page's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	checkStory(t, p, d, "pasted page", article)

	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.eval("dropping the page as a file", fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([%s], 'The Daily Ledger - Politics.html', {type: 'text/html'}));
		const target = document.querySelector('#article');
		for (const type of ['dragenter', 'dragover', 'drop']) {
			target.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
		}
		return true;
	})()`, jsString(page)), nil)
	p.poll("waiting for the dropped page's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	checkStory(t, p, d, "dropped page", article)

	var ran string
	p.eval("checking the page's script", `typeof window.__ran`, &ran)
	if ran != "undefined" {
		t.Error("a script in the pasted page ran")
	}
}
