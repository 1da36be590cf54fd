// Lede analyzer worker. It downloads and compiles main.wasm (the Go
// analyzer), starts it, and answers analyze requests, so that neither the
// download nor a long analysis ever blocks the page. The page's side is
// analyzer.js. This stays a classic worker script, not a module: Go's
// wasm_exec.js is loaded with importScripts.
//
// Messages in:  {type: 'analyze', id, text}
//               {type: 'stats', id}
// Messages out: {type: 'progress', loaded, total}  download; total is 0 when unknown
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
// and reports how many have gone by, so that a streaming compile still
// shows the download's progress.
function counter(total) {
  let loaded = 0;
  let lastReport = 0;
  return new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      // Chunks are small; a message for each would flood the page.
      const now = Date.now();
      if (now - lastReport > 50) {
        lastReport = now;
        postMessage({type: 'progress', loaded, total});
      }
      controller.enqueue(chunk);
    },
    flush() {
      postMessage({type: 'progress', loaded, total: total || loaded});
    },
  });
}

// fetchWasm fetches url and returns the response with the size to expect.
async function fetchWasm(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`could not download ${url} (HTTP ${resp.status})`);
  // Content-Length counts the compressed bytes when the server sends a
  // precompressed file, while the stream yields decompressed ones; a
  // percentage from the two would run past 100, so call the total unknown.
  const encoded = (resp.headers.get('Content-Encoding') || 'identity') !== 'identity';
  const total = encoded ? 0 : Number(resp.headers.get('Content-Length')) || 0;
  return {resp, total};
}

// instantiate compiles url while it downloads, which saves the whole
// compile time after the last byte. The body goes through a counter into
// a Response of our own, labelled application/wasm whatever the host
// sent, because instantiateStreaming refuses any other type.
async function instantiate(url, imports) {
  if (typeof WebAssembly.instantiateStreaming === 'function' && typeof TransformStream === 'function') {
    let counted = null;
    try {
      const {resp, total} = await fetchWasm(url);
      if (resp.body) {
        counted = new Response(resp.body.pipeThrough(counter(total)), {
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
  const bytes = await download(url);
  return WebAssembly.instantiate(bytes, imports);
}

// download fetches url and returns its bytes, reporting progress as it goes.
async function download(url) {
  const {resp, total} = await fetchWasm(url);
  if (!resp.body) {
    const buf = new Uint8Array(await resp.arrayBuffer());
    postMessage({type: 'progress', loaded: buf.length, total: buf.length});
    return buf;
  }
  return new Uint8Array(await new Response(resp.body.pipeThrough(counter(total))).arrayBuffer());
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

async function start() {
  importScripts('wasm_exec.js');
  const go = new Go();
  // The Go program calls these from inside go.run, synchronously: first
  // ledeQuickReady, then, after loading the models (seconds during which
  // this worker can take no message), ledeReady. So the first looks must
  // be posted from inside ledeQuickReady, or they would come after all.
  self.ledeQuickReady = () => {
    if (quick || dead) return;
    quick = true;
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
  };
  // Called from inside ledeAnalyze; the message reaches the page at once
  // although this worker is still busy.
  self.ledeProgress = (done, total) => {
    if (current != null) postMessage({type: 'analysis-progress', id: current, done, total});
  };
  ({instance} = await instantiate(WASM_URL, go.importObject));
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
