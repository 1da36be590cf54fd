// Lede analyzer worker. It downloads main.wasm (the Go analyzer), starts
// it, and answers analyze requests, so that neither the download nor a long
// analysis ever blocks the page.
//
// Messages in:  {type: 'analyze', id, text}
// Messages out: {type: 'progress', loaded, total}  total is 0 when unknown
//               {type: 'loading'}                  download done, model loading
//               {type: 'ready'}
//               {type: 'result', id, result}       result is the parsed Result
//               {type: 'error', id, error}
//               {type: 'fatal', error}             the analyzer cannot run
'use strict';

let ready = false;
let dead = false;

function fatal(err) {
  if (dead) return;
  dead = true;
  postMessage({type: 'fatal', error: String(err && err.message || err)});
}

// download fetches url and returns its bytes, reporting progress as it goes.
async function download(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`could not download ${url} (HTTP ${resp.status})`);
  // Content-Length counts the compressed bytes when the server sends a
  // precompressed file, while the stream yields decompressed ones; a
  // percentage from the two would run past 100, so call the total unknown.
  const encoded = (resp.headers.get('Content-Encoding') || 'identity') !== 'identity';
  const total = encoded ? 0 : Number(resp.headers.get('Content-Length')) || 0;
  if (!resp.body) {
    const buf = new Uint8Array(await resp.arrayBuffer());
    postMessage({type: 'progress', loaded: buf.length, total: buf.length});
    return buf;
  }
  const reader = resp.body.getReader();
  const chunks = [];
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // Chunks are small; a message for each would flood the page.
    const now = Date.now();
    if (now - lastReport > 50) {
      lastReport = now;
      postMessage({type: 'progress', loaded, total});
    }
  }
  postMessage({type: 'progress', loaded, total: total || loaded});
  const buf = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    buf.set(c, at);
    at += c.length;
  }
  return buf;
}

async function start() {
  importScripts('wasm_exec.js');
  const go = new Go();
  // The Go program calls this once its model is loaded and ledeAnalyze
  // is set.
  self.ledeReady = () => {
    if (ready || dead) return;
    ready = true;
    postMessage({type: 'ready'});
  };
  const bytes = await download('main.wasm');
  const {instance} = await WebAssembly.instantiate(bytes, go.importObject);
  postMessage({type: 'loading'});
  // go.run resolves only when the Go program exits, which it should never
  // do; so do not await it, but treat an exit as the analyzer dying.
  go.run(instance).then(
    () => fatal(new Error('The analyzer stopped unexpectedly.')),
    fatal,
  );
}

// analyze runs one request. ledeAnalyze never throws by contract, but a Go
// program that has exited makes any call throw, hence the try.
function analyze(id, text) {
  try {
    if (dead) throw new Error('The analyzer is not running.');
    if (!ready || typeof self.ledeAnalyze !== 'function') {
      throw new Error('The analyzer is not ready yet.');
    }
    const out = self.ledeAnalyze(String(text));
    if (out && typeof out.json === 'string') {
      postMessage({type: 'result', id, result: JSON.parse(out.json)});
    } else {
      const msg = out && out.error ? out.error : 'The analyzer returned nothing.';
      postMessage({type: 'error', id, error: String(msg)});
    }
  } catch (err) {
    postMessage({type: 'error', id, error: String(err && err.message || err)});
  }
}

self.onmessage = (ev) => {
  const msg = ev.data || {};
  if (msg.type === 'analyze') analyze(msg.id, msg.text);
};

start().catch(fatal);
