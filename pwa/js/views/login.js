// Log in with the pseudonym and password.
import { api } from '../api.js';
import { busy, checkFields, field, showApiError } from '../forms.js';
import { t } from '../i18n.js';
import { setUser, takeAfterLogin } from '../session.js';
import { h } from '../ui.js';

export function render(container, { navigate }) {
  const form = h('form', { novalidate: true, class: 'stack' },
    field({ name: 'username', label: t('login.username'), type: 'text',
      autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }),
    field({ name: 'password', label: t('login.password'), type: 'password',
      autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', text: t('login.submit') }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {
      username: form.elements.username.value.trim(),
      password: form.elements.password.value,
    };
    const ok = checkFields(form, {
      username: values.username ? null : 'login.error.username',
      password: values.password ? null : 'login.error.password',
    });
    if (!ok) return;
    busy(form, async () => {
      try {
        setUser(await api.post('/api/auth/login', values));
      } catch (error) {
        showApiError(form, error, { 401: 'login.error.wrong' });
        return;
      }
      await navigate(takeAfterLogin());
    });
  });

  container.append(
    h('h1', { text: t('login.title') }),
    form,
    h('p', {}, h('a', { href: '#/recover', text: t('login.forgot') })),
    h('p', {}, t('login.noAccount'), ' ',
      h('a', { href: '#/register', text: t('login.toRegister') })));
}
