// Lede exports: the analysis as files a newsroom can use (JSON for tools,
// the quotes as CSV for a spreadsheet, a Markdown summary for notes) and a
// quote as a citation for the clipboard. Pure functions of the text and
// its Result: downloads.js and clipboard.js offer them on the page, and
// main.js publishes them as window.LedeExport for scripts.

import {TYPES, METHOD_LABELS, KIND_LABELS, isReported, plural} from './labels.js';
import {oneLine, wordCount} from './text.js';

export {wordCount};

const list = (x) => (Array.isArray(x) ? x : []);

// speakers returns the quotes grouped by speaker, most words first
// (quoted and reported), quotes nobody is named for last: the order of
// the panel. Each group counts its quotations (quoted, words) and its
// reported speech (reported, reportedWords) apart; the words of a
// quotation inside reported speech count as quoted only.
export function speakers(result) {
  const byId = new Map(list(result.entities).map((e) => [e.id, e]));
  const quotes = list(result.quotes);
  const groups = new Map();
  quotes.forEach((q, i) => {
    const entity = (q.speaker != null && byId.get(q.speaker)) || null;
    const key = entity ? entity.id : null;
    if (!groups.has(key)) groups.set(key, {entity, quotes: [], quoted: 0, words: 0, reported: 0, reportedWords: 0});
    const g = groups.get(key);
    g.quotes.push(i);
    if (isReported(q)) {
      g.reported++;
      g.reportedWords += Math.max(0, wordCount(q.text || '') - quotedWordsInside(quotes, i));
    } else {
      g.quoted++;
      g.words += wordCount(q.text || '');
    }
  });
  const total = (g) => g.words + g.reportedWords;
  return [...groups.values()].sort((a, b) =>
    Number(!a.entity) - Number(!b.entity) || total(b) - total(a) || b.quotes.length - a.quotes.length);
}

// quotedWordsInside counts the words of the quotations that lie inside
// quotes[i], reported speech (a mixed one holds them). Quotes are in text
// order, a mixed one before those inside it, so they follow it directly.
function quotedWordsInside(quotes, i) {
  const r = quotes[i];
  if (r.kind !== 'mixed') return 0;
  let n = 0;
  for (let k = i + 1; k < quotes.length && quotes[k].start < r.end; k++) {
    const q = quotes[k];
    if (!isReported(q) && q.start >= r.start && q.end <= r.end) n += wordCount(q.text || '');
  }
  return n;
}

// GENDER_LABELS name the gender values of the Result's persons.
export const GENDER_LABELS = {female: 'woman', male: 'man', unknown: 'gender unknown'};

// sources sums up who is quoted or reported, as newsrooms count their
// sources: how many people and organizations (and others) speak, the
// gender balance of the people, and each speaker's share of all the
// attributed words, quoted and reported apart, largest first. A person's
// gender is the Result's, with its evidence; none is guessed here. groups
// are speakers(result), when the caller has them already.
export function sources(result, groups = speakers(result)) {
  groups = groups.filter((g) => g.entity);
  const total = groups.reduce((n, g) => n + g.words + g.reportedWords, 0);
  const out = {people: 0, organizations: 0, others: 0, gender: {female: 0, male: 0, unknown: 0},
    quotedWords: 0, reportedWords: 0, speakers: []};
  for (const g of groups) {
    const e = g.entity;
    const gender = e.type === 'PERSON' && e.gender && GENDER_LABELS[e.gender.value] ? e.gender : null;
    if (e.type === 'PERSON') {
      out.people++;
      out.gender[gender ? gender.value : 'unknown']++;
    } else if (e.type === 'ORG') {
      out.organizations++;
    } else {
      out.others++;
    }
    out.quotedWords += g.words;
    out.reportedWords += g.reportedWords;
    out.speakers.push({
      id: e.id, name: String(e.name), type: String(e.type),
      gender: e.type === 'PERSON' ? (gender ? gender.value : 'unknown') : null,
      genderEvidence: e.type === 'PERSON' ? (gender ? String(gender.evidence || '') : 'the analyzer gave no evidence') : null,
      quotedWords: g.words, reportedWords: g.reportedWords,
      share: total ? (g.words + g.reportedWords) / total : 0,
    });
  }
  return out;
}

// sourcesLine says sources(result) in one sentence: "3 people (1 woman,
// 2 men) and 1 organization quoted or reported".
export function sourcesLine(s) {
  const who = [];
  if (s.people) {
    const g = [s.gender.female && plural(s.gender.female, 'woman', 'women'), s.gender.male && plural(s.gender.male, 'man', 'men'),
      s.gender.unknown && `${s.gender.unknown} unknown`].filter(Boolean).join(', ');
    who.push(`${plural(s.people, 'person', 'people')} (${g})`);
  }
  if (s.organizations) who.push(plural(s.organizations, 'organization', 'organizations'));
  if (s.others) who.push(plural(s.others, 'other source', 'other sources'));
  if (who.length === 0) return 'Nobody named is quoted or reported.';
  const last = who.pop();
  return `${who.length ? `${who.join(', ')} and ${last}` : last} quoted or reported.`;
}

// percent says a share as a whole percentage, "<1%" for a sliver.
export function percent(share) {
  return share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`;
}

// tallyOf says what a speaker group holds: "2 quotes, 31 quoted words;
// 1 reported, 12 words".
export function tallyOf(g, sep = ', ') {
  const parts = [];
  if (g.quoted || !g.reported) parts.push(`${plural(g.quoted, 'quote', 'quotes')}${sep}${plural(g.words, 'quoted word', 'quoted words')}`);
  if (g.reported) parts.push(`${g.reported} reported${sep}${plural(g.reportedWords, 'word', 'words')}`);
  return parts.join('; ');
}

// paragraphOf returns the 1-based number of the paragraph holding
// offset, or '' when the result has none there.
export function paragraphOf(result, offset) {
  const ps = list(result.paragraphs);
  let lo = 0;
  let hi = ps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && offset < ps[found].end ? found + 1 : '';
}

// toJSON is the Result as the page received it, offsets in UTF-16 code
// units as it says, with the text they point into, so the file stands
// on its own.
export function toJSON(text, result) {
  return JSON.stringify({offsets: 'utf16', ...result, sources: sources(result), text: String(text)}, null, 2) + '\n';
}

// csvCell quotes a cell as RFC 4180 says, and defuses what a spreadsheet
// would run as a formula: a cell starting with = + - @ (or a tab or
// carriage return, which some read past) gets a leading apostrophe.
function csvCell(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// toCSV lists the quotes, one a row, in text order, with their kind
// (quote, quoted phrase, reported…) last, after the columns the first
// version had. Lines end in CRLF
// (RFC 4180), and a byte order mark tells Excel the file is UTF-8, or
// it would garble every curly quote.
export function toCSV(text, result) {
  const byId = new Map(list(result.entities).map((e) => [e.id, e]));
  const rows = [['speaker', 'quote', 'cue', 'method', 'confidence', 'paragraph', 'kind']];
  for (const q of list(result.quotes)) {
    const speaker = q.speaker != null ? byId.get(q.speaker) : null;
    rows.push([
      speaker ? speaker.name : '',
      oneLine(q.text),
      q.cue && q.cue.text ? oneLine(q.cue.text) : '',
      q.method || 'none',
      typeof q.confidence === 'number' ? String(Math.round(q.confidence * 100) / 100) : '',
      Number.isInteger(q.start) ? paragraphOf(result, q.start) : '',
      q.kind || '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// md escapes text for Markdown inline content, so that an article's
// asterisks, brackets or angle brackets stay characters and never
// become emphasis, links or HTML in whatever renders the summary.
const md = (s) => oneLine(s).replace(/[\\`*_[\]<>|~]/g, '\\$&');

// toMarkdown writes a short summary: who is quoted and how much, the
// main names of each type, and each quote with its speaker.
export function toMarkdown(text, result, title) {
  const entities = list(result.entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const quotes = list(result.quotes);
  const groups = speakers(result);
  const named = groups.filter((g) => g.entity).length;
  const reported = quotes.filter(isReported).length;
  const lines = [];
  lines.push(`# ${md(title || 'Article')}`, '');
  lines.push(`${plural(quotes.length - reported, 'quote', 'quotes')} and ${reported} reported ` +
    `from ${plural(named, 'named speaker', 'named speakers')}; ` +
    `${plural(entities.length, 'name', 'names')} found by Lede, which can be wrong: check against the text.`, '');

  const src = sources(result, groups);
  lines.push('## Sources', '', sourcesLine(src), '');
  if (src.speakers.length) {
    lines.push('| Source | Gender | Share of attributed words | Quoted words | Reported words |', '|---|---|---|---|---|');
    for (const s of src.speakers) {
      const gender = s.gender ? `${GENDER_LABELS[s.gender]} (${md(s.genderEvidence)})` : '';
      lines.push(`| ${md(s.name)} | ${gender} | ${percent(s.share)} | ${s.quotedWords} | ${s.reportedWords} |`);
    }
    lines.push('', 'Gender comes from the pronouns the text uses for each person, an honorific or US and UK birth records of first names; "unknown" where the evidence is weak.', '');
  }

  lines.push('## Who is quoted or reported', '');
  if (groups.length === 0) lines.push('Nobody is quoted.');
  for (const g of groups) {
    const tally = tallyOf(g);
    if (g.entity) {
      const roles = list(g.entity.roles).map(oneLine).filter(Boolean);
      lines.push(`- **${md(g.entity.name)}**${roles.length ? ` (${md(roles[0])})` : ''}: ${tally}`);
    } else {
      lines.push(`- *Speaker unknown*: ${tally}`);
    }
  }
  lines.push('');

  lines.push('## Main names', '');
  const count = (e) => list(e.mentions).length;
  const MAIN = 8;
  let any = false;
  for (const t of [...TYPES, {type: null, many: 'Other'}]) {
    const of = entities
      .filter((e) => (t.type ? e.type === t.type : !TYPES.some((k) => k.type === e.type)))
      .sort((a, b) => count(b) - count(a));
    if (of.length === 0) continue;
    any = true;
    const shown = of.slice(0, MAIN).map((e) => `${md(e.name)} (${count(e)})`);
    const more = of.length > MAIN ? `, and ${of.length - MAIN} more` : '';
    lines.push(`- **${t.many}**: ${shown.join(', ')}${more}`);
  }
  if (!any) lines.push('Nobody and nothing named.');
  lines.push('');

  if (quotes.length) {
    lines.push('## Quotes', '');
    quotes.forEach((q, i) => {
      const speaker = q.speaker != null ? byId.get(q.speaker) : null;
      const who = speaker ? `**${md(speaker.name)}**` : '*Speaker unknown*';
      const how = [q.cue && q.cue.text ? `“${md(q.cue.text)}”` : '', METHOD_LABELS[q.method] || md(q.method || ''),
        typeof q.confidence === 'number' ? `${Math.round(q.confidence * 100)}%` : '']
        .filter(Boolean).join(', ');
      const para = Number.isInteger(q.start) ? paragraphOf(result, q.start) : '';
      const where = [para ? `paragraph ${para}` : '', how].filter(Boolean).join('; ');
      // Reported speech is the writer's words: no quote marks, its kind said.
      const words = isReported(q) ? `${md(q.text)} [${KIND_LABELS[q.kind]}]` : `“${md(q.text)}”`;
      lines.push(`${i + 1}. ${who}: ${words}${where ? ` (${where})` : ''}`);
    });
    lines.push('');
  }
  return lines.join('\n');
}

// citation is a quote as a reporter would paste it:
// “words” — Speaker, role. A trailing comma, which only joined the quote
// to "he said", is left out.
export function citation(q, speaker) {
  const words = oneLine(q.text).replace(/,$/, '');
  // Reported speech is not a quotation: it is cited as reported.
  if (isReported(q)) return `${words} — ${speaker ? `reported as said by ${oneLine(speaker.name)}` : 'reported, speaker unknown'}`;
  if (!speaker) return `“${words}” — speaker unknown`;
  const role = list(speaker.roles).map(oneLine).find(Boolean);
  return `“${words}” — ${oneLine(speaker.name)}${role ? `, ${role}` : ''}`;
}

// slug makes a file name from a headline: "China Assures…" becomes
// "china-assures…", at most about 60 characters.
export function slug(title) {
  const s = String(title || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= 60) return s || 'article';
  const cut = s.lastIndexOf('-', 60);
  return s.slice(0, cut > 20 ? cut : 60);
}

