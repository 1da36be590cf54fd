// Font warm-up: while the page waits for a text, it draws a word in each
// font (family, size, weight and style) that a result uses, out of
// sight, a word per idle moment.
//
// Why: the first time a page draws text in a font it has not used yet,
// the browser looks the font up, synchronously. On Linux that is a
// fontconfig query from the sandbox, 20-60 ms each (traced: 175 ms of
// the 280 ms task that drew the first screenful of a long article, and
// 61 ms of the next, went to seven of them). Done here, the lookups
// happen while the reader is still pasting, in tasks of one word each,
// not in the middle of drawing the result.
//
// The specimen is built from the result's own classes, so style.css
// decides its fonts, narrow screens included; e2e/warm_test.go checks
// that an analysed article draws no font the specimen did not.

import {el} from './dom.js';

// specimen returns the specimen's parts, one for each part of a result,
// each a short word in the elements and classes of that part.
export function specimen() {
  const word = 'Ab';
  // The article's body text is in a span, not a paragraph: an article's
  // paragraph out of sight is not laid out at all (content-visibility).
  const article = el('div', null, null, 'article');
  article.append(el('p', word, {role: 'headline'}), el('p', word, {role: 'kicker'}), el('p', word, {role: 'deck'}),
    el('span', word), el('mark', word, {type: 'PERSON'}), el('q', word, null, 'quote'));

  const sources = el('div', null, null, 'panels');
  const source = el('div', null, null, 'source-head');
  source.append(el('span', word, null, 'source-name'), el('span', word, null, 'gender'),
    el('span', word, null, 'source-share'));
  sources.append(el('h2', word), el('p', word, null, 'hint'), el('p', word, null, 'sources-line'), source);

  const speakers = el('div', null, null, 'panels');
  const speakerHead = el('div', null, null, 'speaker-head');
  speakerHead.append(el('button', word, null, 'entity-link speaker-name'), el('span', word, null, 'speaker-type'),
    el('span', word, null, 'tally'));
  const quote = el('button', null, null, 'quote-link');
  quote.append(el('q', word), el('span', word, null, 'reported-text'), el('span', word, null, 'badge'));
  const partial = el('button', null, {kind: 'partial'}, 'quote-link');
  partial.append(el('q', word));
  speakers.append(speakerHead, quote, partial, el('button', word, null, 'copy-quote'));

  const entities = el('div', null, null, 'panels');
  const heading = el('h3');
  heading.append(el('span', word, null, 'group-label'), el('span', word, null, 'group-count'),
    el('span', word, null, 'group-note'));
  const row = el('button', null, null, 'entity-row');
  row.append(el('span', word, null, 'entity-name'), el('span', word, null, 'entity-count'),
    el('span', word, null, 'entity-roles'), el('span', word, null, 'entity-aliases'));
  const group = el('div', null, null, 'entity-group');
  group.append(heading, row);
  entities.append(group);

  const tip = el('div', null, null, 'quote-tip');
  const who = el('p', null, null, 'tip-who');
  who.append(el('strong', word), el('span', word, null, 'tip-type'));
  const how = el('p', null, null, 'tip-how');
  how.append(el('span', word, null, 'tip-words'));
  tip.append(who, how);

  // The page around a result: what it says while it works, and the bars
  // a result brings (on a phone, their sizes change).
  const page = el('div');
  const reading = el('div', null, null, 'reading-head');
  reading.append(el('h2', word), el('span', word, null, 'reading-stats'), el('button', word, null, 'download'));
  const toolbar = el('div', null, null, 'toolbar');
  toolbar.append(el('button', word), el('button', word, null, 'primary'));
  const jump = el('nav', null, null, 'jump');
  jump.append(el('a', word));
  page.append(el('p', word, null, 'status'), reading, toolbar, jump);

  return [article, sources, speakers, entities, tip, page];
}

// warmFonts draws the specimen out of sight, one word per idle moment
// (so that each moment looks up one or two fonts at most), then removes
// it. onDone, if given, runs once all was drawn.
export function warmFonts(onDone) {
  const box = el('div', null, null, 'font-specimen');
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  box.append(...specimen());
  // Every word starts hidden and is shown in turn.
  const words = [...box.querySelectorAll('*')].filter((node) =>
    [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE));
  for (const word of words) word.hidden = true;
  const idle = window.requestIdleCallback
    ? (f) => requestIdleCallback(f, {timeout: 3000})
    : (f) => setTimeout(f, 50);
  const step = () => {
    const word = words.shift();
    if (!word) {
      box.remove();
      if (onDone) onDone();
      return;
    }
    if (!box.isConnected) document.body.append(box);
    word.hidden = false;
    // Reading its size lays the word out now, and laying text out is
    // what looks its fonts up.
    void word.offsetWidth;
    idle(step);
  };
  idle(step);
}
