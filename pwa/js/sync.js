// Offline sync: push the outbox to POST /api/sync, pull what changed, upload waiting photos.
// The algorithm (syncOnce) has no DOM code: the service worker runs it too, for Background
// Sync (syncInWorker). A Web Lock makes sure only one sync runs at a time across every tab and
// the worker. The page part (start/now/status) decides WHEN: on load, when the connection comes
// back, a few seconds after each write, every minute while open, and with back-off on errors.
import { request } from './api.js';
import * as store from './store.js';

export const TAG = 'houvast-sync'; // the Background Sync tag (sw.js listens for it)
const LOCK = 'houvast-sync';
const MAX_BATCH = 500; // the server takes at most 500 mutations per request
const MAX_ROUNDS = 100; // requests per sync; the next sync goes on where this one stopped
const WRITE_DELAY = 3000;
const INTERVAL = 60_000;
const BACKOFF_FIRST = 5000;
const BACKOFF_MAX = 5 * 60_000;

let batchSize = MAX_BATCH;

/**
 * Why a sync failed: 'offline' (no answer), 'unreachable' (Houvast busy or down: 502, 503 or
 * 504; the session is still there), 'login' (the session is gone), 'server', 'invalid', or
 * 'guest' (the open store is the guest store, which is never sent).
 */
export class SyncError extends Error {
  constructor(reason, cause) {
    super(`sync failed: ${reason}`);
    this.name = 'SyncError';
    this.reason = reason;
    this.cause = cause;
  }
}

function failure(error) {
  if (error instanceof SyncError) return error;
  if (error?.name !== 'ApiError') return new SyncError('failed', error);
  if (error.offline) return new SyncError('offline', error);
  if (error.unreachable) return new SyncError('unreachable', error);
  if (error.code === 401) return new SyncError('login', error);
  if (error.code === 413) batchSize = Math.max(1, Math.floor(batchSize / 2));
  return new SyncError('server', error);
}

// Only a real answer of the sync endpoint counts: a captive portal's "200 OK" page does not.
function isEnvelope(body) {
  return Boolean(body) && Array.isArray(body.results) && Array.isArray(body.changes)
    && typeof body.cursor === 'string' && typeof body.has_more === 'boolean';
}

async function exchange(body) {
  let answer;
  try {
    answer = await request('POST', '/api/sync', body);
  } catch (error) {
    throw failure(error);
  }
  if (!isEnvelope(answer)) throw new SyncError('invalid');
  return answer;
}

async function uploadPhotos() {
  for (const photo of await store.photosReady()) {
    if (photo.uploaded) { // sent before, but the answer was lost on the way
      await store.photoUploaded(photo.id, null);
      continue;
    }
    await store.setPhotoStatus(photo.id, 'uploading');
    const form = new FormData();
    form.append('file', photo.blob, 'photo');
    form.append('keep_original', String(photo.keepOriginal));
    try {
      await store.photoUploaded(photo.id,
        await request('POST', `/api/entries/${photo.entryId}/photos`, form));
    } catch (error) {
      const refused = error?.name === 'ApiError' && error.code >= 400 && error.code < 500
        && ![401, 408, 429].includes(error.code);
      // Refused (too large, not an image, storage full): the person decides. Else: later.
      await store.setPhotoStatus(photo.id, refused ? 'failed' : 'waiting',
        refused ? (error.message || String(error.code)) : null);
      if (!refused) throw failure(error);
    }
  }
}

/**
 * One sync of the open store: send the outbox in batches, pull until the cursor is current,
 * then upload photos of entries that are on the server. Call it holding the lock (locked()).
 * :raise SyncError: nothing of a failed request is consumed; the outbox stays.
 */
export async function syncOnce() {
  // A guest has no account: nothing of the guest store is sent (it is, once adopted at login).
  if (store.isGuest()) throw new SyncError('guest');
  const clientId = await store.clientId();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const mutations = await store.outboxBatch(batchSize);
    const cursor = (await store.getMeta('cursor')) ?? null;
    const answer = await exchange({ client_id: clientId, cursor, mutations });
    const answered = await store.applySync(answer);
    // Stop sending when the server answered none of them (an unknown answer): no busy loop.
    const moreToSend = answered > 0 && (await store.pendingCount()) > 0;
    if (!answer.has_more && !moreToSend) break;
  }
  batchSize = MAX_BATCH;
  await uploadPhotos();
  await store.setMeta('lastSyncAt', new Date().toISOString());
}

/** Run fn while holding the sync lock of this origin (tabs and the service worker). */
export function locked(fn) {
  return globalThis.navigator?.locks ? navigator.locks.request(LOCK, fn) : fn();
}

/** The service worker's 'sync' event: sync the logged-in person's store, if any. */
export async function syncInWorker() {
  if (!(await store.openCurrent())) return;
  try {
    await locked(syncOnce);
  } finally {
    store.notify({ outbox: true }); // open tabs refresh their status line
  }
}

// ---- The page: when to sync, and the status -------------------------------------------------

/** 'change' events with detail {pending, problems, photos, lastSyncAt, state, reason}. */
export const status = new EventTarget();
let current = { pending: 0, problems: 0, photos: 0, lastSyncAt: null, state: 'idle',
  reason: null };
let running = null;
let again = false;
let failures = 0;
let retryTimer = null;
let writeTimer = null;
let refreshTimer = null;
let stopHandlers = null;

export function snapshot() {
  return current;
}

async function refresh(changes = {}) {
  if (!store.isOpen()) return;
  const [pending, problems, photos, lastSyncAt] = await Promise.all([
    store.pendingCount(), store.problems(), store.photoQueue(), store.getMeta('lastSyncAt')]);
  current = { ...current, pending, problems: problems.length,
    photos: photos.filter((p) => p.status === 'failed').length,
    waitingPhotos: photos.filter((p) => p.status !== 'failed').length,
    lastSyncAt: lastSyncAt ?? null, ...changes };
  status.dispatchEvent(new CustomEvent('change', { detail: current }));
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  failures += 1;
  const delay = Math.min(BACKOFF_FIRST * 2 ** (failures - 1), BACKOFF_MAX);
  retryTimer = setTimeout(() => now().catch(() => {}), delay * (0.5 + Math.random() / 2));
}

async function runLocked() {
  await refresh({ state: 'syncing', reason: null });
  try {
    await locked(syncOnce);
  } catch (error) {
    const reason = failure(error).reason;
    if (reason !== 'offline') console.warn('sync failed:', reason, error.cause ?? error);
    if (reason !== 'login') scheduleRetry();
    await refresh({ state: reason === 'offline' ? 'offline' : 'error', reason });
    throw failure(error);
  }
  failures = 0;
  clearTimeout(retryTimer);
  await refresh({ state: 'idle', reason: null });
}

/**
 * Sync now. Resolves when done (and with one more round when asked again meanwhile); rejects
 * with a SyncError when it failed (then it is tried again later by itself).
 */
export function now() {
  if (!store.isOpen() || store.isGuest()) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await runLocked();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

function quietly() {
  now().catch((error) => {
    if (error?.name !== 'SyncError') console.error(error);
  });
}

async function registerBackgroundSync() {
  // Where the browser has it, the outbox also goes out when the page is closed.
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.sync?.register(TAG);
}

/** Start syncing the open store (after login / on load); called again: sync now. */
export function start() {
  if (stopHandlers) {
    quietly();
    return;
  }
  const online = () => { failures = 0; quietly(); };
  const offline = () => refresh({ state: 'offline', reason: 'offline' }).catch(console.error);
  const unsubscribe = store.subscribe((change) => {
    if (change.local) {
      clearTimeout(writeTimer);
      writeTimer = setTimeout(quietly, WRITE_DELAY);
      registerBackgroundSync().catch(() => { /* no Background Sync here: timers do it */ });
    }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh().catch(console.error), 50);
  });
  const interval = setInterval(() => { if (!document.hidden) quietly(); }, INTERVAL);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  stopHandlers = () => {
    unsubscribe();
    clearInterval(interval);
    [retryTimer, writeTimer, refreshTimer].forEach(clearTimeout);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
  quietly();
}

/** Stop all timers and listeners (logout). A running sync finishes or fails by itself. */
export function stop() {
  stopHandlers?.();
  stopHandlers = null;
}
