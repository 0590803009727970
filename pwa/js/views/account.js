// Account: who is logged in, the language, the recovery code, where you are logged in (and
// "Log overal uit"), logging out (which clears this device) and deleting the account.
import { api } from '../api.js';
import { formatWhen } from '../dates.js';
import { getLang, LANGUAGES, setLang, t } from '../i18n.js';
import { notificationSettings } from '../push-settings.js';
import { logout } from '../session.js';
import { announce, errorMessage, h, reportError, showAfterReload } from '../ui.js';
import { fill } from '../view.js';

function languageChoice() {
  const group = h('fieldset', { class: 'field choices' },
    h('legend', { text: t('account.language') }),
    LANGUAGES.map((lang) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'lang', value: lang, id: `f-lang-${lang}`,
        checked: lang === getLang() }),
      h('label', { for: `f-lang-${lang}`, lang, text: t(`account.language.${lang}`) }))));
  group.addEventListener('change', async (event) => {
    try {
      await setLang(event.target.value); // the router renders this view again
      document.getElementById(`f-lang-${event.target.value}`)?.focus();
    } catch (error) {
      reportError(error);
    }
  });
  return group;
}

/** Log out here and start again from a fresh page: no data stays behind in memory, and the
 * service worker that Clear-Site-Data removed is installed again (Houvast opens offline). */
async function logOutHere() {
  if (!await logout()) return false;
  showAfterReload('account.loggedOut');
  history.replaceState(null, '', '/#/welcome');
  location.reload();
  return true;
}

/** "Chrome op Android"; a part the server could not tell is left out. */
export function deviceName(device) {
  const [browser, system] = (device || '?|?').split('|');
  if (browser === '?' && system === '?') return t('account.deviceUnknown');
  if (system === '?') return browser;
  if (browser === '?') return system;
  return t('account.device', { browser, system });
}

function sessionItem(session) {
  return h('li', { class: 'card' },
    h('p', {}, h('strong', { text: deviceName(session.device) }),
      session.current && ' ', session.current && h('span', { class: 'tag', text: t('account.thisDevice') })),
    h('p', { class: 'hint', text: t('account.signedIn', {
      when: formatWhen(session.created_at, 'datetime') }) }),
    h('p', { class: 'hint', text: session.active
      ? t('account.lastSeen', { when: formatWhen(session.last_seen_at, 'datetime') })
      : t('account.ended') }));
}

/** Where you are logged in (online only: it is the server's to say), and "Log overal uit". */
function sessionsSection() {
  const list = h('div', {});
  const keep = h('input', { type: 'checkbox', id: 'f-keep-this', checked: true });
  const button = h('button', { type: 'button', class: 'secondary',
    text: t('account.everywhere') });
  const show = async () => {
    try {
      const sessions = await api.get('/api/auth/sessions');
      fill(list, h('ul', { class: 'cards sessions' }, sessions.map(sessionItem)));
    } catch (error) {
      fill(list, h('p', { class: 'hint', text: navigator.onLine ? errorMessage(error)
        : t('account.sessionsOffline') }));
    }
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { ended } = await api.post('/api/auth/logout-everywhere', { keep_this: true });
      if (!keep.checked && await logOutHere()) return;
      announce(t(ended ? 'account.everywhereDone' : 'account.everywhereNone'), 'success');
      await show();
    } catch (error) {
      announce(navigator.onLine ? errorMessage(error) : t('account.sessionsOffline'), 'error');
    }
    button.disabled = false;
  });
  show();
  return h('section', { 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title', text: t('account.sessions') }),
    h('p', { text: t('account.sessionsAbout') }),
    list,
    h('div', { class: 'field' }, h('div', { class: 'choice' }, keep,
      h('label', { for: 'f-keep-this', text: t('account.keepThis') }))),
    h('p', { class: 'actions' }, button));
}

export function render(container, { user }) {
  const button = h('button', { type: 'button', class: 'secondary', text: t('account.logout') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (await logOutHere()) return;
    } catch (error) {
      reportError(error);
    }
    button.disabled = false;
  });
  container.append(
    h('h1', { text: t('account.title') }),
    h('dl', { class: 'facts' },
      h('dt', { text: t('account.username') }), h('dd', { text: user.username }),
      h('dt', { text: t('account.role') }), h('dd', { text: t(`account.role.${user.role}`) })),
    languageChoice(),
    h('section', { 'aria-labelledby': 'code-title' },
      h('h2', { id: 'code-title', text: t('account.recoveryCode') }),
      h('p', { text: t(user.has_recovery_code === false ? 'account.recoveryCodeNone'
        : 'account.recoveryCodeAbout') }),
      h('p', {}, h('a', { href: '#/recovery-code', text: t('account.recoveryCodeNew') }))),
    sessionsSection(),
    notificationSettings(user.role),
    h('section', { 'aria-labelledby': 'logout-title' },
      h('h2', { id: 'logout-title', text: t('account.logoutTitle') }),
      h('p', { text: t('account.logoutAbout') }),
      button),
    // A staff account is the organisation's to export and remove (the server refuses it too).
    ...(user.role === 'staff' ? [] : [h('section', { 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title', text: t('account.exportTitle') }),
      h('p', { text: t('account.exportAbout') }),
      h('p', {}, h('a', { href: '#/export', text: t('account.exportLink') }))),
    h('section', { 'aria-labelledby': 'delete-title' },
      h('h2', { id: 'delete-title', text: t('account.deleteTitle') }),
      h('p', { text: t('account.deleteAbout') }),
      h('p', {}, h('a', { href: '#/delete-account', text: t('account.deleteLink') })))]));
}
