// Tasks from the contact person: what is still to do and what is done. Ticking one off writes to
// the store (also offline); sync sends it. Only `done` is the client's to change.
import { t } from '../i18n.js';
import * as store from '../store.js';
import { announce, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';
import { formatDue, isOpen } from '../dossier-parts.js';

const dueKey = (task) => task.data.due_date || '9999-12-31';
const byDue = (a, b) => dueKey(a).localeCompare(dueKey(b))
  || String(a.data.title).localeCompare(String(b.data.title));
const byDoneAt = (a, b) => String(b.data.done_at || '~').localeCompare(String(a.data.done_at || '~'));

function taskItem(task) {
  const id = `task-${task.id}`;
  const { title, explanation, due_date: due, done } = task.data;
  const hints = [explanation && `${id}-about`, due && `${id}-due`].filter(Boolean).join(' ');
  const box = h('input', { type: 'checkbox', id, checked: Boolean(done),
    'aria-describedby': hints || null });
  box.addEventListener('change', async () => {
    try {
      await store.put('dossier_task', task.id, { done: box.checked });
      announce(t(box.checked ? 'tasks.ticked' : 'tasks.reopened', { title }), 'success');
    } catch (error) {
      box.checked = !box.checked;
      reportError(error);
    }
  });
  return h('li', { class: 'card task', 'data-done': String(Boolean(done)) },
    h('div', { class: 'choice' }, box, h('label', { for: id, text: title }),
      explanation && h('p', { class: 'hint dossier-body', id: `${id}-about`, text: explanation }),
      due && h('p', { class: 'hint', id: `${id}-due`, text: formatDue(due) })),
    pendingTag(task));
}

async function content() {
  const tasks = await store.list('dossier_task');
  const open = tasks.filter(isOpen).sort(byDue);
  const done = tasks.filter((task) => !isOpen(task)).sort(byDoneAt);
  if (!tasks.length) {
    const [dossier] = await store.list('dossier');
    return [h('p', { text: t('tasks.none') }),
      !dossier && h('p', {}, h('a', { href: '#/dossier', text: t('tasks.linkFirst') }))];
  }
  return [
    h('h2', { text: t('tasks.open', { count: open.length }) }),
    open.length ? h('ul', { class: 'cards tasks' }, open.map(taskItem))
      : h('p', { text: t('tasks.allDone') }),
    done.length > 0 && h('h2', { text: t('tasks.done', { count: done.length }) }),
    done.length > 0 && h('ul', { class: 'cards tasks' }, done.map(taskItem)),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const region = h('div', {});
  fill(region, ...await content());
  container.append(
    h('h1', { text: t('tasks.title') }),
    h('p', { class: 'lead', text: t('tasks.intro') }),
    region);
  whileShown(region, async () => fill(region, ...await content()));
}
