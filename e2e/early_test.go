package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestEarlyClick acts on the page before its modules have run: boot.js
// loads main.js only after the first paint, and a fast reader may click
// Load sample or Analyze, press Ctrl+Enter, or drop or paste a text
// before then. The server holds main.js back until the action is done, so
// the action is early whatever the timing; once main.js is let through,
// the action must take effect, once.
func TestEarlyClick(t *testing.T) {
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	const typed = "Sergey Lavrov said in Beijing that talks would go on."
	const story = "Wang Yi met Sergey Lavrov in Beijing on Tuesday."
	storyJS, _ := json.Marshal(story)
	for _, c := range []struct {
		name    string
		actions []chromedp.Action
		want    string // the article's text, or "" for the sample's
	}{
		{"Load sample", []chromedp.Action{chromedp.Click("#sample", chromedp.ByQuery)}, ""},
		{"Analyze", []chromedp.Action{
			chromedp.SendKeys("#text", typed, chromedp.ByQuery),
			chromedp.Click("#analyze", chromedp.ByQuery),
		}, typed},
		{"Ctrl+Enter", []chromedp.Action{
			chromedp.SendKeys("#text", typed, chromedp.ByQuery),
			chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(input.ModifierCtrl)),
		}, typed},
		{"file dropped", dropFile(t, "story.txt", story), story},
		// A paste outside the text box, whose text the page analyses. It
		// comes from a script: the DevTools protocol's paste would need
		// the system's clipboard.
		{"pasted", []chromedp.Action{chromedp.Evaluate(fmt.Sprintf(`(() => {
			const data = new DataTransfer();
			data.setData('text/plain', %s);
			document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
			return true;
		})()`, storyJS), nil)}, story},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, release := openHeld(t)
			p.run("acting early", c.actions...)
			var early bool
			p.eval("checking that the modules have not run", `window.lede === undefined && !document.body.dataset.analyses`, &early)
			if !early {
				t.Fatal("the page's modules ran before the action: it was not early")
			}
			release()
			p.waitModules()
			p.poll("waiting for the early action's analysis", `Number(document.body.dataset.analyses || 0) > 0`)
			if c.want == "" {
				p.poll("waiting for the sample", `document.querySelector('#reading-stats').textContent.startsWith('Sample article')`)
			} else if got := p.articleText(); got != c.want {
				t.Errorf("article text differs from the early input:\n%s", firstDiff(got, c.want))
			}
			// Long enough for an action played twice to have shown.
			p.run("settling", chromedp.Sleep(300*time.Millisecond))
			var got struct {
				Analyses string `json:"analyses"`
				Kind     string `json:"kind"`
			}
			p.eval("reading the page", `({analyses: document.body.dataset.analyses, kind: document.querySelector('#status').dataset.kind || ''})`, &got)
			if got.Analyses != "1" || got.Kind == "error" {
				t.Errorf("after the early action: %s analyses, status %q (%s); want 1, not an error", got.Analyses, p.status(), got.Kind)
			}
		})
	}
}

// openHeld opens the page with main.js held back at the server, once
// boot.js has asked for it (the page has painted and its early actions
// are held), and returns a function that lets main.js through.
func openHeld(t *testing.T) (*page, func()) {
	t.Helper()
	srv, asked, release := heldServer(t, "/main.js")

	p := startBrowser(t)
	// Not chromedp.Navigate, which would wait for a load event that may
	// wait for main.js.
	p.run("navigate", chromedp.ActionFunc(func(ctx context.Context) error {
		_, _, errorText, _, err := cdppage.Navigate(srv.URL + "/").Do(ctx)
		if err == nil && errorText != "" {
			err = fmt.Errorf("%s", errorText)
		}
		return err
	}))
	select {
	case <-asked:
	case <-time.After(waitTimeout):
		t.Fatal("boot.js never asked for main.js")
	}
	return p, release
}

// dropFile returns the actions of a reader dropping a file holding text
// on the page: the browser's own drag, from a file on disk.
func dropFile(t *testing.T, name, text string) []chromedp.Action {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	data := &input.DragData{Files: []string{path}, DragOperationsMask: 1} // copy
	const x, y = 500, 400                                                 // on the text box's section
	var actions []chromedp.Action
	for _, typ := range []input.DispatchDragEventType{input.DragEnter, input.DragOver, input.Drop} {
		actions = append(actions, input.DispatchDragEvent(typ, x, y, data))
	}
	return actions
}
