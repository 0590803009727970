// Form pieces shared by the views: labelled fields with a hint and an error slot, and showing
// the API's field errors next to the right field in the person's language.
import { t } from './i18n.js';
import { announce, errorMessage, h } from './ui.js';

/** A labelled input with an optional hint; errors appear in the slot below it. */
export function field({ name, label, hint, ...attrs }) {
  const id = `f-${name}`;
  const described = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ');
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id, text: label }),
    hint && h('p', { class: 'hint', id: `${id}-hint`, text: hint }),
    h('input', { id, name, 'aria-describedby': described, ...attrs }),
    h('p', { class: 'field-error', id: `${id}-error` }));
}

export function setFieldError(form, name, message) {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  if (!wrapper) return false;
  wrapper.querySelector('.field-error').textContent = message || '';
  for (const input of wrapper.querySelectorAll('input')) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  return true;
}

export function clearErrors(form) {
  for (const wrapper of form.querySelectorAll('[data-field]')) {
    setFieldError(form, wrapper.dataset.field, '');
  }
}

/**
 * Show an ApiError on a form: field messages in our words where we have them
 * (error.field.<name>), else the API's; a summary in the live region; focus the first bad field.
 */
export function showApiError(form, error, overrides = {}) {
  let first = null;
  for (const [name, messages] of Object.entries(error.errors || {})) {
    // Most specific first: error.field.<name>.<status>, then error.field.<name>.
    const key = [`error.field.${name}.${error.code}`, `error.field.${name}`]
      .find((k) => t(k) !== k);
    const message = key ? t(key) : [].concat(messages).join(' ');
    if (setFieldError(form, name, message)) first ??= name;
  }
  const summaryKey = overrides[error.code];
  announce(summaryKey ? t(summaryKey) : errorMessage(error), 'error');
  if (first) form.querySelector(`[data-field="${first}"] input`)?.focus();
}

/** Check the fields ourselves first ({name: messageKey or null}); true when all are fine. */
export function checkFields(form, problems) {
  clearErrors(form);
  let first = null;
  for (const [name, key] of Object.entries(problems)) {
    if (!key) continue;
    setFieldError(form, name, t(key));
    first ??= name;
  }
  if (!first) return true;
  announce(t('error.checkFields'), 'error');
  form.querySelector(`[data-field="${first}"] input`)?.focus();
  return false;
}

/** Disable the submit button while `work` runs, so a double tap sends once. */
export async function busy(form, work) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
