// Offline use: sw.js keeps the page's own files (never any text) so that
// the page opens and analyses with no network after a first visit.

// registerOffline registers the service worker. main.js calls it once the
// analyzer is ready, so that the worker's copy of main.wasm never
// competes with the first download; and only a page it does not control
// yet registers it: a controlled page is checked for updates by the
// browser itself.
export function registerOffline() {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  navigator.serviceWorker.register('sw.js').catch((err) => {
    // The page works without it, only not offline.
    console.warn(`Lede: offline use is unavailable (${err && err.message || err})`);
  });
}
