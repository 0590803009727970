// Small pieces of the logbook screens: names, counts, "not sent yet", and field errors that
// work for every kind of question (radio groups, checkboxes, text areas).
import { t } from './i18n.js';
import { local } from './logbook-data.js';
import { announce, h } from './ui.js';

export function typeName(templates, type) {
  return local(templates[type]?.title) || type;
}

export function entryCount(entries, logbookId) {
  const count = entries.filter((entry) => entry.data.logbook_id === logbookId).length;
  return count === 1 ? t('logbook.oneEntry') : t('logbook.entries', { count });
}

/**
 * Replace node's children, leaving out null/false like h() does. Focus inside stays on the
 * same control (found again by id or href), so a sync in the background does not move it.
 */
export function fill(node, ...children) {
  const active = node.contains(document.activeElement) ? document.activeElement : null;
  const href = active?.getAttribute('href');
  const selector = (active?.id && `#${CSS.escape(active.id)}`)
    || (href && `[href="${CSS.escape(href)}"]`);
  node.replaceChildren(...children.flat()
    .filter((c) => c !== null && c !== undefined && c !== false));
  if (selector) node.querySelector(selector)?.focus();
}

/** A tag for a record that is on this device but not yet on the server. */
export function pendingTag(record) {
  return record.pending ? h('p', { class: 'tag', text: t('logbook.pending') }) : null;
}

/** Show (or clear, with '') the message of the [data-field=name] wrapper. */
export function setError(form, name, message) {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  if (!wrapper) return null;
  wrapper.querySelector('.field-error').textContent = message;
  for (const control of wrapper.querySelectorAll('input, textarea, select')) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  return wrapper;
}

/** {name: message or null} -> true when all are fine; else say so and focus the first one. */
export function showErrors(form, problems) {
  let first = null;
  for (const [name, message] of Object.entries(problems)) {
    const wrapper = setError(form, name, message || '');
    if (message && wrapper) first ??= wrapper;
  }
  if (!first) return true;
  announce(t('error.checkFields'), 'error');
  first.querySelector('input, textarea, select')?.focus();
  return false;
}

/** An id for the [data-field] of a question, unique on the page. */
export const fieldId = (key) => `q-${key}`;
