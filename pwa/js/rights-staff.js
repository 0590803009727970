// What the contact person does with the rights (online only, like the rest of the staff
// screens): suggest a right to the client and withdraw a suggestion. The client sees it as a
// suggestion with the contact's name and decides; their answers and choices stay theirs.
import { api } from './api.js';
import { t } from './i18n.js';
import { loadRights, text } from './rights-data.js';
import { announce, h, reportError } from './ui.js';

/** The section of a linked client's dossier screen; `base` is /api/staff/dossiers/<id>. */
export async function rightsSection(base) {
  const content = await loadRights();
  const ids = content.rules.rules.map((rule) => rule.right);
  const title = (id) => text(content.rights[id].title);
  const list = h('div', {});
  const select = h('select', { id: 'suggest-right', name: 'right' },
    ids.map((id) => h('option', { value: id, text: title(id) })));
  const act = async (work, message) => {
    try {
      await work();
      announce(message, 'success');
      await show();
    } catch (error) {
      reportError(error);
    }
  };
  async function show() {
    const suggestions = await api.get(`${base}/rights-suggestions`);
    list.replaceChildren(suggestions.length
      ? h('ul', { class: 'cards' }, suggestions.map((item) => h('li', { class: 'card' },
        h('h3', { text: title(item.right) }),
        h('button', { type: 'button', class: 'secondary',
          'aria-label': t('staff.rights.withdrawOne', { title: title(item.right) }),
          text: t('staff.rights.withdraw'),
          onclick: () => act(() => api.delete(`${base}/rights-suggestions/${item.id}`),
            t('staff.rights.withdrawn')) }))))
      : h('p', { text: t('staff.rights.none') }));
  }
  await show();
  return h('section', { 'aria-labelledby': 'rights-title' },
    h('h2', { id: 'rights-title', text: t('staff.rights.title') }),
    h('p', { class: 'hint', text: t('staff.rights.about') }), list,
    h('div', { class: 'field' }, h('label', { for: 'suggest-right', text: t('staff.rights.pick') }),
      select),
    h('p', { class: 'actions' }, h('button', { type: 'button', text: t('staff.rights.suggest'),
      onclick: () => act(() => api.post(`${base}/rights-suggestions`, { right: select.value }),
        t('staff.rights.suggested')) })));
}
