// Changes that need the person: refused by the server (with the reason, to fix or discard),
// changed on another device too (keep mine or take the server's), photos that did not upload.
// Nothing the person wrote disappears without them choosing so here.
import { editRoute } from '../domains.js';
import { t } from '../i18n.js';
import * as store from '../store.js';
import * as sync from '../sync.js';
import { announce, h, reportError } from '../ui.js';
import { storeReady, whileShown } from '../view.js';

function describe(entity, data = {}) {
  const label = t(`problems.entity.${entity}`);
  const name = data?.title || data?.occurred_at?.slice(0, 10);
  return name ? `${label}: ${name}` : label;
}

// {data: {answers: {feeling: ["..."]}}} -> ["answers › feeling: ..."]
function flatten(errors, path = []) {
  if (Array.isArray(errors)) {
    const where = path.filter((p) => p !== 'data' && p !== '_schema').join(' › ');
    return errors.flatMap((m) => (typeof m === 'string' ? (where ? `${where}: ${m}` : m)
      : flatten(m, path)));
  }
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([key, value]) => flatten(value, [...path, key]));
  }
  return [];
}

function show(value) {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fieldName(key) {
  const label = t(`problems.fieldName.${key}`);
  return label.startsWith('problems.') ? key : label;
}

function comparison(problem) {
  const differs = (key) => JSON.stringify(problem.data[key])
    !== JSON.stringify(problem.server?.[key]);
  const all = Object.keys(problem.data || {});
  const keys = all.some(differs) ? all.filter(differs) : all;
  return h('table', { class: 'sync-compare' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('problems.field') }),
      h('th', { scope: 'col', text: t('problems.mine') }),
      h('th', { scope: 'col', text: t('problems.theirs') }))),
    h('tbody', {}, keys.map((key) => h('tr', {},
      h('th', { scope: 'row', text: fieldName(key) }),
      h('td', { text: show(problem.data[key]) }),
      h('td', { text: show(problem.server?.[key]) })))));
}

function act(label, work, secondary = true) {
  return h('button', { type: 'button', class: secondary ? 'secondary' : null, text: label,
    onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        announce(await work(), 'success');
      } catch (error) {
        reportError(error);
      }
    } });
}

async function problemItem(problem) {
  const record = await store.get(problem.entity, problem.id);
  const title = describe(problem.entity, record?.data ?? problem.data);
  const edit = editRoute(problem, record); // the screen of the record's domain, if it has one
  const conflict = problem.status === 'conflict';
  return h('li', { class: 'card sync-problem', 'data-status': problem.status },
    h('h2', { text: title }),
    h('p', { text: t(conflict ? 'problems.conflict'
      : problem.op === 'delete' ? 'problems.rejectedDelete' : 'problems.rejected') }),
    // The server's own words (English) add to ours only for a refusal.
    !conflict && problem.message && h('p', { class: 'hint', lang: 'en', text: problem.message }),
    !conflict && h('ul', { class: 'field-errors' },
      flatten(problem.errors).map((message) => h('li', { lang: 'en', text: message }))),
    conflict && comparison(problem),
    h('div', { class: 'actions' },
      conflict && act(t('problems.keepMine'), async () => {
        await store.keepMine(problem.mutation_id);
        sync.now().catch(() => {});
        return t('problems.keptMine');
      }, false),
      edit && h('a', { class: 'button', href: edit, text: t('problems.fix') }),
      act(t(conflict ? 'problems.takeTheirs' : 'problems.discard'), async () => {
        await store.discardProblem(problem.mutation_id);
        return t(conflict ? 'problems.tookTheirs' : 'problems.discarded');
      })));
}

function photoItem(photo) {
  return h('li', { class: 'card sync-problem', 'data-status': 'photo' },
    h('h2', { text: t('problems.photo') }),
    h('p', { text: t('problems.photoFailed') }),
    photo.message && h('p', { class: 'hint', lang: 'en', text: photo.message }),
    h('div', { class: 'actions' },
      act(t('problems.retry'), async () => {
        await store.retryPhoto(photo.id);
        sync.now().catch(() => {});
        return t('problems.retrying');
      }, false),
      act(t('problems.discard'), async () => {
        await store.discardPhoto(photo.id);
        return t('problems.discarded');
      })));
}

async function showAll(list) {
  const problems = await store.problems();
  const photos = (await store.photoQueue()).filter((p) => p.status === 'failed');
  const items = [...await Promise.all(problems.map(problemItem)), ...photos.map(photoItem)];
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  list.nextElementSibling.hidden = items.length > 0;
}

export async function render(container, { user }) {
  await storeReady(user);
  const list = h('ul', { class: 'cards' });
  container.append(
    h('h1', { text: t('problems.title') }),
    h('p', { class: 'lead', text: t('problems.intro') }),
    list,
    h('p', { text: t('problems.none') }));
  await showAll(list);
  whileShown(list, () => showAll(list));
}
