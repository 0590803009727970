// The situation's questions, one per screen: why each is asked, "weet ik niet" always an
// answer, "sla over", a way back, "vraag 3 van 12". A follow-up question shows only when an
// earlier answer makes it matter (the rules' shown_if). Each answer is saved at once (also
// offline), unless it cannot be true together with another answer: then the screen says which
// answer it clashes with, and saves nothing. '#/rights-questions/<field>' asks that one question.
import { t } from '../i18n.js';
import {
  loadRights, problemsWith, questionsFor, saveAnswers, situation, text, todayNL,
} from '../rights-data.js';
import { announce, h } from '../ui.js';
import { storeReady } from '../view.js';

export async function render(container, { user, navigate, params = [] }) {
  await storeReady(user);
  const content = await loadRights();
  const { answers } = await situation(content);
  const only = params[0] && content.questions[params[0]] ? params[0] : null;
  const region = h('div', { class: 'rights-questions' });
  container.append(h('h1', { text: t('rights.q.title') }), region);
  let index = 0;

  const list = () => (only ? content.rules.questions.filter((q) => q.field === only)
    : questionsFor(content, answers));

  async function done() {
    announce(t('rights.q.saved'), 'success');
    await navigate('rights', { keepMessage: true });
  }

  async function answer(field, value) {
    const next = { ...answers, [field]: value };
    const clash = problemsWith(content, next).find((problem) => problem.fields.includes(field));
    if (clash) {
      show(clash);
      return;
    }
    answers[field] = value;
    await saveAnswers({ [field]: value });
    await forward();
  }

  async function forward() {
    index += 1;
    if (index >= list().length) await done();
    else show();
  }

  function clashNote(clash, field) {
    const other = clash.fields.find((f) => f !== field);
    return h('div', { class: 'notice-error', role: 'alert' },
      h('p', { text: t(`rights.invariant.${clash.id}`) }),
      other && h('p', {}, h('a', { href: `#/rights-questions/${other}`,
        text: t('rights.q.change', { question: text(content.questions[other].text) }) })));
  }

  function control(question, current) {
    const field = question.field;
    const words = content.questions[field];
    if (question.kind === 'date') {
      const input = h('input', { type: 'date', id: `q-${field}`, name: field, max: todayNL(),
        value: current ?? '' });
      return [
        h('div', { class: 'field' }, h('label', { for: `q-${field}`, text: t('rights.q.date') }),
          input),
        h('div', { class: 'actions' }, h('button', { type: 'button', text: t('rights.q.next'),
          onclick: () => {
            if (!input.value) { input.focus(); return; }
            answer(field, input.value);
          } })),
      ];
    }
    const options = question.kind === 'bool'
      ? [[true, text(content.texts.yes)], [false, text(content.texts.no)]]
      : question.values.map((value) => [value, text(words.options[value])]);
    return h('div', { class: 'answer-buttons', role: 'group', 'aria-labelledby': `q-${field}-t` },
      options.map(([value, label]) => h('button', {
        type: 'button', class: 'answer', 'aria-pressed': String(current === value), text: label,
        onclick: () => answer(field, value) })));
  }

  function show(clash = null) {
    const questions = list();
    const question = questions[Math.min(index, questions.length - 1)];
    const field = question.field;
    const words = content.questions[field];
    const current = answers[field];
    region.replaceChildren(...[
      !only && h('p', { class: 'progress', text: t('rights.q.progress',
        { number: index + 1, count: questions.length }) }),
      h('h2', { id: `q-${field}-t`, tabindex: '-1', text: text(words.text) }),
      h('p', { class: 'hint', text: text(words.why) }),
      words.help && h('details', {}, h('summary', { text: t('rights.q.help') }),
        h('p', { text: text(words.help) })),
      clash && clashNote(clash, field),
      control(question, current),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', text: text(content.texts.unknown),
          onclick: () => answer(field, null) }),
        index > 0 && h('button', { type: 'button', class: 'secondary', text: t('rights.q.back'),
          onclick: () => { index -= 1; show(); } }),
        h('button', { type: 'button', class: 'secondary', text: text(content.texts.skip),
          onclick: () => forward() })),
    ].flat().filter(Boolean));
    region.querySelector('h2')?.focus();
  }

  if (only) {
    show();
    return;
  }
  region.replaceChildren(
    h('p', { class: 'lead', text: t('rights.q.intro') }),
    h('p', { class: 'hint', text: t('rights.q.privacy') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', text: t('rights.q.start'), onclick: () => show() })));
}
