// What the dossier screens share (client and staff): dates, links to other sites, sorting.
import { loadContent } from './content.js';
import { formatWhen } from './dates.js';
import { t } from './i18n.js';
import { text } from './rights-data.js';
import { h } from './ui.js';

/** The server's kinds of events, [{kind, source, has_time}] in its order (also offline). */
export async function loadEventKinds() {
  return (await loadContent('/api/content/dossier')).event_kinds;
}

/** When it happened: with the time of day for kinds whose time matters (a hearing, an
 * appointment: `has_time` in `kinds`), else the day only. */
export function formatEventTime({ kind, occurred_at: at }, kinds) {
  const timed = kinds.some((known) => known.kind === kind && known.has_time);
  return formatWhen(at, timed ? 'datetime' : 'date');
}

/** A due date (YYYY-MM-DD) in words, or null. */
export function formatDue(due) {
  return due ? t('tasks.due', { date: formatWhen(`${due}T12:00`) }) : null;
}

const time = (iso) => (iso ? Date.parse(iso) : 0);

/** Newest first (records of the store, or the API's plain objects). */
export const byTime = (a, b) => time((b.data ?? b).occurred_at) - time((a.data ?? a).occurred_at);

export const isOpen = (task) => !(task.data ?? task).done;

/** The task list's sync entity (api/tasks): tasks of the contact person, rights and own. */
export const TASK = 'task';

/** The words of a task (also as a helper sees it): its own, or for a rights to-do the right's
 * (in the app's language). */
export function taskWords(task, rights) {
  const { source, right_id: rightId, todo_key: key, title, explanation } = task.data;
  const steps = task.data.steps ?? [];
  if (source !== 'rights') return { title, explanation, steps: steps.map((s) => s.text) };
  const todo = rights?.rights[rightId]?.todos.find((item) => item.key === key);
  return { title: todo ? text(todo.title) : key, explanation: null, rightId,
    steps: steps.map((_, i) => (todo ? text(todo.steps[i]) : '')) };
}

/** An https link from the contact person: opens outside Houvast, says so. */
export function linkOut(href) {
  return h('p', {}, h('a', { href, target: '_blank', rel: 'noopener noreferrer',
    text: t('dossier.readMore') }), ' ', h('span', { class: 'hint', text: t('dossier.external') }));
}
