// The article renderer: draws the analysed text with its names marked and
// its quotes set off, after displaCy's span renderer. Every character
// comes from the reader's text as a text node, so the article's
// textContent is exactly the input; the analyzer's offsets only decide
// where elements open and close.
//
// renderResult also hands the result to the panels, the details tip and
// the downloads, so that one call replaces everything a result shows.
// It draws a long article in pieces (see renderResult), so that the page
// neither freezes nor jumps while it does.

import {el, ui} from './dom.js';
import {state, forgetPointing} from './state.js';
import {typeLabel, isReported} from './labels.js';
import {clip, sameText, thousands, wordCount} from './text.js';
import {headRoles} from './headline.js';
import {speakerGroups, renderEntities, renderSpeakers, renderSources} from './panels.js';
import {showDetails} from './tooltips.js';
import {enableDownloads} from './downloads.js';

// renderResult draws result for text, replacing whatever was drawn: nodes
// are made anew, and all listeners sit on the containers, so nothing from
// an earlier render is kept alive. partial is true for a first look.
//
// A long article is drawn a piece at a time, each piece in a task of its
// own, so that the page never stops answering for the whole of it: the
// task after the one that brought the result works out what to draw, the
// next draws the first screenful, then after a frame each the panels and
// the rest of the article. onShown is called once the first screenful
// is in, in the task that drew it, so that what the page says about it
// changes with it. It returns two promises: shown resolves to true once
// the first screenful is in, drawn once all is; either resolves to false
// when a later render took over first.
export function renderResult(text, result, partial = false, onShown = () => {}) {
  if (!result || result.offsets !== 'utf16') {
    throw new Error(`the analyzer returned offsets in ${result && result.offsets}, expected utf16`);
  }
  const render = ++renders;
  const current = () => render === renders;
  const entities = Array.isArray(result.entities) ? result.entities : [];
  const quotes = Array.isArray(result.quotes) ? result.quotes : [];
  // Set once the whole article is in, for tests and scripts to wait on.
  delete ui.article.dataset.drawn;

  // The task that brought the result has read it (a long one's copy from
  // the worker is much of a slow machine's budget). The article and what
  // shows it change together, two tasks on: the reader may point at the
  // article drawn before until then.
  const shown = (async () => {
    await nextTask();
    if (!current()) return {ok: false};
    const byId = new Map(entities.map((e) => [e.id, e]));
    const groups = speakerGroups(result);
    const colors = new Map(groups.filter((g) => g.entity).map((g) => [g.entity.id, g.color]));
    const spans = collectSpans(text, quotes, entities, colors);
    await nextTask();
    if (!current()) return {ok: false};
    // Set before drawing: the quotes' nodes read the colours and note
    // which quotes were drawn.
    state.shown = {text, result, title: '', quotes, byId, colors, drawn: new Set(), partial};
    const nodes = articleNodes(text, result, spans);
    const {article, results, panels} = ui;
    forgetPointing();
    // A first look is drawn whole: it is shown once, while the analyzer
    // loads, and the full result soon replaces it, often before a
    // drawing in pieces would have reached its end.
    const first = takeNodes(nodes, partial ? Infinity : FIRST_CHARS);
    article.replaceChildren(first.frag);
    rovingStop(article.querySelector('.quote[data-stop]'));
    // Lets style.css show a first look as provisional, and tests see it.
    for (const node of [results, article]) {
      if (partial) node.dataset.partial = 'true';
      else delete node.dataset.partial;
    }
    const titleNode = article.querySelector('#article-title');
    article.setAttribute('aria-labelledby', titleNode ? 'article-title' : 'article-heading');
    if (!state.shown.title) state.shown.title = clip(text.trim().split('\n')[0] || '', 80);
    ui.readingStats.textContent = [state.source, readingStatsOf(text)].filter(Boolean).join(' · ');
    // Nothing to download until all is drawn; a first look is not worth
    // exporting at all, as speakers and people are missing.
    enableDownloads(false);
    showDetails();
    // The panels are drawn whole before they are shown: a section filled
    // above another would push it down as the reader looks.
    panels.hidden = true;
    results.hidden = false;
    onShown();
    return {ok: true, nodes, groups, done: first.done};
  })();

  const drawn = (async () => {
    // A failure to draw is told by shown, to the one who awaits it.
    const first = await shown.catch(() => ({ok: false}));
    if (!first.ok) return false;
    const {article, panels} = ui;
    await nextFrame();
    if (!current()) return false;
    renderSources(result, first.groups, partial);
    await nextFrame();
    if (!current()) return false;
    renderSpeakers(first.groups);
    await nextFrame();
    if (!current()) return false;
    renderEntities(entities);
    panels.hidden = false;
    for (let done = first.done; !done;) {
      await nextFrame();
      if (!current()) return false;
      const more = takeNodes(first.nodes, CHUNK_CHARS);
      article.append(more.frag);
      done = more.done;
    }
    if (!article.querySelector('.quote[data-stop][tabindex="0"]')) rovingStop(article.querySelector('.quote[data-stop]'));
    enableDownloads(!partial);
    article.dataset.drawn = 'true';
    return true;
  })();
  return {shown: shown.then((first) => first.ok), drawn};
}

// How much of the article is drawn at once: the first piece fills a
// large screen; the others are what a slow machine draws well within a
// frame's budget (paragraphs out of sight are not laid out, style.css).
const FIRST_CHARS = 4000;
const CHUNK_CHARS = 3000;

let renders = 0; // bumps on every render so that only the latest goes on

// nextTask resolves in a task of its own, at once: the work before it
// and the work after it are two tasks, and the browser may paint or
// answer the reader between them.
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// nextFrame resolves in a task of its own after the next frame, so that
// what was drawn before is shown before more is done; in a tab out of
// sight, where frames stop, after a moment anyway.
function nextFrame() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve, 0);
    });
  });
}

// takeNodes takes nodes from the iterator until they hold chars
// characters of text, or it ends, and returns them in a fragment.
function takeNodes(nodes, chars) {
  const frag = document.createDocumentFragment();
  let n = 0;
  while (n < chars) {
    const next = nodes.next();
    if (next.done) return {frag, done: true};
    frag.append(next.value);
    n += next.value.length ?? next.value.textContent.length;
  }
  return {frag, done: false};
}

// rovingStop makes quote the article's one Tab stop among its quotes
// (roving tabindex): Tab reaches the article's quotes once, at the last
// one visited, and the arrows and j/k move within them (keyboard.js).
export function rovingStop(quote) {
  if (!quote) return;
  for (const q of ui.article.querySelectorAll('.quote[data-stop][tabindex="0"]')) if (q !== quote) q.tabIndex = -1;
  quote.tabIndex = 0;
}

// readingStatsOf counts the words and says how long they take to read at
// 230 words a minute, a common figure for news.
function readingStatsOf(text) {
  const words = wordCount(text);
  const minutes = Math.max(1, Math.round(words / 230));
  return `${thousands(words)} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`;
}

// Bad offsets from the analyzer must not corrupt the text: spans that are
// out of range are dropped, and all text comes from the input.
const inRange = (text) => (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) &&
  s.start >= 0 && s.start < s.end && s.end <= text.length;

// collectSpans lists what the article draws, in the order spans open
// (bySpan): quotes, the words that attribute them ("cite" spans) and the
// entities' mentions, each kept only if it fits the text.
function collectSpans(text, quotes, entities, colors) {
  const valid = inRange(text);
  // Spans that carry their words must also match them, or they would be
  // drawn on the wrong ones.
  const exact = (s) => valid(s) && (typeof s.text !== 'string' || sameText(text, s));
  const spans = [];
  // The words naming a speaker and the speech verb become "cite" spans,
  // outlined while their quote is current so the reader sees why it was
  // attributed. Quotes can share them (a continuation reuses the mention
  // before it), so each lists all its quotes.
  const cites = new Map();
  quotes.forEach((q, i) => {
    if (!valid(q)) return;
    // Reported speech is its own kind of span, so that a quotation inside
    // it (a mixed one) nests rather than being dropped as a quote inside
    // a quote.
    spans.push({start: q.start, end: q.end, kind: isReported(q) ? 'reported' : 'quote', quote: q, index: i});
    for (const [role, s] of [['who', q.speakerMention], ['cue', q.cue]]) {
      if (!exact(s)) continue;
      const key = `${role}:${s.start}:${s.end}`;
      if (!cites.has(key)) {
        const cite = {start: s.start, end: s.end, kind: 'cite', role, quotes: [], color: colors.get(q.speaker)};
        cites.set(key, cite);
        spans.push(cite);
      }
      cites.get(key).quotes.push(i);
    }
  });
  for (const e of entities) {
    for (const m of e.mentions || []) {
      if (exact(m)) spans.push({start: m.start, end: m.end, kind: 'mark', entity: e});
    }
  }
  return spans.sort(bySpan);
}

// articleNodes yields the article's paragraphs, built from spans sorted by
// bySpan, and the text between them, in order; the headline's paragraph
// has the id article-title.
function* articleNodes(text, result, spans) {
  // Each paragraph gets only the spans that may touch it: those that
  // start before its end and were not handed out yet, and the quotes that
  // run on from before. Offering every span to every paragraph froze the
  // page for seconds on a long text.
  let next = 0;
  let running = [];
  let at = 0;
  const paras = paragraphs(result, text.length, inRange(text));
  const roles = headRoles(text, paras);
  for (const [k, p] of paras.entries()) {
    // Whatever lies between paragraphs (blank lines) stays in the DOM so
    // that the article's textContent is exactly the input; it collapses
    // visually because only paragraphs preserve white space.
    if (p.start > at) yield text.slice(at, p.start);
    const candidates = running.filter((q) => q.end > p.start);
    for (; next < spans.length && spans[next].start < p.end; next++) candidates.push(spans[next]);
    running = candidates.filter((s) => isQuoteSpan(s) && s.end > p.end);
    const node = renderParagraph(text, p, candidates);
    if (roles[k]) node.dataset.role = roles[k];
    if (roles[k] === 'headline') {
      // A heading to assistive technology too, and the article's name.
      node.setAttribute('role', 'heading');
      node.setAttribute('aria-level', '3');
      node.id = 'article-title';
      state.shown.title = text.slice(p.start, p.end).trim();
    }
    at = p.end;
    yield node;
  }
  if (at < text.length) yield text.slice(at);
}

// bySpan orders spans by start, the longest, then reported speech,
// quotes, then cites first: the order in which they open.
const RANK = {reported: 0, quote: 1, cite: 2, mark: 3};

// isQuoteSpan reports whether s is a quote or reported speech: the spans
// that are cut at a paragraph break rather than dropped.
const isQuoteSpan = (s) => s.kind === 'quote' || s.kind === 'reported';
const bySpan = (a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind];

// paragraphs returns the result's paragraphs in order and without
// overlaps, or the whole text as one paragraph when there are none.
function paragraphs(result, n, valid) {
  const ps = (Array.isArray(result.paragraphs) ? result.paragraphs : [])
    .filter(valid)
    .sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const p of ps) {
    if (p.start < at) continue;
    out.push(p);
    at = p.end;
  }
  if (out.length === 0 && n > 0) out.push({start: 0, end: n});
  return out;
}

// renderParagraph builds a <p> for para with its spans: they are walked
// in order of start (longest, then quotes, then cites, first), each
// opened inside the innermost open span that contains it. A span that
// crosses the end of an open one cannot nest and is skipped, as are spans
// inside spans of their own kind. Quotes and reported speech that run
// over a paragraph break are cut at it; other spans are not.
function renderParagraph(text, para, candidates) {
  const mine = [];
  for (const s of candidates) {
    if (s.end <= para.start || s.start >= para.end) continue;
    if (s.start >= para.start && s.end <= para.end) {
      mine.push(s);
    } else if (isQuoteSpan(s)) {
      mine.push({...s, start: Math.max(s.start, para.start), end: Math.min(s.end, para.end)});
    }
  }
  mine.sort(bySpan);

  const p = el('p');
  const stack = [{end: para.end, node: p, kind: 'root'}];
  let pos = para.start;
  const top = () => stack[stack.length - 1];
  const close = () => {
    const open = stack.pop();
    if (pos < open.end) open.node.append(text.slice(pos, open.end));
    pos = open.end;
  };

  for (const s of mine) {
    while (stack.length > 1 && top().end <= s.start) close();
    if (s.start < pos || s.end > top().end) continue; // partial overlap
    if (stack.some((o) => o.kind === s.kind)) continue; // same-kind nesting
    if (s.start > pos) top().node.append(text.slice(pos, s.start));
    pos = s.start;
    const node = isQuoteSpan(s) ? quoteNode(s) : s.kind === 'cite' ? citeNode(s) : markNode(s.entity);
    top().node.append(node);
    stack.push({end: s.end, node, kind: s.kind});
  }
  while (stack.length > 0) close();
  return p;
}

// markNode builds an entity's mention; its title names the entity.
function markNode(e) {
  const m = el('mark', null, {type: String(e.type), entity: String(e.id)});
  let title = `${typeLabel(e.type)}: ${e.name}`;
  if (Array.isArray(e.roles) && e.roles.length) title += ` (${e.roles.join('; ')})`;
  m.title = title;
  return m;
}

// quoteNode builds a quote, or one piece of a quote cut at a paragraph
// break; only its first piece is a tab stop.
function quoteNode(s) {
  const q = s.quote;
  state.shown.drawn.add(s.index);
  const span = el('span', null, {quote: String(s.index), kind: String(q.kind || 'direct')}, 'quote');
  const color = state.shown.colors.get(q.speaker);
  if (color) {
    span.dataset.speaker = String(q.speaker);
    span.dataset.speakerColor = color;
  } else {
    span.dataset.unattributed = 'true';
  }
  // The first piece of each quote is a stop for the quote keys; the
  // article as a whole is one Tab stop (see rovingStop).
  if (s.start === q.start) {
    span.dataset.stop = 'true';
    span.tabIndex = -1;
    span.setAttribute('aria-describedby', 'quote-tip');
  }
  return span;
}

// citeNode builds the words that attribute quotes: a speaker's mention
// ("who") or the speech verb ("cue").
function citeNode(s) {
  const span = el('span', null, {cite: s.role, citeFor: s.quotes.join(' ')}, 'cite');
  if (s.color) span.dataset.speakerColor = s.color;
  return span;
}
