// Public content from the API (no login, nothing personal in it): the logbook questions with
// the rules between answers and the limits (GET /api/logbook-templates), the dossier's event
// kinds (GET /api/content/dossier). The server is the one source of these rules; the phone
// reads them from here and never writes them down itself.
//
// The last copy is kept in IndexedDB, so a screen gets it at once, also offline; when online,
// a fresh copy is fetched in the background for next time. Without a copy it waits for the
// network (and fails offline, like any first load).
import { api } from './api.js';
import { getValue, setValue } from './idb.js';

const loaded = new Map(); // path -> promise of the answer, once per page load

const copyKey = (path) => `content:${path}`;

async function fetchFresh(path) {
  const answer = await api.get(path);
  // Kept before the answer is used, so "it is on this device" is true once it has loaded.
  await setValue('meta', copyKey(path), answer).catch((error) => console.warn('content copy', error));
  return answer;
}

async function fromCopyOrNetwork(path) {
  const copy = await getValue('meta', copyKey(path)).catch(() => null);
  if (!copy) return fetchFresh(path);
  if (navigator.onLine) fetchFresh(path).catch((error) => console.warn('content', path, error));
  return copy;
}

/** The answer of a public content endpoint, e.g. loadContent('/api/content/dossier'). */
export function loadContent(path) {
  if (!loaded.has(path)) {
    loaded.set(path, fromCopyOrNetwork(path).catch((error) => {
      loaded.delete(path); // try again next time
      throw error;
    }));
  }
  return loaded.get(path);
}

/** True when a copy of `path` is kept on this device (it opens offline). */
export async function hasCopy(path) {
  return Boolean(await getValue('meta', copyKey(path)).catch(() => null));
}
