// My logbooks: every logbook on this device (also offline), with how many entries it has.
import { t } from '../i18n.js';
import { entryCount, typeName } from '../logbook-view.js';
import { loadTemplates } from '../logbook-data.js';
import * as store from '../store.js';
import { h } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

const byCreated = (a, b) => String(a.data.created_at || '~').localeCompare(
  String(b.data.created_at || '~'));

async function content() {
  const [templates, logbooks, entries] = await Promise.all([
    loadTemplates(), store.list('logbook'), store.list('logbook_entry')]);
  if (!logbooks.length) {
    return h('div', { class: 'empty' },
      h('p', { text: t('logbooks.empty') }),
      h('p', { text: t('logbooks.emptyWhy') }),
      h('p', {},
        h('a', { class: 'button', href: '#/logbook-new', text: t('logbooks.startFirst') })));
  }
  return h('div', {},
    h('ul', { class: 'cards' }, logbooks.sort(byCreated).map((logbook) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: `#/logbook/${logbook.id}`, text: logbook.data.title })),
      h('p', { text: `${typeName(templates, logbook.data.type)} · ${
        entryCount(entries, logbook.id)}` }),
      pendingTag(logbook)))),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: '#/logbook-new', text: t('logbooks.new') })));
}

export async function render(container, { user }) {
  await storeReady(user);
  const region = h('div', {}, await content());
  container.append(
    h('h1', { text: t('logbooks.title') }),
    h('p', { class: 'lead', text: t('logbooks.intro') }),
    region);
  whileShown(region, async () => fill(region, await content()));
}
