// One entry: the answers, the note, the photos (on the server and still waiting on this
// device), editing, deleting (30 days to restore), and its history: every revision stays.
import { api } from '../api.js';
import { formatWhen } from '../dates.js';
import { t } from '../i18n.js';
import { answerText, loadTemplates, local } from '../logbook-data.js';
import {
  downloadFile, photoGallery, photoPicker, queuePhotos,
} from '../logbook-photos.js';
import * as store from '../store.js';
import { announce, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

function answers(template, content) {
  const rows = template.questions.map((question) => {
    const text = answerText(question, content.answers?.[question.key]);
    return text && [h('dt', { text: local(question.label) }), h('dd', { text })];
  }).filter(Boolean);
  if (content.note) {
    rows.push([h('dt', { text: t('logbook.note') }), h('dd', { text: content.note })]);
  }
  return h('dl', { class: 'answers' }, rows.flat());
}

async function history(template, record) {
  if (!record.version) return h('p', { class: 'hint', text: t('logbook.history.notSent') });
  if (!navigator.onLine) return h('p', { class: 'hint', text: t('logbook.history.offline') });
  let detail;
  try {
    detail = await api.get(`/api/entries/${record.id}`);
  } catch (error) {
    console.warn('entry history', error);
    return h('p', { class: 'hint', text: t(error.offline ? 'logbook.history.offline'
      : 'logbook.history.failed') });
  }
  const kind = template.occurred_at.type;
  return h('ul', { class: 'revisions' },
    [...detail.revisions].reverse().map((revision) => h('li', {},
      h('details', {},
        h('summary', { text: t('logbook.history.revision', { n: revision.revision,
          date: formatWhen(revision.created_at, 'datetime') }) }),
        revision.damaged ? h('p', { text: t('logbook.damaged') }) : [
          h('p', { text: `${local(template.occurred_at.label)} ${
            formatWhen(revision.occurred_at, kind)}` }),
          answers(template, revision)]))));
}

function problemNote(problem, editHref, afterDiscard) {
  if (!problem) return null;
  const discard = h('button', { type: 'button', class: 'secondary',
    text: t('logbook.problem.discard') });
  discard.addEventListener('click', async () => {
    await store.discardProblem(problem.mutation_id);
    await afterDiscard();
  });
  return h('div', { class: 'problem', role: 'group', 'aria-labelledby': 'problem-title' },
    h('h2', { id: 'problem-title', text: t('logbook.problem.title') }),
    // The server's message is for developers (English); the person gets ours.
    h('p', { text: t('logbook.problem.about') }),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: editHref, text: t('logbook.edit') }),
      discard));
}

function deleteControls(record, navigate) {
  const confirmBox = h('div', { class: 'confirm', hidden: true, id: 'delete-confirm' },
    h('p', { text: t('logbook.deleteConfirm') }),
    h('p', { class: 'actions' },
      h('button', { type: 'button', 'data-delete': 'yes', text: t('logbook.deleteYes') }),
      h('button', { type: 'button', class: 'secondary', 'data-delete': 'no',
        text: t('logbook.deleteNo') })));
  const ask = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false',
    'aria-controls': 'delete-confirm', text: t('logbook.delete') });
  ask.addEventListener('click', () => {
    confirmBox.hidden = false;
    ask.setAttribute('aria-expanded', 'true');
    confirmBox.querySelector('button').focus();
  });
  confirmBox.addEventListener('click', async (event) => {
    const choice = event.target.closest('[data-delete]')?.dataset.delete;
    if (choice === 'no') {
      confirmBox.hidden = true;
      ask.setAttribute('aria-expanded', 'false');
      ask.focus();
    } else if (choice === 'yes') {
      await store.remove('logbook_entry', record.id);
      await navigate(`logbook/${record.data.logbook_id}`);
      announce(t('logbook.deletedDone'), 'success');
    }
  });
  return [ask, confirmBox];
}

/**
 * "Are you sure?" before the original of a photo is downloaded: it may show time and place.
 * Opened by a button data-photo="original" (data-id, data-n) in the gallery.
 */
function originalControls(photosRegion) {
  const text = h('p', { id: 'original-confirm-text' });
  const box = h('div', { class: 'confirm', hidden: true, id: 'original-confirm', role: 'group',
    'aria-labelledby': 'original-confirm-text' },
    text,
    h('p', { class: 'actions' },
      h('button', { type: 'button', 'data-original': 'yes',
        text: t('logbook.photo.originalYes') }),
      h('button', { type: 'button', class: 'secondary', 'data-original': 'no',
        text: t('logbook.photo.originalNo') })));
  const opener = () => photosRegion.querySelector(
    `[data-photo="original"][data-id="${box.dataset.id}"]`);
  function close() {
    box.hidden = true;
    opener()?.focus();
  }

  function ask(button) {
    if (!navigator.onLine) {
      announce(t('logbook.photo.originalOffline'), 'error');
      return;
    }
    box.dataset.id = button.dataset.id;
    text.textContent = t('logbook.photo.originalConfirm', { n: button.dataset.n });
    box.hidden = false;
    box.querySelector('button').focus();
  }

  box.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-original]');
    if (button?.dataset.original === 'no') close();
    if (button?.dataset.original !== 'yes') return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await downloadFile(`/api/photos/${box.dataset.id}/original`, 'houvast-original.jpg');
      close();
      announce(t('logbook.photo.originalDone'), 'success');
    } catch (error) {
      if (error instanceof TypeError || error.offline) {
        announce(t('logbook.photo.originalOffline'), 'error');
      } else reportError(error);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return { box, ask };
}

export async function render(container, { navigate, params = [], user }) {
  await storeReady(user);
  const [id] = params;
  const [templates, first] = await Promise.all([loadTemplates(), store.get('logbook_entry', id)]);
  const logbook = first && await store.get('logbook', first.data.logbook_id);
  if (!first || first.deleted || !logbook) {
    container.append(h('h1', { text: t('logbook.notFound') }),
      h('p', {}, h('a', { href: '#/logbooks', text: t('logbooks.back') })));
    return;
  }
  const template = templates[logbook.data.type];
  const editHref = `#/entry-form/${logbook.id}/${id}`;
  const region = h('div', {});
  const photosRegion = h('div', {});
  const historyRegion = h('div', {});
  let shownVersion; // the history shown is of this version (none yet)

  const picker = template.photos && photoPicker({ id: 'add-photos',
    label: local(template.photos.label),
    help: local(template.photos.help) });
  const addButton = picker && h('button', { type: 'button', text: t('logbook.photo.add') });
  addButton?.addEventListener('click', async () => {
    const photos = picker.photos();
    if (!photos.length) {
      announce(t('logbook.photo.chooseFirst'), 'error');
      return;
    }
    await queuePhotos(store, id, photos);
    picker.clear();
    announce(t('logbook.photo.queued'), 'success');
  });

  const original = originalControls(photosRegion);
  photosRegion.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-photo]');
    if (!button) return;
    if (button.dataset.photo === 'original') original.ask(button);
    else if (button.dataset.photo === 'retry') await store.retryPhoto(button.dataset.id);
    else await store.discardPhoto(button.dataset.id);
  });

  async function refresh() {
    const [record, problems, queued] = await Promise.all([store.get('logbook_entry', id),
      store.problems(), store.photoQueue(id)]);
    if (!record || record.deleted) return;
    fill(region,
      pendingTag(record),
      problemNote(problems.find((p) => p.id === id), editHref, async () => {
        // An entry that never reached the server is gone with its change.
        if (!(await store.get('logbook_entry', id))) await navigate(`logbook/${logbook.id}`);
      }),
      h('p', {}, t('logbook.inLogbook'), ' ',
        h('a', { href: `#/logbook/${logbook.id}`, text: logbook.data.title })),
      answers(template, record.data));
    if (picker) {
      const previews = photosRegion.querySelectorAll('img[src^="blob:"]');
      for (const img of previews) URL.revokeObjectURL(img.src);
      photosRegion.replaceChildren(photoGallery(record.data.photos || [], queued));
    }
    if (record.version !== shownVersion) {
      shownVersion = record.version;
      historyRegion.replaceChildren(await history(template, record));
    }
  }

  await refresh();
  fill(container,
    h('h1', { text: t('logbook.entryTitle', { date: formatWhen(first.data.occurred_at,
      template.occurred_at.type) }) }),
    region,
    // Outside the region that follows the store, so a sync does not close "are you sure?".
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: editHref, text: t('logbook.edit') }),
      deleteControls(first, navigate)),
    picker && h('section', { 'aria-labelledby': 'photos-title' },
      h('h2', { id: 'photos-title', text: t('logbook.photo.title') }),
      photosRegion, original.box, picker.element, addButton),
    h('section', { 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title', text: t('logbook.history.title') }),
      h('p', { class: 'hint', text: t('logbook.history.about') }),
      historyRegion));
  whileShown(region, refresh);
}
