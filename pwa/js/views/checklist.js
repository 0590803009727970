// One checklist (#/checklist/<id>): what to do in the first days, whom to call, the deadlines.
// Every item is a real checkbox; a tick goes to the store at once (offline too, and without an
// account: the guest store), and the list redraws when the ticks change (also after a sync from
// another phone). Each item may have a number to tap with when to call, and its source in small
// print. "Print deze lijst" prints it without the menu and the buttons (see the print styles).
import { t } from '../i18n.js';
import { checklistState, contact, isTicked, loadTraining, tick } from '../training-data.js';
import { backToTraining, contactCard, sourceNote } from '../training-parts.js';
import { h, reportError } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

const GROUPS = ['first_days', 'call', 'deadlines'];

function item(training, checklist, entry, state) {
  const id = `item-${entry.id}`;
  const box = h('input', { type: 'checkbox', id, checked: isTicked(state, entry.id),
    'aria-describedby': entry.detail ? `${id}-detail` : null,
    onchange: () => tick(entry.id, box.checked).catch(reportError) });
  return h('li', { class: 'checklist-item' },
    h('div', { class: 'choice' }, box, h('label', { for: id, text: entry.text })),
    entry.detail && h('p', { class: 'hint', id: `${id}-detail`, text: entry.detail }),
    entry.contact && contactCard(contact(training, entry.contact)),
    entry.source && sourceNote(checklist.sources, entry.source));
}

async function draw(training, checklist) {
  const state = await checklistState();
  const done = checklist.items.filter((entry) => isTicked(state, entry.id)).length;
  return [
    h('p', { class: 'tag', text: t('checklist.progress', { done,
      total: checklist.items.length }) }),
    ...GROUPS.map((group) => {
      const items = checklist.items.filter((entry) => entry.group === group);
      if (!items.length) return null;
      return h('section', { 'aria-labelledby': `group-${group}` },
        h('h2', { id: `group-${group}`, text: t(`checklist.group.${group}`) }),
        h('ul', { class: 'checklist' },
          items.map((entry) => item(training, checklist, entry, state))));
    }),
  ];
}

function notFound(container) {
  container.append(h('h1', { text: t('checklist.notFound') }),
    h('p', {}, h('a', { href: '#/checklists', text: t('checklist.all') })),
    backToTraining());
}

export async function render(container, { user, params }) {
  await storeReady(user);
  const training = await loadTraining();
  const checklist = (training.checklists ?? [])
    .find((found) => found?.id === params[0] && Array.isArray(found.items));
  if (!checklist) {
    notFound(container);
    return;
  }
  const body = h('div', { class: 'checklist-body' });
  fill(body, await draw(training, checklist));
  container.append(h('div', { class: 'checklist-page' },
    h('h1', { text: checklist.title }),
    h('p', { class: 'lead', text: checklist.intro }),
    h('p', { class: 'hint', text: t('checklist.kept') }),
    body,
    h('p', { class: 'actions no-print' },
      h('button', { type: 'button', class: 'secondary', text: t('checklist.print'),
        onclick: () => window.print() }),
      h('a', { class: 'button secondary', href: '#/checklists', text: t('checklist.all') })),
    backToTraining()));
  whileShown(body, async () => fill(body, await draw(training, checklist)));
}
