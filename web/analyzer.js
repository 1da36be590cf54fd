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
let worker = null;

// ready resolves when the current worker's analyzer is ready; a restart
// that comes before it keeps the same promise.
const readiness = {promise: null, settled: true, resolve: null, reject: null};

// onState registers fn for the loading states: {type: 'progress', loaded,
// total}, 'loading', 'ready', 'restart' and {type: 'fatal', error}.
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

// receive handles one message of the current worker.
function receive(msg) {
  const p = pending.get(msg.id);
  switch (msg.type) {
    case 'progress':
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
      if (msg.type === 'result') p.resolve(msg.result);
      else if (msg.type === 'stats') p.resolve({memory: Number(msg.memory) || 0});
      else p.reject(new Error(msg.error));
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
    if (worker === w) fail(ev.message || 'The analyzer worker failed to start.');
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
    pending.set(id, {...hooks, resolve, reject});
    worker.postMessage({...msg, id});
  });
}

// requestAnalysis resolves with the full Result for text. hooks.partial
// gets the first look, hooks.progress(done, total) the sentences tagged.
export async function requestAnalysis(text, hooks) {
  text = String(text);
  const over = tooLarge(text);
  if (over) throw new Error(over);
  return ask({type: 'analyze', text}, hooks);
}

// The promise API that main.js publishes as window.lede.
export const api = {
  // analyze resolves with the full Result for text, waiting for the
  // analyzer to be ready if need be.
  analyze: (text) => requestAnalysis(text),
  // stats resolves with {memory}: the bytes of the Go program's memory.
  stats: () => ask({type: 'stats'}),
  // The current worker's; after a cancel, the restarted analyzer's.
  get ready() {
    return readiness.promise;
  },
};
