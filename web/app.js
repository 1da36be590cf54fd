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
  const analyzeButton = $('#analyze');
  const cancelButton = $('#cancel');
  const sampleButton = $('#sample');
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
      textarea.focus();
      return;
    }
    // Refused here rather than by analyze so that the message stands alone;
    // the text stays in the textarea for the reader to split.
    const over = tooLarge(text);
    if (over) {
      body.dataset.busy = 'false';
      setStatus(over, 'error');
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
      const ms = Math.round(performance.now() - t0);
      setStatus(`${summary(result)} (${ms} ms)`);
    } catch (err) {
      if (seq !== runs) return;
      // Cancel has said so already, and that the analyzer restarts.
      if (err.name !== 'AbortError') setStatus(`Analysis failed: ${err.message}`, 'error');
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
    analyzeButton.focus(); // the focused Cancel button disappears
    restart();
  });

  analyzeButton.addEventListener('click', run);
  textarea.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      run();
    }
  });
  textarea.addEventListener('input', () => {
    if (status.dataset.kind === 'error' && !failure) setStatus('');
  });

  sampleButton.addEventListener('click', async () => {
    try {
      const resp = await fetch('sample.txt');
      if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
      textarea.value = await resp.text();
      run();
    } catch (err) {
      setStatus(`Could not load the sample: ${err.message}`, 'error');
    }
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

  // Words as a reader counts them: "China-Russia" and "don't" are one.
  const wordCount = (s) => (String(s).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).length;

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
  let shown = {text: '', quotes: [], byId: new Map(), colors: new Map(), drawn: new Set(), partial: false};

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
    const groups = groupBySpeaker(quotes, byId);
    const colors = new Map(groups.filter((g) => g.entity).map((g) => [g.entity.id, g.color]));
    shown = {text, quotes, byId, colors, drawn: new Set(), partial};

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
    for (const p of paragraphs(result, text.length, valid)) {
      // Whatever lies between paragraphs (blank lines) stays in the DOM so
      // that the article's textContent is exactly the input; it collapses
      // visually because only paragraphs preserve white space.
      if (p.start > at) frag.append(text.slice(at, p.start));
      const candidates = running.filter((q) => q.end > p.start);
      for (; next < spans.length && spans[next].start < p.end; next++) candidates.push(spans[next]);
      running = candidates.filter((s) => s.kind === 'quote' && s.end > p.end);
      frag.append(renderParagraph(text, p, candidates));
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

  // groupBySpeaker returns the quotes' indexes grouped by speaker, most
  // quoted words first, with quotes nobody is named for last. Each
  // speaker's colour follows that order, so the panel reads 1, 2, 3….
  function groupBySpeaker(quotes, byId) {
    const groups = new Map();
    quotes.forEach((q, i) => {
      const entity = (q.speaker != null && byId.get(q.speaker)) || null;
      const key = entity ? entity.id : null;
      if (!groups.has(key)) groups.set(key, {entity, quotes: [], words: 0});
      const g = groups.get(key);
      g.quotes.push(i);
      g.words += wordCount(q.text || '');
    });
    // sort is stable: ties stay in order of first quote.
    const sorted = [...groups.values()].sort((a, b) =>
      Number(!a.entity) - Number(!b.entity) || b.words - a.words || b.quotes.length - a.quotes.length);
    sorted.forEach((g, k) => {
      if (g.entity) g.color = String((k % SPEAKER_COLORS) + 1);
    });
    return sorted;
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
        const item = el('li');
        item.append(button);
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
    const i = currentQuote();
    for (const node of article.querySelectorAll('.is-current, .is-cited')) {
      node.classList.remove('is-current', 'is-cited');
    }
    const q = i == null ? null : shown.quotes[i];
    tip.hidden = !q;
    if (!q) return;
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
    showQuote();
  });
  article.addEventListener('focusout', () => {
    focused = null;
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
      showQuote();
      highlight(null);
    }
  });
  speakerList.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.quote-link');
    if (button) goToQuote(Number(button.dataset.quote));
  });
  // A click on a quote pins its details, a click anywhere else unpins
  // them; but a name inside a quote is about the name, not the quote.
  document.addEventListener('click', (ev) => {
    if (ev.target.closest('mark[data-entity], button.quote-link')) return;
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
})();
