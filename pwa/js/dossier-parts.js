// What the dossier screens share (client and staff): dates, links to other sites, sorting.
import { t } from './i18n.js';
import { formatWhen } from './logbook-data.js';
import { h } from './ui.js';

// Kinds with a time that matters (a hearing, an appointment); other events show the day only.
const TIMED = new Set(['court_date', 'appointment']);

export function formatEventTime({ kind, occurred_at: at }) {
  return formatWhen(at, TIMED.has(kind) ? 'datetime' : 'date');
}

/** A due date (YYYY-MM-DD) in words, or null. */
export function formatDue(due) {
  return due ? t('tasks.due', { date: formatWhen(`${due}T12:00`) }) : null;
}

const time = (iso) => (iso ? Date.parse(iso) : 0);

/** Newest first (records of the store, or the API's plain objects). */
export const byTime = (a, b) => time((b.data ?? b).occurred_at) - time((a.data ?? a).occurred_at);

export const isOpen = (task) => !(task.data ?? task).done;

/** An https link from the contact person: opens outside Houvast, says so. */
export function linkOut(href) {
  return h('p', {}, h('a', { href, target: '_blank', rel: 'noopener noreferrer',
    text: t('dossier.readMore') }), ' ', h('span', { class: 'hint', text: t('dossier.external') }));
}
