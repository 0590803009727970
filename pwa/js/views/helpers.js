// Samen, the client's side: who helps you and what each of them sees, plainly; removing someone
// (one tap, silent: they only see that they have no access any more); inviting someone with a
// one-time code; and "Waar ik hulp bij kan gebruiken", for everyone or for some. Tasks are
// shared on the task list (tasks.js); here each person's card says which they see.
//
// The list of helpers comes from the store (synced, so it opens offline); when online the
// server's list adds when each phone last synced. Inviting and removing need the server at that
// moment; the help message is a record of this device and goes out with the next sync.
import { request } from '../api.js';
import { formatWhen } from '../dates.js';
import { field, setFieldError } from '../forms.js';
import { t } from '../i18n.js';
import { TASK, taskWords } from '../dossier-parts.js';
import { personalData, savePersonal } from '../personal-record.js';
import { loadRights } from '../rights-data.js';
import * as store from '../store.js';
import * as sync from '../sync.js';
import { announce, errorMessage, h, reportError } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

const MESSAGE = 'help_message';
const MESSAGE_DEFAULTS = { text: null, to_all: true, helper_ids: [] };
const NAME_MAX = 40;
const MESSAGE_MAX = 500;

/** The helpers as the store has them, with what the server adds when it can be asked. */
async function loadHelpers() {
  const stored = (await store.list('helper')).filter((record) => !record.deleted)
    // When a phone last synced is the server's to say: not shown from a stored copy.
    .map((record) => ({ ...record.data, id: record.id, last_sync_at: undefined }));
  if (!navigator.onLine) return { helpers: stored, invites: [], live: false };
  try {
    const [helpers, invites] = await Promise.all([request('GET', '/api/helpers'),
      request('GET', '/api/helpers/invites')]);
    return { helpers, invites, live: true };
  } catch {
    return { helpers: stored, invites: [], live: false };
  }
}

/** What `helper` sees, in words: the help message, the tasks shared with them, how it goes. */
function sees(helper, message, tasks, rights) {
  const shared = message.text && (message.to_all || message.helper_ids.includes(helper.id));
  const theirs = tasks.filter((task) => !task.deleted && (task.data.shared_to_all
    || (task.data.shared_helper_ids ?? []).includes(helper.id)));
  const titles = theirs.map((task) => `‘${taskWords(task, rights).title}’`).join(', ');
  const items = [
    shared && t('helpers.seesMessage'),
    theirs.length > 0 && t(theirs.length === 1 ? 'helpers.seesTask' : 'helpers.seesTasks',
      { count: theirs.length, titles }),
    helper.sees?.recovery && t('helpers.seesRecovery'),
  ].filter(Boolean);
  if (!items.length) {
    return h('p', {}, h('strong', { text: t('helpers.sees') }), ' ', t('helpers.seesNothing'));
  }
  return [h('p', { class: 'sees-title' }, h('strong', { text: t('helpers.sees') })),
    h('ul', { class: 'sees' }, items.map((text) => h('li', { text })))];
}

/** "Laat … zien hoe het met je gaat": a switch per person, saved on the server at once. */
function recoverySwitch(helper, redraw) {
  const id = `recovery-${helper.id}`;
  const box = h('input', { type: 'checkbox', role: 'switch', id,
    checked: Boolean(helper.sees?.recovery), 'aria-describedby': `${id}-hint` });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      await request('PATCH', `/api/helpers/${helper.id}`, { shares_recovery: box.checked });
      announce(t(box.checked ? 'helpers.recoveryOn' : 'helpers.recoveryOff',
        { name: helper.name }), 'success');
      await sync.now().catch(() => {});
      await redraw();
    } catch (error) {
      box.checked = !box.checked;
      announce(navigator.onLine ? errorMessage(error) : t('helpers.needsInternet'), 'error');
    } finally {
      box.disabled = false;
    }
  });
  return h('div', { class: 'field' }, h('div', { class: 'choice' }, box,
    h('label', { for: id, text: t('helpers.recovery', { name: helper.name }) }),
    h('p', { class: 'hint', id: `${id}-hint`, text: t('helpers.recoveryHint',
      { name: helper.name }) })));
}

function helperItem(helper, message, redraw, tasks, rights) {
  const remove = h('button', { type: 'button', class: 'secondary danger',
    text: t('helpers.remove', { name: helper.name }) });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      await request('DELETE', `/api/helpers/${helper.id}`);
      announce(t('helpers.removed', { name: helper.name }), 'success');
      await sync.now().catch(() => {});
      await redraw();
    } catch (error) {
      remove.disabled = false;
      announce(navigator.onLine ? errorMessage(error) : t('helpers.needsInternet'), 'error');
    }
  });
  return h('li', { class: 'card helper' },
    h('h3', { text: helper.name }),
    h('p', { class: 'hint', text: t('helpers.since', { when: formatWhen(helper.since) }) }),
    helper.last_sync_at !== undefined && h('p', { class: 'hint', text: helper.last_sync_at
      ? t('helpers.lastSync', { when: formatWhen(helper.last_sync_at, 'datetime') })
      : t('helpers.neverSynced') }),
    sees(helper, message, tasks, rights),
    recoverySwitch(helper, redraw),
    h('p', { class: 'actions' }, remove));
}

function messageForm(helpers, message) {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'text', control: 'textarea', label: t('helpers.messageLabel'),
      hint: t('helpers.messageHint'), value: message.text ?? '', rows: 3,
      maxlength: MESSAGE_MAX }),
    helpers.length > 1 && h('fieldset', { class: 'field choices' },
      h('legend', { text: t('helpers.messageFor') }),
      h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'to_all', id: 'to-all-yes', value: 'yes',
          checked: message.to_all }),
        h('label', { for: 'to-all-yes', text: t('helpers.messageForAll') })),
      h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'to_all', id: 'to-all-no', value: 'no',
          checked: !message.to_all }),
        h('label', { for: 'to-all-no', text: t('helpers.messageForSome') })),
      h('ul', { class: 'choice-list' }, helpers.map((helper) => h('li', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'helper_ids', id: `for-${helper.id}`,
          value: helper.id, checked: message.helper_ids.includes(helper.id) }),
        h('label', { for: `for-${helper.id}`, text: helper.name }))))),
    h('button', { type: 'submit', text: t('helpers.messageSave') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const toAll = helpers.length > 1 ? form.elements.to_all.value !== 'no' : true;
    const chosen = [...form.querySelectorAll('input[name="helper_ids"]:checked')]
      .map((box) => box.value);
    if (!toAll && chosen.length === 0) {
      setFieldError(form, 'text', t('helpers.messageNobody'));
      return;
    }
    setFieldError(form, 'text', '');
    try {
      await savePersonal(MESSAGE, { text: form.elements.text.value.trim() || null,
        to_all: toAll, helper_ids: toAll ? [] : chosen });
      announce(t('helpers.messageSaved'), 'success');
    } catch (error) {
      reportError(error);
    }
  });
  return form;
}

function inviteResult(created) {
  const share = h('button', { type: 'button', class: 'secondary', text: t('helpers.share') });
  share.addEventListener('click', async () => {
    try {
      if (navigator.share) {
        await navigator.share({ title: t('helpers.shareTitle'), url: created.link });
      } else {
        await navigator.clipboard.writeText(created.link);
        announce(t('helpers.copied'), 'success');
      }
    } catch { /* the person closed the share sheet */ }
  });
  return h('div', { class: 'card invite', role: 'status' },
    h('p', { text: t('helpers.inviteFor', { name: created.name }) }),
    h('p', { class: 'code', text: created.code }),
    h('p', {}, h('a', { href: created.link, text: created.link })),
    h('p', { class: 'hint', text: t('helpers.inviteValid', {
      when: formatWhen(created.expires_at, 'datetime') }) }),
    h('p', { class: 'warning', text: t('helpers.inviteWarning') }),
    h('p', { class: 'actions' }, share));
}

function inviteForm(result, redraw) {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'name', label: t('helpers.inviteName'), hint: t('helpers.inviteNameHint'),
      autocomplete: 'off', maxlength: NAME_MAX }),
    h('button', { type: 'submit', text: t('helpers.invite') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = form.elements.name.value.trim();
    setFieldError(form, 'name', name ? '' : t('helpers.inviteNameMissing'));
    if (!name) return;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const created = await request('POST', '/api/helpers/invites', { name });
      form.reset();
      await redraw();
      fill(result, inviteResult(created));
      result.querySelector('.code')?.scrollIntoView({ block: 'center' });
    } catch (error) {
      const message = error.code === 409 ? t('helpers.tooMany')
        : navigator.onLine ? errorMessage(error) : t('helpers.needsInternet');
      setFieldError(form, 'name', message);
      announce(message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function openInvite(invite, redraw) {
  const cancel = h('button', { type: 'button', class: 'secondary',
    text: t('helpers.cancelInvite') });
  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      await request('DELETE', `/api/helpers/invites/${invite.id}`);
      announce(t('helpers.inviteCancelled', { name: invite.name }), 'success');
      await redraw();
    } catch (error) {
      cancel.disabled = false;
      announce(errorMessage(error), 'error');
    }
  });
  return h('li', { class: 'card' },
    h('p', { text: t('helpers.openInvite', { name: invite.name,
      when: formatWhen(invite.expires_at) }) }),
    h('p', { class: 'actions' }, cancel));
}

export async function render(container, { user }) {
  await storeReady(user);
  const list = h('div', {});
  const result = h('div', {});
  const messageRegion = h('div', {});
  let state = { helpers: [], invites: [], live: false };

  const drawList = async () => {
    const [message, tasks, rights] = await Promise.all([personalData(MESSAGE, MESSAGE_DEFAULTS),
      store.list(TASK), loadRights().catch(() => null)]);
    fill(list,
      !state.live && h('p', { class: 'tag', text: t('helpers.offline') }),
      state.helpers.length
        ? h('ul', { class: 'cards' },
          state.helpers.map((helper) => helperItem(helper, message, redraw, tasks, rights)))
        : h('p', { text: t('helpers.none') }),
      state.invites.length > 0 && h('h3', { text: t('helpers.openInvites') }),
      state.invites.length > 0 && h('ul', { class: 'cards' },
        state.invites.map((invite) => openInvite(invite, redraw))));
    if (!messageRegion.contains(document.activeElement)) {
      fill(messageRegion, state.helpers.length
        ? messageForm(state.helpers, message)
        : h('p', { class: 'hint', text: t('helpers.messageFirst') }));
    }
  };
  const redraw = async () => {
    state = await loadHelpers();
    await drawList();
  };
  await redraw();

  container.append(
    h('h1', { text: t('helpers.title') }),
    h('p', { class: 'lead', text: t('helpers.lead') }),
    h('p', { text: t('helpers.safety') }),
    h('section', { 'aria-labelledby': 'helpers-who' },
      h('h2', { id: 'helpers-who', text: t('helpers.who') }), list),
    h('section', { 'aria-labelledby': 'helpers-message' },
      h('h2', { id: 'helpers-message', text: t('helpers.messageTitle') }), messageRegion),
    h('section', { 'aria-labelledby': 'helpers-invite' },
      h('h2', { id: 'helpers-invite', text: t('helpers.inviteTitle') }),
      h('p', { text: t('helpers.inviteAbout') }),
      inviteForm(result, redraw), result));
  // A sync brings a new helper (someone used an invite) or takes one away.
  whileShown(list, async (changes) => {
    // A sync from the server brings a new helper (an invite was used) or takes one away; after
    // being offline, the first sync is the moment to ask the server again.
    const fromServer = changes.some((change) => !change.local);
    if (fromServer && (!state.live || changes.some((change) => change.entity === 'helper'))) {
      await redraw();
    } else if (changes.some((change) => [MESSAGE, TASK].includes(change.entity))) await drawList();
  });
}
