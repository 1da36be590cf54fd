// The Download buttons above the article: the result on the page as JSON,
// its quotes as CSV, or a Markdown summary, saved as a file named after
// the headline. Nothing leaves the browser: the file is made here.

import {ui} from './dom.js';
import {state} from './state.js';
import {toJSON, toCSV, toMarkdown, slug} from './exports.js';
import {toast} from './status.js';

// The formats, by the buttons' data-format.
const FORMATS = {
  json: {type: 'application/json', suffix: '.lede.json', make: (s) => toJSON(s.text, s.result)},
  csv: {type: 'text/csv;charset=utf-8', suffix: '-quotes.csv', make: (s) => toCSV(s.text, s.result)},
  md: {type: 'text/markdown;charset=utf-8', suffix: '-summary.md', make: (s) => toMarkdown(s.text, s.result, s.title)},
};

// How long a download's object URL lives: revoking it at once can cancel
// the download in some browsers.
const REVOKE_AFTER_MS = 30000;

// saveFile offers data as a download named name: a Blob behind an object
// URL (same origin, so the CSP allows it) and a temporary link.
function saveFile(data, type, name) {
  const url = URL.createObjectURL(new Blob([data], {type}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  // Not a click on the page: it must not unpin the quote shown.
  a.addEventListener('click', (ev) => ev.stopPropagation());
  ui.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

// download saves the result on the page in format; a first look is not
// worth exporting, as speakers and people are missing.
function download(format) {
  const f = FORMATS[format];
  const shown = state.shown;
  if (!f || !shown.result || shown.partial) return;
  const name = slug(shown.title) + f.suffix;
  saveFile(f.make(shown), f.type, name);
  toast(`Downloading ${name}`);
}

// enableDownloads turns the buttons on for a full result, off for a
// first look.
export function enableDownloads(on) {
  for (const b of ui.downloadButtons) b.disabled = !on;
}

export function initDownloads() {
  for (const b of ui.downloadButtons) b.addEventListener('click', () => download(b.dataset.format));
}
