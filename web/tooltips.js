// The details tip: who said the current quote and the words that say so,
// or, for a name reached with the keys, who it is. The tip is one node
// (#quote-tip) that style.css anchors below the element marked
// is-current; the quote's cite spans are outlined (is-cited) meanwhile.

import {el, ui, scrollToCentre} from './dom.js';
import {state} from './state.js';
import {typeLabel, methodLabel, KIND_LABELS} from './labels.js';
import {sameText} from './text.js';

// quoteIndex is the index of the article's quote that holds node, or null.
export const quoteIndex = (node) => {
  const q = node && node.closest && node.closest('#article .quote');
  return q ? Number(q.dataset.quote) : null;
};

// currentQuote is the quote to detail. Keyboard focus beats the pointer,
// which may just be resting where a scroll left it; focus from a click
// does not, so that pointing at other quotes still shows them.
function currentQuote() {
  const {focusedQuote: focused, hoveredQuote: hovered} = state;
  const keyboard = focused != null && document.activeElement.matches(':focus-visible');
  return (keyboard ? focused ?? hovered : hovered ?? focused) ?? state.pinnedQuote;
}

// keyMark is the name the keys (n, p) are on, detailed in the same tip as
// a quote, unless Escape dismissed it.
const keyMark = () => {
  const a = document.activeElement;
  return !state.markDismissed && a && a.matches('#article mark[data-entity]') && a.matches(':focus-visible') ? a : null;
};

// showDetails marks the current quote (or name) and fills the tip, or
// hides it when there is nothing to detail. Every change of what is
// hovered, focused or pinned ends here.
export function showDetails() {
  const {article, tip} = ui;
  for (const node of article.querySelectorAll('.is-current, .is-cited')) {
    node.classList.remove('is-current', 'is-cited');
  }
  const mark = keyMark();
  if (mark) {
    mark.classList.add('is-current');
    fillEntityTip(mark);
    tip.hidden = false;
    return;
  }
  const i = currentQuote();
  const q = i == null ? null : state.shown.quotes[i];
  tip.hidden = !q;
  if (!q) {
    // Nothing stale for a screen reader to find through aria-describedby.
    tip.replaceChildren();
    return;
  }
  for (const node of article.querySelectorAll(`.quote[data-quote="${i}"]`)) node.classList.add('is-current');
  for (const node of article.querySelectorAll(`.cite[data-cite-for~="${i}"]`)) {
    node.classList.add('is-cited');
  }
  fillQuoteTip(q);
}

// fillQuoteTip writes e.g. "Wang Wenbin  Person" over
// "“he said” · pronoun · 80%".
function fillQuoteTip(q) {
  const {tip} = ui;
  const {byId, colors, partial} = state.shown;
  const speaker = q.speaker != null ? byId.get(q.speaker) : null;
  const color = speaker && colors.get(speaker.id);
  delete tip.dataset.speakerColor;
  delete tip.dataset.type;
  if (color) tip.dataset.speakerColor = color;

  const who = el('p', null, null, 'tip-who');
  if (speaker) {
    who.append(el('strong', speaker.name), el('span', typeLabel(speaker.type), null, 'tip-type'));
  } else {
    who.append(el('strong', partial ? 'Finding the speaker…' : 'Speaker unknown'));
  }
  const how = el('p', null, null, 'tip-how');
  // Evidence only for a speaker found: words that named nobody explain
  // nothing.
  const words = speaker ? citedWords(q) : '';
  if (words) how.append(el('span', words, null, 'tip-words'), ' · ');
  const conf = typeof q.confidence === 'number' ? `${Math.round(q.confidence * 100)}%` : '';
  const kind = q.kind && q.kind !== 'direct' ? KIND_LABELS[q.kind] || String(q.kind) : '';
  // A first look has no attribution to explain yet.
  const parts = partial ? ['speaker pending', kind] : speaker ? [methodLabel(q.method), conf, kind] : [kind];
  how.append(parts.filter(Boolean).join(' · '));
  tip.replaceChildren(who, how);
}

// fillEntityTip writes e.g. "Sergey Lavrov  Person" over
// "Russian Foreign Minister · mention 3 of 12".
function fillEntityTip(mark) {
  const {article, tip} = ui;
  const e = state.shown.byId.get(mark.dataset.entity);
  delete tip.dataset.speakerColor;
  tip.dataset.type = mark.dataset.type;
  const all = [...article.querySelectorAll(`mark[data-entity="${CSS.escape(mark.dataset.entity)}"]`)];
  const who = el('p', null, null, 'tip-who');
  who.append(el('strong', e ? e.name : mark.textContent), el('span', typeLabel(mark.dataset.type), null, 'tip-type'));
  const roles = e && Array.isArray(e.roles) ? e.roles.map(String) : [];
  const how = el('p', [...roles.slice(0, 2), `mention ${all.indexOf(mark) + 1} of ${all.length}`].join(' · '), null, 'tip-how');
  tip.replaceChildren(who, how);
}

// citedWords quotes the words that named the speaker and the speech verb:
// as one phrase of the input when they sit close together ("he said",
// "said spokesman Wang Wenbin"), else each on its own.
function citedWords(q) {
  const text = state.shown.text;
  const parts = [q.speakerMention, q.cue]
    .filter((s) => s && typeof s.text === 'string' && s.text)
    .sort((a, b) => a.start - b.start);
  if (parts.length === 0) return '';
  if (parts.every((s) => Number.isInteger(s.start) && sameText(text, s))) {
    const phrase = text.slice(parts[0].start, parts[parts.length - 1].end);
    if (phrase.length <= 60 && !phrase.includes('\n')) return `“${phrase}”`;
  }
  return parts.map((s) => `“${s.text}”`).join(' … ');
}

// pinQuote fixes quote i's details until a click elsewhere or Escape.
export function pinQuote(i) {
  state.pinnedQuote = i;
  showDetails();
}

// goToQuote brings quote i into view, focuses and pins it, and flashes it
// so the eye finds it after the scroll.
export function goToQuote(i) {
  const pieces = [...ui.article.querySelectorAll(`.quote[data-quote="${i}"]`)];
  if (pieces.length === 0) return;
  scrollToCentre(pieces[0]);
  pieces[0].focus({preventScroll: true}); // focus must not cut the smooth scroll short
  pinQuote(i);
  for (const node of pieces) {
    node.classList.remove('is-flash');
    void node.offsetWidth; // restart the animation when clicked twice
    node.classList.add('is-flash');
  }
}

export function initTooltips() {
  const {article} = ui;
  article.addEventListener('focusin', (ev) => {
    state.focusedQuote = quoteIndex(ev.target);
    state.markDismissed = false;
    showDetails();
  });
  article.addEventListener('focusout', () => {
    state.focusedQuote = null;
    showDetails();
  });
  article.addEventListener('mouseover', (ev) => {
    const i = quoteIndex(ev.target);
    if (i !== state.hoveredQuote) {
      state.hoveredQuote = i;
      showDetails();
    }
  });
  article.addEventListener('mouseleave', () => {
    state.hoveredQuote = null;
    showDetails();
  });
  article.addEventListener('animationend', (ev) => ev.target.classList.remove('is-flash'));
  ui.speakerList.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.quote-link');
    if (button) goToQuote(Number(button.dataset.quote));
  });
  // A click on a quote pins its details, a click anywhere else unpins
  // them; but a name inside a quote is about the name, not the quote.
  document.addEventListener('click', (ev) => {
    if (ev.target.closest('mark[data-entity], button.quote-link, button.copy-quote')) return;
    pinQuote(quoteIndex(ev.target));
  });
}
