// "Wachtwoord vergeten?": a new password with the recovery code. Every other login of the
// account ends; this phone is logged in, and the new code (the old one is used up) shows next.
import { api } from '../api.js';
import { busy, checkFields, field, showApiError } from '../forms.js';
import { t } from '../i18n.js';
import { setUser } from '../session.js';
import { h } from '../ui.js';
import { showCode } from './recovery-code.js';

export function render(container, { navigate }) {
  const form = h('form', { novalidate: true, class: 'stack' },
    field({ name: 'username', label: t('login.username'), type: 'text',
      autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }),
    field({ name: 'recovery_code', label: t('recover.code'), hint: t('recover.codeHint'),
      type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
      required: true, maxlength: 64 }),
    field({ name: 'new_password', label: t('recover.newPassword'),
      hint: t('register.passwordHint'), type: 'password', autocomplete: 'new-password',
      required: true, minlength: 10, maxlength: 128 }),
    h('button', { type: 'submit', text: t('recover.submit') }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {
      username: form.elements.username.value.trim(),
      recovery_code: form.elements.recovery_code.value.trim(),
      new_password: form.elements.new_password.value,
    };
    const ok = checkFields(form, {
      username: values.username ? null : 'login.error.username',
      recovery_code: values.recovery_code ? null : 'recover.error.code',
      new_password: values.new_password.length >= 10 && values.new_password.length <= 128
        ? null : 'register.error.password',
    });
    if (!ok) return;
    busy(form, async () => {
      let account;
      try {
        account = await api.post('/api/auth/recover', values);
      } catch (error) {
        showApiError(form, error, { 401: 'recover.error.wrong', 429: 'recover.error.tooMany' });
        return;
      }
      setUser(account);
      await navigate(showCode(account.recovery_code, 'home', 'recover.done'));
    });
  });

  container.append(
    h('h1', { text: t('recover.title') }),
    h('p', { text: t('recover.intro') }),
    form,
    h('p', {}, h('a', { href: '#/login', text: t('recover.toLogin') })));
}
