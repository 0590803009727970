// Small pieces of the logbook screens: the name of a logbook type and how many entries a
// logbook has. (What every view uses is in view.js, form fields in forms.js.)
import { t } from './i18n.js';
import { local } from './logbook-data.js';

export function typeName(templates, type) {
  return local(templates[type]?.title) || type;
}

export function entryCount(entries, logbookId) {
  const count = entries.filter((entry) => entry.data.logbook_id === logbookId).length;
  return count === 1 ? t('logbook.oneEntry') : t('logbook.entries', { count });
}
