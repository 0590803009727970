// A tiny IndexedDB helper: one connection, opened lazily once. The schema grows through the
// `oldVersion` ladder in upgrade(): add a new `if (oldVersion < N)` step, never edit old ones.
export const DB_NAME = 'houvast';
export const DB_VERSION = 1;

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

/** Delete every IndexedDB database of this origin (logout). */
export async function deleteAllDatabases() {
  await closeDB();
  const names = indexedDB.databases
    ? (await indexedDB.databases()).map((info) => info.name)
    : [DB_NAME];
  await Promise.all(names.map((name) => new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // A module still holds a connection: the browser deletes the database once it closes
    // (modules close on `versionchange`). Do not let logout hang on it.
    req.onblocked = () => {
      console.warn(`IndexedDB ${name}: deleted when its last connection closes`);
      resolve();
    };
  })));
}
