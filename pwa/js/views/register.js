// Create an account: a pseudonym, a password, who you are, and agreeing to the terms.
import { api } from '../api.js';
import { busy, checkFields, field, showApiError } from '../forms.js';
import { t } from '../i18n.js';
import { setUser } from '../session.js';
import { announce, h } from '../ui.js';

const ROLES = ['client', 'helper'];

function roleChoice() {
  return h('fieldset', { class: 'field choices', 'data-field': 'role' },
    h('legend', { text: t('register.role') }),
    ROLES.map((role) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'role', value: role, id: `f-role-${role}`,
        'aria-describedby': `f-role-${role}-hint f-role-error` }),
      h('label', { for: `f-role-${role}`, text: t(`register.role.${role}`) }),
      h('p', { class: 'hint', id: `f-role-${role}-hint`, text: t(`register.role.${role}Hint`) }))),
    h('p', { class: 'field-error', id: 'f-role-error' }));
}

function terms() {
  return h('div', { class: 'field terms', 'data-field': 'accept_terms' },
    h('h2', { id: 'terms-title', text: t('register.termsTitle') }),
    h('ul', { 'aria-labelledby': 'terms-title' },
      ['register.terms1', 'register.terms2', 'register.terms3', 'register.terms4']
        .map((key) => h('li', { text: t(key) }))),
    h('div', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'accept_terms', id: 'f-accept_terms',
        'aria-describedby': 'f-accept_terms-error' }),
      h('label', { for: 'f-accept_terms', text: t('register.accept') })),
    h('p', { class: 'field-error', id: 'f-accept_terms-error' }));
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

export function render(container, { navigate }) {
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
      try {
        setUser(await api.post('/api/auth/register', values));
      } catch (error) {
        showApiError(form, error, { 409: 'register.error.taken' });
        return;
      }
      await navigate('home');
      announce(t('register.done'), 'success');
    });
  });

  container.append(
    h('h1', { text: t('register.title') }),
    h('p', { text: t('register.intro') }),
    form,
    h('p', {}, t('register.haveAccount'), ' ',
      h('a', { href: '#/login', text: t('register.toLogin') })));
}
