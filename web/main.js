// Lede's page script, the one index.html loads: it wires the modules
// together and starts the analyzer. Each module is one part of the page;
// state.js holds what they share.
//
//   analyzer.js   the Web Worker behind a promise API (window.lede)
//   run.js        one analysis of the text box: first look, progress, Cancel
//   render.js     the article; panels.js the two panels beside it
//   tooltips.js   the details of a quote or name; highlights.js a name's mentions
//   keyboard.js   every shortcut; intake.js paste, open and drop
//   downloads.js, clipboard.js  the results out, made by exports.js
//   status.js     the loading bar, the status line, toasts
//   jump.js       on a narrow screen, the bar that goes to each part
//   warm.js       the result's fonts, looked up while the page waits
//
// User text only ever reaches the page as text nodes (createTextNode,
// textContent), never as markup.

import {api, onState, startAnalyzer} from './analyzer.js';
import {showLoading} from './status.js';
import {initRun, armCancel} from './run.js';
import {initView} from './view.js';
import {initIntake, readFile, kindOf} from './intake.js';
import {htmlToText} from './html_to_text.js';
import {initTooltips} from './tooltips.js';
import {initHighlights} from './highlights.js';
import {initDownloads} from './downloads.js';
import {initClipboard} from './clipboard.js';
import {initKeyboard} from './keyboard.js';
import {registerOffline} from './offline.js';
import {initJump} from './jump.js';
import {warmFonts} from './warm.js';
import {toJSON, toCSV, toMarkdown, citation, slug, wordCount, speakers, sources, paragraphOf} from './exports.js';

// The page's surface for scripts: window.lede (README, "JavaScript"), and
// the pure exports and intake functions as they were before the page was
// split into modules.
window.lede = api;
globalThis.LedeExport = {toJSON, toCSV, toMarkdown, citation, slug, wordCount, speakers, sources, paragraphOf};
globalThis.LedeIntake = {htmlToText, readFile, kindOf};

let announced = false; // lede:ready dispatched

// The loading states, in this order: the page shows them first, so that
// body says ready before Cancel is armed for a request that waited, and
// before listeners of lede:ready run.
onState((msg) => {
  showLoading(msg);
  if (msg.type !== 'ready') return;
  armCancel(); // a request that waited for the analyzer runs now
  // Once per page: listeners that analyse on it must not run again after
  // a cancel restarts the analyzer (window.lede.ready tells).
  if (!announced) {
    announced = true;
    document.dispatchEvent(new Event('lede:ready'));
    registerOffline();
  }
});

initRun();
initView();
initIntake();
initTooltips();
initHighlights();
initDownloads();
initClipboard();
initKeyboard();
initJump();
startAnalyzer();
// For tests to wait on, as body's data-analyses.
warmFonts(() => { document.body.dataset.fontsWarm = 'true'; });
