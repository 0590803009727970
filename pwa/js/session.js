// Who is logged in, and logging out so that nothing personal stays on the device; for someone
// without an account, erasing what they kept on this device (eraseGuest).
// What happens at login (the person's store, its sync and status line) is wired in app.js with
// onUserChange, so this module imports none of it.
import { api } from './api.js';
import {
  closeDB, databaseNames, deleteAllDatabases, DB_NAME, GUEST_STORE, STORE_PREFIX,
} from './idb.js';
import { getLang, saveLang } from './i18n.js';

// The shell cache holds only the app's public files (see sw.js); everything else may be personal.
export const SHELL_CACHE_PREFIX = 'houvast-shell-';
// The last known user, so the app still opens offline after a visit. Cleared at logout.
const USER_KEY = 'houvast.user';

let user = null;
const logoutHooks = [];
const userHooks = [];

export function currentUser() {
  return user;
}

// Where to go after logging in or registering, for a screen that needed an account first (an
// invite link opened on a phone without one). Kept for this tab only; logout clears it.
const AFTER_LOGIN_KEY = 'houvast.afterLogin';

export function goAfterLogin(path) {
  try { sessionStorage.setItem(AFTER_LOGIN_KEY, path); } catch { /* then home */ }
}

/** The path to go to now that someone logged in (and forget it), or 'home'. */
export function takeAfterLogin() {
  try {
    const path = sessionStorage.getItem(AFTER_LOGIN_KEY);
    sessionStorage.removeItem(AFTER_LOGIN_KEY);
    return path || 'home';
  } catch {
    return 'home';
  }
}

export function setUser(value) {
  // records: the ids of the one-per-person records (personal-record.js), for offline writes.
  // has_recovery_code: false for an account made before recovery codes (home asks for one).
  // new_sign_in: someone logged in from a new device since this session began (home says so).
  user = value ? { username: value.username, role: value.role, records: value.records ?? {},
    has_recovery_code: value.has_recovery_code ?? true, new_sign_in: value.new_sign_in ?? null }
    : null;
  try {
    if (user) localStorage.setItem(USER_KEY, JSON.stringify(user));
    else localStorage.removeItem(USER_KEY);
  } catch { /* storage unavailable: offline start will ask to log in */ }
  userChanged();
}

/**
 * Call fn(user or null) each time who is here is known or changes: at start-up, at login and
 * registration, and when the session turned out to be gone.
 */
export function onUserChange(fn) {
  userHooks.push(fn);
}

function userChanged() {
  for (const fn of userHooks) {
    try { fn(user); } catch (error) { console.error('user hook failed', error); }
  }
}

/**
 * Ask the server who is logged in. Offline, or when Houvast cannot be reached or is busy (no
 * answer, 502/503/504), trust the last answer: the person stays logged in. Only a 401 (the
 * server says the session is gone) logs out. When there was no answer although the device is
 * online, or Houvast was unavailable, the error is thrown after that, for the message
 * "Houvast is even niet bereikbaar" (ui.js errorMessage).
 */
export async function loadUser() {
  try {
    setUser(await api.get('/api/me'));
  } catch (error) {
    if (error.name === 'ApiError' && error.unreachable) {
      try { user = JSON.parse(localStorage.getItem(USER_KEY)); } catch { user = null; }
      userChanged();
      if (!error.offline || navigator.onLine !== false) throw error;
    } else if (error.name === 'ApiError' && error.code === 401) {
      setUser(null);
    } else {
      throw error;
    }
  }
  return user;
}

/**
 * Run fn() before logging out (later parts: delete the push subscription, warn about unsent
 * changes). A hook may throw `new LogoutCancelled()` to stop the logout; other errors are logged
 * and the logout goes on.
 */
export function onLogout(fn) {
  logoutHooks.push(fn);
}

export class LogoutCancelled extends Error {}

/**
 * Log out on the server and clear the device. Resolves false when a hook cancelled it.
 * The caller then reloads the page (see views/account.js).
 */
export async function logout() {
  for (const hook of logoutHooks) {
    try {
      await hook();
    } catch (error) {
      if (error instanceof LogoutCancelled) return false;
      console.error('logout hook failed', error);
    }
  }
  // An open connection would hold up the browser's own clearing of IndexedDB.
  await closeDB();
  try {
    // The server answers Clear-Site-Data: "cache", "storage" and removes the cookies.
    await api.post('/api/auth/logout');
  } catch (error) {
    // Offline or an expired session: still clear this device.
    console.warn('logout request failed', error);
  }
  await clearDevice();
  return true;
}

/**
 * The account was deleted on the server (views/delete-account.js), which answered with
 * Clear-Site-Data and unset the cookies: clear this device as logout does. No logout hooks:
 * there is no session left to end, nothing unsent worth asking about, and unregistering the
 * service worker ends the browser's push subscription with it.
 */
export async function forgetErasedAccount() {
  await closeDB();
  await clearDevice();
}

/**
 * Remove personal data from this device ourselves too: not every browser supports
 * Clear-Site-Data. Cache Storage: every cache except the shell cache is deleted; the shell holds
 * only the public app files, and keeping it lets Houvast still open offline after logout.
 * `keepDatabase(name)`: IndexedDB databases to keep; `keepWorker`: do not unregister sw.js.
 */
export async function clearDevice({ keepDatabase = () => false, keepWorker = false } = {}) {
  const lang = getLang();
  user = null;
  if ('caches' in self) {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => !name.startsWith(SHELL_CACHE_PREFIX))
      .map((name) => caches.delete(name)));
  }
  await deleteAllDatabases(keepDatabase);
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch { /* storage unavailable */ }
  saveLang(lang);
  if (!keepWorker) await unregisterServiceWorkers();
}

/**
 * "Wis alles op dit apparaat" for someone without an account: the guest store and everything
 * else Houvast keeps on this device, as at logout. One exception: the store of a person whose
 * session ended while changes of theirs still wait here (and the shell's database that names
 * it) stays until they log in again or log out; a guest cannot see or send it. The service
 * worker stays (no server cleared anything), so Houvast still opens offline. The caller reloads.
 */
export async function eraseGuest() {
  const names = (await databaseNames()) ?? [];
  const waiting = names.some((name) => name.startsWith(STORE_PREFIX) && name !== GUEST_STORE);
  const keepDatabase = (name) => waiting && name !== GUEST_STORE
    && (name === DB_NAME || name.startsWith(STORE_PREFIX));
  await clearDevice({ keepDatabase, keepWorker: true });
}

/**
 * Clear-Site-Data "storage" removes the service worker in some browsers, a moment later and
 * not in others. Unregister it ourselves and wait until it is gone, so that the page loaded
 * after logout installs a fresh one (the caller reloads) instead of racing the removal.
 */
async function unregisterServiceWorkers() {
  if (!('serviceWorker' in navigator)) return;
  const deadline = Date.now() + 3000;
  for (;;) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    if (!registrations.length || Date.now() > deadline) return;
    await Promise.all(registrations.map((registration) => registration.unregister()));
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
}
