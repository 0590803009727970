// "Verwijder mijn account": the account and everything in it go for good, on the server and on
// this device. The screen says what goes and what stays elsewhere (a dossier is the
// organisation's), asks for the password and a tick that the person understands, then clears
// this device as logout does and starts again from the welcome screen.
import { api } from '../api.js';
import { busy, checkFields, field, showPasswordError } from '../forms.js';
import { t } from '../i18n.js';
import { forgetErasedAccount } from '../session.js';
import { h, showAfterReload } from '../ui.js';

// What goes, by role: the keys of the list items.
const GOES = {
  client: ['deleteAccount.goes.logbooks', 'deleteAccount.goes.recovery',
    'deleteAccount.goes.tasks', 'deleteAccount.goes.helpers', 'deleteAccount.goes.account'],
  helper: ['deleteAccount.goes.training', 'deleteAccount.goes.helping'],
};

export function render(container, { user }) {
  if (!GOES[user.role]) {
    container.append(h('h1', { text: t('deleteAccount.title') }),
      h('p', { text: t('deleteAccount.staff') }),
      h('p', {}, h('a', { href: '#/account', text: t('deleteAccount.back') })));
    return;
  }
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'password', type: 'password', label: t('deleteAccount.password'),
      hint: t('deleteAccount.passwordHint'), autocomplete: 'current-password', required: true }),
    field({ name: 'understood', type: 'checkbox', label: t('deleteAccount.understood') }),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', class: 'danger', text: t('deleteAccount.submit') }),
      h('a', { href: '#/account', class: 'button secondary', text: t('deleteAccount.cancel') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const password = form.elements.password.value;
    if (!checkFields(form, {
      password: password ? null : 'deleteAccount.passwordMissing',
      understood: form.elements.understood.checked ? null : 'deleteAccount.understoodMissing',
    })) return;
    busy(form, async () => {
      try {
        await api.delete('/api/me', { password });
      } catch (error) {
        showPasswordError(form, error,
          { wrong: 'deleteAccount.wrongPassword', tooMany: 'deleteAccount.tooMany' });
        return;
      }
      await forgetErasedAccount();
      showAfterReload('deleteAccount.done');
      history.replaceState(null, '', '/#/welcome');
      location.reload();
    });
  });
  container.append(
    h('h1', { text: t('deleteAccount.title') }),
    h('p', { class: 'lead', text: t('deleteAccount.lead') }),
    h('h2', { text: t('deleteAccount.goesTitle') }),
    h('ul', {}, GOES[user.role].map((key) => h('li', { text: t(key) }))),
    h('h2', { text: t('deleteAccount.keepTitle') }),
    h('p', { text: t(`deleteAccount.keep.${user.role}`) }),
    h('p', { text: t('deleteAccount.backups') }),
    form);
}
