// Create an account: a pseudonym, a password, who you are, and agreeing to the terms.
import { api } from '../api.js';
import { busy, checkFields, choices, field, showApiError } from '../forms.js';
import { t } from '../i18n.js';
import { setUser, takeAfterLogin } from '../session.js';
import { h } from '../ui.js';
import { showCode } from './recovery-code.js';

const ROLES = ['client', 'helper'];

function roleChoice() {
  return choices({ name: 'role', legend: t('register.role'),
    options: ROLES.map((role) => ({ value: role, label: t(`register.role.${role}`),
      hint: t(`register.role.${role}Hint`) })) });
}

function terms() {
  return h('div', { class: 'field terms' },
    h('h2', { id: 'terms-title', text: t('register.termsTitle') }),
    h('ul', { 'aria-labelledby': 'terms-title' },
      ['register.terms1', 'register.terms2', 'register.terms3', 'register.terms4']
        .map((key) => h('li', { text: t(key) }))),
    field({ name: 'accept_terms', type: 'checkbox', label: t('register.accept') }));
}

function problems(values) {
  return {
    username: values.username.length >= 3 && values.username.length <= 32
      ? null : 'register.error.username',
    password: values.password.length >= 10 && values.password.length <= 128
      ? null : 'register.error.password',
    role: ROLES.includes(values.role) ? null : 'register.error.role',
    accept_terms: values.accept_terms ? null : 'register.error.terms',
  };
}

export function render(container, { navigate, params = [] }) {
  const form = h('form', { novalidate: true, class: 'stack' },
    field({ name: 'username', label: t('register.username'), hint: t('register.usernameHint'),
      type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false',
      required: true, minlength: 3, maxlength: 32 }),
    field({ name: 'password', label: t('register.password'), hint: t('register.passwordHint'),
      type: 'password', autocomplete: 'new-password', required: true, minlength: 10,
      maxlength: 128 }),
    roleChoice(),
    terms(),
    h('button', { type: 'submit', text: t('register.submit') }));

  // #/register/helper: someone invited to help, or sent to the training, registers as a helper.
  if (ROLES.includes(params[0])) form.elements.role.value = params[0];

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {
      username: form.elements.username.value.trim(),
      password: form.elements.password.value,
      role: form.elements.role.value,
      accept_terms: form.elements.accept_terms.checked,
    };
    if (!checkFields(form, problems(values))) return;
    busy(form, async () => {
      let account;
      try {
        account = await api.post('/api/auth/register', values);
      } catch (error) {
        showApiError(form, error, { 409: 'register.error.taken' });
        return;
      }
      setUser(account);
      // The recovery code first, shown this once; then where the person was going.
      await navigate(showCode(account.recovery_code, takeAfterLogin(), 'register.done'));
    });
  });

  container.append(
    h('h1', { text: t('register.title') }),
    h('p', { text: t('register.intro') }),
    form,
    h('p', {}, t('register.haveAccount'), ' ',
      h('a', { href: '#/login', text: t('register.toLogin') })));
}
