// The page's one script (index.html). It lets the page paint before the
// rest of its JavaScript is fetched and run. main.js and the 23 modules
// it imports, requested with the page as they used to be, competed with
// the style sheet for the line, and the analyzer they start competed with
// the first paint for the processor: Lighthouse's first contentful paint was
// 1.3 s, and in half its loads the page showed nothing for a second. So
// this script waits for the first paint, then imports main.js and
// preloads the modules main.js imports, a few at a time, so that they
// arrive together rather than one level of imports after another.
//
// A reader may act before main.js has run. Typing needs nothing (the
// text box keeps it), but a click on a button (Load sample, Analyze, Open
// file…), Ctrl+Enter, a file chosen or dropped, or a paste outside the
// text box would find no listener, and a dropped file would replace the
// page. So until main.js has run, this script holds each of them and
// then plays it again, in order, to the listeners main.js has added.
//
// window.lede (main.js) is the sign that the modules have run.

// MODULES are the modules main.js imports, directly or not. cmd/dist's
// tests check the list against main.js's imports, and make dist rewrites
// its names as it does an import's.
const MODULES = [
  'analyzer.js',
  'clipboard.js',
  'dom.js',
  'downloads.js',
  'exports.js',
  'headline.js',
  'highlights.js',
  'html_to_text.js',
  'intake.js',
  'jump.js',
  'keyboard.js',
  'labels.js',
  'limits.js',
  'offline.js',
  'panels.js',
  'reader_mode.js',
  'render.js',
  'run.js',
  'state.js',
  'status.js',
  'text.js',
  'tooltips.js',
  'view.js',
  'warm.js',
];

// As many preloads at once as a browser opens connections to one host
// over HTTP/1.1: more would only queue, and their compiling would come in
// longer tasks.
const PRELOADS_AT_ONCE = 6;

// A tab in the background paints nothing; its modules load after this
// long anyway, so that it is ready when the reader comes to it.
const FIRST_PAINT_WAIT_MS = 2000;

// The events held until main.js has run (see hold).
const HELD = ['click', 'keydown', 'change', 'dragenter', 'dragover', 'drop', 'paste'];

// held are the reader's actions waiting for main.js, as functions that
// play each again.
const held = [];

// hold keeps an action that main.js will handle, stopping it here so that
// nothing handles it twice should main.js's listeners already be there.
// Other events go on as usual.
function hold(ev) {
  if ((ev.type === 'dragenter' || ev.type === 'dragover') && carriesFiles(ev)) {
    // The browser drops files only where these were cancelled, and would
    // otherwise open the file in place of the page.
    ev.preventDefault();
    return;
  }
  const replay = replayOf(ev);
  if (!replay) return;
  ev.stopImmediatePropagation();
  ev.preventDefault();
  held.push(replay);
}

// replayOf returns a function that dispatches ev again, or null for an
// event this script leaves alone.
function replayOf(ev) {
  const target = ev.target;
  switch (ev.type) {
    case 'click': {
      const button = target instanceof Element ? target.closest('button') : null;
      return button ? () => button.click() : null;
    }
    case 'keydown': {
      if (ev.key !== 'Enter' || !(ev.ctrlKey || ev.metaKey) || ev.altKey || ev.shiftKey) return null;
      const {key, code, ctrlKey, metaKey} = ev;
      return () => target.dispatchEvent(new KeyboardEvent('keydown', {key, code, ctrlKey, metaKey, bubbles: true, cancelable: true}));
    }
    case 'change':
      // The chosen file stays in the input.
      if (!(target instanceof HTMLInputElement && target.type === 'file')) return null;
      return () => target.dispatchEvent(new Event('change', {bubbles: true}));
    case 'drop': {
      if (!carriesFiles(ev)) return null;
      // The files can only be read while the event is handled.
      const files = [...ev.dataTransfer.files];
      return () => {
        const data = new DataTransfer();
        for (const file of files) data.items.add(file);
        target.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
      };
    }
    case 'paste': {
      // In the text box the browser pastes as usual.
      if (isEditable(target) || !ev.clipboardData) return null;
      const html = ev.clipboardData.getData('text/html');
      const plain = ev.clipboardData.getData('text/plain');
      if (!html.trim() && !plain.trim()) return null;
      return () => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', plain);
        target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
      };
    }
  }
  return null;
}

const carriesFiles = (ev) => !!ev.dataTransfer && [...ev.dataTransfer.types].includes('Files');

// isEditable is dom.js's, which this script cannot import without
// fetching it before the first paint.
const isEditable = (node) => node instanceof Element &&
  (node.matches('textarea, input, select') || node.isContentEditable);

// afterFirstPaint resolves once the page's first content is on the
// screen. The browser reports that (a paint entry) only once the frame
// is shown, which on a busy machine can be well after the task that drew
// it. Without paint entries, the task after the first animation frame,
// which comes once that frame is drawn, is the sign.
function afterFirstPaint() {
  return new Promise((resolve) => {
    let observer = null;
    const done = () => {
      if (observer) observer.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, FIRST_PAINT_WAIT_MS);
    if ((PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) done();
      });
      observer.observe({type: 'paint', buffered: true});
    } else {
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

// preload adds a <link rel="modulepreload"> for each module, a few at a
// time, each few once the last have arrived. main.js's import finds them
// fetched, or on their way, rather than asking for each only once the
// module that imports it has arrived.
async function preload(names) {
  for (let i = 0; i < names.length; i += PRELOADS_AT_ONCE) {
    await Promise.all(names.slice(i, i + PRELOADS_AT_ONCE).map((name) => new Promise((resolve) => {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = new URL(name, import.meta.url).href;
      // A failed preload is only a lost head start: the import reports it.
      link.onload = link.onerror = resolve;
      document.head.append(link);
    })));
  }
}

// start loads main.js after the first paint, then plays the held actions
// again to the listeners it added.
async function start() {
  await afterFirstPaint();
  preload(MODULES);
  try {
    await import('./main.js');
  } catch (err) {
    const status = document.getElementById('status');
    status.textContent = 'Lede could not load its scripts; reload the page to try again.';
    status.dataset.kind = 'error';
    throw err;
  } finally {
    for (const type of HELD) window.removeEventListener(type, hold, true);
  }
  for (const action of held.splice(0)) action();
}

for (const type of HELD) window.addEventListener(type, hold, true);
start();
