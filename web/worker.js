// Lede analyzer worker. It downloads and starts firstlook.wasm (the small
// first-look analyzer, no models), then main.wasm (the full Go analyzer),
// and answers analyze requests, so that neither the downloads nor a long
// analysis ever blocks the page. On a slow line the first look answers
// within seconds, while the full analyzer is still on its way. The page's
// side is analyzer.js. This stays a classic worker script, not a module:
// Go's wasm_exec.js is loaded with importScripts.
//
// Messages in:  {type: 'analyze', id, text}
//               {type: 'stats', id}
// Messages out: {type: 'progress', file, loaded, total}  download of file
//                                                  ('firstlook' or 'analyzer'), in
//                                                  bytes as decoded; total is 0 when unknown
//               {type: 'quick'}                    the first look can answer
//               {type: 'loading'}                  compiled, the models are loading
//               {type: 'partial', id, result}      first look, before the models load
//               {type: 'ready'}
//               {type: 'analysis-progress', id, done, total}  sentences tagged
//               {type: 'result', id, result, memory}  result is the parsed Result;
//                                                  memory the Go program's bytes after it
//               {type: 'error', id, error}
//               {type: 'stats', id, memory}        bytes of the Go program's memory
//               {type: 'fatal', error}             the analyzer cannot run
//               {type: 'died', id, error}          the analyzer stopped after it ran,
//                                                  during request id (or null)
//
// Requests that arrive before the analyzer is ready wait here: each gets a
// 'partial' from ledeQuick as soon as the Go program starts, and its
// 'result' once the models have loaded.
'use strict';

const WASM_URL = 'main.wasm';
const FIRST_LOOK_URL = 'firstlook.wasm';

// SIZES holds the analyzers' sizes in bytes, decoded, by URL: make dist
// writes them here, so that progress has a total when the host sends the
// files compressed (its Content-Length then counts compressed bytes,
// while the download yields decoded ones). Served from web/ as it is,
// the host's Content-Length gives them.
const SIZES = {};

let quick = false; // ledeQuick is set
let ready = false; // ledeAnalyze is set
let dead = false;
let instance = null; // the Go program's instance, for its memory size
let current = null; // id of the request being analysed, for ledeProgress
const waiting = []; // {id, text} received before ready, in order

function fatal(err) {
  if (dead) return;
  dead = true;
  // Once it has run, the analyzer stopping (out of memory, most likely)
  // is something the page recovers from with a fresh worker; before, it
  // cannot run at all.
  postMessage({type: ready ? 'died' : 'fatal', id: current, error: String(err && err.message || err)});
}

// memory is the Go program's memory in bytes, which only grows.
const memory = () => (instance ? instance.exports.mem.buffer.byteLength : 0);

// counter returns a TransformStream that passes bytes through unchanged
// and reports how many of file's have gone by, so that a streaming
// compile still shows the download's progress; done is called after the
// last byte.
function counter(file, total, done) {
  let loaded = 0;
  let lastReport = 0;
  return new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      // Chunks are small; a message for each would flood the page.
      const now = Date.now();
      if (now - lastReport > 50) {
        lastReport = now;
        postMessage({type: 'progress', file, loaded, total});
      }
      controller.enqueue(chunk);
    },
    flush() {
      postMessage({type: 'progress', file, loaded, total: total || loaded});
      if (done) done();
    },
  });
}

// fetchWasm fetches url and returns the response with the size to expect.
async function fetchWasm(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`could not download ${url} (HTTP ${resp.status})`);
  // Content-Length counts the compressed bytes when the server sends a
  // precompressed file, while the stream yields decompressed ones; a
  // percentage from the two would run past 100, so the total is then the
  // decoded size make dist wrote down, or unknown.
  const encoded = (resp.headers.get('Content-Encoding') || 'identity') !== 'identity';
  const total = (encoded ? SIZES[url] : Number(resp.headers.get('Content-Length'))) || 0;
  return {resp, total};
}

// instantiate compiles url while it downloads, which saves the whole
// compile time after the last byte. The body goes through a counter into
// a Response of our own, labelled application/wasm whatever the host
// sent, because instantiateStreaming refuses any other type. file names
// the download in progress messages; downloaded, if given, is called
// once the last byte is in, before the compile ends.
async function instantiate(url, imports, file, downloaded) {
  if (typeof WebAssembly.instantiateStreaming === 'function' && typeof TransformStream === 'function') {
    let counted = null;
    try {
      const {resp, total} = await fetchWasm(url);
      if (resp.body) {
        counted = new Response(resp.body.pipeThrough(counter(file, total, downloaded)), {
          headers: {'Content-Type': 'application/wasm'},
        });
        return await WebAssembly.instantiateStreaming(counted, imports);
      }
    } catch (err) {
      // Some browsers or hosts get in the way of streaming; the plain path
      // below fetches again and reports its own error if there is one.
      console.warn(`Lede: streaming compile failed (${err && err.message || err}); downloading first`);
      // Stops this download if it is still running (a read one refuses).
      if (counted && counted.body) counted.body.cancel().catch(() => {});
    }
  }
  const bytes = await download(url, file);
  if (downloaded) downloaded();
  return WebAssembly.instantiate(bytes, imports);
}

// download fetches url and returns its bytes, reporting progress as it goes.
async function download(url, file) {
  const {resp, total} = await fetchWasm(url);
  if (!resp.body) {
    const buf = new Uint8Array(await resp.arrayBuffer());
    postMessage({type: 'progress', file, loaded: buf.length, total: buf.length});
    return buf;
  }
  return new Uint8Array(await new Response(resp.body.pipeThrough(counter(file, total))).arrayBuffer());
}

// restoreTexts gives back to every span of result the reader's own
// characters. Go strings are UTF-8, so a lone surrogate (which JavaScript
// strings may hold) reaches the analyzer as U+FFFD: one code unit as well,
// so the offsets are right, but the words are not the input's. With them
// taken from the text, text.slice(start, end) is each mention's text and
// holds each quote's text between its marks, as SCHEMA.md promises.
function restoreTexts(text, result) {
  const wellFormed = typeof text.isWellFormed === 'function' ? text.isWellFormed() : !/[\uD800-\uDFFF]/.test(text);
  if (wellFormed || !result) return result;
  const fix = (m) => {
    if (m && Number.isInteger(m.start) && Number.isInteger(m.end)) m.text = text.slice(m.start, m.end);
  };
  for (const e of result.entities || []) (e.mentions || []).forEach(fix);
  for (const q of result.quotes || []) {
    fix(q.speakerMention);
    fix(q.cue);
    if (typeof q.text !== 'string') continue;
    // The words lie between the marks: find where, comparing as the
    // analyzer read them.
    const n = q.text.length;
    for (let k = q.start; k + n <= q.end; k++) {
      const s = text.slice(k, k + n);
      if (s.toWellFormed() === q.text) {
        q.text = s;
        break;
      }
    }
  }
  return result;
}

// post runs fn (ledeQuick or ledeAnalyze) on text and posts the parsed
// Result as type, or an error. Both never throw by contract, but a Go
// program that has exited makes any call throw, hence the try.
function post(type, fn, id, text) {
  try {
    text = String(text);
    const out = fn(text);
    if (out && typeof out.json === 'string') {
      postMessage({type, id, result: restoreTexts(text, JSON.parse(out.json)), memory: memory()});
      return;
    }
    // A first look that fails is only skipped: the full analysis says why.
    if (type === 'partial') return;
    if (!out && type !== 'partial') {
      fatal(new Error('The analyzer returned nothing.'));
      return;
    }
    postMessage({type: 'error', id, error: String(out.error)});
  } catch (err) {
    // A Go program that ran out of memory has exited: every call throws.
    if (type !== 'partial') fatal(err);
  }
}

function partial(id, text) {
  post('partial', self.ledeQuick, id, text);
}

function analyze(id, text) {
  if (dead) {
    postMessage({type: 'error', id, error: 'The analyzer is not running.'});
    return;
  }
  current = id;
  try {
    post('result', self.ledeAnalyze, id, text);
  } finally {
    current = null;
  }
}

// startFirstLook downloads and starts the first-look analyzer, which sets
// ledeQuick and calls ledeQuickReady at once. It resolves when its
// download is done (or has failed: the full analyzer answers first looks
// too, so the page only waits longer), so that the full analyzer's
// download starts then and does not share the line with it.
function startFirstLook() {
  return new Promise((resolve) => {
    const go = new Go();
    instantiate(FIRST_LOOK_URL, go.importObject, 'firstlook', resolve).then(({instance: first}) => {
      resolve();
      if (ready || dead) return;
      // It runs until ledeFirstLookStop; its end is not the analyzer's.
      go.run(first).catch((err) => console.warn(`Lede: the first look stopped (${err && err.message || err})`));
    }, (err) => {
      console.warn(`Lede: no first look (${err && err.message || err}); the full analyzer gives it`);
      resolve();
    });
  });
}

// stopFirstLook ends the first-look analyzer once the full one answers,
// so that its memory can go.
function stopFirstLook() {
  const stop = self.ledeFirstLookStop;
  delete self.ledeFirstLookStop;
  if (typeof stop === 'function') {
    try {
      stop();
    } catch (err) {
      // Already gone: nothing to free.
    }
  }
}

async function start() {
  importScripts('wasm_exec.js');
  // The Go programs call these from inside go.run, synchronously: the
  // first look calls ledeQuickReady as soon as it runs; the full analyzer
  // calls it too (it answers first looks itself, for a page without the
  // first-look analyzer), then, after loading the models (seconds during
  // which this worker can take no message), ledeReady. So the first looks
  // must be posted from inside ledeQuickReady, or they would come after
  // all.
  self.ledeQuickReady = () => {
    if (quick || dead) return;
    quick = true;
    postMessage({type: 'quick'});
    for (const r of waiting) partial(r.id, r.text);
  };
  self.ledeReady = () => {
    if (ready || dead) return;
    ready = true;
    postMessage({type: 'ready'});
    while (waiting.length) {
      const r = waiting.shift();
      analyze(r.id, r.text);
    }
    setTimeout(stopFirstLook, 0);
  };
  // Called from inside ledeAnalyze; the message reaches the page at once
  // although this worker is still busy.
  self.ledeProgress = (done, total) => {
    if (current != null) postMessage({type: 'analysis-progress', id: current, done, total});
  };
  await startFirstLook();
  const go = new Go();
  ({instance} = await instantiate(WASM_URL, go.importObject, 'analyzer'));
  postMessage({type: 'loading'});
  // go.run resolves only when the Go program exits, which it should never
  // do; so do not await it, but treat an exit as the analyzer dying.
  go.run(instance).then(
    () => fatal(new Error('The analyzer stopped unexpectedly.')),
    fatal,
  );
}

self.onmessage = (ev) => {
  const msg = ev.data || {};
  switch (msg.type) {
    case 'analyze':
      if (ready || dead) {
        analyze(msg.id, msg.text);
      } else {
        waiting.push({id: msg.id, text: msg.text});
        if (quick) partial(msg.id, msg.text);
      }
      break;
    case 'stats':
      postMessage({type: 'stats', id: msg.id, memory: memory()});
      break;
  }
};

start().catch(fatal);
