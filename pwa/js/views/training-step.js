// One step of the training, one short screen at a time: text, or an exercise with feedback on
// every answer (quiz, scenario, sort, self-test, reflection), then the closing card "Dit neem je
// mee" with the step's sources. Answers are kept as they are given (offline, without an account
// too: training-data.js); reaching the closing card finishes the step. The screen is in the URL
// (#/training-step/<module>/<step>/<screen>), so Back goes to the screen before.
import { t } from '../i18n.js';
import { loadTraining, progress, saveStep, stepHref, stepKey } from '../training-data.js';
import { sourceNote } from '../training-parts.js';
import { h, reportError } from '../ui.js';
import { storeReady } from '../view.js';

const VERDICT = { helps: 'training.verdict.helps', partly: 'training.verdict.partly',
  hurts: 'training.verdict.hurts' };

function linkHref(target) {
  const [kind, id] = target.includes(':') ? target.split(':') : ['step', target];
  if (kind === 'checklist') return `#/checklist/${id}`;
  if (kind === 'tool') return `#/${id}`;
  if (kind === 'contact') return '#/referral';
  const [moduleId, stepId] = target.split('/');
  return stepId ? stepHref(moduleId, stepId) : '#/training';
}

function block(item, sources) {
  const source = item.source ? sourceNote(sources, item.source) : null;
  if (item.p) return [h('p', { text: item.p }), source];
  if (item.list) return [h('ul', {}, item.list.map((text) => h('li', { text }))), source];
  if (item.say) {
    return [h('figure', { class: 'say' }, h('figcaption', { text: t('training.say') }),
      h('blockquote', { text: item.say })), source];
  }
  if (item.dont_say) {
    return [h('figure', { class: 'say dont' }, h('figcaption', { text: t('training.dontSay') }),
      h('blockquote', { text: item.dont_say })), source];
  }
  if (item.link) return h('p', {}, h('a', { href: linkHref(item.link), text: item.label }));
  return null;
}

// ---- exercises: each draws itself and calls save(answer) when the person answers ------------

function feedback(text, good) {
  return h('div', { class: `feedback ${good ? 'good' : 'bad'}`, role: 'status' },
    h('p', { class: 'verdict', text: good ? t('training.right') : t('training.notQuite') }),
    h('p', { text }));
}

function quiz(exercise, answer, save) {
  const chosen = Array.isArray(answer) ? [...answer] : exercise.questions.map(() => null);
  return exercise.questions.map((question, q) => {
    const out = h('div', { class: 'feedback-slot', 'aria-live': 'polite' });
    const show = () => {
      const option = question.options[chosen[q]];
      out.replaceChildren(option ? feedback(option.feedback, option.correct) : '');
    };
    const name = `${exercise.id}-${q}`;
    const set = h('fieldset', { class: 'field choices exercise-question' },
      h('legend', { text: question.question }),
      question.options.map((option, i) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name, id: `${name}-${i}`, value: String(i),
          checked: chosen[q] === i,
          onchange: () => { chosen[q] = i; show(); save([...chosen]); } }),
        h('label', { for: `${name}-${i}`, text: option.text }))));
    show();
    return [set, out];
  });
}

function scenario(exercise, answer, save) {
  const out = h('div', { class: 'feedback-slot', 'aria-live': 'polite' });
  const show = (i) => {
    const choice = exercise.choices[i];
    if (!choice) return;
    out.replaceChildren(h('div', { class: `feedback ${choice.verdict === 'helps' ? 'good'
      : choice.verdict === 'partly' ? 'partly' : 'bad'}`, role: 'status' },
    h('p', { class: 'verdict', text: t(VERDICT[choice.verdict]) }),
    h('p', { text: choice.consequence }),
    choice.verdict !== 'helps' && h('p', { class: 'hint', text: t('training.tryAnother') })));
  };
  const name = exercise.id;
  const set = h('fieldset', { class: 'field choices' },
    h('legend', { text: exercise.question }),
    exercise.choices.map((choice, i) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name, id: `${name}-${i}`, value: String(i),
        checked: answer === i, onchange: () => { show(i); save(i); } }),
      h('label', { for: `${name}-${i}`, text: choice.text }))));
  show(answer);
  return [h('p', { class: 'situation', text: exercise.situation }), set, out];
}

function sort(exercise, answer, save) {
  const chosen = Array.isArray(answer) ? [...answer] : exercise.statements.map(() => null);
  const score = h('p', { class: 'tag', 'aria-live': 'polite' });
  const showScore = () => {
    const answered = chosen.filter((c) => c !== null).length;
    const right = exercise.statements.filter((s, i) => chosen[i] === s.helpful).length;
    score.textContent = answered === chosen.length
      ? t('training.sortScore', { right, total: chosen.length }) : '';
  };
  const items = exercise.statements.map((statement, i) => {
    const out = h('div', { class: 'feedback-slot', 'aria-live': 'polite' });
    const show = () => {
      out.replaceChildren(chosen[i] === null ? ''
        : feedback(statement.feedback, chosen[i] === statement.helpful));
    };
    const name = `${exercise.id}-${i}`;
    const set = h('fieldset', { class: 'field choices sort-item' },
      h('legend', { text: statement.text }),
      [[true, 'training.helpful'], [false, 'training.harmful']].map(([value, key]) =>
        h('div', { class: 'choice' },
          h('input', { type: 'radio', name, id: `${name}-${value}`, value: String(value),
            checked: chosen[i] === value,
            onchange: () => { chosen[i] = value; show(); showScore(); save([...chosen]); } }),
          h('label', { for: `${name}-${value}`, text: t(key) }))));
    show();
    return h('li', {}, set, out);
  });
  showScore();
  return [h('p', { text: exercise.prompt }), h('ol', { class: 'sort' }, items), score];
}

function selftest(exercise, answer, save) {
  const chosen = Array.isArray(answer) ? [...answer] : exercise.items.map(() => null);
  const out = h('div', { class: 'feedback-slot', 'aria-live': 'polite' });
  const show = () => {
    if (chosen.some((c) => c === null)) {
      out.replaceChildren();
      return;
    }
    const total = chosen.reduce((sum, c) => sum + (2 - c), 0); // often 2, sometimes 1, rarely 0
    const band = exercise.results.find((r) => r.min <= total && total <= r.max);
    const tips = exercise.items.filter((item, i) => chosen[i] > 0);
    out.replaceChildren(h('div', { class: 'feedback result', role: 'status' },
      h('p', { class: 'verdict', text: t('training.selftestScore', { total,
        max: 2 * chosen.length }) }),
      band && h('p', { text: band.text }),
      tips.length > 0 && h('h3', { text: t('training.tips') }),
      tips.length > 0 && h('ul', {}, tips.map((item) => h('li', { text: item.feedback })))));
  };
  const rows = exercise.items.map((item, i) => {
    const name = `${exercise.id}-${i}`;
    return h('fieldset', { class: 'field choices scale' },
      h('legend', { text: item.text }),
      exercise.scale.map((label, s) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name, id: `${name}-${s}`, value: String(s),
          checked: chosen[i] === s, onchange: () => { chosen[i] = s; show(); save([...chosen]); } }),
        h('label', { for: `${name}-${s}`, text: label }))));
  });
  show();
  return [h('p', { text: exercise.prompt }), rows, out];
}

function reflection(exercise, answer, save) {
  const prompts = exercise.prompts?.length ? exercise.prompts : [exercise.question];
  const values = Array.isArray(answer) ? [...answer] : prompts.map(() => '');
  let timer = null;
  const fields = prompts.map((prompt, i) => {
    const id = `${exercise.id}-${i}`;
    return h('div', { class: 'field' },
      h('label', { for: id, text: prompt }),
      h('textarea', { id, rows: 4, maxlength: 1000, 'aria-describedby': `${exercise.id}-hint`,
        oninput: (event) => {
          values[i] = event.target.value;
          clearTimeout(timer);
          timer = setTimeout(() => save([...values]), 400);
        } }, values[i] ?? ''));
  });
  return [exercise.prompts?.length ? h('p', { text: exercise.question }) : null,
    h('p', { class: 'hint', id: `${exercise.id}-hint`, text: exercise.hint }), fields];
}

const EXERCISES = { quiz, scenario, sort, selftest, reflection };

function exerciseScreen(exercise, answers, save, sources) {
  const draw = EXERCISES[exercise.kind];
  return h('section', { class: `exercise exercise-${exercise.kind}`,
    'aria-labelledby': `${exercise.id}-title` },
  h('h2', { id: `${exercise.id}-title`, text: exercise.title }),
  h('p', { class: 'tag', text: t(`training.kind.${exercise.kind}`) }),
  draw(exercise, answers[exercise.id], (value) => save({ [exercise.id]: value })),
  exercise.source ? sourceNote(sources, exercise.source) : null);
}

function closingCard(module, step) {
  const next = module.steps[step.number]; // numbers start at 1: this is the step after
  return h('section', { class: 'card takeaways', 'aria-labelledby': 'takeaways' },
    h('h2', { id: 'takeaways', text: t('training.takeaways') }),
    h('ul', {}, step.takeaways.map((text) => h('li', { text }))),
    h('p', { class: 'tag', text: t('training.stepFinished') }),
    h('p', { class: 'actions' },
      next ? h('a', { class: 'button', href: stepHref(module.id, next.id),
        text: t('training.nextStep', { number: next.number, title: next.title }) })
        : h('a', { class: 'button', href: '#/training', text: t('training.moduleDone') }),
      next && h('a', { class: 'button secondary', href: '#/training',
        text: t('training.backToTraining') })),
    h('details', { class: 'sources' }, h('summary', { text: t('training.sources') }),
      h('ul', {}, Object.values(step.sources).map((source) => h('li', {},
        source.url ? h('a', { href: source.url, rel: 'noopener', target: '_blank',
          text: source.title }) : source.title)))));
}

export async function render(container, { user, params, navigate }) {
  await storeReady(user);
  const training = await loadTraining();
  const [moduleId, stepId, screenParam] = params;
  const module = training.modules.find((m) => m.id === moduleId);
  const step = module?.steps.find((s) => s.id === stepId);
  if (!step) {
    navigate('#/training');
    return;
  }
  const key = stepKey(module.id, step.id);
  const last = step.screens.length; // the closing card
  const screen = Math.min(Math.max(Number.parseInt(screenParam ?? '0', 10) || 0, 0), last);
  const answers = (await progress()).steps[key]?.answers ?? {};
  const save = (change) => saveStep(key, { answers: change }).catch(reportError);
  saveStep(key, { screen, done: screen === last }).catch(reportError);

  const current = step.screens[screen];
  let body;
  if (screen === last) body = closingCard(module, step);
  else if (current.exercise) body = exerciseScreen(current.exercise, answers, save, step.sources);
  else {
    body = h('section', { class: 'lesson', 'aria-labelledby': 'lesson-title' },
      h('h2', { id: 'lesson-title', text: current.title }),
      screen === 0 && h('div', { class: 'goals' }, h('p', { text: t('training.goals') }),
        h('ul', {}, step.goals.map((text) => h('li', { text })))),
      current.blocks.map((item) => block(item, step.sources)));
  }
  const nav = h('nav', { class: 'step-nav actions', 'aria-label': t('training.stepNav') },
    screen > 0 && h('a', { class: 'button secondary', rel: 'prev',
      href: stepHref(module.id, step.id, screen - 1), text: t('training.previous') }),
    screen < last && h('a', { class: 'button', rel: 'next',
      href: stepHref(module.id, step.id, screen + 1),
      text: screen + 1 === last ? t('training.finish') : t('training.next') }));
  container.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/training', text: module.title })),
    h('h1', { text: t('training.stepTitle', { number: step.number, title: step.title }) }),
    h('p', { class: 'hint', text: t('training.screenOf', { screen: Math.min(screen + 1, last + 1),
      total: last + 1, minutes: step.minutes }) }),
    body, nav);
}
