// A tiny IndexedDB helper: one connection, opened lazily once. The schema grows through the
// `oldVersion` ladder in upgrade(): add a new `if (oldVersion < N)` step, never edit old ones.
export const DB_NAME = 'houvast';
export const DB_VERSION = 1;
// The record stores of store.js: one per person (a hash of the username follows the prefix),
// and one for someone without an account on this device.
export const STORE_PREFIX = 'houvast-data-';
export const GUEST_STORE = `${STORE_PREFIX}guest`;

let opening = null;

function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    db.createObjectStore('meta'); // small key/value settings (sync cursor, client id, ...)
  }
}

/** The open database (opened on first use). */
export function openDB() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrades or deletes the database (e.g. at logout): let it go.
      db.onversionchange = () => closeDB();
      resolve(db);
    };
    req.onerror = () => { opening = null; reject(req.error); };
    req.onblocked = () => console.warn('IndexedDB upgrade waits for another tab to close');
  });
  return opening;
}

/** Close the connection so the database can be deleted; the next openDB() reopens it. */
export async function closeDB() {
  if (!opening) return;
  const pending = opening;
  opening = null;
  try { (await pending).close(); } catch { /* it never opened */ }
}

/** Run fn(store) in one transaction; resolves with fn's request result when it commits. */
export async function withStore(name, mode, fn) {
  const db = await openDB();
  const tx = db.transaction(name, mode);
  const result = fn(tx.objectStore(name));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result instanceof IDBRequest ? result.result : result;
}

export const getValue = (store, key) => withStore(store, 'readonly', (s) => s.get(key));
export const setValue = (store, key, value) => withStore(store, 'readwrite', (s) => s.put(value, key));

/** The names of this origin's IndexedDB databases; null when the browser cannot list them. */
export async function databaseNames() {
  if (!globalThis.indexedDB?.databases) return null;
  return (await indexedDB.databases()).map((info) => info.name);
}

/** Delete one database (close this module's connection first when it is the shell's). */
export function deleteDatabase(name) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // A module still holds a connection: the browser deletes the database once it closes
    // (modules close on `versionchange`). Do not let logout hang on it.
    req.onblocked = () => {
      console.warn(`IndexedDB ${name}: deleted when its last connection closes`);
      resolve();
    };
  });
}

/**
 * Delete the IndexedDB databases of this origin (logout): all of them, or those `keep(name)`
 * does not keep.
 */
export async function deleteAllDatabases(keep = () => false) {
  await closeDB();
  const names = (await databaseNames()) ?? [DB_NAME, GUEST_STORE];
  await Promise.all(names.filter((name) => !keep(name)).map(deleteDatabase));
}
