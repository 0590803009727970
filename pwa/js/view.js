// What every screen that shows records uses: the store opened for whoever is here (a person
// or a guest), redrawing while the screen is shown, replacing content without losing the
// focus, and the "not sent yet" tag. Form fields are in forms.js, dates in dates.js.
import { t } from './i18n.js';
import * as store from './store.js';
import { h, reportError } from './ui.js';

/**
 * The store is opened at login and start-up (syncstatus.js); a deep link into a screen must not
 * race that. Without a user (a screen with `guest: true` in routes.js) it is the guest store.
 */
export async function storeReady(user) {
  if (user) {
    if (!store.isOpen() || store.isGuest()) await store.open(user.username, user.records);
  } else if (!store.isGuest()) {
    await store.openGuest();
  }
}

/**
 * Call fn(changes) after store changes (a burst comes as one call) while `node` is on screen;
 * stops by itself once the view was replaced (the router has no "leave" hook).
 */
export function whileShown(node, fn) {
  let timer = null;
  let changes = [];
  const stop = store.subscribe((change) => {
    if (!node.isConnected) {
      stop();
      return;
    }
    changes.push(change);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const burst = changes;
      changes = [];
      Promise.resolve().then(() => fn(burst)).catch(reportError);
    }, 50);
  });
}

/**
 * Replace node's children, leaving out null/false like h() does. Focus inside stays on the
 * same control (found again by id or href), so a sync in the background does not move it.
 */
export function fill(node, ...children) {
  const active = node.contains(document.activeElement) ? document.activeElement : null;
  const href = active?.getAttribute('href');
  const selector = (active?.id && `#${CSS.escape(active.id)}`)
    || (href && `[href="${CSS.escape(href)}"]`);
  node.replaceChildren(...children.flat()
    .filter((c) => c !== null && c !== undefined && c !== false));
  if (selector) node.querySelector(selector)?.focus();
}

/** A tag for a record that is on this device but not yet on the server. */
export function pendingTag(record) {
  return record.pending ? h('p', { class: 'tag', text: t('record.pending') }) : null;
}
