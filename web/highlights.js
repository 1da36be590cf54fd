// Linked highlights: every mention of one entity, and its row in the
// "Named" panel, light up together (is-active) while a mention, a row or
// a speaker's quote is under the pointer or focus; a click pins the
// entity so that it stays lit. The legend's type buttons switch a type's
// colours off.

import {ui, scrollToCentre} from './dom.js';
import {state} from './state.js';

// highlight marks entity id's mentions and panel row as is-active; the
// pinned entity's row also reads as pressed. null lights nothing.
export function highlight(id) {
  for (const node of document.querySelectorAll('.is-active')) node.classList.remove('is-active');
  for (const b of ui.entityPanel.querySelectorAll('button.entity-row')) {
    b.setAttribute('aria-pressed', String(b.dataset.entity === state.pinnedEntity));
  }
  if (!id) return;
  const sel = `mark[data-entity="${CSS.escape(id)}"], li.entity[data-entity="${CSS.escape(id)}"]`;
  for (const node of document.querySelectorAll(sel)) node.classList.add('is-active');
}

// pin toggles entity id as the pinned one and shows it, or, once
// unpinned, still id while the pointer or focus is on it.
function pin(id) {
  state.pinnedEntity = state.pinnedEntity === id ? null : id;
  highlight(state.pinnedEntity || id);
}

// A type switched off in the legend keeps its marks, so the text and the
// mentions stay; style.css drops their colours by this class.
const hideClass = (type) => `hide-${String(type).toLowerCase()}`;
export const typeHidden = (type) => ui.article.classList.contains(hideClass(type));

// entityAt returns the entity a pointer event in the article is about: a
// mark's entity, unless its type is switched off, or the speaker of a
// quote.
function entityAt(target) {
  const mark = target.closest && target.closest('mark[data-entity]');
  if (mark && !typeHidden(mark.dataset.type)) return mark.dataset.entity;
  const quote = target.closest && target.closest('.quote[data-speaker]');
  return quote ? quote.dataset.speaker : null;
}

// rowEntity returns the entity of the panel row that holds target.
const rowEntity = (target) => {
  const b = target.closest && target.closest('button.entity-row');
  return b ? b.dataset.entity : null;
};

export function initHighlights() {
  const {article, entityPanel, results} = ui;
  for (const toggle of ui.typeToggles) {
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      article.classList.toggle(hideClass(toggle.dataset.type), !on);
    });
  }

  article.addEventListener('mouseover', (ev) => highlight(entityAt(ev.target) || state.pinnedEntity));
  article.addEventListener('mouseleave', () => highlight(state.pinnedEntity));
  article.addEventListener('click', (ev) => {
    const mark = ev.target.closest('mark[data-entity]');
    if (mark && !typeHidden(mark.dataset.type)) pin(mark.dataset.entity);
  });

  // The panel previews an entity under the pointer or keyboard focus, as
  // the article does; leaving it goes back to the pinned one.
  entityPanel.addEventListener('mouseover', (ev) => highlight(rowEntity(ev.target) || state.pinnedEntity));
  entityPanel.addEventListener('mouseleave', () => highlight(state.pinnedEntity));
  entityPanel.addEventListener('focusin', (ev) => highlight(rowEntity(ev.target) || state.pinnedEntity));
  entityPanel.addEventListener('focusout', () => highlight(state.pinnedEntity));

  // The panel's rows and the speakers' names pin an entity and bring its
  // first mention into view; Enter on a focused one is a click.
  results.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.entity-link, button.entity-row');
    if (!button) return;
    const id = button.dataset.entity;
    pin(id);
    const first = state.pinnedEntity && article.querySelector(`mark[data-entity="${CSS.escape(id)}"]`);
    if (first) scrollToCentre(first);
  });
}
