// The offline store: the device is the first place a record is written (docs/offline.md).
// One IndexedDB database per user holds the records, an outbox of mutations, photos waiting to
// be uploaded, and the sync state. A view writes here; the record shows at once and sync.js sends
// the outbox. This module has no DOM code: the service worker imports it for Background Sync.
//
// Someone without an account gets the same store as a guest (openGuest): its own database,
// never synced. When a person logs in or registers on this device, open() moves what the guest
// made into their store (adoptGuest) and deletes the guest database; from then on it syncs.
import {
  databaseNames, DB_NAME, deleteDatabase, getValue, GUEST_STORE, setValue, STORE_PREFIX,
} from './idb.js';
import { writableFields } from './entities.js';

const VERSION = 1;
// In the shell's database (idb.js): the name of the logged-in person's store, so the service
// worker knows which one to sync (never the guest store). deleteAllDatabases() at logout removes
// it with the rest.
const CURRENT_KEY = 'store';
// The owner of the open guest store (a person's store is owned by their username).
const GUEST = Symbol('guest');

let name = null; // the open database's name
// {owner: username | GUEST | null (the service worker's openCurrent), db: Promise<IDBDatabase>},
// set at once by open(), openGuest() and openCurrent().
let opened = null;
const listeners = new Set();
// Other tabs and the service worker write to the same database: tell each other.
const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('houvast-store') : null;
channel?.addEventListener('message', (event) => emit(event.data, false));

function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    const records = db.createObjectStore('records', { keyPath: ['entity', 'id'] });
    records.createIndex('entity', 'entity');
    const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    outbox.createIndex('mutation_id', 'mutation_id', { unique: true });
    outbox.createIndex('record', ['entity', 'id']);
    outbox.createIndex('state', 'state'); // 'queued' | 'problem'
    db.createObjectStore('photos', { keyPath: 'id' }).createIndex('entryId', 'entryId');
    db.createObjectStore('meta');
  }
}

async function databaseName(username) {
  // A hash, not the pseudonym itself: database names are listed by indexedDB.databases().
  const bytes = new TextEncoder().encode(`houvast:${username}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return STORE_PREFIX
    + Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

function connect(dbName) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, VERSION);
    req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
    req.onsuccess = () => {
      const db = req.result;
      // Logout deletes the database: let go, and never reopen (that would create it again).
      db.onversionchange = () => { db.close(); if (name === dbName) close(); };
      resolve(db);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => console.warn('store: waiting for another tab to close');
  });
}

function use(owner, dbPromise) {
  opened = { owner, db: dbPromise };
  dbPromise.catch(() => { if (opened?.db === dbPromise) close(); });
  return dbPromise;
}

/**
 * Open the store of `username` (at login, and at start-up when someone is logged in). What a
 * guest left on this device is adopted into it first; `records` ({entity: id}, the account
 * answer's one-per-person records) says where a guest's record of such an entity goes.
 */
export async function open(username, records = {}) {
  if (opened?.owner === username) {
    await opened.db;
    return;
  }
  close();
  await use(username, (async () => {
    const dbName = await databaseName(username);
    name = dbName;
    await setValue('meta', CURRENT_KEY, dbName);
    const db = await connect(dbName);
    // A failed adoption leaves the guest store as it is, to be tried at the next open.
    await adoptGuest(db, records)
      .catch((error) => console.error('store: guest not adopted', error));
    return db;
  })());
}

/**
 * Open the guest store: for screens usable without an account (`guest: true` in domains.js).
 * It is never synced (sync.js refuses it) and the service worker never opens it.
 */
export async function openGuest() {
  if (opened?.owner === GUEST) {
    await opened.db;
    return;
  }
  close();
  name = GUEST_STORE;
  await use(GUEST, connect(GUEST_STORE));
}

/** True when the open store is the guest's. */
export function isGuest() {
  return opened?.owner === GUEST;
}

/**
 * Open the store of whoever is logged in on this device (the service worker's way in).
 * Resolves false when nobody is: then nothing is opened, so nothing is created either.
 */
export async function openCurrent() {
  const existing = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
  if (!existing.includes(DB_NAME)) return false;
  const dbName = await getValue('meta', CURRENT_KEY);
  if (!dbName || !existing.includes(dbName)) return false;
  if (name !== dbName || !opened) {
    close();
    name = dbName;
    use(null, connect(dbName));
  }
  await opened.db;
  return true;
}

export function isOpen() {
  return opened !== null;
}

/** Close the connection (logout); the store stays closed until open() is called again. */
export function close() {
  const previous = opened;
  opened = null;
  name = null;
  previous?.db.then((db) => db.close(), () => {});
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

// An object store or index whose requests are promises (and whose indexes are wrapped too).
function wrap(target) {
  return new Proxy(target, {
    get(object, prop) {
      const value = object[prop];
      if (typeof value !== 'function') return value;
      return (...args) => {
        const result = value.apply(object, args);
        if (result instanceof IDBRequest) return done(result);
        return result instanceof IDBIndex ? wrap(result) : result;
      };
    },
  });
}

/**
 * Run fn(stores) in one transaction over `names` of `db`. fn may await the requests it makes
 * (each store method returns a promise here), but nothing else: the transaction would end.
 */
async function transact(db, names, mode, fn) {
  const tx = db.transaction(names, mode);
  const finished = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException('Transaction aborted', 'AbortError'));
  });
  const stores = Object.fromEntries(names.map((n) => [n, wrap(tx.objectStore(n))]));
  let result;
  try {
    result = await fn(stores);
  } catch (error) {
    try { tx.abort(); } catch { /* already finished */ }
    await finished.catch(() => {});
    throw error;
  }
  await finished;
  return result;
}

/** transact() on the open store. */
async function run(names, mode, fn) {
  if (!opened) throw new Error('The store is not open (open() or openGuest() first).');
  return transact(await opened.db, names, mode, fn);
}

// ---- A guest's records become the person's ---------------------------------------------------

// A guest's one-per-person record (e.g. the training's progress) has this id on the device; at
// login it is merged into the person's record of that entity (personal-record.js).
export const GUEST_RECORD = 'guest';

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const later = (a, b) => !b?.at || (a?.at && a.at >= b.at);

/**
 * The phone's view of two one-per-person records merged, until the server's merge comes back:
 * an entry with `at` (or a map of such entries) keeps the later one; anything else is `theirs`
 * when `mine` has none.
 */
export function mergeRecordData(mine = {}, theirs = {}) {
  const merged = { ...mine };
  for (const [key, value] of Object.entries(theirs)) {
    const own = mine[key];
    if (isMap(value) && 'at' in value) {
      if (later(value, own)) merged[key] = value;
    } else if (isMap(value) && isMap(own)) {
      merged[key] = { ...own };
      for (const [k, entry] of Object.entries(value)) {
        if (!isMap(entry) || later(entry, own[k])) merged[key][k] = entry;
      }
    } else if (own === undefined || own === null) {
      merged[key] = value;
    }
  }
  return merged;
}

/**
 * Move what a guest made on this device into `db` (the store of the person who logs in): the
 * records, the outbox (in its order, after the person's own) and the photos; then delete the
 * guest database. Whatever is already there is skipped, so a second run after an interruption
 * (between the copy and the delete) adds nothing twice. A guest's one-per-person record
 * (GUEST_RECORD) is merged into the person's record of its entity (`records`) and queued under
 * that id; its own outbox items go, and so does it when the person has no such record.
 * Resolves true when there was a guest.
 */
async function adoptGuest(db, records) {
  const names = await databaseNames();
  if (names && !names.includes(GUEST_STORE)) return false; // never open it: that creates it
  const guest = await connect(GUEST_STORE);
  let found;
  try {
    found = await transact(guest, ['records', 'outbox', 'photos'], 'readonly', async (stores) => ({
      records: await stores.records.getAll(),
      outbox: await stores.outbox.getAll(), // in seq order
      photos: await stores.photos.getAll(),
    }));
  } finally {
    guest.close();
  }
  await transact(db, ['records', 'outbox', 'photos'], 'readwrite', async (stores) => {
    for (const record of found.records) {
      if (record.id === GUEST_RECORD) {
        if (records[record.entity]) await adoptPersonal(stores, record, records[record.entity]);
      } else if (!(await stores.records.get([record.entity, record.id]))) {
        await stores.records.put(record);
      }
    }
    for (const { seq, ...item } of found.outbox) {
      if (item.id === GUEST_RECORD) continue; // sent as the person's record (adoptPersonal)
      if (!(await stores.outbox.index('mutation_id').get(item.mutation_id))) {
        await stores.outbox.add(item); // a new seq: after the person's own changes
      }
    }
    for (const photo of found.photos) {
      if (!(await stores.photos.get(photo.id))) await stores.photos.put(photo);
    }
  });
  await deleteDatabase(GUEST_STORE);
  if (found.records.length || found.outbox.length || found.photos.length) {
    emit({ outbox: true, local: true, adopted: true }); // views redraw; sync sends it
  }
  return true;
}

async function adoptPersonal(stores, guest, id) {
  const own = await stores.records.get([guest.entity, id]);
  const data = mergeRecordData(own?.data, guest.data);
  await stores.records.put({
    entity: guest.entity, id, version: own?.version ?? null, updated_at: own?.updated_at ?? null,
    deleted: false, pending: true, data, server: serverCopy(own),
  });
  await stores.outbox.add({
    mutation_id: uuid(), entity: guest.entity, op: 'upsert', id, base_version: own?.version ?? null,
    data: payload(guest.entity, data, data), state: 'queued', queued_at: new Date().toISOString(),
  });
}

// ---- Change notifications -------------------------------------------------------------------

function emit(change, broadcast = true) {
  for (const fn of listeners) {
    try { fn(change); } catch (error) { console.error('store listener', error); }
  }
  if (broadcast) channel?.postMessage(change);
}

/**
 * fn({entity, id, local}) after any local write (local: true) or pulled change, also those made
 * in another tab or by the service worker. Returns a function that unsubscribes.
 */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tell subscribers (here and in other tabs) that something other than one record changed. */
export function notify(change) {
  emit(change);
}

// ---- Records --------------------------------------------------------------------------------

export function uuid() {
  return crypto.randomUUID();
}

function shape(record) {
  if (!record) return undefined;
  const { entity, id, version, updated_at: updatedAt, deleted, pending, data } = record;
  return { entity, id, version, updated_at: updatedAt, deleted, pending, data };
}

function payload(entity, merged, given) {
  const declared = writableFields(entity);
  if (!declared) return given;
  const carried = [...declared.fields.filter((f) => f in merged),
    ...declared.whenGiven.filter((f) => f in given)];
  return Object.fromEntries(carried.map((f) => [f, merged[f]]));
}

// The server's state of a record before the first local change: what "discard" goes back to.
function serverCopy(record) {
  if (!record) return null;
  if (record.pending) return record.server ?? null;
  return { version: record.version, deleted: record.deleted, data: record.data };
}

async function queue(entity, id, op, change) {
  const mutationId = uuid();
  await run(['records', 'outbox'], 'readwrite', async ({ records, outbox }) => {
    const record = await records.get([entity, id]);
    if (op === 'delete' && !record) throw new Error(`${entity} ${id} is not in the store`);
    const data = op === 'delete' ? record.data : { ...(record?.data ?? {}), ...change };
    if (op === 'upsert') {
      // A new version of the record replaces an earlier version the server refused.
      for (const item of await outbox.index('record').getAll([entity, id])) {
        if (item.state === 'problem' && item.status === 'rejected' && item.op === 'upsert') {
          await outbox.delete(item.seq);
        }
      }
    }
    await records.put({
      entity, id, version: record?.version ?? null, updated_at: record?.updated_at ?? null,
      deleted: op === 'delete', pending: true, data, server: serverCopy(record),
    });
    await outbox.add({
      mutation_id: mutationId, entity, op, id, base_version: record?.version ?? null,
      data: op === 'delete' ? null : payload(entity, data, change), state: 'queued',
      queued_at: new Date().toISOString(),
    });
  });
  emit({ entity, id, local: true });
}

/** Write a record (data: the REST POST body, merged into what is there) and queue it. */
export function put(entity, id, data) {
  return queue(entity, id, 'upsert', data);
}

/** Delete a record here at once and queue the delete. */
export function remove(entity, id) {
  return queue(entity, id, 'delete');
}

export async function get(entity, id) {
  return shape(await run(['records'], 'readonly', ({ records }) => records.get([entity, id])));
}

/** The live (not deleted) records of `entity`, optionally filtered; any order. */
export async function list(entity, filterFn = () => true) {
  const all = await run(['records'], 'readonly',
    ({ records }) => records.index('entity').getAll(entity));
  return all.filter((r) => !r.deleted).map(shape).filter(filterFn);
}

// ---- Outbox and problems --------------------------------------------------------------------

/** How many changes are not sent yet (problems not counted: they wait for the person). */
export function pendingCount() {
  return run(['outbox'], 'readonly', ({ outbox }) => outbox.index('state').count('queued'));
}

/** Changes the server did not take, for the person to fix, redo or discard. */
export async function problems() {
  const items = await run(['outbox'], 'readonly',
    ({ outbox }) => outbox.index('state').getAll('problem'));
  return items.map((item) => ({
    mutation_id: item.mutation_id, entity: item.entity, id: item.id, op: item.op,
    status: item.status, message: item.message, errors: item.errors || {},
    server: item.server ?? null, data: item.data,
  }));
}

// Put the record back to what the server has, once no change of it is waiting any more.
async function settle(records, outbox, photos, entity, id, server) {
  if ((await outbox.index('record').count([entity, id])) > 0) return;
  const record = await records.get([entity, id]);
  if (!record) return;
  const base = server ?? record.server;
  if (!base || base.deleted) {
    await records.delete([entity, id]);
    // It never reached the server: its photos have nowhere to go.
    if (!base) {
      for (const key of await photos.index('entryId').getAllKeys(id)) await photos.delete(key);
    }
    return;
  }
  await records.put({ ...record, version: base.version, deleted: Boolean(base.deleted),
    data: base.data ?? record.data, pending: false, server: null });
}

/** Drop a change the server refused, or "use the server's version" of a conflict. */
export async function discardProblem(mutationId) {
  const item = await run(['records', 'outbox', 'photos'], 'readwrite', async (stores) => {
    const found = await stores.outbox.index('mutation_id').get(mutationId);
    if (!found) return null;
    await stores.outbox.delete(found.seq);
    const server = found.status === 'conflict' && found.server
      ? { version: found.version, deleted: false, data: found.server } : null;
    await settle(stores.records, stores.outbox, stores.photos, found.entity, found.id, server);
    return found;
  });
  if (item) emit({ entity: item.entity, id: item.id, local: true });
}

/** "Use my version" of a conflict (or send a refused change again): queued anew. */
export async function keepMine(mutationId) {
  const item = await run(['records', 'outbox'], 'readwrite', async ({ records, outbox }) => {
    const found = await outbox.index('mutation_id').get(mutationId);
    if (!found) return null;
    await outbox.delete(found.seq);
    // A new mutation_id: the server answers a known one with its first answer again.
    const baseVersion = found.status === 'conflict' ? found.version : found.base_version;
    await outbox.add({ mutation_id: uuid(), entity: found.entity, op: found.op, id: found.id,
      base_version: baseVersion, data: found.data, state: 'queued',
      queued_at: new Date().toISOString() });
    const record = await records.get([found.entity, found.id]);
    if (record && found.status === 'conflict') {
      await records.put({ ...record, version: found.version,
        server: { version: found.version, deleted: false, data: found.server } });
    }
    return found;
  });
  if (item) emit({ entity: item.entity, id: item.id, local: true });
}

// ---- Photos ---------------------------------------------------------------------------------

// Photos are keyed by a random id; `seq` keeps the order in which the person chose them, so they
// upload (and are numbered) in that order.
let photoSeq = 0;
const inOrder = (list) => list.sort((a, b) => (a.created_at.localeCompare(b.created_at)
  || (a.seq ?? 0) - (b.seq ?? 0)));

async function sha256(blob) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keep a photo on the device; sync.js uploads it once its entry is on the server. */
export async function queuePhoto(entryId, blob, { keepOriginal = false } = {}) {
  const photo = { id: uuid(), entryId, blob, keepOriginal: Boolean(keepOriginal),
    sha256: await sha256(blob), status: 'waiting', message: null,
    created_at: new Date().toISOString(), seq: photoSeq += 1 };
  await run(['photos'], 'readwrite', ({ photos }) => photos.add(photo));
  emit({ entity: 'photo', id: photo.id, entryId, local: true });
  return photo.id;
}

/** Photos not uploaded yet: [{id, entryId, status: waiting|uploading|failed, message, blob}]. */
export async function photoQueue(entryId) {
  return inOrder(await run(['photos'], 'readonly', ({ photos }) => (entryId === undefined
    ? photos.getAll() : photos.index('entryId').getAll(entryId))));
}

async function changePhoto(id, fn) {
  const photo = await run(['photos'], 'readwrite', async ({ photos }) => {
    const found = await photos.get(id);
    if (!found) return null;
    const next = fn(found);
    if (next) await photos.put(next);
    else await photos.delete(id);
    return found;
  });
  if (photo) emit({ entity: 'photo', id, entryId: photo.entryId, local: true });
}

/** Try a failed photo again at the next sync. */
export function retryPhoto(id) {
  return changePhoto(id, (photo) => ({ ...photo, status: 'waiting', message: null }));
}

export function discardPhoto(id) {
  return changePhoto(id, () => null);
}

// ---- For sync.js ----------------------------------------------------------------------------

export const getMeta = (key) => run(['meta'], 'readonly', ({ meta }) => meta.get(key));
export const setMeta = (key, value) => run(['meta'], 'readwrite',
  ({ meta }) => meta.put(value, key));

/** The device's own random id for this store (sent as client_id). */
export function clientId() {
  return run(['meta'], 'readwrite', async ({ meta }) => {
    let id = await meta.get('client_id');
    if (!id) {
      id = uuid();
      await meta.put(id, 'client_id');
    }
    return id;
  });
}

// Nothing a guest made goes to the server: it has no account to go to (adopted, it is sent).
function refuseGuest() {
  if (isGuest()) throw new Error('The guest store is never synced.');
}

/** The next queued mutations, oldest first, as the server wants them. */
export async function outboxBatch(limit) {
  refuseGuest();
  const items = [];
  await run(['outbox'], 'readonly', async ({ outbox }) => {
    for (const item of await outbox.getAll()) {
      if (item.state === 'queued') items.push(item);
      if (items.length >= limit) break;
    }
  });
  return items.map(({ mutation_id: mutationId, entity, op, id, base_version: base, data }) => ({
    mutation_id: mutationId, entity, op, id, base_version: base,
    ...(op === 'upsert' ? { data } : {}),
  }));
}

function recordKey(entity, id) {
  return `${entity}\u0000${id}`;
}

async function applyResult(stores, result) {
  const { records, outbox, photos } = stores;
  const item = await outbox.index('mutation_id').get(result.mutation_id);
  if (!item || item.state !== 'queued') return 0;
  // A retry of a mutation the server already has: its first answer counts.
  const first = result.status === 'duplicate' ? (result.result ?? { status: 'applied' }) : result;
  const status = first.status === 'duplicate' ? 'applied' : first.status;
  if (status === 'applied') {
    await outbox.delete(item.seq);
    const record = await records.get([item.entity, item.id]);
    const later = await outbox.index('record').getAll([item.entity, item.id]);
    // Later changes of this record were made on top of this one: they build on its version.
    for (const next of later) {
      if (next.state === 'queued' && next.seq > item.seq) {
        await outbox.put({ ...next, base_version: first.version ?? next.base_version });
      }
    }
    if (record) {
      const version = first.version ?? record.version;
      const server = { version, deleted: item.op === 'delete', data: record.data };
      await records.put({ ...record, version, server });
      await settle(records, outbox, photos, item.entity, item.id, server);
    }
  } else if (status === 'conflict' || status === 'rejected') {
    await outbox.put({ ...item, state: 'problem', status, message: first.message || '',
      errors: first.errors || {}, server: result.current ?? first.current ?? null,
      version: first.version ?? null });
  } else {
    return 0; // an answer this version does not know: keep the change, send it again later
  }
  return 1;
}

async function applyChange(stores, change, waiting) {
  const { records } = stores;
  const key = [change.entity, change.id];
  const record = await records.get(key);
  const server = { version: change.version, deleted: change.deleted, data: change.data };
  if (waiting.has(recordKey(change.entity, change.id))) {
    // The person's own unsent change stays what they see; the server's is kept beside it.
    if (record) await records.put({ ...record, server });
  } else if (change.deleted) {
    await records.delete(key);
  } else {
    await records.put({ entity: change.entity, id: change.id, version: change.version,
      updated_at: change.data?.updated_at ?? null, deleted: false, pending: false,
      data: change.data, server: null });
  }
}

/**
 * One answer of POST /api/sync, in one transaction: the results of the sent mutations, then
 * the pulled changes (a `reset` first drops every record without unsent changes), then the
 * new cursor. Returns how many sent mutations were answered.
 */
export async function applySync(response) {
  const touched = [];
  const answered = await run(['records', 'outbox', 'photos', 'meta'], 'readwrite',
    async (stores) => {
      let count = 0;
      for (const result of response.results) count += await applyResult(stores, result);
      const waiting = new Set((await stores.outbox.getAll())
        .map((item) => recordKey(item.entity, item.id)));
      if (response.reset) {
        for (const record of await stores.records.getAll()) {
          if (!waiting.has(recordKey(record.entity, record.id))) {
            await stores.records.delete([record.entity, record.id]);
          }
        }
      }
      for (const change of response.changes) {
        await applyChange(stores, change, waiting);
        touched.push({ entity: change.entity, id: change.id, local: false });
      }
      await stores.meta.put(response.cursor, 'cursor');
      return count;
    });
  touched.push({ outbox: true, reset: Boolean(response.reset) });
  for (const change of touched) emit(change);
  return answered;
}

/** Photos whose entry is on the server and has no unsent change: ready to upload. */
export function photosReady() {
  refuseGuest();
  return run(['records', 'outbox', 'photos'], 'readonly', async ({ records, outbox, photos }) => {
    const ready = [];
    for (const photo of inOrder(await photos.getAll())) {
      if (photo.status === 'failed') continue;
      const entry = await records.get(['logbook_entry', photo.entryId]);
      const waiting = await outbox.index('record').count(['logbook_entry', photo.entryId]);
      if (!entry || entry.version === null || waiting > 0) continue;
      const uploaded = (entry.data?.photos || []).some((p) => p.original_sha256 === photo.sha256);
      ready.push({ ...photo, uploaded });
    }
    return ready;
  });
}

/** Mark a photo (status: uploading | waiting | failed with a message). */
export function setPhotoStatus(id, status, message = null) {
  return changePhoto(id, (photo) => ({ ...photo, status, message }));
}

/** A photo reached the server (`photo`: its answer, or null when it was there already). */
export async function photoUploaded(id, photo) {
  const found = await run(['records', 'photos'], 'readwrite', async ({ records, photos }) => {
    const queued = await photos.get(id);
    if (!queued) return null;
    await photos.delete(id);
    const entry = await records.get(['logbook_entry', queued.entryId]);
    if (photo && entry && !entry.pending) {
      const list = (entry.data.photos || []).filter((p) => p.id !== photo.id);
      await records.put({ ...entry, data: { ...entry.data, photos: [...list, photo] } });
    }
    return queued;
  });
  if (found) emit({ entity: 'logbook_entry', id: found.entryId, local: false });
}
