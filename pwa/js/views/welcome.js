// What Houvast offers, for victims and for helpers; the way in. When someone kept things on
// this device without an account (the guest store), it says so, and offers to erase it all.
import { t } from '../i18n.js';
import { databaseNames, GUEST_STORE } from '../idb.js';
import { eraseGuest } from '../session.js';
import { h, reportError, showAfterReload } from '../ui.js';

/** "Wis alles op dit apparaat", with a "are you sure?" step. */
function eraseControls() {
  const confirmBox = h('div', { class: 'confirm', hidden: true, id: 'erase-confirm',
    role: 'group', 'aria-labelledby': 'erase-confirm-text' },
    h('p', { id: 'erase-confirm-text', text: t('guest.eraseConfirm') }),
    h('p', { class: 'actions' },
      h('button', { type: 'button', 'data-erase': 'yes', text: t('guest.eraseYes') }),
      h('button', { type: 'button', class: 'secondary', 'data-erase': 'no',
        text: t('guest.eraseNo') })));
  const ask = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false',
    'aria-controls': 'erase-confirm', text: t('guest.erase') });
  ask.addEventListener('click', () => {
    confirmBox.hidden = false;
    ask.setAttribute('aria-expanded', 'true');
    confirmBox.querySelector('button').focus();
  });
  confirmBox.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-erase]');
    if (button?.dataset.erase === 'no') {
      confirmBox.hidden = true;
      ask.setAttribute('aria-expanded', 'false');
      ask.focus();
    } else if (button?.dataset.erase === 'yes') {
      button.disabled = true;
      try {
        await eraseGuest();
        // A fresh page, as after logout: nothing of it stays in memory either.
        showAfterReload('guest.erased');
        history.replaceState(null, '', '/#/welcome');
        location.reload();
      } catch (error) {
        button.disabled = false;
        reportError(error);
      }
    }
  });
  return [ask, confirmBox];
}

/** Only when the guest store exists (or the browser cannot tell): never opened here. */
async function onThisDevice() {
  const names = await databaseNames().catch(() => null);
  if (names && !names.includes(GUEST_STORE)) return null;
  return h('section', { 'aria-labelledby': 'welcome-device' },
    h('h2', { id: 'welcome-device', text: t('guest.title') }),
    h('p', { text: t('guest.about') }),
    h('p', { text: t('guest.adopt') }),
    h('div', { class: 'actions' }, eraseControls()));
}

export async function render(container) {
  const device = await onThisDevice();
  container.append(
    h('h1', { text: t('welcome.title') }),
    h('p', { class: 'lead', text: t('welcome.intro') }),
    h('section', { 'aria-labelledby': 'welcome-client' },
      h('h2', { id: 'welcome-client', text: t('welcome.clientTitle') }),
      h('ul', {}, ['welcome.client1', 'welcome.client2', 'welcome.client3', 'welcome.client4']
        .map((key) => h('li', { text: t(key) })))),
    h('section', { 'aria-labelledby': 'welcome-helper' },
      h('h2', { id: 'welcome-helper', text: t('welcome.helperTitle') }),
      h('ul', {}, ['welcome.helper1', 'welcome.helper2']
        .map((key) => h('li', { text: t(key) }))),
      h('p', {}, h('a', { class: 'button secondary', href: '#/training',
        text: t('welcome.helperStart') })),
      h('p', { class: 'hint', text: t('welcome.helperNoAccount') })),
    h('section', { 'aria-labelledby': 'welcome-safe' },
      h('h2', { id: 'welcome-safe', text: t('welcome.safeTitle') }),
      h('p', { text: t('welcome.safe') })),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '#/register', text: t('welcome.register') }),
      h('a', { class: 'button secondary', href: '#/login', text: t('welcome.login') })));
  if (device) container.append(device);
}
