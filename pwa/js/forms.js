// Form fields for every screen: one way to build a labelled control with its hint, warning and
// error slot, and one way to show errors next to the right field (our own checks, or the API's
// field errors in the person's language).
//
// A field is a wrapper [data-field=<name>] holding, in this order: the label (or legend), the
// hint, the warning, the error slot, the control(s). Their ids derive from the field's id
// (default f-<name>): <id>-hint, <id>-warning, <id>-error; the controls name them in
// aria-describedby, so a screen reader reads the error with the control.
import { t } from './i18n.js';
import { announce, errorMessage, h } from './ui.js';

const CONTROLS = 'input, textarea, select';

const describedBy = (...ids) => ids.filter(Boolean).join(' ') || null;

function notes(id, hint, warning) {
  return [
    hint && h('p', { class: 'hint', id: `${id}-hint`, text: hint }),
    warning && h('p', { class: 'warning', id: `${id}-warning`, text: warning }),
    h('p', { class: 'field-error', id: `${id}-error` }),
  ];
}

/**
 * One labelled control. `control`: 'input' (default; type text unless `type` says otherwise),
 * 'textarea', or 'select' with `options` [[value, text]]. `type: 'checkbox'` gives one box with
 * its label beside it. `value` is the starting value (and what form.reset() goes back to);
 * `prefix` is shown before the control (the '€' of an amount). Other attributes (required,
 * maxlength, autocomplete, …) go onto the control.
 */
export function field({ name, label, hint, warning, id = `f-${name}`, control = 'input',
  options = [], value, prefix, ...attrs }) {
  const common = { id, name, ...attrs,
    'aria-describedby': describedBy(hint && `${id}-hint`, warning && `${id}-warning`, `${id}-error`) };
  let input;
  if (control === 'select') {
    input = h('select', common, options.map(([optionValue, text]) => h('option',
      { value: optionValue, text })));
    if (value !== undefined && value !== null) input.value = String(value);
  } else {
    input = h(control, control === 'input' ? { type: 'text', ...common } : common);
    // defaultValue: the value attribute of an input, the text of a textarea.
    if (value !== undefined && value !== null) input.defaultValue = String(value);
  }
  const labelNode = h('label', { for: id, text: label });
  if (attrs.type === 'checkbox') {
    return h('div', { class: 'field', 'data-field': name }, notes(id, hint, warning),
      h('div', { class: 'choice' }, input, labelNode));
  }
  return h('div', { class: 'field', 'data-field': name },
    labelNode,
    notes(id, hint, warning),
    prefix ? h('div', { class: 'money-input' }, h('span', { 'aria-hidden': 'true', text: prefix }),
      input) : input);
}

/**
 * A group of radio buttons, or of checkboxes with `multiple`, under a legend.
 * options: [{value, label, hint, checked}]; each input gets the id <id>-<value>.
 */
export function choices({ name, legend, hint, warning, id = `f-${name}`, multiple = false,
  options }) {
  return h('fieldset', { class: 'field choices', 'data-field': name },
    h('legend', { text: legend }),
    notes(id, hint, warning),
    options.map((option) => {
      const optionId = `${id}-${option.value}`;
      return h('div', { class: 'choice' },
        h('input', { type: multiple ? 'checkbox' : 'radio', name, value: String(option.value),
          id: optionId, checked: Boolean(option.checked),
          'aria-describedby': describedBy(option.hint && `${optionId}-hint`, hint && `${id}-hint`,
            warning && `${id}-warning`, `${id}-error`) }),
        h('label', { for: optionId, text: option.label }),
        option.hint && h('p', { class: 'hint', id: `${optionId}-hint`, text: option.hint }));
    }));
}

/**
 * Show (or clear, with '' or null) the message of field `name`; marks its controls
 * aria-invalid. Returns the field's wrapper, or null when the form has no such field.
 */
export function setFieldError(form, name, message) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!wrapper) return null;
  wrapper.querySelector('.field-error').textContent = message || '';
  for (const control of wrapper.querySelectorAll(CONTROLS)) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  return wrapper;
}

export function clearErrors(form) {
  for (const wrapper of form.querySelectorAll('[data-field]')) {
    setFieldError(form, wrapper.dataset.field, '');
  }
}

function focusField(wrapper) {
  wrapper?.querySelector(CONTROLS)?.focus();
}

/**
 * Show messages at their fields ({name: message, or null for "fine"}). True when all are fine;
 * else a summary in the live region and the focus on the first field with a message.
 */
export function showErrors(form, problems) {
  let first = null;
  for (const [name, message] of Object.entries(problems)) {
    const wrapper = setFieldError(form, name, message || '');
    if (message && wrapper) first ??= wrapper;
  }
  if (!first) return true;
  announce(t('error.checkFields'), 'error');
  focusField(first);
  return false;
}

/** Our own checks before sending: {name: text key, or null}; clears earlier messages first. */
export function checkFields(form, problems) {
  clearErrors(form);
  return showErrors(form, Object.fromEntries(Object.entries(problems)
    .map(([name, key]) => [name, key ? t(key) : null])));
}

/**
 * Show an ApiError on a form: field messages in our words where we have them
 * (error.field.<name>.<status>, then error.field.<name>), else the API's; a summary in the live
 * region (`overrides`: {status: text key}); the focus on the first field with a message.
 */
export function showApiError(form, error, overrides = {}) {
  let first = null;
  for (const [name, messages] of Object.entries(error.errors || {})) {
    const key = [`error.field.${name}.${error.code}`, `error.field.${name}`]
      .find((k) => t(k) !== k);
    const wrapper = setFieldError(form, name, key ? t(key) : [].concat(messages).join(' '));
    if (wrapper) first ??= wrapper;
  }
  const summaryKey = overrides[error.code];
  announce(summaryKey ? t(summaryKey) : errorMessage(error), 'error');
  focusField(first);
}

/**
 * A form that sends the person's own password to confirm who they are: a 422 means it was not
 * theirs (`wrong`, a text key, at the field), anything else shows as usual (`tooMany` for 429).
 */
export function showPasswordError(form, error, { wrong, tooMany }) {
  if (error.code !== 422) {
    showApiError(form, error, { 429: tooMany });
    return;
  }
  setFieldError(form, 'password', t(wrong));
  announce(t(wrong), 'error');
  form.elements.password.focus();
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
