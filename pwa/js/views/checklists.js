// The ten checklists for helpers, one per kind of event, each with how many of its items the
// person ticked ("3 van 12 klaar"). The ticks are on this device (with an account they sync), so
// the counts redraw when they change.
import { t } from '../i18n.js';
import { checklistState, isTicked, loadTraining } from '../training-data.js';
import { backToTraining } from '../training-parts.js';
import { h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

/** The checklists there are (a file still being written comes without items). */
const usable = (training) => (training.checklists ?? [])
  .filter((checklist) => checklist && Array.isArray(checklist.items));

function card(checklist, state) {
  const done = checklist.items.filter((entry) => isTicked(state, entry.id)).length;
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `#/checklist/${encodeURIComponent(checklist.id)}`,
      text: checklist.title })),
    h('p', { class: 'tag', text: t('checklist.progress', { done,
      total: checklist.items.length }) }));
}

async function draw(training) {
  const state = await checklistState();
  const lists = usable(training);
  if (!lists.length) return h('p', { class: 'empty', text: t('checklist.none') });
  return h('ul', { class: 'cards' }, lists.map((checklist) => card(checklist, state)));
}

export async function render(container, { user }) {
  await storeReady(user);
  const training = await loadTraining();
  const body = h('div', { class: 'checklists' });
  fill(body, await draw(training));
  container.append(h('h1', { text: t('checklist.listTitle') }),
    h('p', { class: 'lead', text: t('checklist.listLead') }), body, backToTraining());
  whileShown(body, async () => fill(body, await draw(training)));
}
