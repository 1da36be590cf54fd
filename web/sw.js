// Lede's service worker: keeps a copy of the page's own files so that,
// after a first visit, the page opens and analyses with no network.
//
// It only ever handles GET requests for the files listed below and the
// page itself. The reader's text is never in a request (the analysis runs
// in the page), so this worker never sees it and never stores it.
//
// Versions: make dist gives every file but index.html and this one a name
// with its content's hash and rewrites the list below, so a new build is
// a new list, a new cache name, and so a fresh copy; old caches are
// deleted once the new worker takes over. Serving web/ as it is (names
// without hashes), bump VERSION to make browsers fetch the files again.
'use strict';

const VERSION = 1;

// The page's files, in the quoted form make dist rewrites: the style, the
// page's modules (boot.js, its one script, and main.js with all it
// imports), the analyzer's worker and its files, and the sample.
// cmd/dist's tests check that no file is missing.
const FILES = [
  'style.css',
  'boot.js',
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
  'main.js',
  'offline.js',
  'panels.js',
  'readability.js',
  'reader_mode.js',
  'render.js',
  'run.js',
  'state.js',
  'status.js',
  'text.js',
  'tooltips.js',
  'view.js',
  'warm.js',
  'worker.js',
  'wasm_exec.js',
  'firstlook.wasm',
  'main.wasm',
  'sample.txt',
];

// hash is a short digest of the file list, FNV-1a: enough to tell one
// build's list from another's.
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const PREFIX = 'lede-';
const CACHE = `${PREFIX}v${VERSION}-${hash(FILES.join('\n'))}`;

// The folder this worker serves; the page is its index. Resolved here
// rather than in the list so that the site works under any path.
const SCOPE = new URL('./', self.location.href).href;
const PAGE = SCOPE;
const FILE_URLS = new Set(FILES.map((f) => new URL(f, SCOPE).href));

// How long the page's own request may take before the cached copy is
// shown instead: a network that answers slowly is as bad as none.
const PAGE_TIMEOUT_MS = 4000;

self.addEventListener('install', (ev) => {
  // Fetched as the browser's cache allows: on a host that serves the
  // hashed files as immutable, the copies the page just downloaded (the
  // 13 MB analyzer among them) are reused rather than downloaded again.
  ev.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([PAGE, ...FILE_URLS])));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The page that registered this worker is served by it from now on,
    // so that it keeps working if the network goes before a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (ev) => {
  const req = ev.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.hash = '';
  if (req.mode === 'navigate') {
    url.search = '';
    if (url.href === PAGE || url.href === `${PAGE}index.html`) ev.respondWith(page(req));
    return;
  }
  url.search = '';
  if (FILE_URLS.has(url.href)) ev.respondWith(file(req, url.href));
  // Anything else goes to the network untouched.
});

// page answers a navigation to the page from the network, so that a new
// version shows at once, and from the cache when the network fails or is
// slow. The cached copy is the one installed with this worker's files, so
// the page and its scripts always match.
async function page(req) {
  const cached = caches.open(CACHE).then((cache) => cache.match(PAGE));
  const network = fetch(req);
  // Its failure is handled below, or no longer matters once the copy won.
  network.catch(() => {});
  const slow = new Promise((resolve) => {
    setTimeout(resolve, PAGE_TIMEOUT_MS, null);
  });
  try {
    const resp = await Promise.race([network, slow.then(async () => (await cached) || network)]);
    if (resp.ok) return resp;
    return (await cached) || resp;
  } catch (err) {
    const copy = await cached;
    if (copy) return copy;
    throw err;
  }
}

// file answers a request for one of the page's files from the cache, and
// from the network (keeping a copy) if it is not there yet.
async function file(req, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const resp = await fetch(req);
  if (resp.ok && resp.type === 'basic' && resp.status === 200) {
    // A failed copy only costs the next visit a download.
    cache.put(key, resp.clone()).catch(() => {});
  }
  return resp;
}
