// HTML as a reader sees it: the text of a news page or of rich text from
// the clipboard, with a blank line between paragraphs and without menus,
// scripts or styles. intake.js uses it for pastes, drops and .html files.
//
// Markup is parsed with DOMParser into a document of its own, which runs
// no script, loads no image and is never inserted into the page: only the
// text of its nodes comes out. A whole web page is read as a reader mode
// reads it (reader_mode.js): its story, not its menus and share bars.

import {readerArticle} from './reader_mode.js';

// Elements that start and end a paragraph: a blank line around them.
const PARAGRAPH = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION',
  'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'ARTICLE', 'SECTION', 'HEADER', 'FOOTER', 'ASIDE',
  'MAIN', 'ADDRESS', 'HR', 'DETAILS', 'SUMMARY', 'CAPTION',
]);
// Elements that only break the line: editors write one <div> per line
// and an empty <div><br></div> for a blank one, so a div is a line, not
// a paragraph.
const LINE = new Set(['DIV', 'TR', 'CENTER']);
// Elements whose content is not text a reader sees.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'MATH',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT', 'BUTTON', 'INPUT',
  'TEXTAREA', 'IMG', 'PICTURE', 'SOURCE', 'NAV',
]);
const CELL = new Set(['TD', 'TH']);

// A start tag with its attributes, and a style attribute in one. Each
// attribute must follow white space and no name or bare value holds a
// "<", so that a match can neither be split two ways nor run on past the
// next tag: the time stays linear whatever the input.
const TAG = /<[a-z][^\s/<>]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?|\s*\/)*\s*>/gi;
const STYLE_ATTR = /\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+)/gi;

// dropStyleElements removes <style>…</style>, by search rather than by a
// regular expression, which would rescan the rest of the text for every
// unclosed one. An unclosed one runs to the end, as in a browser.
function dropStyleElements(html) {
  const lower = html.toLowerCase();
  const parts = [];
  let at = 0;
  for (let i = lower.indexOf('<style', at); i >= 0; i = lower.indexOf('<style', at)) {
    if (!/[\s/>]/.test(lower.charAt(i + 6))) {
      // <styles> or the like: not a style element.
      parts.push(html.slice(at, i + 6));
      at = i + 6;
      continue;
    }
    parts.push(html.slice(at, i));
    const close = lower.indexOf('</style', i);
    const end = close < 0 ? -1 : lower.indexOf('>', close);
    at = end < 0 ? html.length : end + 1;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

// unstyled drops style elements and attributes from html. A parsed
// document shares the page's Content-Security-Policy, which forbids
// inline styles and reports each one on the console, although nothing
// is ever shown; the styles are not wanted anyway.
const unstyled = (html) => dropStyleElements(html).replace(TAG, (tag) => tag.replace(STYLE_ATTR, ''));

// storyRoot is where the story is in a parsed page that Readability
// found no article in: its one <article>, else its one <main>, else all
// of it. A saved news page has menus, related links and footers around
// the story; a copied selection has neither element.
function storyRoot(doc) {
  for (const name of ['article', 'main']) {
    const found = doc.querySelectorAll(name);
    if (found.length === 1 && found[0].textContent.trim()) return found[0];
  }
  return doc.body || doc.documentElement;
}

// htmlToText resolves to the text of html with a blank line between blocks
// (paragraphs, headings, list items, quotations), a line break for <br>
// and <div>, and white space collapsed as a browser shows it.
export async function htmlToText(html) {
  const doc = new DOMParser().parseFromString(unstyled(String(html)), 'text/html');
  const article = await readerArticle(doc);
  if (!article) return textOf(storyRoot(doc));
  // Readability takes the headline and the byline out of the story; they
  // head the text again, as a reader mode shows them, unless the story
  // still starts with them.
  const body = textOf(article.root);
  const start = body.slice(0, 600).replace(/\s+/g, ' ');
  const head = [article.title, article.byline].filter((s) => s && !start.includes(s));
  return [...head, body].filter(Boolean).join('\n\n');
}

// textOf returns the text of root, laid out as htmlToText says.
function textOf(root) {
  const out = [];
  // The break owed before the next text: 0 none, 1 a line, 2 a blank line.
  let owed = 0;
  let started = false;
  const owe = (n) => {
    owed = Math.max(owed, n);
  };
  const write = (s) => {
    if (!s) return;
    if (started && owed) out.push(owed === 1 ? '\n' : '\n\n');
    owed = 0;
    started = true;
    out.push(s);
  };

  // walk is iterative: a page nested thousands of levels deep must not
  // overflow the stack.
  const stack = [{node: root, pre: false, exit: false}];
  while (stack.length) {
    const {node, pre, exit} = stack.pop();
    if (exit) {
      if (PARAGRAPH.has(node.nodeName)) owe(2);
      else if (LINE.has(node.nodeName)) owe(1);
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      let s = node.data.replace(/\u00a0/g, ' ');
      if (!pre) {
        s = s.replace(/[ \t\n\r\f]+/g, ' ');
        // A space at the start of a line is not seen.
        if (!started || owed || /\s$/.test(out[out.length - 1] || '')) s = s.replace(/^ /, '');
      }
      write(s);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue; // comments
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true' ||
      node.getAttribute('role') === 'navigation') continue;
    if (name === 'BR') {
      // Each <br> is a line break of its own: two make a blank line.
      if (started) owed = Math.min(2, owed + 1);
      continue;
    }
    if (PARAGRAPH.has(name)) owe(2);
    else if (LINE.has(name)) owe(1);
    else if (CELL.has(name) && started && !owed) out.push('\t');
    stack.push({node, pre, exit: true});
    const inPre = pre || name === 'PRE';
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push({node: c, pre: inPre, exit: false});
  }
  return tidy(out.join(''));
}

// tidy trims the white space a reader cannot see: at the ends of lines
// and of the text, and blank lines beyond one.
function tidy(s) {
  return s
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n +/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
