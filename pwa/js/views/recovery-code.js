// The recovery code: the way back into an account when the password is forgotten (Houvast asks
// for no e-mail, so there is no other way). After registering or recovering, the new code shows
// here once, with where to keep it, and a "heb je hem bewaard?" check before going on. Without a
// code to show, this screen makes a new one (with the password); the old one stops working.
//
// The code is held in this module's memory only, never stored: a reload loses it, and the
// account screen can make a new one.
import { api } from '../api.js';
import { busy, checkFields, field, setFieldError, showPasswordError } from '../forms.js';
import { t } from '../i18n.js';
import { currentUser, setUser } from '../session.js';
import { announce, h } from '../ui.js';

let pending = null; // {code, next, done}: shown until the person says they kept it

/** Show `code` on #/recovery-code; "Verder" goes to `next` and announces `done` (a text key). */
export function showCode(code, next = 'home', done = null) {
  pending = { code, next, done };
  return 'recovery-code';
}

function codeCard(code) {
  return h('div', { class: 'card invite-code recovery-code' },
    h('p', { id: 'code-label', text: t('recoveryCode.yours') }),
    h('ul', { class: 'code-groups', 'aria-labelledby': 'code-label' },
      code.split('-').map((group) => h('li', { class: 'code', text: group }))));
}

function shown(container, navigate) {
  const { code, next, done } = pending;
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'kept', type: 'checkbox', label: t('recoveryCode.kept') }),
    h('button', { type: 'submit', text: t('recoveryCode.next') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.elements.kept.checked) {
      setFieldError(form, 'kept', t('recoveryCode.keepFirst'));
      form.elements.kept.focus();
      return;
    }
    pending = null;
    const user = currentUser();
    if (user) setUser({ ...user, has_recovery_code: true });
    await navigate(next);
    if (done) announce(t(done), 'success');
  });
  container.append(
    h('h1', { text: t('recoveryCode.title') }),
    h('p', { class: 'lead', text: t('recoveryCode.why') }),
    codeCard(code),
    h('ul', {}, ['recoveryCode.where1', 'recoveryCode.where2', 'recoveryCode.where3',
      'recoveryCode.once'].map((key) => h('li', { text: t(key) }))),
    form);
}

function makeNew(container, navigate) {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'password', type: 'password', label: t('recoveryCode.password'),
      hint: t('recoveryCode.passwordHint'), autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', text: t('recoveryCode.make') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const password = form.elements.password.value;
    if (!checkFields(form, { password: password ? null : 'recoveryCode.passwordMissing' })) return;
    busy(form, async () => {
      try {
        const made = await api.post('/api/auth/recovery-code', { password });
        await navigate(showCode(made.recovery_code, 'account', 'recoveryCode.saved'));
      } catch (error) {
        showPasswordError(form, error,
          { wrong: 'recoveryCode.wrongPassword', tooMany: 'recoveryCode.tooMany' });
      }
    });
  });
  const user = currentUser();
  container.append(
    h('h1', { text: t('recoveryCode.title') }),
    h('p', { class: 'lead', text: t('recoveryCode.why') }),
    h('p', { text: t(user?.has_recovery_code === false ? 'recoveryCode.none'
      : 'recoveryCode.replace') }),
    form);
}

export function render(container, { navigate }) {
  if (pending) shown(container, navigate);
  else makeNew(container, navigate);
}
