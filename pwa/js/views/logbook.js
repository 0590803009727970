// One logbook: its entries (newest first), unfinished drafts, for damages the totals, the PDF
// export, and the entries deleted less than 30 days ago (they can come back).
import { api } from '../api.js';
import { formatWhen } from '../dates.js';
import { getLang, t } from '../i18n.js';
import {
  byNewest, deleteDraft, entrySummary, formatMoney, listDrafts, loadTemplates, local,
} from '../logbook-data.js';
import { downloadFile } from '../logbook-photos.js';
import { entryCount, typeName } from '../logbook-view.js';
import { damageTotals } from '../rules/logbook.js';
import * as store from '../store.js';
import { announce, errorMessage, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

async function syncNow() {
  try {
    await (await import('../sync.js')).now();
  } catch (error) {
    console.warn('sync before export', error);
  }
}

function moneyFacts(sum) {
  return h('dl', { class: 'facts money' },
    h('dt', { text: t('logbook.totals.amount') }),
    h('dd', { text: formatMoney(sum.amount_cents) }),
    h('dt', { text: t('logbook.totals.reimbursed') }),
    h('dd', { text: formatMoney(sum.reimbursed_cents) }),
    h('dt', { text: t('logbook.totals.outstanding') }),
    h('dd', { text: formatMoney(sum.outstanding_cents) }));
}

function totals(template, entries) {
  const categories = template.questions.find((q) => q.key === 'category').options;
  const { per_category: perCategory, overall } = damageTotals(
    entries.map((entry) => entry.data.answers), categories.map((o) => o.value));
  const name = (key) => local(categories.find((o) => o.value === key)?.label) || key;
  return h('section', { 'aria-labelledby': 'totals-title', class: 'totals' },
    h('h2', { id: 'totals-title', text: t('logbook.totals.title') }),
    h('ul', { class: 'cards' },
      Object.entries(perCategory).map(([key, sum]) => h('li', { class: 'card' },
        h('h3', { text: name(key) }), moneyFacts(sum))),
      h('li', { class: 'card total' }, h('h3', { text: t('logbook.totals.overall') }),
        moneyFacts(overall))));
}

function entryList(template, entries, problemIds) {
  if (!entries.length) return h('p', { text: t('logbook.noEntries') });
  const kind = template.occurred_at.type;
  return h('ul', { class: 'cards entries' }, entries.sort(byNewest).map((entry) => h('li',
    { class: 'card' },
    h('h3', {}, h('a', { href: `#/entry/${entry.id}`,
      text: formatWhen(entry.data.occurred_at, kind) })),
    h('p', { text: entrySummary(template, entry.data.answers) }),
    problemIds.has(entry.id) ? h('p', { class: 'field-error', text: t('logbook.problem.short') })
      : pendingTag(entry))));
}

function draftList(drafts) {
  if (!drafts.length) return null;
  return h('section', { 'aria-labelledby': 'drafts-title' },
    h('h2', { id: 'drafts-title', text: t('logbook.drafts') }),
    h('ul', { class: 'cards' }, drafts.map((draft) => h('li', { class: 'card' },
      h('p', {}, h('a', { href: `#/entry-form/${draft.logbookId}/${draft.id}`,
        id: `draft-${draft.id}`,
        text: t('logbook.draftContinue', { date: formatWhen(draft.savedAt, 'datetime') }) })),
      h('button', { type: 'button', class: 'secondary small', 'data-discard-draft': draft.id,
        'aria-describedby': `draft-${draft.id}`, text: t('logbook.draftDiscard') })))));
}

async function downloadPdf(logbook, button) {
  if (!navigator.onLine || logbook.pending) {
    announce(t(navigator.onLine ? 'logbook.export.notSent' : 'logbook.export.offline'), 'error');
    return;
  }
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await syncNow(); // so entries written just now are in the PDF
    await downloadFile(`/api/logbooks/${logbook.id}/export.pdf?lang=${getLang()}`,
      'houvast-logbook.pdf');
    announce(t('logbook.export.done'), 'success');
  } catch (error) {
    if (error instanceof TypeError) announce(t('logbook.export.offline'), 'error');
    else reportError(error);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Entries deleted less than 30 days ago, from the server (online only). */
async function deletedSection(logbook, template, refresh) {
  if (logbook.pending || !navigator.onLine) return null;
  let deleted;
  try {
    deleted = await api.get(`/api/logbooks/${logbook.id}/entries?deleted=true`);
  } catch (error) {
    console.warn('deleted entries', error);
    return null;
  }
  if (!deleted.length) return null;
  const restore = async (entry, button) => {
    button.disabled = true;
    try {
      await api.post(`/api/entries/${entry.id}/restore`);
      await syncNow();
      announce(t('logbook.restored'), 'success');
      await refresh();
    } catch (error) {
      button.disabled = false;
      announce(errorMessage(error), 'error');
    }
  };
  const kind = template.occurred_at.type;
  return h('section', { 'aria-labelledby': 'deleted-title' },
    h('h2', { id: 'deleted-title', text: t('logbook.deleted') }),
    h('p', { class: 'hint', text: t('logbook.deletedAbout') }),
    h('ul', { class: 'cards' }, deleted.reverse().map((entry) => {
      const button = h('button', { type: 'button', class: 'secondary',
        text: t('logbook.restore'), 'aria-describedby': `deleted-${entry.id}` });
      button.addEventListener('click', () => restore(entry, button));
      return h('li', { class: 'card' },
        h('p', { id: `deleted-${entry.id}` },
          h('strong', { text: formatWhen(entry.occurred_at, kind) }), h('br'),
          entrySummary(template, entry.answers)),
        button);
    })));
}

export async function render(container, { params = [], user }) {
  await storeReady(user);
  const [id] = params;
  const [templates, logbook] = await Promise.all([loadTemplates(), store.get('logbook', id)]);
  if (!logbook || logbook.deleted) {
    container.append(h('h1', { text: t('logbook.notFound') }),
      h('p', {}, h('a', { href: '#/logbooks', text: t('logbooks.back') })));
    return;
  }
  const template = templates[logbook.data.type];
  const exportButton = h('button', { type: 'button', class: 'secondary',
    text: t('logbook.export'), 'aria-describedby': 'export-hint' });
  exportButton.addEventListener('click', () => downloadPdf(logbook, exportButton));
  const region = h('div', {});
  region.addEventListener('click', async (event) => {
    const draftId = event.target.closest('[data-discard-draft]')?.dataset.discardDraft;
    if (!draftId) return;
    await deleteDraft(draftId);
    await refresh();
    announce(t('logbook.draftDiscarded'), 'success');
  });
  const deletedRegion = h('div', {});

  async function refresh() {
    const [entries, drafts, current, problems] = await Promise.all([
      store.list('logbook_entry', (entry) => entry.data.logbook_id === id),
      listDrafts(id), store.get('logbook', id), store.problems()]);
    Object.assign(logbook, current);
    fill(region,
      h('p', { text: `${typeName(templates, logbook.data.type)} · ${entryCount(entries, id)}` }),
      pendingTag(logbook),
      h('p', { class: 'actions' },
        h('a', { class: 'button', href: `#/entry-form/${id}/${store.uuid()}`, id: 'new-entry',
          text: t('logbook.newEntry') })),
      draftList(drafts),
      template.type === 'damages' && totals(template, entries),
      h('section', { 'aria-labelledby': 'entries-title' },
        h('h2', { id: 'entries-title', text: t('logbook.entriesTitle') }),
        entryList(template, entries, new Set(problems.map((p) => p.id)))));
  }
  async function refreshDeleted() {
    deletedRegion.replaceChildren(await deletedSection(logbook, template, refreshAll) || '');
  }
  async function refreshAll() {
    await Promise.all([refresh(), refreshDeleted()]);
  }

  await refreshAll();
  container.append(
    h('h1', { text: logbook.data.title }),
    region,
    h('section', { 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title', text: t('logbook.exportTitle') }),
      h('p', { class: 'hint', id: 'export-hint', text: t('logbook.exportAbout') }),
      h('p', { class: 'actions' }, exportButton)),
    deletedRegion,
    h('p', {}, h('a', { href: '#/logbooks', text: t('logbooks.back') })));
  whileShown(region, async (changes) => {
    await refresh();
    // After a sync the server may know of newly deleted entries.
    if (changes.some((change) => change.outbox)) await refreshDeleted();
  });
}
