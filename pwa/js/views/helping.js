// Samen, the helper's side: the people you help and what each of them shares with you (read
// from the store: it opens offline), a code to start helping someone, and stopping.
// #/helping/<id> shows one person; when their access ended (they removed you, or you stopped),
// it says only "Je hebt geen toegang meer", nothing about why.
import { request } from '../api.js';
import { formatWhen } from '../dates.js';
import { field, setFieldError } from '../forms.js';
import { t } from '../i18n.js';
import * as store from '../store.js';
import * as sync from '../sync.js';
import { announce, errorMessage, h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

async function people() {
  const [links, messages] = await Promise.all([store.list('helping'),
    store.list('help_message')]);
  return links.filter((record) => !record.deleted).map((record) => ({
    ...record.data, id: record.id,
    message: messages.find((m) => !m.deleted && m.data.helping_id === record.id)?.data ?? null,
  }));
}

function personCard(person, redraw) {
  const stop = h('button', { type: 'button', class: 'secondary',
    text: t('helping.stop', { name: person.name }) });
  const confirm = h('div', { class: 'confirm', hidden: true },
    h('p', { text: t('helping.stopConfirm', { name: person.name }) }),
    h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', 'data-stop': 'yes',
        text: t('helping.stopYes') }),
      h('button', { type: 'button', class: 'secondary', 'data-stop': 'no',
        text: t('helping.stopNo') })));
  stop.addEventListener('click', () => {
    confirm.hidden = false;
    confirm.querySelector('[data-stop="no"]').focus();
  });
  confirm.addEventListener('click', async (event) => {
    const choice = event.target.closest('[data-stop]')?.dataset.stop;
    if (choice === 'no') {
      confirm.hidden = true;
      stop.focus();
    } else if (choice === 'yes') {
      event.target.disabled = true;
      try {
        await request('DELETE', `/api/helping/${person.id}`);
        announce(t('helping.stopped', { name: person.name }), 'success');
        await sync.now().catch(() => {});
        await redraw();
      } catch (error) {
        event.target.disabled = false;
        announce(navigator.onLine ? errorMessage(error) : t('helping.needsInternet'), 'error');
      }
    }
  });
  return h('li', { class: 'card helping' },
    h('h2', { text: person.name }),
    h('p', { class: 'hint', text: t('helping.since', { when: formatWhen(person.since) }) }),
    person.message?.text
      ? [h('h3', { text: t('helping.needs', { name: person.name }) }),
        h('p', { class: 'help-message', text: person.message.text }),
        h('p', { class: 'hint', text: t('helping.changed', {
          when: formatWhen(person.message.updated_at, 'datetime') }) })]
      : h('p', { text: t('helping.nothingShared', { name: person.name }) }),
    h('p', { class: 'actions' }, stop), confirm);
}

/** The form for a code someone gave you (also used by the invite link's screen). */
export function codeForm(onLinked, code = '') {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'code', label: t('helping.code'), hint: t('helping.codeHint'), value: code,
      autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 40 }),
    h('button', { type: 'submit', text: t('helping.link') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = form.elements.code.value.trim();
    setFieldError(form, 'code', value ? '' : t('helping.codeMissing'));
    if (!value) return;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      // Linking needs the server now: a code is checked once, there.
      const linked = await request('POST', '/api/helpers/link', { code: value });
      await sync.now().catch(() => {});
      announce(t('helping.linked', { name: linked.name }), 'success');
      await onLinked(linked);
    } catch (error) {
      const key = { 404: 'helping.codeInvalid', 409: 'helping.codeTaken',
        429: 'helping.tooManyTries' }[error.code];
      const message = key ? t(key) : navigator.onLine ? errorMessage(error)
        : t('helping.needsInternet');
      setFieldError(form, 'code', message);
      announce(message, 'error');
      form.elements.code.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

export async function render(container, { user, params = [] }) {
  await storeReady(user);
  const [onlyId] = params;
  const region = h('div', {});
  const draw = async () => {
    const all = await people();
    if (onlyId) {
      const person = all.find((p) => p.id === onlyId);
      fill(region, person ? h('ul', { class: 'cards' }, personCard(person, draw))
        : h('p', { class: 'notice', text: t('helping.noAccess') }),
      h('p', {}, h('a', { href: '#/helping', text: t('helping.all') })));
      return;
    }
    fill(region,
      all.length ? h('ul', { class: 'cards' }, all.map((person) => personCard(person, draw)))
        : h('p', { text: t('helping.none') }),
      h('section', { 'aria-labelledby': 'helping-code' },
        h('h2', { id: 'helping-code', text: t('helping.codeTitle') }),
        h('p', { text: t('helping.codeAbout') }),
        codeForm(() => draw())));
  };
  await draw();
  container.append(h('h1', { text: t('helping.title') }),
    h('p', { class: 'lead', text: t('helping.lead') }), region);
  whileShown(region, async (changes) => {
    if (region.querySelector('form')?.contains(document.activeElement)) return;
    if (changes.some((c) => c.entity === 'helping' || c.entity === 'help_message')) await draw();
  });
}
