// Every keyboard shortcut of the page, in one keydown listener on the
// document:
//
//   Ctrl+Enter (⌘+Enter)  analyses, from anywhere, the text box included
//   Enter or Space         on a quote, pins its details
//   Escape                 dismisses the details and the pinned name
//   j / ]  and  k / [      next and previous quote
//   arrows, Home, End      on a quote: next, previous, first, last quote
//                          (the article's quotes are one Tab stop)
//   n and p                next and previous name (only the pinned
//                          entity's mentions when one is pinned)
//   c                      copies the current quote
//
// The reading keys (j, k, n, p, c) work while focus is in the results or
// nowhere in particular, never while typing.

import {ui, isEditable, scrollToCentre} from './dom.js';
import {state, forgetPointing} from './state.js';
import {toast} from './status.js';
import {run} from './run.js';
import {quoteIndex, pinQuote, goToQuote, showDetails} from './tooltips.js';
import {highlight, typeHidden} from './highlights.js';
import {copyQuote} from './clipboard.js';
import {rovingStop} from './render.js';

// onKeydown dispatches a key. The three groups are checked in this order
// and, as when they were separate listeners, independently: Ctrl+Enter
// on a quote also pins it, and a key handled before (defaultPrevented)
// is no reading key.
function onKeydown(ev) {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey) {
    ev.preventDefault();
    run();
  }
  const i = quoteIndex(ev.target);
  if ((ev.key === 'Enter' || ev.key === ' ') && i != null) {
    ev.preventDefault(); // Space would scroll the page
    pinQuote(i);
  } else if (ev.key === 'Escape') {
    dismiss();
  }
  if (readingKeyApplies(ev) && readingKey(ev.key)) ev.preventDefault();
  else if (i != null && !ev.defaultPrevented && !ev.ctrlKey && !ev.metaKey && !ev.altKey && quoteArrow(ev.key)) ev.preventDefault();
}

// quoteArrow moves among the article's quotes from the one with focus,
// as arrows move within one widget, and returns whether key did.
function quoteArrow(key) {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      stepQuote(1);
      return true;
    case 'ArrowUp':
    case 'ArrowLeft':
      stepQuote(-1);
      return true;
    case 'Home':
    case 'End': {
      const stops = ui.article.querySelectorAll('.quote[data-stop]');
      const q = key === 'Home' ? stops[0] : stops[stops.length - 1];
      if (q) goToQuote(Number(q.dataset.quote));
      return true;
    }
  }
  return false;
}

// dismiss hides the details tip and unpins the entity without moving
// focus, as a tooltip should, wherever focus is.
function dismiss() {
  forgetPointing();
  state.markDismissed = true;
  showDetails();
  highlight(null);
}

// readingKeyApplies tells whether ev may be a reading key: unmodified,
// not handled yet, with results on the page, and focus in them or on
// nothing in particular.
function readingKeyApplies(ev) {
  if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || ui.results.hidden) return false;
  const t = ev.target;
  if (isEditable(t)) return false;
  return ui.results.contains(t) || t === ui.body || t === ui.main || t === document.documentElement;
}

// readingKey acts on key and returns whether it is one of the reading
// keys.
function readingKey(key) {
  switch (key) {
    case 'j':
    case ']':
      stepQuote(1);
      return true;
    case 'k':
    case '[':
      stepQuote(-1);
      return true;
    case 'n':
      stepName(1);
      return true;
    case 'p':
      stepName(-1);
      return true;
    case 'c': {
      const i = keyQuote();
      if (i == null) toast('Go to a quote first (j or k), then press c to copy it.');
      else copyQuote(i, null);
      return true;
    }
  }
  return false;
}

// nextOf returns the node after (dir 1) or before (dir -1) the reader's
// place among nodes, which are in text order: the place is the focused
// element when focus is inside the article (a quote, a name), else the
// window: going forward the first node whose bottom is below the top of
// the window, going back the last whose top is above its bottom.
function nextOf(nodes, dir) {
  const a = document.activeElement;
  if (a && a !== ui.article && ui.article.contains(a)) {
    // before: n is a (or holds it), or comes before it.
    const before = (n, strictly) => {
      if (n === a) return !strictly;
      const pos = a.compareDocumentPosition(n);
      if (pos & Node.DOCUMENT_POSITION_CONTAINS) return !strictly;
      return (pos & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    };
    if (dir > 0) return nodes.find((n) => !before(n, false)) || null;
    return nodes.findLast((n) => before(n, true)) || null;
  }
  if (dir > 0) return nodes.find((n) => n.getBoundingClientRect().bottom > 0) || null;
  return nodes.findLast((n) => n.getBoundingClientRect().top < window.innerHeight) || null;
}

// panelQuote returns the "Who said what" button with focus, if any.
const panelQuote = () => {
  const a = document.activeElement;
  return a && a.closest && a.closest('#speakers [data-quote], #speakers [data-copy]');
};

// keyQuote is the quote c copies: the one with focus, in the article or
// the panel, else the one pinned.
function keyQuote() {
  const inArticle = quoteIndex(document.activeElement);
  if (inArticle != null) return inArticle;
  const b = panelQuote();
  if (b) return Number(b.dataset.quote ?? b.dataset.copy);
  return state.pinnedQuote;
}

// stepQuote goes to the next (dir 1) or previous (dir -1) quote.
function stepQuote(dir) {
  // The first piece of each drawn quote, in text order.
  const starts = [...ui.article.querySelectorAll('.quote[data-stop]')];
  let next;
  const inPanel = panelQuote();
  if (inPanel) {
    // From the panel, the keys go on from the quote that has focus there.
    const i = Number(inPanel.dataset.quote ?? inPanel.dataset.copy);
    next = starts[starts.findIndex((n) => Number(n.dataset.quote) === i) + dir];
  } else {
    next = nextOf(starts, dir);
  }
  if (next) goToQuote(Number(next.dataset.quote));
  else if (starts.length) toast(dir > 0 ? 'That was the last quote.' : 'That was the first quote.');
}

// stepName goes to the next (dir 1) or previous (dir -1) name of the
// types switched on, or of the pinned entity.
function stepName(dir) {
  const pinned = state.pinnedEntity;
  const sel = pinned ? `mark[data-entity="${CSS.escape(pinned)}"]` : 'mark[data-entity]';
  const marks = [...ui.article.querySelectorAll(sel)].filter((m) => pinned || !typeHidden(m.dataset.type));
  const next = nextOf(marks, dir);
  if (!next) {
    if (marks.length) toast(dir > 0 ? 'That was the last name.' : 'That was the first name.');
    return;
  }
  // A name is a stop for the keys only, not for Tab: see initKeyboard.
  next.tabIndex = -1;
  next.setAttribute('aria-describedby', 'quote-tip');
  scrollToCentre(next);
  next.focus({preventScroll: true});
  if (!pinned) highlight(next.dataset.entity);
}

export function initKeyboard() {
  // The shortcut hint names the key the reader's keyboard has.
  if (/Mac|iPhone|iPad/.test(navigator.userAgent) && ui.shortcutKey) ui.shortcutKey.textContent = '⌘';
  document.addEventListener('keydown', onKeydown);
  // The quote last visited is the article's Tab stop.
  ui.article.addEventListener('focusin', (ev) => {
    if (ev.target.matches('.quote[data-stop]')) rovingStop(ev.target);
  });
  // A name is a stop only while the keys are on it.
  ui.article.addEventListener('focusout', (ev) => {
    if (ev.target.matches('mark')) {
      ev.target.removeAttribute('tabindex');
      ev.target.removeAttribute('aria-describedby');
    }
  });
}
