// One analysis of the text box, from Analyze (or Ctrl+Enter, see
// keyboard.js) to the drawn result: the first look while the models load,
// progress on a long text, and Cancel.

import {ui} from './dom.js';
import {state} from './state.js';
import {analyzerFailure, requestAnalysis, restartAnalyzer} from './analyzer.js';
import {tooLarge} from './limits.js';
import {TYPES, plural} from './labels.js';
import {setStatus, statusKind} from './status.js';
import {showEditor, enterReading} from './view.js';
import {renderResult} from './render.js';

let runs = 0; // bumps on every request so that only the latest renders
let finished = 0; // analyses completed, for tests and scripts to wait on

// Cancel is offered only once an analysis has run this long: a quick one
// would make the button flash. Waiting for the analyzer to load does not
// count, as a restart would only wait longer.
const CANCEL_AFTER_MS = 300;
let cancelTimer = 0;

// armCancel shows Cancel soon if an analysis is running on a ready
// analyzer; main.js calls it on ready too, when a waiting request starts.
export function armCancel() {
  clearTimeout(cancelTimer);
  if (ui.body.dataset.busy !== 'true' || ui.body.dataset.ready !== 'true') return;
  cancelTimer = setTimeout(() => {
    ui.cancelButton.hidden = ui.body.dataset.busy !== 'true';
  }, CANCEL_AFTER_MS);
}

function disarmCancel() {
  clearTimeout(cancelTimer);
  ui.cancelButton.hidden = true;
}

// summary is the status line after an analysis: what was found.
function summary(result) {
  const count = Object.fromEntries(TYPES.map((t) => [t.type, 0]));
  for (const e of result.entities || []) count[e.type] = (count[e.type] || 0) + 1;
  const parts = TYPES.map((t) => plural(count[t.type], ...t.nouns));
  const quotes = (result.quotes || []).length;
  return `Found ${parts.join(', ')} and ${plural(quotes, 'quote', 'quotes')}.`;
}

// refuse says on the page why text cannot be analysed, if it cannot, and
// returns whether it did.
function refuse(text) {
  const {body} = ui;
  if (!text.trim()) {
    body.dataset.busy = 'false';
    setStatus('Paste some text first.', 'error');
    showEditor(true, true);
    return true;
  }
  // Refused here rather than by the analyzer so that the message stands
  // alone; the text stays in the text box for the reader to split.
  const over = tooLarge(text);
  if (over) {
    body.dataset.busy = 'false';
    setStatus(over, 'error');
    showEditor(true);
    return true;
  }
  if (analyzerFailure()) {
    setStatus(`The analyzer could not start: ${analyzerFailure().message}`, 'error');
    return true;
  }
  return false;
}

// run analyses the text box and draws the result; a later run makes an
// earlier one's answers, partial or full, go unshown.
export async function run() {
  const text = ui.textarea.value;
  const seq = ++runs;
  if (refuse(text)) return;
  const {body} = ui;
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
      // Not awaited: the full result takes over whenever it comes.
      const {shown} = renderResult(text, result, true, () => {
        if (seq !== runs) return;
        enterReading(text);
        setStatus('First look: quotes and well-known names — finding people and speakers…');
      });
      shown.catch(() => {}); // the full result will say what is wrong
    } catch (err) {
      return; // the full result will say what is wrong
    }
  };
  // Sentences tagged so far; tagging is most of the work, the rest is
  // quick, hence at most 99%.
  const progress = (done, total) => {
    if (seq !== runs || !(total > 0)) return;
    setStatus(`Analyzing… ${Math.min(99, Math.floor((100 * done) / total))}%`);
  };
  try {
    const result = await requestAnalysis(text, {partial, progress});
    if (seq !== runs) return;
    // The first screenful is drawn a task or two later and the view
    // switches to it then; the rest follows in pieces, and the analysis
    // is done once it is in.
    const {shown, drawn} = renderResult(text, result, false, () => {
      if (seq !== runs) return;
      enterReading(text);
      setStatus(`${summary(result)} (${Math.round(performance.now() - t0)} ms)`);
    });
    if (!(await shown) || !(await drawn) || seq !== runs) return;
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

// forgetInputError clears an error about the text once the text changes;
// an analyzer that cannot run stays reported.
export function forgetInputError() {
  if (statusKind() === 'error' && !analyzerFailure()) setStatus('');
}

// cancel stops the worker, the one way to interrupt Go code that runs,
// and starts a new one; the text and the last result stay as they are.
function cancel() {
  disarmCancel();
  setStatus('Analysis cancelled. The analyzer is restarting…', 'cancelled');
  // The focused Cancel button disappears; focus goes where work goes on.
  (ui.editor.hidden ? ui.article : ui.analyzeButton).focus();
  restartAnalyzer();
}

export function initRun() {
  ui.analyzeButton.addEventListener('click', run);
  ui.cancelButton.addEventListener('click', cancel);
  ui.textarea.addEventListener('input', () => {
    forgetInputError();
    state.source = ''; // the text is the reader's own now
    // The article below is the last text analysed, not this one: say so,
    // once, rather than redraw on every keystroke.
    if (!ui.results.hidden && ui.body.dataset.busy !== 'true' && statusKind() !== 'stale') {
      setStatus('The text has changed: Analyze updates the article.', 'stale');
    }
  });
}
