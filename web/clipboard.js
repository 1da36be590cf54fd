// Copying a quote as a reporter would paste it: “words” — Speaker, role.
// From the Copy buttons of "Who said what" here, and from the c key (see
// keyboard.js).

import {ui} from './dom.js';
import {state} from './state.js';
import {citation} from './exports.js';
import {clip} from './text.js';
import {toast} from './status.js';

// How long a Copy button says "Copied".
const COPIED_MS = 2000;

// writeClipboard copies text, by the Clipboard API where the browser
// allows it, else by the older copy command on a hidden text box.
async function writeClipboard(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (err) {
    // Refused (no permission, the page not focused): try the old way.
  }
  const active = document.activeElement;
  const helper = document.createElement('textarea');
  helper.value = text;
  helper.readOnly = true;
  helper.className = 'clipboard-helper';
  ui.body.append(helper);
  helper.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (err) {
    ok = false;
  }
  helper.remove();
  if (active && active !== ui.body && typeof active.focus === 'function') active.focus({preventScroll: true});
  return ok;
}

// copyQuote copies quote i and says so in the toast and, if a button
// asked, on the button.
export async function copyQuote(i, button) {
  const {quotes, partial, byId} = state.shown;
  const q = quotes[i];
  if (!q) return;
  const speaker = !partial && q.speaker != null ? byId.get(q.speaker) : null;
  const text = citation(q, speaker);
  const ok = await writeClipboard(text);
  if (!ok) {
    toast('Could not copy: the browser did not allow it. Select the words and copy them instead.', 'error');
    return;
  }
  toast(`Copied ${clip(text, 90)}`);
  if (button) {
    button.textContent = 'Copied';
    button.dataset.copied = 'true';
    setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.copied;
    }, COPIED_MS);
  }
}

export function initClipboard() {
  ui.speakerList.addEventListener('click', (ev) => {
    const copy = ev.target.closest('button.copy-quote');
    if (copy) copyQuote(Number(copy.dataset.copy), copy);
  });
}
