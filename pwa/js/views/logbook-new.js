// Start a logbook: choose what to keep track of (each type in one sentence) and, if you like,
// a title. Written to the store first, so it exists on the device before the server knows it.
import { t } from '../i18n.js';
import { loadTemplates, local, storeReady, TYPES } from '../logbook-data.js';
import { setError, showErrors } from '../logbook-view.js';
import * as store from '../store.js';
import { announce, h } from '../ui.js';

const TITLE_MAX = 120;

function typeChoice(templates) {
  return h('fieldset', { class: 'field choices', 'data-field': 'type' },
    h('legend', { text: t('logbookNew.type') }),
    TYPES.map((type) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'type', value: type, id: `f-type-${type}`,
        'aria-describedby': `f-type-${type}-hint f-type-error` }),
      h('label', { for: `f-type-${type}`, text: local(templates[type].title) }),
      h('p', { class: 'hint', id: `f-type-${type}-hint`, text: t(`logbookNew.about.${type}`) }))),
    h('p', { class: 'field-error', id: 'f-type-error' }));
}

export async function render(container, { navigate, user }) {
  await storeReady(store, user);
  const templates = await loadTemplates();
  const form = h('form', { novalidate: true, class: 'stack' },
    typeChoice(templates),
    h('div', { class: 'field', 'data-field': 'title' },
      h('label', { for: 'f-title', text: t('logbookNew.titleLabel') }),
      h('p', { class: 'hint', id: 'f-title-hint', text: t('logbookNew.titleHint') }),
      h('input', { type: 'text', id: 'f-title', name: 'title', maxlength: TITLE_MAX,
        autocomplete: 'off', 'aria-describedby': 'f-title-hint f-title-error' }),
      h('p', { class: 'field-error', id: 'f-title-error' })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: t('logbookNew.submit') }),
      h('a', { class: 'button secondary', href: '#/logbooks', text: t('logbook.cancel') })));

  form.addEventListener('change', (event) => {
    if (event.target.name === 'type') setError(form, 'type', '');
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
