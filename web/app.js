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

  const listeners = new Set(); // loading-state observers, see onState
  const pending = new Map(); // request id → {resolve, reject}
  let nextId = 1;
  let failure = null; // Error once the analyzer cannot run
  let worker = null;

  let readyResolve;
  let readyReject;
  const ready = new Promise((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  // Callers that never look at ready must not see an unhandled rejection;
  // the page reports the failure itself.
  ready.catch(() => {});

  function emit(state) {
    for (const fn of listeners) fn(state);
  }

  function fail(message) {
    if (failure) return;
    failure = new Error(message || 'The analyzer failed.');
    readyReject(failure);
    for (const {reject} of pending.values()) reject(failure);
    pending.clear();
    emit({type: 'fatal', error: failure.message});
  }

  try {
    worker = new Worker('worker.js');
    worker.onmessage = (ev) => {
      const msg = ev.data || {};
      switch (msg.type) {
        case 'progress':
        case 'loading':
          emit(msg);
          break;
        case 'ready':
          readyResolve();
          emit(msg);
          break;
        case 'result':
        case 'error': {
          const p = pending.get(msg.id);
          if (!p) return;
          pending.delete(msg.id);
          if (msg.type === 'result') p.resolve(msg.result);
          else p.reject(new Error(msg.error));
          break;
        }
        case 'fatal':
          fail(msg.error);
          break;
      }
    };
    worker.onerror = (ev) => {
      // Handled here and shown on the page, so keep it off the console.
      ev.preventDefault();
      fail(ev.message || 'The analyzer worker failed to start.');
    };
  } catch (err) {
    // For example when the page is opened from file:// instead of a server.
    queueMicrotask(() => fail(`The analyzer worker could not be created: ${err.message}`));
  }

  // analyze resolves with the Result for text. Requests made before the
  // analyzer is ready wait for it rather than fail.
  async function analyze(text) {
    await ready;
    if (failure) throw failure;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {resolve, reject});
      worker.postMessage({type: 'analyze', id, text: String(text)});
    });
  }

  window.lede = {analyze, ready};

  // onState registers fn for loading-state messages.
  const onState = (fn) => listeners.add(fn);

  // ---- Page wiring -------------------------------------------------------

  const $ = (sel) => document.querySelector(sel);
  const body = document.body;
  const textarea = $('#text');
  const analyzeButton = $('#analyze');
  const sampleButton = $('#sample');
  const loader = $('#loader');
  const loading = $('#loading');
  const progress = $('#progress');
  const status = $('#status');
  const results = $('#results');
  const article = $('#article');
  const entityRows = $('#entities tbody');
  const quotesSection = $('#quotes-section');
  const quoteList = $('#quotes');

  if (/Mac|iPhone|iPad/.test(navigator.userAgent)) {
    const key = $('#shortcut kbd');
    if (key) key.textContent = '⌘';
  }

  function setStatus(message, kind) {
    status.textContent = message;
    status.dataset.kind = kind || 'info';
  }

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
        document.dispatchEvent(new Event('lede:ready'));
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

  async function run() {
    const text = textarea.value;
    const seq = ++runs;
    if (!text.trim()) {
      body.dataset.busy = 'false';
      setStatus('Paste some text first.', 'error');
      textarea.focus();
      return;
    }
    if (failure) {
      setStatus(`The analyzer could not start: ${failure.message}`, 'error');
      return;
    }
    body.dataset.busy = 'true';
    setStatus(body.dataset.ready === 'true' ? 'Analyzing…' : 'Waiting for the analyzer to load…');
    const t0 = performance.now();
    try {
      const result = await analyze(text);
      if (seq !== runs) return;
      render(text, result);
      const ms = Math.round(performance.now() - t0);
      setStatus(`${summary(result)} (${ms} ms)`);
    } catch (err) {
      if (seq !== runs) return;
      setStatus(`Analysis failed: ${err.message}`, 'error');
    } finally {
      if (seq === runs) {
        body.dataset.busy = 'false';
        body.dataset.analyses = String(++finished);
      }
    }
  }

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

  function render(text, result) {
    if (!result || result.offsets !== 'utf16') {
      throw new Error(`the analyzer returned offsets in ${result && result.offsets}, expected utf16`);
    }
    const entities = Array.isArray(result.entities) ? result.entities : [];
    const quotes = Array.isArray(result.quotes) ? result.quotes : [];
    const byId = new Map(entities.map((e) => [e.id, e]));

    // Bad offsets from the analyzer must not corrupt the text: spans that
    // are out of range are dropped, and all text comes from the input.
    const valid = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) &&
      s.start >= 0 && s.start < s.end && s.end <= text.length;

    const spans = [];
    for (const q of quotes) {
      if (valid(q)) spans.push({start: q.start, end: q.end, kind: 'quote', quote: q});
    }
    for (const e of entities) {
      for (const m of e.mentions || []) {
        if (valid(m)) spans.push({start: m.start, end: m.end, kind: 'mark', entity: e});
      }
    }

    const frag = document.createDocumentFragment();
    let at = 0;
    for (const p of paragraphs(result, text.length, valid)) {
      // Whatever lies between paragraphs (blank lines) stays in the DOM so
      // that the article's textContent is exactly the input; it collapses
      // visually because only paragraphs preserve white space.
      if (p.start > at) frag.append(text.slice(at, p.start));
      frag.append(renderParagraph(text, p, spans, byId));
      at = p.end;
    }
    if (at < text.length) frag.append(text.slice(at));

    pinned = null;
    article.replaceChildren(frag);
    renderEntities(entities);
    renderQuotes(quotes, byId);
    results.hidden = false;
  }

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
  // quotes, first), each opened inside the innermost open span that
  // contains it. A span that crosses the end of an open one cannot nest and
  // is skipped, as are marks inside marks and quotes inside quotes. Quotes
  // that run over a paragraph break are cut at it; marks are not.
  function renderParagraph(text, para, spans, byId) {
    const mine = [];
    for (const s of spans) {
      if (s.end <= para.start || s.start >= para.end) continue;
      if (s.start >= para.start && s.end <= para.end) {
        mine.push(s);
      } else if (s.kind === 'quote') {
        mine.push({...s, start: Math.max(s.start, para.start), end: Math.min(s.end, para.end)});
      }
    }
    const rank = (s) => (s.kind === 'quote' ? 0 : 1);
    mine.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));

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
      const node = s.kind === 'quote' ? quoteNode(s.quote, byId) : markNode(s.entity);
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

  function quoteNode(q, byId) {
    const speaker = q.speaker != null ? byId.get(q.speaker) : null;
    const span = el('span', null, {kind: String(q.kind || 'direct')}, 'quote');
    if (speaker) {
      span.dataset.speaker = String(speaker.id);
      span.title = `Quote: ${speaker.name}`;
    } else {
      span.dataset.unattributed = 'true';
      span.title = q.kind === 'partial' ? 'Quoted phrase' : 'Quote: speaker unknown';
    }
    return span;
  }

  function renderEntities(entities) {
    const first = (e) => (e.mentions && e.mentions.length ? e.mentions[0].start : Infinity);
    const count = (e) => (e.mentions || []).length;
    const sorted = [...entities].sort((a, b) => count(b) - count(a) || first(a) - first(b));
    const rows = sorted.map((e) => {
      const tr = el('tr', null, {entity: String(e.id)});
      const name = el('td');
      name.append(el('button', e.name, {entity: String(e.id)}, 'entity-link'));
      if (Array.isArray(e.roles) && e.roles.length) {
        name.append(el('span', e.roles.join('; '), null, 'roles'));
      }
      const type = el('td');
      type.append(el('span', null, {type: String(e.type)}, 'swatch'), typeLabel(e.type));
      tr.append(name, type, el('td', String(count(e)), null, 'num'));
      return tr;
    });
    if (rows.length === 0) {
      const tr = el('tr');
      const td = el('td', 'Nobody and nothing named.', null, 'empty');
      td.colSpan = 3;
      tr.append(td);
      rows.push(tr);
    }
    entityRows.replaceChildren(...rows);
  }

  function renderQuotes(quotes, byId) {
    const shown = quotes.filter((q) => q.kind !== 'partial' || q.speaker != null);
    quoteList.replaceChildren(...shown.map((q) => {
      const speaker = q.speaker != null ? byId.get(q.speaker) : null;
      const li = el('li');
      if (speaker) {
        li.append(el('button', speaker.name, {entity: String(speaker.id)}, 'entity-link speaker'));
      } else {
        li.append(el('span', 'Unattributed', null, 'speaker unknown'));
      }
      li.append(el('q', q.text));
      const how = [q.kind, q.method, q.cue && q.cue.text ? `“${q.cue.text}”` : '']
        .filter(Boolean).join(' · ');
      const conf = typeof q.confidence === 'number' ? ` · ${Math.round(q.confidence * 100)}%` : '';
      li.append(el('span', how + conf, null, 'how'));
      return li;
    }));
    quotesSection.hidden = shown.length === 0;
  }

  // ---- Highlighting every mention of one entity --------------------------

  let pinned = null; // entity id fixed by a click, shown when not hovering

  function highlight(id) {
    for (const node of document.querySelectorAll('.is-active')) node.classList.remove('is-active');
    if (!id) return;
    const sel = `mark[data-entity="${CSS.escape(id)}"], tr[data-entity="${CSS.escape(id)}"]`;
    for (const node of document.querySelectorAll(sel)) node.classList.add('is-active');
  }

  // entityAt returns the entity a pointer event is about: a mark's entity,
  // or the speaker of a quote.
  function entityAt(target) {
    const mark = target.closest && target.closest('mark[data-entity]');
    if (mark) return mark.dataset.entity;
    const quote = target.closest && target.closest('.quote[data-speaker]');
    return quote ? quote.dataset.speaker : null;
  }

  article.addEventListener('mouseover', (ev) => highlight(entityAt(ev.target) || pinned));
  article.addEventListener('mouseleave', () => highlight(pinned));
  article.addEventListener('click', (ev) => {
    const mark = ev.target.closest('mark[data-entity]');
    if (!mark) return;
    pinned = pinned === mark.dataset.entity ? null : mark.dataset.entity;
    highlight(pinned || mark.dataset.entity);
  });
  // The list's buttons make the same highlighting reachable by keyboard.
  results.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.entity-link');
    if (!button) return;
    const id = button.dataset.entity;
    pinned = pinned === id ? null : id;
    highlight(pinned);
    const first = pinned && article.querySelector(`mark[data-entity="${CSS.escape(id)}"]`);
    if (first) first.scrollIntoView({block: 'center', behavior: 'smooth'});
  });
})();
