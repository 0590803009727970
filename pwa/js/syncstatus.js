// The quiet status line under the header: how many changes are not sent yet, when Houvast last
// synced, and a link to changes that need the person (views/problems.js). Also: asking for
// persistent storage at the first local write, and the warning before logging out.
import { formatRecent } from './dates.js';
import { onLangChange, t } from './i18n.js';
import { LogoutCancelled, onLogout, setUser } from './session.js';
import * as store from './store.js';
import * as sync from './sync.js';
import { announce, h } from './ui.js';

let line = null;

function plural(key, count) {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { count });
}

function stateText({ pending, waitingPhotos = 0, problems, photos, state, reason }) {
  const unsent = pending + waitingPhotos;
  const needsYou = problems + photos;
  if (reason === 'login') return t('sync.login');
  const parts = [];
  if (state === 'offline') {
    parts.push(unsent ? plural('sync.offlinePending', unsent) : t('sync.offline'));
  } else if (unsent) {
    parts.push(plural('sync.pending', unsent));
  }
  if (reason === 'unreachable') parts.push(t('sync.unreachable'));
  else if (state === 'error' && unsent) parts.push(t('sync.retrying'));
  if (needsYou) parts.push(plural('sync.problems', needsYou));
  if (!parts.length) parts.push(t('sync.allSent'));
  return parts.join(' ');
}

function render(status) {
  if (!line) return;
  const live = line.querySelector('.sync-state');
  const text = stateText(status);
  // Only a real change is read out: the time below changes every minute and is not live.
  if (live.textContent !== text) live.textContent = text;
  line.dataset.state = status.state;
  line.querySelector('.sync-time').textContent = status.lastSyncAt
    ? t('sync.lastSync', { time: formatRecent(status.lastSyncAt) }) : t('sync.never');
  line.querySelector('.sync-problems').hidden = status.problems + status.photos === 0;
  line.querySelector('.sync-login').hidden = status.reason !== 'login';
}

function build() {
  const login = h('a', { class: 'sync-login', href: '#/login', hidden: true,
    text: t('sync.loginLink') });
  // The session is gone but the outbox stays: log in again (same person: it is sent). Nobody is
  // logged in from here on, so the router's own click handler (after this one) shows the login.
  login.addEventListener('click', () => setUser(null));
  return h('div', { class: 'sync-status', id: 'sync-status' },
    h('span', { class: 'sync-state', 'aria-live': 'polite' }),
    ' ', h('span', { class: 'sync-time' }),
    ' ', h('a', { class: 'sync-problems', href: '#/problems', hidden: true,
      text: t('sync.problemsLink') }),
    ' ', login);
}

async function askForPersistence(change) {
  if (!change.local || !navigator.storage?.persist) return;
  if (await store.getMeta('persistAsked')) return;
  await store.setMeta('persistAsked', true);
  if (await navigator.storage.persisted()) return;
  // Now there is something to lose. A refusal is said once, kindly: it is not an error.
  if (!(await navigator.storage.persist())) announce(t('sync.persistRefused'), 'info');
}

async function unsent() {
  const [pending, problems, photos] = await Promise.all([
    store.pendingCount(), store.problems(), store.photoQueue()]);
  return pending + problems.length + photos.length;
}

/** Resolves 'sync', 'logout' or 'cancel'. */
function askBeforeLogout(count, triedToSend) {
  return new Promise((resolve) => {
    const choice = (value, text, secondary) => h('button', { type: 'submit', value,
      class: secondary ? 'secondary' : null, text });
    const dialog = h('dialog', { class: 'sync-dialog', 'aria-labelledby': 'sync-dialog-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'sync-dialog-title', text: t('sync.logout.title') }),
        h('p', { text: plural('sync.logout.unsent', count) }),
        triedToSend && h('p', { text: t('sync.logout.stillUnsent') }),
        h('div', { class: 'actions' },
          choice('sync', t('sync.logout.syncFirst')),
          choice('logout', t('sync.logout.anyway'), true),
          choice('cancel', t('sync.logout.cancel'), true))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue || 'cancel');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

async function beforeLogout() {
  if (!store.isOpen()) return;
  let count = await unsent();
  let tried = false;
  while (count > 0) {
    const choice = await askBeforeLogout(count, tried);
    if (choice === 'cancel') throw new LogoutCancelled();
    if (choice === 'logout') break;
    await sync.now().catch(() => { /* the dialog says what is left */ });
    tried = true;
    count = await unsent();
  }
  sync.stop();
  store.close();
}

/** Open `user`'s store, show the status line and sync (at login, or on load). */
export async function mount(user) {
  await store.open(user.username, user.records);
  if (!line) {
    line = build();
    document.querySelector('.site-header').append(line);
    sync.status.addEventListener('change', (event) => render(event.detail));
    onLangChange(() => {
      line.querySelector('.sync-login').textContent = t('sync.loginLink');
      line.querySelector('.sync-problems').textContent = t('sync.problemsLink');
      render(sync.snapshot());
    });
    store.subscribe((change) => askForPersistence(change).catch(console.error));
    onLogout(beforeLogout);
    render(sync.snapshot());
  }
  sync.start();
}
