// Start a logbook: choose what to keep track of (each type in one sentence) and, if you like,
// a title. Written to the store first, so it exists on the device before the server knows it.
import { choices, field, setFieldError, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { loadLimits, loadTemplates, local, TYPES } from '../logbook-data.js';
import * as store from '../store.js';
import { announce, h } from '../ui.js';
import { storeReady } from '../view.js';

function typeChoice(templates) {
  return choices({ name: 'type', legend: t('logbookNew.type'),
    options: TYPES.map((type) => ({ value: type, label: local(templates[type].title),
      hint: t(`logbookNew.about.${type}`) })) });
}

export async function render(container, { navigate, user }) {
  await storeReady(user);
  const [templates, limits] = await Promise.all([loadTemplates(), loadLimits()]);
  const form = h('form', { novalidate: true, class: 'stack' },
    typeChoice(templates),
    field({ name: 'title', label: t('logbookNew.titleLabel'), hint: t('logbookNew.titleHint'),
      maxlength: limits.title_max_length, autocomplete: 'off' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: t('logbookNew.submit') }),
      h('a', { class: 'button secondary', href: '#/logbooks', text: t('logbook.cancel') })));

  form.addEventListener('change', (event) => {
    if (event.target.name === 'type') setFieldError(form, 'type', '');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const type = form.elements.type.value;
    if (!showErrors(form, { type: TYPES.includes(type) ? null : t('logbookNew.error.type') })) {
      return;
    }
    const title = form.elements.title.value.trim() || local(templates[type].title);
    const id = store.uuid();
    await store.put('logbook', id, { type, title });
    await navigate(`logbook/${id}`);
    announce(t('logbookNew.done'), 'success');
  });

  container.append(
    h('h1', { text: t('logbookNew.title') }),
    h('p', { text: t('logbookNew.intro') }),
    form);
}
