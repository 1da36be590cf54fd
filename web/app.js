// Lede page script: talks to the analyzer worker, exposes window.lede, and
// renders the result. User text only ever reaches the page as text nodes
// (createTextNode, textContent), never as markup.
'use strict';

(() => {
  // ---- The analyzer: a worker behind a promise API -----------------------

  const TYPE_LABELS = {
    PERSON: 'Person',
    ORG: 'Organization',
    PLACE: 'Place',
    NORP: 'Group',
  };
  const typeLabel = (t) => TYPE_LABELS[t] || String(t || 'Other');

  // The entities panel's groups, in this order; types the analyzer may add
  // later follow under their own name.
  const GROUPS = [
    {type: 'PERSON', label: 'People'},
    {type: 'ORG', label: 'Organizations'},
    {type: 'PLACE', label: 'Places'},
    {type: 'NORP', label: 'Groups', note: 'nationalities, religious and political groups'},
  ];

  const listeners = new Set(); // loading-state observers, see onState
  // request id → {resolve, reject, partial, progress}: analyses and stats
  // the worker has not answered yet.
  const pending = new Map();
  let nextId = 1;
  let failure = null; // Error once this worker's analyzer cannot run
  let worker = null;

  // ready resolves when the current worker's analyzer is ready; a restart
  // that comes before it keeps the same promise.
  let ready = null;
  let readySettled = true;
  let readyResolve;
  let readyReject;

  function emit(state) {
    for (const fn of listeners) fn(state);
  }

  function rejectAll(err) {
    for (const {reject} of pending.values()) reject(err);
    pending.clear();
  }

  function fail(message) {
    if (failure) return;
    failure = new Error(message || 'The analyzer failed.');
    readySettled = true;
    readyReject(failure);
    rejectAll(failure);
    emit({type: 'fatal', error: failure.message});
  }

  // receive handles one message of the current worker.
  function receive(msg) {
    const p = pending.get(msg.id);
    switch (msg.type) {
      case 'progress':
      case 'loading':
        emit(msg);
        break;
      case 'ready':
        readySettled = true;
        readyResolve();
        emit(msg);
        break;
      case 'partial':
        if (p && p.partial) p.partial(msg.result);
        break;
      case 'analysis-progress':
        if (p && p.progress) p.progress(msg.done, msg.total);
        break;
      case 'result':
      case 'error':
      case 'stats':
        if (!p) return;
        pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.result);
        else if (msg.type === 'stats') p.resolve({memory: Number(msg.memory) || 0});
        else p.reject(new Error(msg.error));
        break;
      case 'fatal':
        fail(msg.error);
        break;
    }
  }

  function startWorker() {
    failure = null;
    if (readySettled) {
      readySettled = false;
      ready = new Promise((resolve, reject) => {
        readyResolve = resolve;
        readyReject = reject;
      });
      // Callers that never look at ready must not see an unhandled
      // rejection; the page reports the failure itself.
      ready.catch(() => {});
    }
    let w;
    try {
      w = new Worker('worker.js');
    } catch (err) {
      // For example when the page is opened from file:// instead of a server.
      queueMicrotask(() => fail(`The analyzer worker could not be created: ${err.message}`));
      return;
    }
    worker = w;
    // A terminated worker's last messages may still be on their way; only
    // the current worker is listened to.
    w.onmessage = (ev) => {
      if (worker === w) receive(ev.data || {});
    };
    w.onerror = (ev) => {
      // Handled here and shown on the page, so keep it off the console.
      ev.preventDefault();
      if (worker === w) fail(ev.message || 'The analyzer worker failed to start.');
    };
  }

  // restart stops the worker mid-analysis, the only way to stop Go code
  // that is running, and starts a fresh one, which loads the analyzer
  // again. Every request pending is rejected with a "cancelled" error.
  function restart() {
    if (worker) worker.terminate();
    worker = null;
    const err = new Error('The analysis was cancelled.');
    err.name = 'AbortError';
    rejectAll(err);
    emit({type: 'restart'});
    startWorker();
  }

  startWorker();

  // The analyzer refuses more than core.MaxInputBytes (2 MiB) of UTF-8.
  // The page measures first, so that an oversized paste gets a plain
  // answer at once rather than a copy of megabytes to the worker and back.
  const MAX_BYTES = 2 << 20;

  // utf8Length is the size of text in UTF-8 as the analyzer receives it: a
  // lone surrogate, which UTF-8 cannot hold, arrives as U+FFFD (3 bytes).
  // Counting avoids TextEncoder's copy of what may be a huge text.
  function utf8Length(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4; // a surrogate pair, one character beyond U+FFFF
        i++;
      } else n += 3;
    }
    return n;
  }

  // tooLarge says why text is over the limit, or returns ''.
  function tooLarge(text) {
    // A code unit is at most 3 bytes, so most texts need no count.
    if (text.length * 3 <= MAX_BYTES) return '';
    const bytes = utf8Length(text);
    if (bytes <= MAX_BYTES) return '';
    // Rounded up, so that a text just over the limit never reads "2.0 MB".
    const mb = (Math.ceil((bytes * 10) / 1048576) / 10).toFixed(1);
    return `This text is ${mb} MB; Lede reads at most 2 MB (about 300,000 words). ` +
      'Split it and analyze the parts.';
  }

  // ask sends msg to the worker with a fresh id and returns a promise of
  // its answer; hooks may add partial and progress callbacks.
  function ask(msg, hooks) {
    if (failure) return Promise.reject(failure);
    if (!worker) return Promise.reject(new Error('The analyzer is not running.'));
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {...hooks, resolve, reject});
      worker.postMessage({...msg, id});
    });
  }

  // request sends text to the worker at once, even before the analyzer is
  // ready: the worker keeps it, answers with a first look (hooks.partial)
  // as soon as it can, and with the full Result once the models are in.
  async function request(text, hooks) {
    text = String(text);
    const over = tooLarge(text);
    if (over) throw new Error(over);
    return ask({type: 'analyze', text}, hooks);
  }

  // analyze resolves with the full Result for text, waiting for the
  // analyzer to be ready if need be.
  const analyze = (text) => request(text);

  // stats resolves with {memory}: the bytes of the Go program's memory.
  const stats = () => ask({type: 'stats'});

  window.lede = {
    analyze,
    stats,
    // The current worker's; after a cancel, the restarted analyzer's.
    get ready() {
      return ready;
    },
  };

  // onState registers fn for loading-state messages.
  const onState = (fn) => listeners.add(fn);

  // ---- Page wiring -------------------------------------------------------

  const $ = (sel) => document.querySelector(sel);
  const body = document.body;
  const textarea = $('#text');
  const editor = $('#editor');
  const editButton = $('#edit');
  const analyzeButton = $('#analyze');
  const cancelButton = $('#cancel');
  const sampleButton = $('#sample');
  const openButton = $('#open');
  const fileInput = $('#file');
  const dropZone = $('#drop-zone');
  const readingStats = $('#reading-stats');
  const downloadButtons = document.querySelectorAll('button.download');
  const toastNode = $('#toast');
  const loader = $('#loader');
  const loading = $('#loading');
  const progress = $('#progress');
  const status = $('#status');
  const results = $('#results');
  const article = $('#article');
  const entityPanel = $('#entities');
  const typeToggles = document.querySelectorAll('button.type-toggle');
  const quotesSection = $('#quotes-section');
  const speakerList = $('#speakers');
  const tip = $('#quote-tip');

  if (/Mac|iPhone|iPad/.test(navigator.userAgent)) {
    const key = $('#shortcut kbd');
    if (key) key.textContent = '⌘';
  }

  function setStatus(message, kind) {
    status.textContent = message;
    status.dataset.kind = kind || 'info';
  }

  let announced = false; // lede:ready dispatched

  onState((msg) => {
    switch (msg.type) {
      case 'progress': {
        const mb = (msg.loaded / 1048576).toFixed(1);
        if (msg.total > 0) {
          const pct = Math.min(100, Math.floor((100 * msg.loaded) / msg.total));
          progress.value = pct;
          loading.textContent = `Downloading analyzer… ${pct}%`;
        } else {
          progress.removeAttribute('value'); // indeterminate
          loading.textContent = `Downloading analyzer… ${mb} MB`;
        }
        break;
      }
      case 'loading':
        progress.removeAttribute('value');
        loading.textContent = 'Loading language model…';
        break;
      case 'ready':
        progress.value = 100;
        loading.textContent = 'Ready';
        loader.dataset.done = 'true';
        body.dataset.state = 'ready';
        body.dataset.ready = 'true';
        if (status.dataset.kind === 'cancelled') {
          setStatus('Analysis cancelled. The analyzer is ready again.', 'cancelled');
        }
        armCancel(); // a request that waited for the analyzer runs now
        // Once per page: listeners that analyse on it must not run again
        // after a cancel restarts the analyzer (window.lede.ready tells).
        if (!announced) {
          announced = true;
          document.dispatchEvent(new Event('lede:ready'));
          registerOffline();
        }
        break;
      case 'restart':
        delete loader.dataset.done;
        progress.removeAttribute('value');
        loading.textContent = 'Restarting analyzer…';
        body.dataset.state = 'loading';
        body.dataset.ready = 'false';
        break;
      case 'fatal':
        loader.dataset.done = 'true';
        loading.textContent = 'Analyzer unavailable';
        body.dataset.state = 'error';
        setStatus(`The analyzer could not start: ${msg.error}`, 'error');
        break;
    }
  });

  let runs = 0; // bumps on every request so that only the latest renders
  let finished = 0; // analyses completed, for tests and scripts to wait on

  // Cancel is offered only once an analysis has run this long: a quick
  // one would make the button flash. Waiting for the analyzer to load does
  // not count, as a restart would only wait longer.
  const CANCEL_AFTER_MS = 300;
  let cancelTimer = 0;

  function armCancel() {
    clearTimeout(cancelTimer);
    if (body.dataset.busy !== 'true' || body.dataset.ready !== 'true') return;
    cancelTimer = setTimeout(() => {
      cancelButton.hidden = body.dataset.busy !== 'true';
    }, CANCEL_AFTER_MS);
  }

  function disarmCancel() {
    clearTimeout(cancelTimer);
    cancelButton.hidden = true;
  }

  async function run() {
    const text = textarea.value;
    const seq = ++runs;
    if (!text.trim()) {
      body.dataset.busy = 'false';
      setStatus('Paste some text first.', 'error');
      showEditor(true, true);
      return;
    }
    // Refused here rather than by analyze so that the message stands alone;
    // the text stays in the textarea for the reader to split.
    const over = tooLarge(text);
    if (over) {
      body.dataset.busy = 'false';
      setStatus(over, 'error');
      showEditor(true);
      return;
    }
    if (failure) {
      setStatus(`The analyzer could not start: ${failure.message}`, 'error');
      return;
    }
    body.dataset.busy = 'true';
    setStatus(body.dataset.ready === 'true' ? 'Analyzing…' : 'Waiting for the analyzer to load…');
    armCancel();
    const t0 = performance.now();
    // While the models load, the worker sends a first look: quotes and the
    // names its word lists know, shown at once and replaced by the full
    // result.
    const partial = (result) => {
      if (seq !== runs) return;
      try {
        render(text, result, true);
      } catch (err) {
        return; // the full result will say what is wrong
      }
      enterReading(text);
      setStatus('First look: quotes and well-known names — finding people and speakers…');
    };
    // Sentences tagged so far; tagging is most of the work, the rest is
    // quick, hence at most 99%.
    const progressed = (done, total) => {
      if (seq !== runs || !(total > 0)) return;
      setStatus(`Analyzing… ${Math.min(99, Math.floor((100 * done) / total))}%`);
    };
    try {
      const result = await request(text, {partial, progress: progressed});
      if (seq !== runs) return;
      render(text, result);
      enterReading(text);
      const ms = Math.round(performance.now() - t0);
      setStatus(`${summary(result)} (${ms} ms)`);
    } catch (err) {
      if (seq !== runs) return;
      // Cancel has said so already, and that the analyzer restarts.
      if (err.name !== 'AbortError') {
        setStatus(`Analysis failed: ${err.message}`, 'error');
        showEditor(true);
      }
    } finally {
      if (seq === runs) {
        body.dataset.busy = 'false';
        disarmCancel();
        body.dataset.analyses = String(++finished);
      }
    }
  }

  // Cancel stops the worker, the one way to interrupt Go code that runs,
  // and starts a new one; the text and the last result stay as they are.
  cancelButton.addEventListener('click', () => {
    disarmCancel();
    setStatus('Analysis cancelled. The analyzer is restarting…', 'cancelled');
    // The focused Cancel button disappears; focus goes where work goes on.
    (editor.hidden ? article : analyzeButton).focus();
    restart();
  });

  analyzeButton.addEventListener('click', run);
  // Ctrl+Enter (⌘+Enter) analyses from anywhere on the page, the text box
  // included, as in the mail and chat boxes newsrooms live in.
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey) {
      ev.preventDefault();
      run();
    }
  });
  textarea.addEventListener('input', () => {
    if (status.dataset.kind === 'error' && !failure) setStatus('');
    source = ''; // the text is the reader's own now
    // The article below is the last text analysed, not this one: say so,
    // once, rather than redraw on every keystroke.
    if (!results.hidden && body.dataset.busy !== 'true' && status.dataset.kind !== 'stale') {
      setStatus('The text has changed: Analyze updates the article.', 'stale');
    }
  });

  // ---- Editing and reading -----------------------------------------------

  // Once a text is analysed the page reads as an article: the text box
  // folds away behind "Edit text", which brings it back. The text box
  // keeps the reader's text exactly; the article is drawn from it.

  // showEditor shows or hides the text box, focusing it if asked.
  function showEditor(show, focus) {
    editor.hidden = !show;
    editButton.setAttribute('aria-expanded', String(show));
    body.dataset.view = show ? 'edit' : 'read';
    if (show && focus) textarea.focus();
  }

  // enterReading folds the text box away after text was drawn. Focus that
  // was in the text box (or nowhere) moves to the article, so that the
  // reading keys work at once, and the page goes back to its top. A reader
  // who went on typing while the analyzer loaded keeps the text box.
  function enterReading(text) {
    editButton.hidden = false;
    if (editor.hidden || textarea.value !== text) return;
    const active = document.activeElement;
    const lost = !active || active === body || editor.contains(active);
    showEditor(false);
    if (lost) {
      article.focus({preventScroll: true});
      window.scrollTo(0, 0);
    }
  }

  editButton.addEventListener('click', () => showEditor(editor.hidden, true));

  // Where the text came from, shown above the article: a file's name, the
  // sample, or nothing for the reader's own text.
  let source = '';

  // useText replaces the text with text from a file, a drop or a paste
  // outside the text box, and analyses it.
  function useText(text, from) {
    textarea.value = text;
    if (status.dataset.kind === 'error' && !failure) setStatus('');
    source = from || '';
    run();
  }

  sampleButton.addEventListener('click', async () => {
    try {
      const resp = await fetch('sample.txt');
      if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
      useText(await resp.text(), 'Sample article');
    } catch (err) {
      setStatus(`Could not load the sample: ${err.message}`, 'error');
    }
  });

  // ---- Getting text in: paste, drop, open --------------------------------

  const isEditable = (node) => !!node && node.nodeType === Node.ELEMENT_NODE &&
    (node.matches('textarea, input, select') || node.isContentEditable);

  // transferText returns the clean text of a clipboard or a drag: its HTML
  // as paragraphs when it has HTML (a news site's page), else its text.
  function transferText(dt) {
    if (!dt) return '';
    const html = dt.getData('text/html');
    if (html) {
      const clean = LedeIntake.htmlToText(html);
      if (clean.trim()) return clean;
    }
    return dt.getData('text/plain').replace(/\r\n?/g, '\n');
  }

  // insertText puts text at the text box's caret as typing would, so that
  // Undo takes it back; setRangeText is the fallback, and is used for big
  // texts, which insertText would take seconds over.
  function insertText(text) {
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

  // Rich text pasted into the text box (from a web page or a word
  // processor) arrives as its paragraphs, without menus, scripts or
  // styles; plain text is left to the browser.
  textarea.addEventListener('paste', (ev) => {
    const dt = ev.clipboardData;
    if (!dt || ![...dt.types].includes('text/html')) return;
    const clean = transferText(dt);
    if (!clean.trim()) return;
    ev.preventDefault();
    insertText(clean);
  });

  // A paste anywhere else on the page replaces the text and analyses it:
  // open the page, paste, read.
  document.addEventListener('paste', (ev) => {
    if (ev.defaultPrevented || isEditable(ev.target)) return;
    const clean = transferText(ev.clipboardData);
    if (!clean.trim()) return;
    ev.preventDefault();
    useText(clean, 'Pasted text');
  });

  // openFile reads a .txt, .md or .html file into the text box and
  // analyses it, or says why it cannot.
  async function openFile(file, count) {
    try {
      const {text} = await LedeIntake.readFile(file);
      if (!text.trim()) throw new Error(`“${file.name}” holds no text.`);
      useText(text, String(file.name));
      if (count > 1) setStatus(`Opened “${file.name}”, the first of the ${count} files dropped.`);
    } catch (err) {
      setStatus(err.message || String(err), 'error');
    }
  }

  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) openFile(file, 1);
    fileInput.value = ''; // so that opening the same file again still reads it
  });

  // Drag and drop: a file anywhere on the page is opened; text dragged in
  // from elsewhere replaces the text, except over the text box, where it
  // goes where it is dropped as usual. Text dragged within the page is
  // left alone.
  let dragDepth = 0;
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
    const clean = transferText(dt);
    if (clean.trim()) useText(clean, 'Dropped text');
  });

  // ---- Rendering ---------------------------------------------------------

  // Speakers get one of this many colours, defined in style.css by
  // data-speaker-color; beyond that they repeat.
  const SPEAKER_COLORS = 6;

  // How each attribution method reads to someone who has not seen the
  // schema; unknown methods are shown as they come.
  const METHOD_LABELS = {
    explicit: 'named',
    pronoun: 'pronoun',
    nominal: 'description',
    continuation: 'continued',
    none: 'no speaker',
  };
  const methodLabel = (m) => METHOD_LABELS[m] || String(m || 'none');

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function summary(result) {
    const count = {PERSON: 0, ORG: 0, PLACE: 0, NORP: 0};
    for (const e of result.entities || []) count[e.type] = (count[e.type] || 0) + 1;
    const parts = [
      plural(count.PERSON, 'person', 'people'),
      plural(count.ORG, 'organization', 'organizations'),
      plural(count.PLACE, 'place', 'places'),
      plural(count.NORP, 'group', 'groups'),
    ];
    const quotes = (result.quotes || []).length;
    return `Found ${parts.join(', ')} and ${plural(quotes, 'quote', 'quotes')}.`;
  }

  // el builds an element with text content and data attributes.
  function el(tag, text, data, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (data) Object.assign(node.dataset, data);
    if (className) node.className = className;
    return node;
  }

  // Words as a reader counts them, the same count as the exports'.
  const wordCount = LedeExport.wordCount;

  // clip shortens s to about n characters at a word boundary.
  function clip(s, n) {
    if (s.length <= n) return s;
    const cut = s.lastIndexOf(' ', n);
    return s.slice(0, cut > n / 2 ? cut : n).replace(/[\s,;:.—–-]+$/u, '') + '…';
  }

  // sameText tells whether span s carries the words of text it covers. A
  // lone surrogate, which UTF-8 cannot hold, reaches the analyzer as
  // U+FFFD, one code unit as well: the offsets hold, the words differ.
  function sameText(text, s) {
    const slice = text.slice(s.start, s.end);
    return slice === s.text || (typeof slice.toWellFormed === 'function' && slice.toWellFormed() === s.text);
  }

  // The rendered result, for the quote details and the panel's buttons.
  // drawn holds the indexes of the quotes the article could draw; partial
  // is true for a first look, whose quotes have no speakers yet.
  let shown = {text: '', result: null, title: '', quotes: [], byId: new Map(), colors: new Map(),
    drawn: new Set(), partial: false};

  // The head of an article as news sites print it and readers copy it:
  // short lines without a full stop before the first paragraph of prose,
  // such as a date, the headline, a standfirst and a photo caption. They
  // are styled as such; the text itself is drawn as it is.
  const HEAD_MAX = 6; // paragraphs
  const HEAD_CHARS = 320;
  const HEADLINE_CHARS = 160;
  const endsSentence = (s) => /[.!?…][\s"'”’»)\]]*$/u.test(s);
  const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
  const looksLikeDate = (s) => wordCount(s) <= 7 && (/\b(1[89]|20)\d\d\b/.test(s) || MONTH.test(s));

  // headRoles returns the role of each of the first paragraphs that make
  // up the head: 'kicker' (a date or section line before the headline),
  // 'headline', 'deck' (a standfirst, or the headline repeated) or
  // 'caption' (lines after the headline broken within the paragraph). A
  // text with no prose after such lines has no head.
  function headRoles(text, paras) {
    const lines = [];
    for (const p of paras) {
      const s = text.slice(p.start, p.end).trim();
      if (s.length > HEAD_CHARS || endsSentence(s)) break;
      lines.push(s);
      if (lines.length > HEAD_MAX) return [];
    }
    if (lines.length === 0 || lines.length === paras.length) return [];
    let headline = -1;
    return lines.map((s, i) => {
      if (headline < 0) {
        if (!looksLikeDate(s) && !s.includes('\n') && s.length <= HEADLINE_CHARS && wordCount(s) >= 2) {
          headline = i;
          return 'headline';
        }
        return 'kicker';
      }
      return s.includes('\n') ? 'caption' : 'deck';
    });
  }

  // readingStatsOf counts the words and says how long they take to read
  // at 230 words a minute, a common figure for news.
  function readingStatsOf(text) {
    const words = wordCount(text);
    const minutes = Math.max(1, Math.round(words / 230));
    return `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`;
  }

  // render draws result for text, replacing whatever was drawn: nodes are
  // made anew, and all listeners sit on the containers, so nothing from an
  // earlier render is kept alive.
  function render(text, result, partial = false) {
    if (!result || result.offsets !== 'utf16') {
      throw new Error(`the analyzer returned offsets in ${result && result.offsets}, expected utf16`);
    }
    const entities = Array.isArray(result.entities) ? result.entities : [];
    const quotes = Array.isArray(result.quotes) ? result.quotes : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const groups = groupBySpeaker(result);
    const colors = new Map(groups.filter((g) => g.entity).map((g) => [g.entity.id, g.color]));
    shown = {text, result, title: '', quotes, byId, colors, drawn: new Set(), partial};

    // Bad offsets from the analyzer must not corrupt the text: spans that
    // are out of range are dropped, and all text comes from the input.
    const valid = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) &&
      s.start >= 0 && s.start < s.end && s.end <= text.length;
    // Spans that carry their words must also match them, or they would be
    // drawn on the wrong ones.
    const exact = (s) => valid(s) && (typeof s.text !== 'string' || sameText(text, s));

    const spans = [];
    // The words naming a speaker and the speech verb become "cite" spans,
    // outlined while their quote is current so the reader sees why it was
    // attributed. Quotes can share them (a continuation reuses the
    // mention before it), so each lists all its quotes.
    const cites = new Map();
    quotes.forEach((q, i) => {
      if (!valid(q)) return;
      spans.push({start: q.start, end: q.end, kind: 'quote', quote: q, index: i});
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

    // Each paragraph gets only the spans that may touch it: those that
    // start before its end and were not handed out yet, and the quotes
    // that run on from before. Offering every span to every paragraph
    // froze the page for seconds on a long text.
    spans.sort(bySpan);
    let next = 0;
    let running = [];

    const frag = document.createDocumentFragment();
    let at = 0;
    const paras = paragraphs(result, text.length, valid);
    const roles = headRoles(text, paras);
    let titleNode = null;
    for (const [k, p] of paras.entries()) {
      // Whatever lies between paragraphs (blank lines) stays in the DOM so
      // that the article's textContent is exactly the input; it collapses
      // visually because only paragraphs preserve white space.
      if (p.start > at) frag.append(text.slice(at, p.start));
      const candidates = running.filter((q) => q.end > p.start);
      for (; next < spans.length && spans[next].start < p.end; next++) candidates.push(spans[next]);
      running = candidates.filter((s) => s.kind === 'quote' && s.end > p.end);
      const node = renderParagraph(text, p, candidates);
      if (roles[k]) {
        node.dataset.role = roles[k];
        if (roles[k] === 'headline') {
          // A heading to assistive technology too, and the article's name.
          node.setAttribute('role', 'heading');
          node.setAttribute('aria-level', '3');
          node.id = 'article-title';
          titleNode = node;
          shown.title = text.slice(p.start, p.end).trim();
        }
      }
      frag.append(node);
      at = p.end;
    }
    if (at < text.length) frag.append(text.slice(at));

    pinnedEntity = null;
    hovered = focused = pinnedQuote = null;
    article.replaceChildren(frag);
    // Lets style.css show a first look as provisional, and tests see it.
    for (const node of [results, article]) {
      if (partial) node.dataset.partial = 'true';
      else delete node.dataset.partial;
    }
    article.setAttribute('aria-labelledby', titleNode ? 'article-title' : 'article-heading');
    if (!shown.title) shown.title = clip(text.trim().split('\n')[0] || '', 80);
    readingStats.textContent = [source, readingStatsOf(text)].filter(Boolean).join(' · ');
    // A first look is not worth exporting: speakers and people are missing.
    for (const b of downloadButtons) b.disabled = partial;
    showQuote();
    renderEntities(entities);
    renderSpeakers(groups);
    results.hidden = false;
  }

  // bySpan orders spans by start, the longest, then quotes, then cites
  // first: the order in which they open.
  const RANK = {quote: 0, cite: 1, mark: 2};
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

  // renderParagraph builds a <p> for para with its spans, after displaCy's
  // span renderer: spans are walked in order of start (longest, then
  // quotes, then cites, first), each opened inside the innermost open span
  // that contains it. A span that crosses the end of an open one cannot
  // nest and is skipped, as are spans inside spans of their own kind.
  // Quotes that run over a paragraph break are cut at it; other spans are
  // not.
  function renderParagraph(text, para, candidates) {
    const mine = [];
    for (const s of candidates) {
      if (s.end <= para.start || s.start >= para.end) continue;
      if (s.start >= para.start && s.end <= para.end) {
        mine.push(s);
      } else if (s.kind === 'quote') {
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
      const node = s.kind === 'quote' ? quoteNode(s) : s.kind === 'cite' ? citeNode(s) : markNode(s.entity);
      top().node.append(node);
      stack.push({end: s.end, node, kind: s.kind});
    }
    while (stack.length > 0) close();
    return p;
  }

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
    shown.drawn.add(s.index);
    const span = el('span', null, {quote: String(s.index), kind: String(q.kind || 'direct')}, 'quote');
    const color = shown.colors.get(q.speaker);
    if (color) {
      span.dataset.speaker = String(q.speaker);
      span.dataset.speakerColor = color;
    } else {
      span.dataset.unattributed = 'true';
    }
    if (s.start === q.start) {
      span.tabIndex = 0;
      span.setAttribute('aria-describedby', 'quote-tip');
    }
    return span;
  }

  function citeNode(s) {
    const span = el('span', null, {cite: s.role, citeFor: s.quotes.join(' ')}, 'cite');
    if (s.color) span.dataset.speakerColor = s.color;
    return span;
  }

  // renderEntities fills the panel: one group per type, each entity a
  // button (so the keyboard reaches it) showing its name, mentions, roles
  // and other names, most mentioned first.
  function renderEntities(entities) {
    const count = (e) => (Array.isArray(e.mentions) ? e.mentions.length : 0);
    const first = (e) => (count(e) ? e.mentions[0].start : Infinity);
    const byType = new Map(GROUPS.map((g) => [g.type, {...g, entities: []}]));
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
    entityPanel.replaceChildren(...groups);
  }

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

  // ---- Who said what -----------------------------------------------------

  // groupBySpeaker returns the quotes' indexes grouped by speaker in the
  // exports' order (most quoted words first, quotes nobody is named for
  // last), so the panel and the downloads agree; each speaker's colour
  // follows that order, so the panel reads 1, 2, 3….
  function groupBySpeaker(result) {
    const groups = LedeExport.speakers(result);
    groups.forEach((g, k) => {
      if (g.entity) g.color = String((k % SPEAKER_COLORS) + 1);
    });
    return groups;
  }

  function renderSpeakers(groups) {
    speakerList.replaceChildren(...groups.map((g) => {
      const li = el('li', null, null, 'speaker-group');
      const head = el('div', null, null, 'speaker-head');
      if (g.entity) {
        li.dataset.speakerColor = g.color;
        head.append(
          el('button', g.entity.name, {entity: String(g.entity.id)}, 'entity-link speaker-name'),
          el('span', typeLabel(g.entity.type), null, 'speaker-type'));
      } else {
        li.dataset.unattributed = 'true';
        head.append(el('span', shown.partial ? 'Speakers not known yet' : 'Unattributed', null, 'speaker-name'));
      }
      head.append(el('span',
        `${plural(g.quotes.length, 'quote', 'quotes')} · ${plural(g.words, 'word', 'words')}`,
        null, 'tally'));

      const list = el('ol', null, null, 'speaker-quotes');
      for (const i of g.quotes) {
        const q = shown.quotes[i];
        const button = el('button', null, {quote: String(i), kind: String(q.kind || 'direct')}, 'quote-link');
        button.type = 'button';
        button.append(el('q', clip(String(q.text || ''), 110)),
          el('span', shown.partial ? 'pending' : methodLabel(q.method), {method: String(q.method || 'none')}, 'badge'));
        // Quotes the article could not draw (bad or crossing spans) have
        // nothing to scroll to.
        if (!shown.drawn.has(i)) button.disabled = true;
        const copy = el('button', 'Copy', {copy: String(i)}, 'copy-quote');
        copy.type = 'button';
        copy.setAttribute('aria-label', `Copy the quote “${clip(String(q.text || ''), 40)}” with its speaker`);
        // A first look knows no speakers yet, so there is nothing to cite.
        if (shown.partial) copy.disabled = true;
        const item = el('li', null, null, 'quote-item');
        item.append(button, copy);
        list.append(item);
      }
      li.append(head, list);
      return li;
    }));
    quotesSection.hidden = groups.length === 0;
  }

  // ---- Quote details: who said it, and the words that say so -------------

  // Several things can make a quote current, see currentQuote.
  let hovered = null; // index of the quote under the pointer
  let focused = null; // index of the quote with keyboard focus
  let pinnedQuote = null; // index fixed by a click, shown when nothing else is

  const quoteIndex = (node) => {
    const q = node && node.closest && node.closest('#article .quote');
    return q ? Number(q.dataset.quote) : null;
  };

  // currentQuote is the quote to detail. Keyboard focus beats the pointer,
  // which may just be resting where a scroll left it; focus from a click
  // does not, so that pointing at other quotes still shows them.
  function currentQuote() {
    const keyboard = focused != null && document.activeElement.matches(':focus-visible');
    return (keyboard ? focused ?? hovered : hovered ?? focused) ?? pinnedQuote;
  }

  // showQuote marks the current quote and its cites and fills the tip,
  // which style.css anchors below the quote marked is-current.
  function showQuote() {
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
    const q = i == null ? null : shown.quotes[i];
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
    fillTip(q);
  }

  // fillTip writes e.g. "Wang Wenbin  Person" over "“he said” · pronoun · 80%".
  function fillTip(q) {
    const speaker = q.speaker != null ? shown.byId.get(q.speaker) : null;
    const color = speaker && shown.colors.get(speaker.id);
    delete tip.dataset.speakerColor;
    delete tip.dataset.type;
    if (color) tip.dataset.speakerColor = color;

    const who = el('p', null, null, 'tip-who');
    if (speaker) {
      who.append(el('strong', speaker.name), el('span', typeLabel(speaker.type), null, 'tip-type'));
    } else {
      who.append(el('strong', shown.partial ? 'Finding the speaker…' : 'Speaker unknown'));
    }
    const how = el('p', null, null, 'tip-how');
    const words = citedWords(q);
    if (words) how.append(el('span', words, null, 'tip-words'), ' · ');
    const conf = typeof q.confidence === 'number' ? `${Math.round(q.confidence * 100)}%` : '';
    const kind = q.kind === 'partial' ? 'quoted phrase' : '';
    // A first look has no attribution to explain yet.
    const parts = shown.partial ? ['speaker pending', kind] : [methodLabel(q.method), conf, kind];
    how.append(parts.filter(Boolean).join(' · '));
    tip.replaceChildren(who, how);
  }

  // A name reached with the keys (n, p) is detailed in the same tip as a
  // quote: who it is and which mention of how many. Escape dismisses it
  // until focus moves.
  let markDismissed = false;
  const keyMark = () => {
    const a = document.activeElement;
    return !markDismissed && a && a.matches('#article mark[data-entity]') && a.matches(':focus-visible') ? a : null;
  };

  // fillEntityTip writes e.g. "Sergey Lavrov  Person" over
  // "Russian Foreign Minister · mention 3 of 12".
  function fillEntityTip(mark) {
    const e = shown.byId.get(mark.dataset.entity);
    delete tip.dataset.speakerColor;
    tip.dataset.type = mark.dataset.type;
    const all = [...article.querySelectorAll(`mark[data-entity="${CSS.escape(mark.dataset.entity)}"]`)];
    const who = el('p', null, null, 'tip-who');
    who.append(el('strong', e ? e.name : mark.textContent), el('span', typeLabel(mark.dataset.type), null, 'tip-type'));
    const roles = e && Array.isArray(e.roles) ? e.roles.map(String) : [];
    const how = el('p', [...roles.slice(0, 2), `mention ${all.indexOf(mark) + 1} of ${all.length}`].join(' · '), null, 'tip-how');
    tip.replaceChildren(who, how);
  }

  // citedWords quotes the words that named the speaker and the speech
  // verb: as one phrase of the input when they sit close together ("he
  // said", "said spokesman Wang Wenbin"), else each on its own.
  function citedWords(q) {
    const text = shown.text;
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

  // scrollToCentre scrolls node to the middle of the window, smoothly
  // unless the reader asked for less motion (style.css cannot reach a
  // scroll the script asks for).
  function scrollToCentre(node) {
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    node.scrollIntoView({block: 'center', behavior: still ? 'auto' : 'smooth'});
  }

  // goToQuote brings quote i into view, focuses and pins it, and flashes
  // it so the eye finds it after the scroll.
  function goToQuote(i) {
    const pieces = [...article.querySelectorAll(`.quote[data-quote="${i}"]`)];
    if (pieces.length === 0) return;
    scrollToCentre(pieces[0]);
    pieces[0].focus({preventScroll: true}); // focus must not cut the smooth scroll short
    pinnedQuote = i;
    showQuote();
    for (const node of pieces) {
      node.classList.remove('is-flash');
      void node.offsetWidth; // restart the animation when clicked twice
      node.classList.add('is-flash');
    }
  }

  article.addEventListener('focusin', (ev) => {
    focused = quoteIndex(ev.target);
    markDismissed = false;
    showQuote();
  });
  article.addEventListener('focusout', (ev) => {
    focused = null;
    // A name is a stop only while the keys are on it.
    if (ev.target.matches('mark')) {
      ev.target.removeAttribute('tabindex');
      ev.target.removeAttribute('aria-describedby');
    }
    showQuote();
  });
  article.addEventListener('animationend', (ev) => ev.target.classList.remove('is-flash'));
  // On the document, so that Escape works wherever focus is.
  document.addEventListener('keydown', (ev) => {
    const i = quoteIndex(ev.target);
    if ((ev.key === 'Enter' || ev.key === ' ') && i != null) {
      ev.preventDefault(); // Space would scroll the page
      pinnedQuote = i;
      showQuote();
    } else if (ev.key === 'Escape') {
      // Dismisses the tip and the pinned entity without moving focus, as
      // a tooltip should.
      hovered = focused = pinnedQuote = pinnedEntity = null;
      markDismissed = true;
      showQuote();
      highlight(null);
    }
  });
  speakerList.addEventListener('click', (ev) => {
    const copy = ev.target.closest('button.copy-quote');
    if (copy) {
      copyQuote(Number(copy.dataset.copy), copy);
      return;
    }
    const button = ev.target.closest('button.quote-link');
    if (button) goToQuote(Number(button.dataset.quote));
  });
  // A click on a quote pins its details, a click anywhere else unpins
  // them; but a name inside a quote is about the name, not the quote.
  document.addEventListener('click', (ev) => {
    if (ev.target.closest('mark[data-entity], button.quote-link, button.copy-quote')) return;
    pinnedQuote = quoteIndex(ev.target);
    showQuote();
  });

  // ---- Highlighting every mention of one entity --------------------------

  let pinnedEntity = null; // entity id fixed by a click, shown when not hovering

  // highlight marks entity id's mentions and panel row as is-active; the
  // pinned entity's row also reads as pressed.
  function highlight(id) {
    for (const node of document.querySelectorAll('.is-active')) node.classList.remove('is-active');
    for (const b of entityPanel.querySelectorAll('button.entity-row')) {
      b.setAttribute('aria-pressed', String(b.dataset.entity === pinnedEntity));
    }
    if (!id) return;
    const sel = `mark[data-entity="${CSS.escape(id)}"], li.entity[data-entity="${CSS.escape(id)}"]`;
    for (const node of document.querySelectorAll(sel)) node.classList.add('is-active');
  }

  // pin toggles entity id as the pinned one and shows it, or, once
  // unpinned, still id while the pointer or focus is on it.
  function pin(id) {
    pinnedEntity = pinnedEntity === id ? null : id;
    highlight(pinnedEntity || id);
  }

  // A type switched off in the legend keeps its marks, so the text and
  // the mentions stay; style.css drops their colours by this class.
  const hideClass = (type) => `hide-${String(type).toLowerCase()}`;
  const typeHidden = (type) => article.classList.contains(hideClass(type));

  for (const toggle of typeToggles) {
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      article.classList.toggle(hideClass(toggle.dataset.type), !on);
    });
  }

  // entityAt returns the entity a pointer event in the article is about: a
  // mark's entity, unless its type is switched off, or the speaker of a
  // quote.
  function entityAt(target) {
    const mark = target.closest && target.closest('mark[data-entity]');
    if (mark && !typeHidden(mark.dataset.type)) return mark.dataset.entity;
    const quote = target.closest && target.closest('.quote[data-speaker]');
    return quote ? quote.dataset.speaker : null;
  }

  article.addEventListener('mouseover', (ev) => {
    highlight(entityAt(ev.target) || pinnedEntity);
    const i = quoteIndex(ev.target);
    if (i !== hovered) {
      hovered = i;
      showQuote();
    }
  });
  article.addEventListener('mouseleave', () => {
    highlight(pinnedEntity);
    hovered = null;
    showQuote();
  });
  article.addEventListener('click', (ev) => {
    const mark = ev.target.closest('mark[data-entity]');
    if (mark && !typeHidden(mark.dataset.type)) pin(mark.dataset.entity);
  });

  // The panel previews an entity under the pointer or keyboard focus, as
  // the article does; leaving it goes back to the pinned one.
  const rowEntity = (target) => {
    const b = target.closest && target.closest('button.entity-row');
    return b ? b.dataset.entity : null;
  };
  entityPanel.addEventListener('mouseover', (ev) => highlight(rowEntity(ev.target) || pinnedEntity));
  entityPanel.addEventListener('mouseleave', () => highlight(pinnedEntity));
  entityPanel.addEventListener('focusin', (ev) => highlight(rowEntity(ev.target) || pinnedEntity));
  entityPanel.addEventListener('focusout', () => highlight(pinnedEntity));

  // The panel's rows and the speakers' names pin an entity and bring its
  // first mention into view; Enter on a focused one is a click.
  results.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.entity-link, button.entity-row');
    if (!button) return;
    const id = button.dataset.entity;
    pin(id);
    const first = pinnedEntity && article.querySelector(`mark[data-entity="${CSS.escape(id)}"]`);
    if (first) scrollToCentre(first);
  });

  // ---- Getting results out: downloads and the clipboard --------------------

  // toast shows a short confirmation at the foot of the window, and reads
  // it out: the node is a polite live region.
  let toastTimer = 0;
  function toast(message, kind) {
    clearTimeout(toastTimer);
    toastNode.textContent = message;
    toastNode.dataset.kind = kind || 'info';
    toastNode.dataset.show = 'true';
    toastTimer = setTimeout(() => {
      toastNode.dataset.show = 'false';
    }, 2600);
  }

  // saveFile offers data as a download named name: a Blob behind an
  // object URL (same origin, so the CSP allows it) and a temporary link.
  function saveFile(data, type, name) {
    const url = URL.createObjectURL(new Blob([data], {type}));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    // Not a click on the page: it must not unpin the quote shown.
    a.addEventListener('click', (ev) => ev.stopPropagation());
    body.append(a);
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  const FORMATS = {
    json: {type: 'application/json', suffix: '.lede.json', make: (s) => LedeExport.toJSON(s.text, s.result)},
    csv: {type: 'text/csv;charset=utf-8', suffix: '-quotes.csv', make: (s) => LedeExport.toCSV(s.text, s.result)},
    md: {type: 'text/markdown;charset=utf-8', suffix: '-summary.md',
      make: (s) => LedeExport.toMarkdown(s.text, s.result, s.title)},
  };

  function download(format) {
    const f = FORMATS[format];
    if (!f || !shown.result || shown.partial) return;
    const name = LedeExport.slug(shown.title) + f.suffix;
    saveFile(f.make(shown), f.type, name);
    toast(`Downloading ${name}`);
  }

  for (const b of downloadButtons) b.addEventListener('click', () => download(b.dataset.format));

  // writeClipboard copies text, by the Clipboard API where the browser
  // allows it, else by the older copy command on a hidden text box.
  async function writeClipboard(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (err) {
      // Refused (no permission, the page not focused): try the old way.
    }
    const active = document.activeElement;
    const helper = document.createElement('textarea');
    helper.value = text;
    helper.readOnly = true;
    helper.className = 'clipboard-helper';
    body.append(helper);
    helper.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (err) {
      ok = false;
    }
    helper.remove();
    if (active && active !== body && typeof active.focus === 'function') active.focus({preventScroll: true});
    return ok;
  }

  // copyQuote copies quote i as “words” — Speaker, role, and says so on
  // the button that asked, if any, and in the toast.
  async function copyQuote(i, button) {
    const q = shown.quotes[i];
    if (!q) return;
    const speaker = !shown.partial && q.speaker != null ? shown.byId.get(q.speaker) : null;
    const text = LedeExport.citation(q, speaker);
    const ok = await writeClipboard(text);
    if (!ok) {
      toast('Could not copy: the browser did not allow it. Select the words and copy them instead.', 'error');
      return;
    }
    toast(`Copied ${clip(text, 90)}`);
    if (button) {
      button.textContent = 'Copied';
      button.dataset.copied = 'true';
      setTimeout(() => {
        button.textContent = 'Copy';
        delete button.dataset.copied;
      }, 2000);
    }
  }

  // ---- Reading keys --------------------------------------------------------

  // j/k (or ]/[) go to the next or previous quote, n/p to the next or
  // previous name (only the picked entity's mentions when one is picked),
  // c copies the current quote. They work while focus is in the results
  // or nowhere in particular, never while typing.

  // nextOf returns the node after (dir 1) or before (dir -1) the reader's
  // place among nodes, which are in text order: the place is the focused
  // element when focus is inside the article (a quote, a name), else the
  // window: going forward the first node whose bottom is below the top of
  // the window, going back the last whose top is above its bottom.
  function nextOf(nodes, dir) {
    const a = document.activeElement;
    if (a && a !== article && article.contains(a)) {
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

  // keyQuote is the quote c copies: the one with focus, in the article or
  // the panel, else the one pinned.
  function keyQuote() {
    const a = document.activeElement;
    const inArticle = quoteIndex(a);
    if (inArticle != null) return inArticle;
    const b = a && a.closest && a.closest('#speakers [data-quote], #speakers [data-copy]');
    if (b) return Number(b.dataset.quote ?? b.dataset.copy);
    return pinnedQuote;
  }

  function stepQuote(dir) {
    // The first piece of each drawn quote, in text order.
    const starts = [...article.querySelectorAll('.quote[tabindex="0"]')];
    let next;
    const a = document.activeElement;
    const inPanel = a && a.closest && a.closest('#speakers [data-quote], #speakers [data-copy]');
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

  function stepName(dir) {
    // Names of the types switched on, or only the picked entity's.
    const sel = pinnedEntity ? `mark[data-entity="${CSS.escape(pinnedEntity)}"]` : 'mark[data-entity]';
    const marks = [...article.querySelectorAll(sel)].filter((m) => pinnedEntity || !typeHidden(m.dataset.type));
    const next = nextOf(marks, dir);
    if (!next) {
      if (marks.length) toast(dir > 0 ? 'That was the last name.' : 'That was the first name.');
      return;
    }
    // A name is a stop for the keys only, not for Tab.
    next.tabIndex = -1;
    next.setAttribute('aria-describedby', 'quote-tip');
    scrollToCentre(next);
    next.focus({preventScroll: true});
    if (!pinnedEntity) highlight(next.dataset.entity);
  }

  const main = $('#main');
  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || results.hidden) return;
    const t = ev.target;
    if (isEditable(t)) return;
    if (!(results.contains(t) || t === body || t === main || t === document.documentElement)) return;
    switch (ev.key) {
      case 'j':
      case ']':
        stepQuote(1);
        break;
      case 'k':
      case '[':
        stepQuote(-1);
        break;
      case 'n':
        stepName(1);
        break;
      case 'p':
        stepName(-1);
        break;
      case 'c': {
        const i = keyQuote();
        if (i == null) toast('Go to a quote first (j or k), then press c to copy it.');
        else copyQuote(i, null);
        break;
      }
      default:
        return;
    }
    ev.preventDefault();
  });

  // ---- Offline -------------------------------------------------------------

  // The service worker keeps the page's own files (never any text) so that
  // the page opens and analyses with no network after a first visit. It is
  // registered once the analyzer is ready, so that its copy of main.wasm
  // never competes with the first download, and only by a page it does
  // not control yet: a controlled page is checked for updates by the
  // browser itself.
  function registerOffline() {
    if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
    navigator.serviceWorker.register('sw.js').catch((err) => {
      // The page works without it, only not offline.
      console.warn(`Lede: offline use is unavailable (${err && err.message || err})`);
    });
  }
})();
