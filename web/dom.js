// The page's elements, found once, and the few DOM helpers every part of
// the page uses. Reader text only ever reaches the page as text nodes
// (el(), textContent, strings given to append), never as markup.
//
// Module scripts run once the document is parsed, so every element of
// index.html exists when this module is evaluated.

const $ = (sel) => document.querySelector(sel);

// ui names the elements of index.html the scripts work with.
export const ui = {
  body: document.body,
  main: $('#main'),
  // Getting text in
  textarea: $('#text'),
  editor: $('#editor'),
  editButton: $('#edit'),
  analyzeButton: $('#analyze'),
  cancelButton: $('#cancel'),
  sampleButton: $('#sample'),
  openButton: $('#open'),
  fileInput: $('#file'),
  dropZone: $('#drop-zone'),
  shortcutKey: $('#shortcut kbd'),
  // What the page says about itself
  loader: $('#loader'),
  loading: $('#loading'),
  progress: $('#progress'),
  status: $('#status'),
  toast: $('#toast'),
  // The results
  results: $('#results'),
  jump: $('#jump'),
  readingStats: $('#reading-stats'),
  downloadButtons: document.querySelectorAll('button.download'),
  typeToggles: document.querySelectorAll('button.type-toggle'),
  article: $('#article'),
  panels: $('#panels'),
  tip: $('#quote-tip'),
  sourcesSection: $('#sources-section'),
  sourcesLine: $('#sources-line'),
  sourcesList: $('#sources'),
  quotesSection: $('#quotes-section'),
  speakerList: $('#speakers'),
  entityPanel: $('#entities'),
};

// el builds an element with text content, data attributes and a class.
export function el(tag, text, data, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (data) Object.assign(node.dataset, data);
  if (className) node.className = className;
  return node;
}

// isEditable tells whether node takes typing, where the page's own keys
// and paste and drop handling must stay out of the way.
export const isEditable = (node) => !!node && node.nodeType === Node.ELEMENT_NODE &&
  (node.matches('textarea, input, select') || node.isContentEditable);

// scrollToCentre scrolls node to the middle of the window, smoothly
// unless the reader asked for less motion (style.css cannot reach a
// scroll the script asks for).
export function scrollToCentre(node) {
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  node.scrollIntoView({block: 'center', behavior: still ? 'auto' : 'smooth'});
}
