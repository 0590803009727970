// Taking the recovery meter's self-test: one question per screen with large answer buttons, the
// time window on every question, "vraag 3 van 10", a way back and "overslaan". Every answer is
// kept in a draft on this device at once, so leaving halfway loses nothing; the finished test
// is written to the store (also offline) and the result opens, computed on the phone.
import { t } from '../i18n.js';
import {
  deleteDraft, getDraft, instrument, loadMeter, profileData, saveDraft, saveProfile, saveTest,
  text, today, weeksNow,
} from '../recovery-data.js';
import { pcl5Offered } from '../rules/recovery.js';
import * as store from '../store.js';
import { announce, h } from '../ui.js';
import { storeReady } from '../view.js';

const FIRST = ['phq4', 'who5', 'safety'];

function emptyAnswers(meter) {
  const answers = { safety: null };
  for (const key of ['phq4', 'who5']) {
    answers[key] = Array(meter.rules.instruments[key].items).fill(null);
  }
  return answers;
}

/** The screens of this test: [{kind: 'date'|'pcl5-intro'|'question', key, item}]. */
function steps(meter, draft) {
  const list = draft.askDate ? [{ kind: 'date' }] : [];
  for (const key of FIRST) {
    const count = key === 'safety' ? 1 : meter.rules.instruments[key].items;
    for (let item = 0; item < count; item += 1) list.push({ kind: 'question', key, item });
  }
  if (draft.offerPcl5) list.push({ kind: 'pcl5-intro' });
  if (draft.answers.pcl5) {
    for (let item = 0; item < meter.rules.instruments.pcl5.items; item += 1) {
      list.push({ kind: 'question', key: 'pcl5', item });
    }
  }
  return list;
}

const valueOf = (answers, { key, item }) => (key === 'safety' ? answers.safety
  : answers[key]?.[item] ?? null);

function setValue(answers, { key, item }, value) {
  if (key === 'safety') answers.safety = value;
  else answers[key][item] = value;
}

async function newDraft(meter) {
  const data = await profileData();
  const weeks = weeksNow(data);
  return { id: store.uuid(), startedAt: today(), index: 0, answers: emptyAnswers(meter),
    askDate: !data.event_date && !data.no_date,
    offerPcl5: pcl5Offered(meter.rules, weeks) };
}

export async function render(container, { user, navigate }) {
  await storeReady(user);
  const meter = await loadMeter();
  let draft = await getDraft();
  const region = h('div', { class: 'recovery-test' });
  container.append(h('h1', { text: t('recovery.test.title') }), region);

  const save = () => saveDraft(draft);

  async function finish() {
    const list = steps(meter, draft);
    draft.index = list.length;
    await saveTest(draft.id, today(), draft.answers);
    const id = draft.id;
    await deleteDraft();
    announce(t('recovery.test.saved'), 'success');
    await navigate(`recovery-result/${id}`, { keepMessage: true });
  }

  function progress(list, step) {
    const questions = list.filter((s) => s.kind === 'question');
    const number = questions.indexOf(step) + 1;
    return h('p', { class: 'progress', text: t('recovery.test.progress',
      { number, count: questions.length }) });
  }

  function backButton() {
    return draft.index > 0 && h('button', { type: 'button', class: 'secondary',
      text: t('recovery.test.back'),
      onclick: async () => { draft.index -= 1; await save(); show(); } });
  }

  function questionScreen(list, step) {
    const spec = instrument(meter, step.key);
    const current = valueOf(draft.answers, step);
    const headingId = `q-${step.key}-${step.item}`;
    const choose = async (value) => {
      setValue(draft.answers, step, value);
      draft.index += 1;
      await save();
      if (draft.index >= list.length) await finish();
      else show();
    };
    return [
      progress(list, step),
      h('p', { class: 'window', text: text(spec.window) }),
      h('h2', { id: headingId, tabindex: '-1', text: text(spec.questions[step.item]) }),
      h('div', { class: 'answer-buttons', role: 'group', 'aria-labelledby': headingId },
        spec.options.map((option) => h('button', {
          type: 'button', class: 'answer', 'aria-pressed': String(current === option.value),
          text: text(option), onclick: () => choose(option.value) }))),
      h('div', { class: 'actions' }, backButton(),
        h('button', { type: 'button', class: 'secondary', text: t('recovery.test.skip'),
          onclick: () => choose(null) })),
    ];
  }

  function dateScreen() {
    const input = h('input', { type: 'date', id: 'event-date', name: 'event_date',
      max: today().slice(0, 10), 'aria-describedby': 'event-date-why' });
    const next = async (change) => {
      await saveProfile(change);
      const weeks = weeksNow({ event_date: change.event_date ?? null });
      draft.offerPcl5 = pcl5Offered(meter.rules, weeks);
      draft.askDate = false;
      await save();
      show();
    };
    return [
      h('h2', { id: 'date-title', tabindex: '-1', text: text(meter.texts.event_date.question) }),
      h('p', { id: 'event-date-why', class: 'hint', text: text(meter.texts.event_date.why) }),
      h('div', { class: 'field' }, h('label', { for: 'event-date', text: t('recovery.test.date') }),
        input),
      h('div', { class: 'actions' },
        h('button', { type: 'button', text: t('recovery.test.next'), onclick: () => {
          if (!input.value) { input.focus(); return; }
          next({ event_date: input.value, no_date: null });
        } }),
        h('button', { type: 'button', class: 'secondary',
          text: text(meter.texts.event_date.unknown),
          onclick: () => next({ event_date: null, no_date: 'unknown' }) }),
        h('button', { type: 'button', class: 'secondary',
          text: text(meter.texts.event_date.rather_not),
          onclick: () => next({ event_date: null, no_date: 'rather_not' }) })),
    ];
  }

  function pcl5Intro() {
    const spec = instrument(meter, 'pcl5');
    const answer = async (take) => {
      draft.answers.pcl5 = take ? Array(meter.rules.instruments.pcl5.items).fill(null) : undefined;
      if (!take) delete draft.answers.pcl5;
      draft.index += 1;
      await save();
      if (take) show();
      else await finish();
    };
    return [
      h('h2', { tabindex: '-1', text: t('recovery.test.pcl5Title') }),
      h('p', { text: text(spec.intro) }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', text: t('recovery.test.pcl5Yes'), onclick: () => answer(true) }),
        h('button', { type: 'button', class: 'secondary', text: t('recovery.test.pcl5No'),
          onclick: () => answer(false) }),
        backButton()),
    ];
  }

  function show() {
    const list = steps(meter, draft);
    const step = list[Math.min(draft.index, list.length - 1)];
    let screen;
    if (step.kind === 'date') screen = dateScreen();
    else if (step.kind === 'pcl5-intro') screen = pcl5Intro();
    else screen = questionScreen(list, step);
    region.replaceChildren(...screen.flat().filter(Boolean));
    region.querySelector('h2')?.focus();
  }

  function startScreen(resume) {
    const intro = FIRST.map((key) => text(instrument(meter, key).intro));
    region.replaceChildren(
      h('p', { class: 'lead', text: t('recovery.test.intro') }),
      ...intro.slice(0, 1).map((line) => h('p', { text: line })),
      h('p', { class: 'hint', text: t('recovery.test.privacy') }),
      h('div', { class: 'actions' },
        resume && h('button', { type: 'button', text: t('recovery.test.resume'),
          onclick: () => show() }),
        h('button', { type: 'button', class: resume ? 'secondary' : null,
          text: resume ? t('recovery.test.restart') : t('recovery.test.start'),
          onclick: async () => { draft = await newDraft(meter); await save(); show(); } })));
  }

  startScreen(Boolean(draft));
}
