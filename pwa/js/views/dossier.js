// The client's dossier: who the contact person is and how to reach them, and the timeline of the
// case grouped by who a message came from (newest first). Read from the store, so it also opens
// offline. Without a dossier: what it is, and a form for the code the contact person gave.
import { request } from '../api.js';
import { field, setFieldError } from '../forms.js';
import { t } from '../i18n.js';
import * as store from '../store.js';
import * as sync from '../sync.js';
import { announce, errorMessage, h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';
import {
  byTime, formatEventTime, isOpen, linkOut, loadEventKinds, TASK,
} from '../dossier-parts.js';

/** Per source the events, newest first; the group with the newest event first. */
export function groupBySource(events) {
  const groups = new Map();
  for (const event of [...events].sort(byTime)) {
    if (!groups.has(event.data.source)) groups.set(event.data.source, []);
    groups.get(event.data.source).push(event);
  }
  return [...groups];
}

function sourceName(source, contact) {
  if (source === 'organisation' && contact?.organisation) return contact.organisation;
  const key = `dossier.source.${source}`;
  return t(key) === key ? source : t(key);
}

function contactCard(contact = {}) {
  const who = contact.name
    ? t('dossier.contactWho', { name: contact.name, organisation: contact.organisation })
    : contact.organisation;
  const phone = contact.phone && contact.phone.replace(/[^\d+]/g, '');
  return h('section', { class: 'card dossier-contact', 'aria-labelledby': 'contact-title' },
    h('h2', { id: 'contact-title', text: t('dossier.contact') }),
    h('p', { text: who }),
    contact.phone && h('p', {}, `${t('dossier.phone')} `,
      h('a', { href: `tel:${phone}`, text: contact.phone })),
    contact.hours && h('p', { text: t('dossier.hours', { hours: contact.hours }) }));
}

function eventItem(event, kinds) {
  const { data } = event;
  return h('li', { class: 'dossier-event', 'data-kind': data.kind },
    h('p', { class: 'dossier-meta' },
      h('time', { datetime: data.occurred_at, text: formatEventTime(data, kinds) }),
      ' · ', t(`dossier.kind.${data.kind}`)),
    h('h4', { text: data.title }),
    data.body && h('p', { class: 'dossier-body', text: data.body }),
    data.link && linkOut(data.link));
}

async function linked(dossier) {
  // Without the kinds (offline before they were ever loaded) events show their day only.
  const [events, tasks, kinds] = await Promise.all([store.list('dossier_event'),
    store.list(TASK, (task) => Boolean(task.data.dossier_id)), loadEventKinds().catch(() => [])]);
  const open = tasks.filter(isOpen).length;
  const groups = groupBySource(events);
  return [
    contactCard(dossier.data.contact),
    h('p', { class: 'dossier-tasks-link' },
      h('a', { href: '#/tasks', text: [t('dossier.noOpenTasks'), t('dossier.openTask')][open]
        ?? t('dossier.openTasks', { count: open }) })),
    h('h2', { text: t('dossier.timeline') }),
    groups.length ? groups.map(([source, items]) => h('section', { class: 'dossier-group' },
      h('h3', { text: sourceName(source, dossier.data.contact) }),
      h('ol', { class: 'dossier-events' }, items.map((event) => eventItem(event, kinds)))))
      : h('p', { text: t('dossier.empty') }),
  ];
}

function linkForm(region) {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'code', label: t('dossier.code'), hint: t('dossier.codeHint'),
      autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 40 }),
    h('button', { type: 'submit', text: t('dossier.link') }));
  const input = form.elements.code;
  const problem = (message) => {
    setFieldError(form, 'code', message);
    announce(message, 'error');
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setFieldError(form, 'code', '');
    const code = input.value.trim();
    if (!code) return problem(t('dossier.codeMissing'));
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      // Linking is not a record of the device: it needs the server, now.
      await request('POST', '/api/dossier/link', { code });
      announce(t('dossier.linked'), 'success');
      await sync.now().catch(() => { /* the status line says so; the view follows the store */ });
      fill(region, ...await content(region));
    } catch (failure) {
      const key = { 404: 'dossier.codeInvalid', 409: 'dossier.alreadyLinked' }[failure.code];
      problem(key ? t(key) : errorMessage(failure));
    } finally {
      button.disabled = false;
    }
    return undefined;
  });
  return form;
}

async function content(region) {
  const [dossier] = await store.list('dossier');
  if (dossier) return linked(dossier);
  return [
    h('p', { text: t('dossier.none') }),
    h('p', { text: t('dossier.noneWhy') }),
    !navigator.onLine && h('p', { class: 'tag', text: t('dossier.linkOnline') }),
    linkForm(region),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const region = h('div', {});
  fill(region, ...await content(region));
  container.append(h('h1', { text: t('dossier.title') }), region);
  // A pull (or another tab) brings new events: show them. The code form keeps what is typed.
  whileShown(region, async () => {
    if (region.querySelector('form')?.contains(document.activeElement)) return;
    fill(region, ...await content(region));
  });
}
