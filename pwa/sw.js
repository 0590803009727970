/* Houvast service worker. Small on purpose; no window APIs in here.
 *
 * api/web.py fills in VERSION (a hash of every pwa/ file) and PRECACHE (every pwa/ file) when it
 * serves this file, so any change to the app installs a new, complete cache.
 *
 * - Shell files: precached at install, served cache-first from the shell cache.
 * - Navigations: network first, else the cached index.html (the app opens offline).
 * - Public API answers (PUBLIC_API): network first, a cached copy when offline.
 * - Every other /api/ request: not touched here, so it goes to the network and is NEVER stored.
 * - A new version waits until the person presses "update" in the app (SKIP_WAITING message).
 */
const VERSION = "__HOUVAST_VERSION__";
const PRECACHE = ["__HOUVAST_PRECACHE__"];

// Caches are named prefix + version; on activate we delete only our own older ones.
const SHELL_PREFIX = 'houvast-shell-';
const PUBLIC_API_PREFIX = 'houvast-public-api-';
const SHELL_CACHE = SHELL_PREFIX + VERSION;
const PUBLIC_API_CACHE = PUBLIC_API_PREFIX + VERSION;
const SHELL_URL = '/index.html';
// Content without anything personal in it (the same list as api/security.py).
const PUBLIC_API = ['/api/logbook-templates', '/api/content', '/api/push/vapid-public-key'];

const isPublicApi = (path) => PUBLIC_API.some((p) => path === p || path.startsWith(`${p}/`));

// ---- Lifecycle -------------------------------------------------------------------------------

async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  // cache: 'reload' skips the HTTP cache, so a stale file can never enter a new version.
  await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = [SHELL_CACHE, PUBLIC_API_CACHE];
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => (name.startsWith(SHELL_PREFIX) || name.startsWith(PUBLIC_API_PREFIX))
        && !keep.includes(name))
      .map((name) => caches.delete(name)));
    // The first install takes the open page at once; later versions come via SKIP_WAITING.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// ---- Fetch -----------------------------------------------------------------------------------

async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function shellFile(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE, ignoreVary: true });
  return cached || fetch(request);
}

async function publicApi(request) {
  const cache = await caches.open(PUBLIC_API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    if (isPublicApi(url.pathname)) event.respondWith(publicApi(request));
    return; // personal: straight to the network, never into Cache Storage
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(shellFile(request));
});

// ---- Extension points ------------------------------------------------------------------------
// Web push (added by the push part): a 'push' listener that ALWAYS shows a notification (with a
// discreet fallback when the payload is bad) and a 'notificationclick' listener that focuses or
// opens the app at the view named in the payload.

// Background Sync (added by the sync part): a 'sync' listener that sends the outbox.
