// The two panels beside the article: "Who said what" (quotes grouped by
// speaker) and "Named" (entities grouped by type). This module only
// draws them; what their buttons do is wired where that behaviour lives:
// tooltips.js (go to a quote), clipboard.js (copy one), highlights.js
// (show a name's mentions).

import {el, ui} from './dom.js';
import {state} from './state.js';
import {TYPES, KIND_LABELS, typeLabel, methodLabel, isReported, plural} from './labels.js';
import {clip} from './text.js';
import {speakers, tallyOf, sources, sourcesLine, percent, GENDER_LABELS} from './exports.js';

// Speakers get one of this many colours, defined in style.css by
// data-speaker-color; beyond that they repeat.
const SPEAKER_COLORS = 6;

// speakerGroups returns the quotes' indexes grouped by speaker in the
// exports' order (most quoted words first, quotes nobody is named for
// last), so the panel and the downloads agree; each speaker's colour
// follows that order, so the panel reads 1, 2, 3….
export function speakerGroups(result) {
  const groups = speakers(result);
  groups.forEach((g, k) => {
    if (g.entity) g.color = String((k % SPEAKER_COLORS) + 1);
  });
  return groups;
}

// renderSpeakers fills "Who said what": a speaker's name (a button that
// shows their mentions), their tally, and their quotes.
export function renderSpeakers(groups) {
  const {partial} = state.shown;
  ui.speakerList.replaceChildren(...groups.map((g) => {
    const li = el('li', null, null, 'speaker-group');
    const head = el('div', null, null, 'speaker-head');
    if (g.entity) {
      li.dataset.speakerColor = g.color;
      head.append(
        el('button', g.entity.name, {entity: String(g.entity.id)}, 'entity-link speaker-name'),
        el('span', typeLabel(g.entity.type), null, 'speaker-type'));
    } else {
      li.dataset.unattributed = 'true';
      head.append(el('span', partial ? 'Speakers not known yet' : 'Unattributed', null, 'speaker-name'));
    }
    head.append(el('span', tallyOf(g, ' · '), null, 'tally'));
    const list = el('ol', null, null, 'speaker-quotes');
    for (const i of g.quotes) list.append(quoteItem(i));
    li.append(head, list);
    return li;
  }));
  ui.quotesSection.hidden = groups.length === 0;
}

// SOURCES_SHOWN is how many sources the bar chart lists; the Markdown
// summary lists them all.
const SOURCES_SHOWN = 8;

// renderSources fills "Sources": who is quoted or reported, the gender
// balance of the people, and each source's share of the attributed words
// as a bar (quoted and reported apart). The bars only draw what the text
// beside them says, so they are hidden from assistive technology; a
// person's gender shows its evidence on hover and focus, and to screen
// readers as text. A first look, which has no speakers, shows nothing.
// groups are speakerGroups(result).
export function renderSources(result, groups, partial) {
  const s = sources(result, groups);
  ui.sourcesSection.hidden = partial || s.speakers.length === 0;
  if (ui.sourcesSection.hidden) {
    ui.sourcesList.replaceChildren();
    return;
  }
  ui.sourcesLine.textContent = sourcesLine(s);
  const top = s.speakers.slice(0, SOURCES_SHOWN);
  const widest = Math.max(...top.map((x) => x.share), 0.0001);
  const rows = top.map((x) => {
    const li = el('li', null, {type: x.type}, 'source');
    const head = el('div', null, null, 'source-head');
    head.append(el('span', x.name, null, 'source-name'));
    if (x.gender) {
      const g = el('span', GENDER_LABELS[x.gender], {gender: x.gender}, 'gender');
      g.title = x.genderEvidence;
      g.tabIndex = 0;
      g.append(el('span', `: ${x.genderEvidence}`, null, 'visually-hidden'));
      head.append(g);
    }
    const words = [x.quotedWords && `${x.quotedWords} quoted`, x.reportedWords && `${x.reportedWords} reported`].filter(Boolean).join(', ');
    head.append(el('span', `${percent(x.share)} · ${words || 'no'} ${x.quotedWords + x.reportedWords === 1 ? 'word' : 'words'}`, null, 'source-share'));
    const bar = el('div', null, null, 'source-bar');
    bar.setAttribute('aria-hidden', 'true');
    const all = x.quotedWords + x.reportedWords || 1;
    const quoted = el('span', null, null, 'bar-quoted');
    const reported = el('span', null, null, 'bar-reported');
    // Widths relative to the largest share, so the chart fills its row.
    quoted.style.setProperty('--w', `${(100 * x.share / widest) * (x.quotedWords / all)}%`);
    reported.style.setProperty('--w', `${(100 * x.share / widest) * (x.reportedWords / all)}%`);
    bar.append(quoted, reported);
    li.append(head, bar);
    return li;
  });
  if (s.speakers.length > SOURCES_SHOWN) {
    rows.push(el('li', `and ${plural(s.speakers.length - SOURCES_SHOWN, 'more source', 'more sources')} (all in the Markdown summary)`, null, 'source-more'));
  }
  ui.sourcesList.replaceChildren(...rows);
}

// quoteItem lists quote i: a button that goes to it in the article, with
// how it was attributed, and a button that copies it.
function quoteItem(i) {
  const {quotes, partial, drawn} = state.shown;
  const q = quotes[i];
  const button = el('button', null, {quote: String(i), kind: String(q.kind || 'direct')}, 'quote-link');
  button.type = 'button';
  // Reported speech is the writer's words, so it is not shown in quote
  // marks, and says what it is.
  const words = isReported(q) ? el('span', clip(String(q.text || ''), 110), null, 'reported-text') : el('q', clip(String(q.text || ''), 110));
  button.append(words);
  if (isReported(q)) button.append(el('span', KIND_LABELS[q.kind], {kind: String(q.kind)}, 'badge kind-badge'));
  // A quote nobody could be named for says so, whatever words its sieve
  // looked at.
  const method = q.speaker == null ? 'none' : String(q.method || 'none');
  button.append(el('span', partial ? 'pending' : q.speaker == null ? 'speaker unknown' : methodLabel(q.method), {method}, 'badge'));
  // Quotes the article could not draw (bad or crossing spans) have
  // nothing to scroll to.
  if (!drawn.has(i)) button.disabled = true;
  const copy = el('button', 'Copy', {copy: String(i)}, 'copy-quote');
  copy.type = 'button';
  copy.setAttribute('aria-label', `Copy the quote “${clip(String(q.text || ''), 40)}” with its speaker`);
  // A first look knows no speakers yet, so there is nothing to cite.
  if (partial) copy.disabled = true;
  const item = el('li', null, null, 'quote-item');
  item.append(button, copy);
  return item;
}

// renderEntities fills "Named": one group per type, each entity a button
// (so the keyboard reaches it) showing its name, mentions, roles and
// other names, most mentioned first. Types the analyzer may add later
// follow the known ones under their own name.
export function renderEntities(entities) {
  const count = (e) => (Array.isArray(e.mentions) ? e.mentions.length : 0);
  const first = (e) => (count(e) ? e.mentions[0].start : Infinity);
  const byType = new Map(TYPES.map((t) => [t.type, {type: t.type, label: t.many, note: t.note, entities: []}]));
  for (const e of entities) {
    const type = String(e.type);
    if (!byType.has(type)) byType.set(type, {type, label: typeLabel(type), entities: []});
    byType.get(type).entities.push(e);
  }

  const groups = [];
  for (const g of byType.values()) {
    if (g.entities.length === 0) continue;
    g.entities.sort((a, b) => count(b) - count(a) || first(a) - first(b));
    const section = el('section', null, {type: g.type}, 'entity-group');
    const head = el('h3');
    head.append(el('span', null, {type: g.type}, 'swatch'), el('span', g.label, null, 'group-label'),
      el('span', String(g.entities.length), null, 'group-count'));
    if (g.note) head.append(el('span', g.note, null, 'group-note'));
    const list = el('ul', null, null, 'entity-list');
    for (const e of g.entities) list.append(entityItem(e, count(e)));
    section.append(head, list);
    groups.push(section);
  }
  if (groups.length === 0) groups.push(el('p', 'Nobody and nothing named.', null, 'empty'));
  ui.entityPanel.replaceChildren(...groups);
}

// entityItem is one row of "Named": an entity seen n times.
function entityItem(e, n) {
  const id = String(e.id);
  const button = el('button', null, {entity: id, type: String(e.type)}, 'entity-row');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  button.append(el('span', String(e.name), null, 'entity-name'),
    el('span', plural(n, 'mention', 'mentions'), null, 'entity-count'));
  const roles = Array.isArray(e.roles) ? e.roles.map(String) : [];
  if (roles.length) button.append(el('span', roles.join(' · '), null, 'entity-roles'));
  // aliases lists every surface form, the name included.
  const others = [...new Set(Array.isArray(e.aliases) ? e.aliases.map(String) : [])]
    .filter((a) => a !== e.name);
  if (others.length) button.append(el('span', `also: ${others.join(', ')}`, null, 'entity-aliases'));
  const li = el('li', null, {entity: id}, 'entity');
  li.append(button);
  return li;
}
