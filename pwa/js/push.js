// Web push on this device: turning notifications on and off (permission is asked only after the
// person taps the switch), keeping the server's copy of the subscription current, removing it at
// logout, and opening the view a tapped notification names (sw.js asks the page to).
import { api, request } from './api.js';
import { onLogout } from './session.js';

// The endpoint last sent to the server: when the browser renewed the subscription while no page
// was open (pushsubscriptionchange, sw.js), the next start sees a new one and sends it.
const ENDPOINT_KEY = 'houvast.push.endpoint';
export const OPEN_VIEW = 'houvast-open-view'; // the message sw.js posts on a notification click

export function isSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** iPhone and iPad (iPadOS says it is a Mac, but has touch). */
export function isIOS() {
  return /iPad|iPhone|iPod/.test(navigator.userAgent)
    || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
}

/** Opened from the home screen: on iOS the only way web push works. */
export function isStandalone() {
  return navigator.standalone === true || matchMedia('(display-mode: standalone)').matches;
}

/** URL-safe base64 (the server's VAPID key) -> the bytes pushManager.subscribe wants. */
export function base64UrlToBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function currentSubscription() {
  if (!isSupported()) return null;
  const found = await navigator.serviceWorker.getRegistration();
  return found ? found.pushManager.getSubscription() : null;
}

function remember(endpoint) {
  try {
    if (endpoint) localStorage.setItem(ENDPOINT_KEY, endpoint);
    else localStorage.removeItem(ENDPOINT_KEY);
  } catch { /* storage unavailable: the subscription is sent again next time */ }
}

function remembered() {
  try { return localStorage.getItem(ENDPOINT_KEY); } catch { return null; }
}

/**
 * What the switch shows: 'unsupported', 'ios-browser' (iOS, not installed), 'denied',
 * 'on' or 'off'.
 */
export async function state() {
  if (isIOS() && !isStandalone()) return 'ios-browser';
  if (!isSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const subscription = Notification.permission === 'granted' ? await currentSubscription() : null;
  return subscription ? 'on' : 'off';
}

async function send(subscription) {
  await api.post('/api/push/subscriptions', subscription.toJSON());
  remember(subscription.endpoint);
}

/**
 * Turn notifications on. Call it only from a tap: it asks the browser's permission.
 * Resolves 'on', or 'denied' when the person (or the browser) said no.
 */
export async function enable() {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const { public_key: key } = await api.get('/api/push/vapid-public-key');
  const { pushManager } = await navigator.serviceWorker.ready;
  const options = { userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) };
  let subscription;
  try {
    subscription = await pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with another server key is in the way: replace it.
    const old = error.name === 'InvalidStateError' && await pushManager.getSubscription();
    if (!old) throw error;
    await old.unsubscribe();
    subscription = await pushManager.subscribe(options);
  }
  await send(subscription);
  return 'on';
}

async function forget(endpoint) {
  try {
    await request('DELETE', '/api/push/subscriptions', { endpoint });
  } catch (error) {
    if (!(error.name === 'ApiError' && error.code === 404)) throw error; // 404: already gone
  }
}

/** Turn notifications off: on the server and in this browser. */
export async function disable() {
  const subscription = await currentSubscription();
  if (subscription) {
    await forget(subscription.endpoint);
    await subscription.unsubscribe();
  }
  remember(null);
}

/** At start-up: send a subscription the service worker renewed meanwhile. */
export async function refresh() {
  if (!isSupported() || Notification.permission !== 'granted') return;
  // `ready`: on the very first start the worker is registered after the first screen.
  const subscription = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
  if (subscription && subscription.endpoint !== remembered()) await send(subscription);
}

// ---- Logout: the next person on this phone must not get this person's notifications ---------

let watching = false;

/**
 * Delete this device's subscription at logout, before the logout request (the session is still
 * valid then). Registered from the account screen, where the logout button is, so it runs after
 * the unsent-changes question (syncstatus.js) that may cancel the logout.
 */
export function watchLogout() {
  if (watching) return;
  watching = true;
  onLogout(async () => {
    const subscription = await currentSubscription().catch(() => null);
    if (!subscription) return;
    // Offline the server keeps it until the push service says "gone"; the browser's copy goes.
    await forget(subscription.endpoint).catch((error) => console.warn('push: forget', error));
    await subscription.unsubscribe();
  });
}

// ---- A tapped notification: open its view in this window -------------------------------------

let listening = false;

/** Follow sw.js's request to show a view (answered, so the worker knows it was handled). */
export function listen(navigate) {
  if (listening || !('serviceWorker' in navigator)) return;
  listening = true;
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type !== OPEN_VIEW) return;
    event.ports[0]?.postMessage('ok');
    navigate(event.data.route);
  });
}
