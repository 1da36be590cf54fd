// Editing and reading: once a text is analysed the page reads as an
// article, and the text box folds away behind "Edit text", which brings
// it back. The text box keeps the reader's text exactly; the article is
// drawn from it.

import {ui} from './dom.js';

// showEditor shows or hides the text box, focusing it if asked.
export function showEditor(show, focus) {
  ui.editor.hidden = !show;
  ui.editButton.setAttribute('aria-expanded', String(show));
  ui.body.dataset.view = show ? 'edit' : 'read';
  if (show && focus) ui.textarea.focus();
}

// enterReading folds the text box away after text was drawn. Focus that
// was in the text box (or nowhere) moves to the article in the next
// frame, so that the reading keys work at once, and the page goes back to
// its top. A reader who went on typing while the analyzer loaded keeps
// the text box.
export function enterReading(text) {
  ui.editButton.hidden = false;
  if (ui.editor.hidden || ui.textarea.value !== text) return;
  const lost = focusLost(); // before the text box, and any focus in it, is hidden
  showEditor(false);
  if (!lost) return;
  // In the next frame, where the page is laid out anyway: focusing now
  // would lay it out at once, inside the task that drew the article, and
  // make that one long task instead of two short ones. A reader who has
  // gone on to something else by then keeps it.
  requestAnimationFrame(() => {
    if (!focusLost()) return;
    ui.article.focus({preventScroll: true});
    window.scrollTo(0, 0);
  });
}

// focusLost reports whether focus is in the text box or nowhere, where
// nothing the reader chose holds it.
function focusLost() {
  const active = document.activeElement;
  return !active || active === ui.body || ui.editor.contains(active);
}

export function initView() {
  ui.editButton.addEventListener('click', () => showEditor(ui.editor.hidden, true));
}
