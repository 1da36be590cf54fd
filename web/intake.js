// Getting text in: a paste (rich text arrives as its paragraphs), a file
// opened or dropped (.txt, .md, .html), text dragged in, or the sample.
// Text brought in from outside the text box replaces the text and is
// analysed at once: open the page, paste, read.

import {ui, isEditable} from './dom.js';
import {state} from './state.js';
import {htmlToText} from './html_to_text.js';
import {MAX_BYTES, megabytes} from './limits.js';
import {setStatus} from './status.js';
import {run, forgetInputError} from './run.js';

// The files the page reads, by extension; the reader is told these.
const KINDS = {
  txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html',
};
const TYPES = {'text/plain': 'text', 'text/markdown': 'markdown', 'text/x-markdown': 'markdown', 'text/html': 'html'};

// kindOf returns 'text', 'markdown' or 'html' for a File, or ''.
export function kindOf(file) {
  const ext = /\.([a-z0-9]+)$/i.exec(String(file.name || ''));
  if (ext && KINDS[ext[1].toLowerCase()]) return KINDS[ext[1].toLowerCase()];
  return TYPES[String(file.type || '').split(';')[0]] || '';
}

// The analyzer reads at most 2 MiB of text. A saved web page is mostly
// markup and scripts, so an HTML file may be larger: what counts is the
// text left after them, which run.js measures as it does a paste.
const MAX_TEXT_FILE = MAX_BYTES;
const MAX_HTML_FILE = 20 << 20;

// readFile resolves with {text, kind} for a file the page can read, or
// rejects with an Error whose message is meant for the reader.
export async function readFile(file) {
  const name = `“${file.name || 'the file'}”`;
  const kind = kindOf(file);
  if (!kind) {
    throw new Error(`Lede cannot open ${name}: it reads .txt, .md and .html files. ` +
      'For a PDF or a Word document, copy the text and paste it here.');
  }
  const max = kind === 'html' ? MAX_HTML_FILE : MAX_TEXT_FILE;
  if (file.size > max) {
    throw new Error(`${name} is ${megabytes(file.size)}; Lede reads files of at most ` +
      `${max === MAX_TEXT_FILE ? '2 MB' : '20 MB'}. Split it and open the parts.`);
  }
  // File.text decodes UTF-8, replacing what is not; a byte order mark is
  // not part of the text.
  let text = (await file.text()).replace(/^\uFEFF/, '');
  if (kind === 'html') text = await htmlToText(text);
  else text = text.replace(/\r\n?/g, '\n');
  return {text, kind};
}

// useText replaces the text with text from a file, a drop or a paste
// outside the text box, and analyses it; from names where it came from.
function useText(text, from) {
  ui.textarea.value = text;
  forgetInputError();
  state.source = from || '';
  run();
}

// transferData takes what a clipboard or a drag holds, which can only be
// read while its event is being handled: its HTML and its plain text.
function transferData(dt) {
  if (!dt) return {html: '', plain: ''};
  return {html: dt.getData('text/html'), plain: dt.getData('text/plain')};
}

// cleanText resolves to the clean text of transferData's data: its HTML
// as paragraphs when it has HTML (a news site's page), else its text.
async function cleanText({html, plain}) {
  if (html) {
    const clean = await htmlToText(html);
    if (clean.trim()) return clean;
  }
  return plain.replace(/\r\n?/g, '\n');
}

// insertText puts text at the text box's caret as typing would, so that
// Undo takes it back; setRangeText is the fallback, and is used for big
// texts, which insertText would take seconds over.
function insertText(text) {
  const {textarea} = ui;
  textarea.focus();
  let done = false;
  if (text.length < 200000) {
    try {
      done = document.execCommand('insertText', false, text);
    } catch (err) {
      done = false;
    }
  }
  if (!done) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
    textarea.dispatchEvent(new Event('input', {bubbles: true}));
  }
}

// openFile reads a .txt, .md or .html file into the text box and analyses
// it, or says why it cannot; count is how many files came with it.
async function openFile(file, count) {
  try {
    const {text} = await readFile(file);
    if (!text.trim()) throw new Error(`“${file.name}” holds no text.`);
    useText(text, String(file.name));
    if (count > 1) setStatus(`Opened “${file.name}”, the first of the ${count} files dropped.`);
  } catch (err) {
    setStatus(err.message || String(err), 'error');
  }
}

async function loadSample() {
  try {
    const resp = await fetch('sample.txt');
    if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
    useText(await resp.text(), 'Sample article');
  } catch (err) {
    setStatus(`Could not load the sample: ${err.message}`, 'error');
  }
}

function initPaste() {
  // Rich text pasted into the text box (from a web page or a word
  // processor) arrives as its paragraphs, without menus, scripts or
  // styles; plain text is left to the browser. Taking the HTML apart may
  // wait for Readability (reader_mode.js), so the paste is taken over at
  // once and its text inserted when ready.
  ui.textarea.addEventListener('paste', async (ev) => {
    const data = transferData(ev.clipboardData);
    if (!data.html) return;
    ev.preventDefault();
    const clean = await cleanText(data);
    if (clean) insertText(clean);
  });
  // A paste anywhere else on the page replaces the text and analyses it.
  document.addEventListener('paste', async (ev) => {
    if (ev.defaultPrevented || isEditable(ev.target)) return;
    const data = transferData(ev.clipboardData);
    if (!data.html.trim() && !data.plain.trim()) return;
    ev.preventDefault();
    const clean = await cleanText(data);
    if (clean.trim()) useText(clean, 'Pasted text');
  });
}

function initOpen() {
  const {openButton, fileInput} = ui;
  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) openFile(file, 1);
    fileInput.value = ''; // so that opening the same file again still reads it
  });
}

// initDrop: a file dropped anywhere on the page is opened; text dragged
// in from elsewhere replaces the text, except over the text box, where it
// goes where it is dropped as usual. Text dragged within the page is left
// alone.
function initDrop() {
  const {dropZone} = ui;
  let dragDepth = 0; // dragenters not yet left, so that the zone stays while over children
  let dragFromPage = false;
  const dragKind = (ev) => {
    const types = ev.dataTransfer ? [...ev.dataTransfer.types] : [];
    if (types.includes('Files')) return 'file';
    if (!dragFromPage && !isEditable(ev.target) && (types.includes('text/plain') || types.includes('text/html'))) return 'text';
    return '';
  };
  document.addEventListener('dragstart', () => {
    dragFromPage = true;
  });
  document.addEventListener('dragend', () => {
    dragFromPage = false;
  });
  document.addEventListener('dragenter', (ev) => {
    if (dragKind(ev) !== 'file') return;
    ev.preventDefault();
    dragDepth++;
    dropZone.hidden = false;
  });
  document.addEventListener('dragleave', (ev) => {
    if (dragKind(ev) !== 'file') return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropZone.hidden = true;
  });
  document.addEventListener('dragover', (ev) => {
    if (!dragKind(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (ev) => {
    dragDepth = 0;
    dragFromPage = false;
    dropZone.hidden = true;
    const kind = dragKind(ev);
    if (!kind) return;
    ev.preventDefault();
    const dt = ev.dataTransfer;
    if (kind === 'file') {
      if (dt.files.length) openFile(dt.files[0], dt.files.length);
      return;
    }
    cleanText(transferData(dt)).then((clean) => {
      if (clean.trim()) useText(clean, 'Dropped text');
    });
  });
}

export function initIntake() {
  initPaste();
  initOpen();
  initDrop();
  ui.sampleButton.addEventListener('click', loadSample);
}
