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
 * - Background Sync 'houvast-sync': sends the outbox (js/sync.js), also with no page open.
 *   That import is why this is a module worker (see sw-register.js).
 */
import { request } from '/js/api.js';
import { syncInWorker, TAG as SYNC_TAG } from '/js/sync.js';

const VERSION = "__HOUVAST_VERSION__";
const PRECACHE = ["__HOUVAST_PRECACHE__"];

// Caches are named prefix + version; on activate we delete only our own older ones.
const SHELL_PREFIX = 'houvast-shell-';
const PUBLIC_API_PREFIX = 'houvast-public-api-';
const SHELL_CACHE = SHELL_PREFIX + VERSION;
const PUBLIC_API_CACHE = PUBLIC_API_PREFIX + VERSION;
const SHELL_URL = '/index.html';
// Content without anything personal in it (the same list as api/security.py).
const PUBLIC_API = ['/api/logbook-templates', '/api/content', '/api/recovery/instruments',
  '/api/rights/questions', '/api/training',
  '/api/push/vapid-public-key'];

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

// ---- Web push (docs/push.md; the page side is js/push.js) ------------------------------------
// 'push' ALWAYS shows a notification (a discreet fallback when the payload is bad);
// 'notificationclick' opens the payload's view in an open window, or in a new one.

// Discreet words when a push carries nothing usable (the same as push/payload.py). A push must
// always show something: browsers cancel subscriptions that push silently.
const FALLBACK = { title: 'Houvast', body: 'Er is iets nieuws voor je', view: '/home', topic: '' };
const OPEN_VIEW = 'houvast-open-view'; // the message js/push.js listens for

function readPush(event) {
  let message = {};
  try { message = event.data ? event.data.json() : {}; } catch { /* not JSON: the fallback */ }
  const text = (value, fallback) => (typeof value === 'string' && value.trim() ? value : fallback);
  return {
    title: text(message?.title, FALLBACK.title),
    body: text(message?.body, FALLBACK.body),
    view: text(message?.view, FALLBACK.view),
    topic: text(message?.topic, FALLBACK.topic),
  };
}

self.addEventListener('push', (event) => {
  const { title, body, view, topic } = readPush(event);
  // The topic is the tag: a newer "open tasks" message replaces the older one on the screen.
  event.waitUntil(self.registration.showNotification(title, {
    body, icon: '/icons/icon-192.png', badge: '/icons/badge-96.png', tag: topic || undefined, data: { view } }));
});

/** '/dossier' -> 'dossier'; anything that is not a plain route name opens the start screen. */
function routeOf(view) {
  const route = String(view || '').replace(/^[/#]+/, '');
  return /^[a-z][a-z0-9-]*(\/[\w-]+)*$/.test(route) ? route : 'home';
}

/** Ask an open page to show `route` itself (its router keeps history to one entry). */
function askPage(client, route) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), 1500);
    channel.port1.onmessage = () => { clearTimeout(timer); resolve(true); };
    client.postMessage({ type: OPEN_VIEW, route }, [channel.port2]);
  });
}

async function openView(view) {
  const route = routeOf(view);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const client = windows.find((c) => new URL(c.url).origin === self.location.origin);
  if (!client) {
    await self.clients.openWindow(`/#/${route}`);
    return;
  }
  await client.focus().catch(() => { /* focus needs the tap's user activation */ });
  // A page without the listener (an old version) is navigated instead.
  if (await askPage(client, route)) return;
  await client.navigate(`/#/${route}`).catch(() => self.clients.openWindow(`/#/${route}`));
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openView(event.notification.data?.view));
});

// The push service renewed the subscription: send the new one with the session's cookies (the
// CSRF header comes from the Cookie Store, see api.js). When that fails (logged out, offline,
// a browser without the Cookie Store), js/push.js refresh() sends it at the next start.
async function resubscribe(event) {
  let subscription = event.newSubscription;
  if (!subscription) {
    // The same server key; a string is taken as URL-safe base64, like the API gives it.
    const key = event.oldSubscription?.options?.applicationServerKey
      ?? (await request('GET', '/api/push/vapid-public-key')).public_key;
    subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true,
      applicationServerKey: key });
  }
  await request('POST', '/api/push/subscriptions', subscription.toJSON());
  const old = event.oldSubscription?.endpoint;
  if (old && old !== subscription.endpoint) {
    await request('DELETE', '/api/push/subscriptions', { endpoint: old }).catch(() => {});
  }
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(resubscribe(event).catch((error) => console.warn('push: resubscribe', error)));
});

// Background Sync: the browser fires it when there is a connection, even with no page open.
// A rejection makes the browser try again later; the Web Lock in sync.js keeps it from
// running beside a page's own sync.
self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(syncInWorker());
});
