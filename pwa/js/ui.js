// Small DOM helpers and the one error path: tell the person, log for the developer.
import { t } from './i18n.js';

/** Create an element: h('p', {class: 'hint', id: 'x'}, 'text', child). No innerHTML anywhere. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Say something in the live region (read out by screen readers, shown on screen). */
export function announce(message, kind = 'info') {
  const status = document.getElementById('status');
  status.className = `status status-${kind}`;
  status.textContent = '';
  // A fresh text node after clearing makes screen readers announce a repeated message too.
  requestAnimationFrame(() => { status.textContent = message; });
}

// A message for the next page load (e.g. "you are logged out" after the reload at logout).
const NOTICE_KEY = 'houvast.notice';

export function showAfterReload(key) {
  try { sessionStorage.setItem(NOTICE_KEY, key); } catch { /* then no message */ }
}

export function announcePending() {
  let key = null;
  try {
    key = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
  } catch { /* storage unavailable */ }
  if (key) announce(t(key), 'success');
}

export function clearAnnouncement() {
  const status = document.getElementById('status');
  status.textContent = '';
  status.className = 'status';
}

/** The one error path: a message the person can act on, details in the console. */
export function reportError(error, fallbackKey = 'error.unexpected') {
  console.error(error);
  announce(errorMessage(error, fallbackKey), 'error');
}

/** Dutch/English text for an ApiError (by status), else the API's own message. */
export function errorMessage(error, fallbackKey = 'error.unexpected') {
  if (error && error.name === 'ApiError') {
    // No answer while the device is online, or Houvast busy or down: not the person's doing.
    if (error.unreachable && (error.code !== 0 || navigator.onLine !== false)) {
      return t('error.status.503');
    }
    const key = `error.status.${error.code}`;
    const text = t(key);
    if (text !== key) return text;
    if (error.message) return error.message;
  }
  return t(fallbackKey);
}
