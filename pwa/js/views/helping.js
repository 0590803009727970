// Samen, the helper's side: the people you help and what each of them shares with you (read
// from the store: it opens offline), a code to start helping someone, and stopping.
// #/helping/<id> shows one person; when their access ended (they removed you, or you stopped),
// it says only "Je hebt geen toegang meer", nothing about why.
//
// How it is going, when a person lets you see it: the bands of their latest self-test in words,
// which way it went, and the tests before (never an answer: the server does not send them).
// The tasks a person shares with you show with their steps. "Ik help hiermee", a short note,
// and (when they let you) ticks go to the store, also offline; sync sends only what you did.
import { request } from '../api.js';
import { formatWhen } from '../dates.js';
import { field, setFieldError } from '../forms.js';
import { t } from '../i18n.js';
import { loadRights } from '../rights-data.js';
import * as store from '../store.js';
import * as sync from '../sync.js';
import { formatDue, taskWords } from '../dossier-parts.js';
import { announce, errorMessage, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

const SHARED_TASK = 'shared_task';
const SHARED_RECOVERY = 'shared_recovery';
const PHQ4_ORDER = ['none', 'mild', 'moderate', 'severe'];
const NOTE_MAX = 300;

async function people() {
  const [links, messages, tasks, recovery] = await Promise.all([store.list('helping'),
    store.list('help_message'), store.list(SHARED_TASK), store.list(SHARED_RECOVERY)]);
  const live = (record) => !record.deleted;
  return links.filter(live).map((record) => ({
    ...record.data, id: record.id,
    message: messages.find((m) => live(m) && m.data.helping_id === record.id)?.data ?? null,
    tasks: tasks.filter((task) => live(task) && task.data.helping_id === record.id)
      .sort((a, b) => Number(a.data.done) - Number(b.data.done)
        || (a.data.due_date || '9999').localeCompare(b.data.due_date || '9999')),
    recovery: recovery.find((r) => live(r) && r.data.helping_id === record.id)?.data ?? null,
  }));
}

/** A step as it stands on this phone: a tick not yet sent counts. */
const stepDone = (task, i) => task.data.step_ticks?.[i] ?? Boolean(task.data.steps[i].done);

async function help(task, change, message) {
  try {
    await store.put(SHARED_TASK, task.id, change);
    announce(message, 'success');
  } catch (error) {
    reportError(error);
  }
}

function sharedTask(task, person, rights) {
  const id = `shared-${task.id}`;
  const { title, explanation, steps } = taskWords(task, rights);
  const { due_date: due, done, may_tick: mayTick, helping } = task.data;
  const helpBox = h('input', { type: 'checkbox', role: 'switch', id: `${id}-helping`,
    checked: Boolean(helping),
    onchange: () => help(task, { helping: helpBox.checked },
      t(helpBox.checked ? 'helping.taskTaken' : 'helping.taskLetGo', { name: person.name, title })) });
  const doneBox = mayTick && h('input', { type: 'checkbox', id: `${id}-done`, checked: Boolean(done),
    onchange: () => help(task, { done: doneBox.checked },
      t(doneBox.checked ? 'tasks.ticked' : 'tasks.reopened', { title })) });
  const stepList = steps.length > 0 && h('ul', { class: 'steps' }, steps.map((step, i) => {
    const stepId = `${id}-step-${i}`;
    if (!mayTick) {
      return h('li', { text: `${stepDone(task, i) ? '✓ ' : ''}${step}`,
        'aria-label': t(stepDone(task, i) ? 'helping.stepDone' : 'helping.stepOpen', { step }) });
    }
    const box = h('input', { type: 'checkbox', id: stepId, checked: stepDone(task, i),
      onchange: () => help(task, { step_ticks: { ...(task.data.step_ticks ?? {}),
        [i]: box.checked } }, t(box.checked ? 'tasks.stepTicked' : 'tasks.stepReopened', { step })) });
    return h('li', { class: 'choice' }, box, h('label', { for: stepId, text: step }));
  }));
  const note = h('form', { class: 'stack help-note-form', novalidate: true },
    field({ name: 'note', id: `${id}-note`, control: 'textarea', rows: 2, maxlength: NOTE_MAX,
      label: t('helping.note', { name: person.name }), hint: t('helping.noteHint', { name: person.name }),
      value: task.data.note ?? '' }),
    h('button', { type: 'submit', class: 'secondary', text: t('helping.noteSave') }));
  note.addEventListener('input', () => { note.dataset.changed = 'yes'; });
  note.addEventListener('submit', async (event) => {
    event.preventDefault();
    delete note.dataset.changed;
    const text = note.elements.note.value.trim();
    await help(task, { note: text || null },
      text ? t('helping.noteSaved', { name: person.name }) : t('helping.noteRemoved'));
  });
  const doneSteps = steps.filter((_, i) => stepDone(task, i)).length;
  return h('li', { class: 'card task', 'data-done': String(Boolean(done)) },
    mayTick ? h('div', { class: 'choice' }, doneBox, h('label', { for: `${id}-done`, text: title }))
      : h('h4', { text: done ? t('helping.taskDone', { title }) : title }),
    explanation && h('p', { class: 'hint dossier-body', text: explanation }),
    due && h('p', { class: 'hint', text: formatDue(due) }),
    stepList && h('details', { open: !done || null },
      h('summary', { text: t('tasks.steps', { done: doneSteps, count: steps.length }) }),
      stepList),
    h('div', { class: 'choice' }, helpBox,
      h('label', { for: `${id}-helping`, text: t('helping.taskHelp') })),
    !mayTick && h('p', { class: 'hint', text: t('helping.noTicks', { name: person.name }) }),
    note, pendingTag(task));
}

/** The bands of one test in words: [[facet, words]] (PCL-5 only when it was taken). */
function bandWords(test) {
  return [
    test.phq4_band && [t('helping.recovery.phq4'), t(`helping.recovery.phq4.${test.phq4_band}`)],
    test.who5_low !== null && test.who5_low !== undefined && [t('helping.recovery.who5'),
      t(test.who5_low ? 'helping.recovery.who5Low' : 'helping.recovery.who5Ok')],
    test.pcl5_band && [t('helping.recovery.pcl5'), t(`helping.recovery.pcl5.${test.pcl5_band}`)],
  ].filter(Boolean);
}

/** Which way it went since the test before, in words (PHQ-4 by its band: it has no change
 * label of its own; WHO-5 and PCL-5 by the recovery meter's own change rules). */
function trendWords(latest, before) {
  const lines = [];
  if (before?.phq4_band && latest.phq4_band && before.phq4_band !== latest.phq4_band) {
    const less = PHQ4_ORDER.indexOf(latest.phq4_band) < PHQ4_ORDER.indexOf(before.phq4_band);
    lines.push(t(less ? 'helping.recovery.phq4Less' : 'helping.recovery.phq4More'));
  }
  if (latest.who5_change) lines.push(t(`helping.recovery.who5.${latest.who5_change}`));
  if (latest.pcl5_change) lines.push(t(`helping.recovery.pcl5.${latest.pcl5_change}`));
  return lines.length ? lines : [t(before ? 'helping.recovery.same' : 'helping.recovery.first')];
}

function recoveryPart(person) {
  const tests = person.recovery?.tests ?? [];
  const id = `recovery-${person.id}`;
  if (!tests.length) {
    return [h('h3', { text: t('helping.recovery.title', { name: person.name }) }),
      h('p', { text: t('helping.recovery.none', { name: person.name }) })];
  }
  const latest = tests.at(-1);
  const earlier = tests.slice(0, -1).reverse();
  const facts = (test) => h('dl', { class: 'facts' }, bandWords(test).flatMap(([facet, said]) =>
    [h('dt', { text: facet }), h('dd', { text: said })]));
  return [
    h('h3', { id, text: t('helping.recovery.title', { name: person.name }) }),
    h('p', { text: t('helping.recovery.latest', { when: formatWhen(latest.taken_at) }) }),
    facts(latest),
    h('ul', { class: 'trend' }, trendWords(latest, tests.at(-2)).map((line) => h('li', { text: line }))),
    earlier.length > 0 && h('details', {},
      h('summary', { text: t('helping.recovery.earlier', { count: earlier.length }) }),
      h('ul', { class: 'earlier' }, earlier.map((test) => h('li', {},
        h('p', { text: formatWhen(test.taken_at) }), facts(test))))),
    h('p', { class: 'hint', text: t('helping.recovery.about', { name: person.name }) }),
    h('p', {}, h('a', { href: '#/referral', text: t('helping.recovery.worried') })),
    h('p', { class: 'hint', text: t('helping.recovery.source') }),
  ];
}

function personCard(person, redraw, rights) {
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
      : !person.tasks.length && !person.recovery
        && h('p', { text: t('helping.nothingShared', { name: person.name }) }),
    person.recovery && recoveryPart(person),
    person.tasks.length > 0 && [
      h('h3', { text: t('helping.tasks', { name: person.name }) }),
      h('ul', { class: 'cards tasks' }, person.tasks.map((task) => sharedTask(task, person, rights)))],
    h('p', { class: 'actions' }, stop), confirm);
}

/** The form for a code someone gave you (also used by the invite link's screen). */
export function codeForm(onLinked, code = '') {
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'code', label: t('helping.code'), hint: t('helping.codeHint'), value: code,
      autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 40 }),
    h('button', { type: 'submit', text: t('helping.link') }));
  form.addEventListener('input', () => { form.dataset.changed = 'yes'; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    delete form.dataset.changed;
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
    const [all, rights] = await Promise.all([people(), loadRights().catch(() => null)]);
    if (onlyId) {
      const person = all.find((p) => p.id === onlyId);
      fill(region, person ? h('ul', { class: 'cards' }, personCard(person, draw, rights))
        : h('p', { class: 'notice', text: t('helping.noAccess') }),
      h('p', {}, h('a', { href: '#/helping', text: t('helping.all') })));
      return;
    }
    fill(region,
      all.length ? h('ul', { class: 'cards' }, all.map((person) => personCard(person, draw, rights)))
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
    // What is being typed (a code, a note) is not swept away by a sync.
    if (region.querySelector('form[data-changed]')) return;
    const shown = ['helping', 'help_message', SHARED_TASK, SHARED_RECOVERY];
    if (changes.some((c) => shown.includes(c.entity))) {
      await draw();
    }
  });
}
