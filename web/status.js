// What the page says about itself: the analyzer's loading bar, the status
// line under the text box, and short toasts at the foot of the window.
// All three are live regions, so a screen reader hears them too.

import {ui} from './dom.js';

// setStatus writes the status line; kind ('info', 'error', 'cancelled',
// 'stale') lets style.css colour it and the page know what it says.
export function setStatus(message, kind) {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind || 'info';
}

// statusKind is the kind of what the status line says now.
export const statusKind = () => ui.status.dataset.kind;

// showLoading follows the analyzer's loading states (see onState in
// analyzer.js) on the loading bar and in body's data-state and
// data-ready, which the rest of the page and the tests read.
export function showLoading(msg) {
  const {body, loader, loading, progress} = ui;
  switch (msg.type) {
    case 'progress': {
      // The first look comes first and alone on the line; the full
      // analyzer's download follows it.
      const first = msg.file === 'firstlook';
      // Once the first look can answer, say so first: the line is cut to
      // one line on a narrow screen.
      const what = first ? 'Downloading the first look…' :
        body.dataset.quick === 'true' ? 'First look ready · full analyzer' : 'Downloading the full analyzer…';
      const mb = (n) => (n / 1048576).toFixed(1);
      if (msg.total > 0) {
        progress.value = Math.min(100, Math.floor((100 * msg.loaded) / msg.total));
        loading.textContent = `${what} ${mb(msg.loaded)} of ${mb(msg.total)} MB`;
      } else {
        progress.removeAttribute('value'); // indeterminate
        loading.textContent = `${what} ${mb(msg.loaded)} MB`;
      }
      break;
    }
    case 'quick':
      // The first look can answer: a text pasted now shows its quotes
      // and well-known names at once.
      body.dataset.quick = 'true';
      if (!loader.dataset.done) loading.textContent = 'First look ready · downloading the full analyzer…';
      break;
    case 'loading':
      progress.removeAttribute('value');
      loading.textContent = 'Loading the full analyzer’s models…';
      break;
    case 'ready':
      progress.value = 100;
      loading.textContent = 'Ready';
      loader.dataset.done = 'true';
      body.dataset.state = 'ready';
      body.dataset.ready = 'true';
      if (statusKind() === 'cancelled') {
        setStatus('Analysis cancelled. The analyzer is ready again.', 'cancelled');
      }
      break;
    case 'restart':
    case 'healed': // a fresh worker replaces one that died or grew too big
      delete loader.dataset.done;
      progress.removeAttribute('value');
      loading.textContent = 'Restarting analyzer…';
      body.dataset.state = 'loading';
      body.dataset.ready = 'false';
      delete body.dataset.quick;
      break;
    case 'fatal':
      loader.dataset.done = 'true';
      loading.textContent = 'Analyzer unavailable';
      body.dataset.state = 'error';
      setStatus(`The analyzer could not start: ${msg.error}`, 'error');
      break;
  }
}

// How long a toast stays, long enough to read a short sentence.
const TOAST_MS = 2600;
let toastTimer = 0;

// toast shows a short confirmation at the foot of the window, and reads
// it out: the node is a polite live region.
export function toast(message, kind) {
  clearTimeout(toastTimer);
  ui.toast.textContent = message;
  ui.toast.dataset.kind = kind || 'info';
  ui.toast.dataset.show = 'true';
  toastTimer = setTimeout(() => {
    ui.toast.dataset.show = 'false';
  }, TOAST_MS);
}
