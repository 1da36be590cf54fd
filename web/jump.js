// The bar that goes to the parts of the results on a narrow screen
// (index.html, #jump): its links are plain in-page links, which work with
// a tap, a click or the keyboard; this module only marks, with
// aria-current, the part the reader is in, so that the bar says where
// they are as they scroll.

import {ui} from './dom.js';

// The part counts as the one read once its top is above this share of
// the window's height.
const READING_LINE = 0.3;

function markCurrent() {
  const {jump} = ui;
  if (ui.results.hidden || !jump.offsetParent) return; // not shown: wide screen
  const line = window.innerHeight * READING_LINE;
  let current = null;
  for (const link of jump.querySelectorAll('a')) {
    const part = document.getElementById(link.hash.slice(1));
    if (!current || (part && !part.hidden && part.getBoundingClientRect().top <= line)) current = link;
  }
  for (const link of jump.querySelectorAll('a')) {
    if (link === current) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

export function initJump() {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      markCurrent();
    });
  };
  window.addEventListener('scroll', queue, {passive: true});
  window.addEventListener('resize', queue, {passive: true});
}
