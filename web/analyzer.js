// The analyzer: worker.js (the Go program compiled to WebAssembly, in a
// Web Worker) behind a promise API. Nothing here touches the page; the
// page learns how loading goes through onState, and scripts get
// window.lede (see main.js), made of analyze, stats and ready below.
//
// Requests go to the worker at once, even before the analyzer is ready:
// the worker keeps them, answers with a first look as soon as it can and
// with the full Result once the models are in.

import {tooLarge} from './limits.js';

const listeners = new Set(); // loading-state observers, see onState
// request id → {resolve, reject, partial, progress}: analyses and stats
// the worker has not answered yet.
const pending = new Map();
let nextId = 1;
let failure = null; // Error once this worker's analyzer cannot run
let lastMemory = 0; // the Go program's bytes after the last analysis, before any replacement
let workerMemory = 0; // the current worker's Go program's bytes, as it last told
let worker = null;

// ready resolves when the current worker's analyzer is ready; a restart
// that comes before it keeps the same promise.
const readiness = {promise: null, settled: true, resolve: null, reject: null};

// onState registers fn for the loading states: {type: 'progress', file,
// loaded, total} (file 'firstlook' or 'analyzer'), 'quick' (the first
// look can answer), 'loading', 'ready', 'restart', {type: 'healed', reason} (a
// fresh worker replaced one that died or grew too big) and {type:
// 'fatal', error}.
export const onState = (fn) => listeners.add(fn);

// analyzerFailure is the Error that keeps the analyzer from running, or
// null while it runs or loads.
export const analyzerFailure = () => failure;

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
  readiness.settled = true;
  readiness.reject(failure);
  rejectAll(failure);
  emit({type: 'fatal', error: failure.message});
}

// OUT_OF_MEMORY is what the analysis that was running when its worker
// died is told: the likely cause, and that the reader loses nothing.
export const OUT_OF_MEMORY = 'This text needed more memory than the browser allows; nothing was lost — try a shorter text.';

// HEAL_BYTES is the Go program's memory past which its worker is replaced
// after answering: a wasm heap never shrinks, and an article needs far
// less (tens of megabytes), so a worker this big keeps memory the tab no
// longer needs; a new one loads from the cache in a second or two.
export const HEAL_BYTES = 400 << 20;

// A long text (FRESH_CHARS or more) goes to a fresh worker when the
// current one has grown past FRESH_BYTES: the heap a long text left
// behind is free but cut up, and the next long text's large arrays would
// not fit in its gaps but grow it further (the six hostile texts of
// TestHostileSequence reached 446 MB in one worker, at most 343 MB each
// in a fresh one).
const FRESH_CHARS = 256 << 10;
const FRESH_BYTES = 128 << 20;

// heal replaces the worker by a fresh one: the request it was running
// (id, if any) is rejected with why, the others are sent again to the new
// worker, and window.lede.ready follows it. A worker that dies before it
// is ready is not replaced: the analyzer then cannot run (fail).
function heal(id, reason) {
  const old = worker;
  if (old) old.terminate();
  worker = null;
  const again = [];
  for (const [key, p] of pending) {
    if (key === id) p.reject(new Error(reason === 'memory' ? OUT_OF_MEMORY : 'The analyzer stopped and was restarted; nothing was lost. Try again.'));
    else if (p.msg) again.push([key, p]);
    else p.reject(new Error('The analyzer was restarted.'));
  }
  pending.clear();
  workerMemory = 0;
  emit({type: 'healed', reason});
  startAnalyzer();
  for (const [key, p] of again) {
    pending.set(key, p);
    worker.postMessage({...p.msg, id: key});
  }
}

// receive handles one message of the current worker.
function receive(msg) {
  const p = pending.get(msg.id);
  switch (msg.type) {
    case 'progress':
    case 'quick':
    case 'loading':
      emit(msg);
      break;
    case 'ready':
      readiness.settled = true;
      readiness.resolve();
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
      if (msg.type !== 'error') workerMemory = Number(msg.memory) || 0;
      if (msg.type === 'result') {
        lastMemory = Number(msg.memory) || 0;
        p.resolve(msg.result);
      } else if (msg.type === 'stats') {
        p.resolve({memory: Number(msg.memory) || 0, lastAnalysisMemory: lastMemory});
      }
      else p.reject(new Error(msg.error));
      // A worker whose memory grew past HEAL_BYTES is replaced once it
      // has nothing else to do.
      if (msg.type === 'result' && Number(msg.memory) > HEAL_BYTES && pending.size === 0) heal(null, 'size');
      break;
    case 'died':
      heal(msg.id, 'memory');
      break;
    case 'fatal':
      fail(msg.error);
      break;
  }
}

// startAnalyzer starts a worker, which downloads and loads the analyzer.
export function startAnalyzer() {
  failure = null;
  if (readiness.settled) {
    readiness.settled = false;
    readiness.promise = new Promise((resolve, reject) => {
      readiness.resolve = resolve;
      readiness.reject = reject;
    });
    // Callers that never look at ready must not see an unhandled
    // rejection; the page reports the failure itself.
    readiness.promise.catch(() => {});
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
    if (worker !== w) return;
    // A worker that was ready and then failed is replaced; one that never
    // got ready cannot run here.
    if (readiness.settled && !failure) heal(running(), 'crash');
    else fail(ev.message || 'The analyzer worker failed to start.');
  };
}

// restartAnalyzer stops the worker mid-analysis, the only way to stop Go
// code that is running, and starts a fresh one, which loads the analyzer
// again. Every request pending is rejected with a "cancelled" error.
export function restartAnalyzer() {
  if (worker) worker.terminate();
  worker = null;
  const err = new Error('The analysis was cancelled.');
  err.name = 'AbortError';
  rejectAll(err);
  emit({type: 'restart'});
  startAnalyzer();
}

// ask sends msg to the worker with a fresh id and returns a promise of
// its answer; hooks may add partial and progress callbacks.
function ask(msg, hooks) {
  if (failure) return Promise.reject(failure);
  if (!worker) return Promise.reject(new Error('The analyzer is not running.'));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    // Analyses keep their message, to be sent again if the worker is
    // replaced before it answers them.
    pending.set(id, {...hooks, resolve, reject, msg: msg.type === 'analyze' ? msg : null});
    worker.postMessage({...msg, id});
  });
}

// running is the id of the oldest analysis still pending: the worker
// answers in order, so it is the one a crash interrupted.
function running() {
  for (const [id, p] of pending) if (p.msg) return id;
  return null;
}

// requestAnalysis resolves with the full Result for text. hooks.partial
// gets the first look, hooks.progress(done, total) the sentences tagged.
export async function requestAnalysis(text, hooks) {
  text = String(text);
  const over = tooLarge(text);
  if (over) throw new Error(over);
  if (text.length >= FRESH_CHARS && workerMemory > FRESH_BYTES && worker && !failure) heal(null, 'size');
  return ask({type: 'analyze', text}, hooks);
}

// The promise API that main.js publishes as window.lede.
export const api = {
  // analyze resolves with the full Result for text, waiting for the
  // analyzer to be ready if need be.
  analyze: (text) => requestAnalysis(text),
  // stats resolves with {memory, lastAnalysisMemory}: the bytes of the
  // Go program's memory now, and as the last analysis left it (a worker
  // that grew past HEAL_BYTES is replaced after it, so memory may be the
  // fresh worker's).
  stats: () => ask({type: 'stats'}),
  // The current worker's; after a cancel, the restarted analyzer's.
  get ready() {
    return readiness.promise;
  },
};
