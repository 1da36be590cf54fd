package e2e

// A newsroom's use of the page: getting text in (rich-text paste, a file
// opened or dropped), getting results out (JSON, CSV, Markdown, a quote on
// the clipboard), and all of it from the keyboard.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// downloads records the files the browser saves for a page.
type downloads struct {
	dir  string
	mu   sync.Mutex
	name map[string]string // guid → suggested file name
	done map[string]bool   // guid → completed
}

// allowDownloads lets the page download into a fresh folder, each file
// saved under its download's guid.
func (p *page) allowDownloads() *downloads {
	p.t.Helper()
	d := &downloads{dir: p.t.TempDir(), name: map[string]string{}, done: map[string]bool{}}
	listen := func(ev any) {
		d.mu.Lock()
		defer d.mu.Unlock()
		switch ev := ev.(type) {
		case *browser.EventDownloadWillBegin:
			d.name[ev.GUID] = ev.SuggestedFilename
		case *browser.EventDownloadProgress:
			if ev.State == browser.DownloadProgressStateCompleted {
				d.done[ev.GUID] = true
			}
		}
	}
	chromedp.ListenTarget(p.ctx, listen)
	chromedp.ListenBrowser(p.ctx, listen)
	p.run("allowing downloads", browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
		WithDownloadPath(d.dir).WithEventsEnabled(true))
	return d
}

// take clicks sel and returns the name and content of the file it
// downloads.
func (d *downloads) take(p *page, sel string) (string, []byte) {
	p.t.Helper()
	d.mu.Lock()
	before := len(d.name)
	d.mu.Unlock()
	p.run("clicking "+sel, chromedp.Click(sel, chromedp.ByQuery))
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		d.mu.Lock()
		var guid, name string
		if len(d.name) > before {
			for g, n := range d.name {
				if !d.done[g] {
					continue
				}
				if b, err := os.ReadFile(filepath.Join(d.dir, g)); err == nil && len(b) > 0 {
					guid, name = g, n
				}
			}
		}
		d.mu.Unlock()
		if guid != "" {
			b, err := os.ReadFile(filepath.Join(d.dir, guid))
			if err != nil {
				p.t.Fatal(err)
			}
			d.mu.Lock()
			delete(d.name, guid) // so that the next take finds only its own
			d.mu.Unlock()
			return name, b
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("clicking %s downloaded nothing within %v", sel, waitTimeout)
	return "", nil
}

// TestExports downloads the seed article's analysis in each format and
// checks each: the JSON is the Result with its text, the CSV lists the 11
// quotes, the summary names who is quoted.
func TestExports(t *testing.T) {
	text := seedText(t)
	p := openPage(t)
	d := p.allowDownloads()
	p.waitReady()
	p.paste(text)
	p.analyze()

	// JSON: the SCHEMA.md shape, UTF-16 offsets into the text it carries.
	name, b := d.take(p, `button.download[data-format="json"]`)
	if !strings.HasPrefix(name, "china-assures-unlimited-cooperation") || !strings.HasSuffix(name, ".lede.json") {
		t.Errorf("JSON file name %q, want the headline's words and .lede.json", name)
	}
	var res struct {
		Offsets  string `json:"offsets"`
		Text     string `json:"text"`
		Entities []struct {
			ID, Name, Type string
			Aliases        []string
			Roles          []string
			Mentions       []struct {
				Start, End int
				Text       string
			}
		} `json:"entities"`
		Quotes []struct {
			Start, End int
			Text, Kind string
			Speaker    *string
			Method     string
			Confidence float64
		} `json:"quotes"`
		Sentences  []struct{ Start, End int } `json:"sentences"`
		Paragraphs []struct{ Start, End int } `json:"paragraphs"`
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("the JSON download does not parse: %v", err)
	}
	if res.Offsets != "utf16" || res.Text != text {
		t.Errorf("JSON offsets %q and text of %d bytes, want utf16 and the seed's %d", res.Offsets, len(res.Text), len(text))
	}
	quotations, reported := 0, 0
	for _, q := range res.Quotes {
		switch q.Kind {
		case "direct", "partial":
			quotations++
		case "indirect", "mixed":
			reported++
		}
	}
	if len(res.Entities) == 0 || quotations != 11 || reported == 0 || len(res.Sentences) == 0 || len(res.Paragraphs) == 0 {
		t.Errorf("JSON has %d entities, %d quotations, %d reported, %d sentences, %d paragraphs; want 11 quotations and some of each",
			len(res.Entities), quotations, reported, len(res.Sentences), len(res.Paragraphs))
	}
	units := utf16.Encode([]rune(res.Text))
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(units) || m.Start > m.End || string(utf16.Decode(units[m.Start:m.End])) != m.Text {
				t.Errorf("JSON mention %q of %s is not at [%d,%d) of the text", m.Text, e.Name, m.Start, m.End)
			}
		}
	}

	// CSV: a header and a row per quote, Wang Wenbin among the speakers.
	name, b = d.take(p, `button.download[data-format="csv"]`)
	if !strings.HasSuffix(name, "-quotes.csv") {
		t.Errorf("CSV file name %q, want -quotes.csv", name)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Error("the CSV lacks its byte order mark or its CRLF line ends")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if want := []string{"speaker", "quote", "cue", "method", "confidence", "paragraph", "kind"}; len(rows) == 0 || !slices.Equal(rows[0], want) {
		t.Fatalf("CSV header %q, want %q", rows[0], want)
	}
	if len(rows) != len(res.Quotes)+1 {
		t.Errorf("CSV has %d quote rows, want one for each of the JSON's %d quotes", len(rows)-1, len(res.Quotes))
	}
	for i, r := range rows[1:] {
		if i < len(res.Quotes) && r[6] != res.Quotes[i].Kind {
			t.Errorf("CSV row %d has kind %q, the JSON %q", i+1, r[6], res.Quotes[i].Kind)
		}
	}
	var wenbin bool
	for _, r := range rows[1:] {
		wenbin = wenbin || r[0] == "Wang Wenbin"
		if r[4] == "" || r[5] == "" {
			t.Errorf("CSV row %q lacks its confidence or paragraph", r)
		}
	}
	if !wenbin {
		t.Errorf("no CSV row has Wang Wenbin as the speaker: %q", rows)
	}
	if !slices.ContainsFunc(rows[1:], func(r []string) bool {
		return r[0] == "Wang Wenbin" && strings.HasPrefix(r[1], "We support all diplomatic efforts") && r[2] == "said" && r[3] == "pronoun"
	}) {
		t.Error("no CSV row for “We support all diplomatic efforts…” by Wang Wenbin, said, pronoun")
	}

	// Markdown: who is quoted, the main names, a line per quote.
	name, b = d.take(p, `button.download[data-format="md"]`)
	if !strings.HasSuffix(name, "-summary.md") {
		t.Errorf("Markdown file name %q, want -summary.md", name)
	}
	md := string(b)
	for _, want := range []string{"# China Assures Unlimited Cooperation", "## Who is quoted", "- **Wang Wenbin** (Chinese Foreign Ministry spokesman): 5 quotes",
		"Sergey Lavrov", "Sergey Lavrov (12)", "## Quotes"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown summary lacks %q:\n%s", want, md)
		}
	}
	if n := len(regexp.MustCompile(`(?m)^\d+\. `).FindAllString(md, -1)); n != len(res.Quotes) {
		t.Errorf("the Markdown summary lists %d quotes, want the JSON's %d", n, len(res.Quotes))
	}
	// Reported speech is listed as reported, not in quote marks.
	if !regexp.MustCompile(`(?m)^\d+\. \*\*[^*]+\*\*: [^“].* \[reported(, partly quoted)?\]`).MatchString(md) {
		t.Errorf("the Markdown summary lists no reported speech as reported:\n%s", md)
	}

	// Cells a spreadsheet would run as formulas are defused, and quote
	// marks and commas survive the round trip; Markdown in the text stays
	// text.
	var cells struct {
		CSV string `json:"csv"`
		MD  string `json:"md"`
	}
	p.eval("exporting hostile quotes", `(() => {
		const quote = (text, name) => ({text, speaker: name ? 'e1' : null, method: 'explicit', confidence: 0.9,
			cue: {text: '=cmd|calc'}, start: 0, end: 1});
		const r = {offsets: 'utf16', paragraphs: [{start: 0, end: 5}],
			entities: [{id: 'e1', name: '@Evil, "Corp"', type: 'ORG', mentions: [], roles: []}],
			quotes: [quote('=HYPERLINK("http://x")', true), quote('+1, -2', false), quote('-3', false)]};
		return {csv: LedeExport.toCSV('x', r), md: LedeExport.toMarkdown('x', r, 'A *bold* <b>title</b> [x](y)')};
	})()`, &cells)
	hostile, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(cells.CSV, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("the hostile CSV does not parse: %v", err)
	}
	want := [][]string{
		{"'@Evil, \"Corp\"", `'=HYPERLINK("http://x")`, "'=cmd|calc", "explicit", "0.9", "1", ""},
		{"", "'+1, -2", "'=cmd|calc", "explicit", "0.9", "1", ""},
		{"", "'-3", "'=cmd|calc", "explicit", "0.9", "1", ""},
	}
	for i, w := range want {
		if i+1 >= len(hostile) || !slices.Equal(hostile[i+1], w) {
			t.Errorf("hostile CSV rows %q, want %q", hostile[1:], want)
			break
		}
	}
	if !strings.Contains(cells.MD, `# A \*bold\* \<b\>title\</b\> \[x\](y)`) {
		t.Errorf("Markdown in the title was not escaped:\n%s", cells.MD)
	}
}

// TestCopyQuote copies a quote from the panel and by the c key: the
// clipboard holds “quote” — Speaker, role, and the page says it copied.
func TestCopyQuote(t *testing.T) {
	p := openPage(t)
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		p.run("granting "+perm, browser.SetPermission(&browser.PermissionDescriptor{Name: perm}, browser.PermissionSettingGranted).WithOrigin(origin))
	}
	p.waitReady()
	p.paste(seedText(t))
	p.analyze()

	i := p.quoteIndex(`"We support all diplomatic efforts towards that end,"`)
	sel := fmt.Sprintf(`#speakers button.copy-quote[data-copy="%d"]`, i)
	p.clickInPanel("clicking Copy", sel)
	p.poll("waiting for Copied", fmt.Sprintf(`document.querySelector('%s').textContent === 'Copied'`, sel))
	const want = "“We support all diplomatic efforts towards that end” — Wang Wenbin, Chinese Foreign Ministry spokesman"
	var got struct {
		Clip  string `json:"clip"`
		Toast string `json:"toast"`
	}
	p.eval("reading the clipboard", `(async () => ({
		clip: await navigator.clipboard.readText(),
		toast: document.querySelector('#toast').textContent,
	}))()`, &got)
	if got.Clip != want {
		t.Errorf("clipboard = %q, want %q", got.Clip, want)
	}
	if !strings.HasPrefix(got.Toast, "Copied “We support") {
		t.Errorf("toast = %q, want it to say what was copied", got.Toast)
	}

	// The c key copies the quote that has focus in the article.
	other := p.quoteIndex(`"Both sides have a firmer will to develop bilateral relations, and stronger confidence to advance cooperation in various areas,"`)
	p.run("pressing c on a quote",
		chromedp.Focus(fmt.Sprintf(`#article .quote[data-quote="%d"]`, other), chromedp.ByQuery),
		chromedp.KeyEvent("c"))
	p.poll("waiting for the copy", `navigator.clipboard.readText().then((s) => s.includes('Both sides'))`)
	p.eval("reading the clipboard", `navigator.clipboard.readText()`, &got.Clip)
	if want := "“Both sides have a firmer will to develop bilateral relations, and stronger confidence to advance cooperation in various areas” — Wang Yi, Chinese Foreign Minister"; got.Clip != want {
		t.Errorf("after c, clipboard = %q, want %q", got.Clip, want)
	}

	// Without the Clipboard API's permission, the old copy command does it.
	p.eval("refusing the Clipboard API", `(() => {
		navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused by the test', 'NotAllowedError'));
		window.__copied = null;
		document.addEventListener('copy', () => { window.__copied = String(document.getSelection()) || document.activeElement.value; });
		return true;
	})()`, nil)
	p.clickInPanel("clicking Copy", sel)
	p.poll("waiting for the fallback copy", `window.__copied !== null`)
	var copied string
	p.eval("reading what was copied", `window.__copied`, &copied)
	if copied != want {
		t.Errorf("fallback copy = %q, want %q", copied, want)
	}
}

// storyHTML is a news page as a browser saves it or a reader copies it:
// paragraphs, a heading, a list, line breaks, and scripts, styles and
// menus that are not the story.
const storyHTML = `<!doctype html><html><head><title>Not the story</title>
<style>p { color: red }</style><script>window.__ran = 1</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Portugal and   Canada
  Agree to Share Smoke Forecasts</h1>
  <p>LISBON — Portugal and Canada will pool data, Portuguese Environment Minister
     <b>Helena Martins Costa</b> said on Tuesday.</p>
  <figure><img src="x.png" alt="a photo"><figcaption>Helena Martins Costa<br>Photo: Meridian Press</figcaption></figure>
  <blockquote><p>“Smoke does not stop at a border,” Martins Costa told reporters.</p></blockquote>
  <ul><li>Forecasts before summer</li><li>Free to the public</li></ul>
  <div>Okafor said Canada had lost 15 million hectares.</div><div>“We learned the hard way,” Okafor said.</div>
  <button>Share</button><script>document.write('ad')</script>
</article></body></html>`

// storyText is storyHTML as the page should read it.
const storyText = "Portugal and Canada Agree to Share Smoke Forecasts\n\n" +
	"LISBON — Portugal and Canada will pool data, Portuguese Environment Minister Helena Martins Costa said on Tuesday.\n\n" +
	"Helena Martins Costa\nPhoto: Meridian Press\n\n" +
	"“Smoke does not stop at a border,” Martins Costa told reporters.\n\n" +
	"Forecasts before summer\n\nFree to the public\n\n" +
	"Okafor said Canada had lost 15 million hectares.\n“We learned the hard way,” Okafor said."

// TestOpenFile opens files with the Open file… button's file input: a .txt
// as it is (line ends made LF), an .html as its clean text, each then
// analysed; other types and oversized files are refused with a reason.
func TestOpenFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	seed := seedText(t)
	txt := write("seed.txt", []byte("\uFEFF"+strings.ReplaceAll(seed, "\n", "\r\n")))
	html := write("story.html", []byte(storyHTML))
	pdf := write("report.pdf", []byte("%PDF-1.4"))
	big := write("big.txt", bytes.Repeat([]byte("Sergey Lavrov said so. "), (2<<20)/23+1))
	const notes = "# Notes\n\n*Sergey Lavrov* said: \"We agree.\"\n\n- [link](https://example.com)\n"
	md := write("notes.md", []byte(notes))

	p := openPage(t)
	p.waitReady()
	open := func(path string) {
		t.Helper()
		var before int
		p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
		p.run("choosing "+filepath.Base(path), chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery))
		p.poll("waiting for "+filepath.Base(path), fmt.Sprintf(
			`Number(document.body.dataset.analyses || 0) > %d || document.querySelector('#status').dataset.kind === 'error'`, before))
	}
	value := func() string {
		var s string
		p.eval("reading the text box", `document.querySelector('#text').value`, &s)
		return s
	}

	open(txt)
	if got := value(); got != seed {
		t.Errorf("after opening seed.txt the text differs from the file:\n%s", firstDiff(got, seed))
	}
	if got := p.articleText(); got != seed {
		t.Errorf("after opening seed.txt the article differs from the file:\n%s", firstDiff(got, seed))
	}
	var stats string
	p.eval("reading the article's source", `document.querySelector('#reading-stats').textContent`, &stats)
	if !strings.HasPrefix(stats, "seed.txt · ") {
		t.Errorf("above the article: %q, want the file's name", stats)
	}

	// Markdown is plain text already; it is read as it is.
	open(md)
	if got := value(); got != notes {
		t.Errorf("notes.md read as:\n%s", firstDiff(got, notes))
	}

	open(html)
	if got := value(); got != storyText {
		t.Errorf("story.html read as:\n%s", firstDiff(got, storyText))
	}
	if persons := p.marks("PERSON"); !contains(persons, "Helena Martins Costa") {
		t.Errorf("story.html: no PERSON mark \"Helena Martins Costa\"; PERSON marks: %q", persons)
	}
	var ran string
	p.eval("checking the file's script", `typeof window.__ran`, &ran)
	if ran != "undefined" {
		t.Error("a script in the opened HTML file ran")
	}

	for _, c := range []struct{ path, want string }{
		{pdf, `Lede cannot open “report.pdf”: it reads .txt, .md and .html files.`},
		{big, `“big.txt” is 2.1 MB; Lede reads files of at most 2 MB.`},
	} {
		open(c.path)
		var msg string
		p.eval("reading the status", `document.querySelector('#status').textContent`, &msg)
		if !strings.HasPrefix(msg, c.want) {
			t.Errorf("opening %s: status %q, want %q…", filepath.Base(c.path), msg, c.want)
		}
		if got := value(); got != storyText {
			t.Errorf("opening %s changed the text", filepath.Base(c.path))
		}
	}
}

// TestDropFile drops a file on the page, as from a file manager: the page
// shows where to drop it while it is dragged, then reads and analyses it.
func TestDropFile(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	p.paste(seedText(t))
	p.analyze()
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	var shown bool
	p.eval("dragging a file over the article", fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([%s], 'story.htm', {type: 'text/html'}));
		const target = document.querySelector('#article p:nth-of-type(8)');
		const fire = (type) => target.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
		fire('dragenter');
		fire('dragover');
		const shown = !document.querySelector('#drop-zone').hidden;
		fire('drop');
		return shown;
	})()`, jsString(storyHTML)), &shown)
	if !shown {
		t.Error("dragging a file over the page does not show the drop zone")
	}
	p.poll("waiting for the dropped file's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	var got struct {
		Value string `json:"value"`
		Zone  bool   `json:"zone"`
	}
	p.eval("reading the page", `({value: document.querySelector('#text').value, zone: document.querySelector('#drop-zone').hidden})`, &got)
	if got.Value != storyText {
		t.Errorf("the dropped story.htm read as:\n%s", firstDiff(got.Value, storyText))
	}
	if !got.Zone {
		t.Error("the drop zone is still shown after the drop")
	}
	if a := p.articleText(); a != storyText {
		t.Errorf("the article is not the dropped file's text:\n%s", firstDiff(a, storyText))
	}
}

// TestRichPaste pastes a news page's HTML into the text box: it arrives as
// clean text with its paragraphs, where the caret is, and nothing in it
// runs.
func TestRichPaste(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	var got string
	p.eval("pasting rich text", fmt.Sprintf(`(() => {
		const t = document.querySelector('#text');
		t.focus();
		t.value = 'Before. ';
		t.setSelectionRange(t.value.length, t.value.length);
		const dt = new DataTransfer();
		dt.setData('text/html', %s);
		dt.setData('text/plain', 'the plain version');
		t.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		// The HTML is taken apart once Readability has loaded.
		return new Promise((resolve) => {
			const check = () => t.value !== 'Before. ' ? resolve(t.value) : setTimeout(check, 20);
			check();
		});
	})()`, jsString(storyHTML)), &got)
	if want := "Before. " + storyText; got != want {
		t.Errorf("after pasting rich text:\n%s", firstDiff(got, want))
	}
	var ran string
	p.eval("checking the pasted script", `typeof window.__ran`, &ran)
	if ran != "undefined" {
		t.Error("a script in the pasted HTML ran")
	}
	// Plain text is the browser's to paste; the page leaves it alone.
	var prevented bool
	p.eval("pasting plain text", `(() => {
		const dt = new DataTransfer();
		dt.setData('text/plain', 'plain words');
		const ev = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
		document.querySelector('#text').dispatchEvent(ev);
		return ev.defaultPrevented;
	})()`, &prevented)
	if prevented {
		t.Error("a plain-text paste was taken over by the page")
	}

	// A paste outside the text box replaces the text and analyses it.
	p.analyze()
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.eval("pasting on the article", `(() => {
		const dt = new DataTransfer();
		dt.setData('text/html', '<p>“We agree,” Sergey Lavrov said.</p><p>Wang Yi nodded.</p>');
		document.querySelector('#article').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, nil)
	p.poll("waiting for the pasted text's analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	if a, want := p.articleText(), "“We agree,” Sergey Lavrov said.\n\nWang Yi nodded."; a != want {
		t.Errorf("after a paste on the article, the article is %q, want %q", a, want)
	}
}

// TestKeyboard does it all from the keyboard: Tab to the text box, type,
// Ctrl+Enter, walk the quotes and names with j/k and n/p, Escape, and open
// the text box again with Edit text.
func TestKeyboard(t *testing.T) {
	p := openPage(t)
	p.waitReady()
	active := func() string {
		var s string
		p.eval("reading the focus", `(() => {
			const a = document.activeElement;
			return a.id ? '#' + a.id : a.tagName.toLowerCase() + (a.dataset.quote ? '[quote=' + a.dataset.quote + ']' : '') +
				(a.dataset.entity ? '[entity]' : '');
		})()`, &s)
		return s
	}
	for range 8 {
		if active() == "#text" {
			break
		}
		p.run("pressing Tab", chromedp.KeyEvent(kb.Tab))
	}
	if got := active(); got != "#text" {
		t.Fatalf("Tab did not reach the text box; focus is on %s", got)
	}
	const typed = "“We will talk,” Sergey Lavrov said.\n\n“We agree,” Wang Yi said in Beijing.\n\n“Good,” Lavrov said."
	p.run("typing", chromedp.KeyEvent(typed))
	var before int
	p.eval("counting analyses", `Number(document.body.dataset.analyses || 0)`, &before)
	p.run("pressing Ctrl+Enter", chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(input.ModifierCtrl)))
	p.poll("waiting for the analysis", fmt.Sprintf(`Number(document.body.dataset.analyses || 0) > %d`, before))
	if got := p.articleText(); got != typed {
		t.Fatalf("the article is not the typed text:\n%s", firstDiff(got, typed))
	}
	var view struct {
		Hidden   bool   `json:"hidden"`
		Expanded string `json:"expanded"`
	}
	p.eval("reading the view", `({hidden: document.querySelector('#editor').hidden,
		expanded: document.querySelector('#edit').getAttribute('aria-expanded')})`, &view)
	if !view.Hidden || view.Expanded != "false" {
		t.Errorf("after Ctrl+Enter the text box is not folded away: %+v", view)
	}
	if got := active(); got != "#article" {
		t.Errorf("after Ctrl+Enter focus is on %s, want the article", got)
	}

	tip := func() string {
		var s string
		p.eval("reading the tip", `document.querySelector('#quote-tip').hidden ? '' : document.querySelector('#quote-tip').textContent`, &s)
		return s
	}
	steps := []struct {
		key, focus, tip string
	}{
		{"j", "span[quote=0]", "Sergey Lavrov"},
		{"j", "span[quote=1]", "Wang Yi"},
		{"]", "span[quote=2]", "Sergey Lavrov"},
		{"k", "span[quote=1]", "Wang Yi"},
		{"[", "span[quote=0]", "Sergey Lavrov"},
		{"n", "mark[entity]", "mention 1 of 2"},
		{"n", "mark[entity]", "Wang Yi"},
		{"p", "mark[entity]", "Sergey Lavrov"},
	}
	for _, s := range steps {
		p.run("pressing "+s.key, chromedp.KeyEvent(s.key))
		if got := active(); got != s.focus {
			t.Errorf("after %s focus is on %s, want %s", s.key, got, s.focus)
		}
		if got := tip(); !strings.Contains(got, s.tip) {
			t.Errorf("after %s the tip says %q, want %q in it", s.key, got, s.tip)
		}
	}
	p.run("pressing Escape", chromedp.KeyEvent(kb.Escape))
	if got := tip(); got != "" {
		t.Errorf("after Escape the tip still says %q", got)
	}

	// Everything focusable shows its focus: an outline or a box shadow.
	var unseen []string
	p.eval("checking focus styles", `(() => {
		const out = [];
		for (const n of document.querySelectorAll('button:not([hidden]), textarea, [tabindex="0"], a[href]')) {
			if (!n.getClientRects().length) continue;
			n.focus();
			const cs = getComputedStyle(n);
			if (document.activeElement === n && cs.outlineStyle === 'none' && cs.boxShadow === 'none') out.push(n.id || n.className || n.tagName);
		}
		return out;
	})()`, &unseen)
	if len(unseen) != 0 {
		t.Errorf("focused without a visible outline: %q", unseen)
	}

	// Edit text, from the keyboard, brings the text box back, focused.
	p.run("pressing Enter on Edit text", chromedp.Focus("#edit", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	p.eval("reading the view", `({hidden: document.querySelector('#editor').hidden,
		expanded: document.querySelector('#edit').getAttribute('aria-expanded')})`, &view)
	if view.Hidden || view.Expanded != "true" || active() != "#text" {
		t.Errorf("after Edit text: %+v with focus on %s, want the text box shown and focused", view, active())
	}
	var value string
	p.eval("reading the text box", `document.querySelector('#text').value`, &value)
	if value != typed {
		t.Errorf("the text box no longer holds the typed text:\n%s", firstDiff(value, typed))
	}
}
