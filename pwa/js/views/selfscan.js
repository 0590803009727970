// Zelfscan tijdsbesteding: how much of the helper's week goes to helping and how that sits with
// them. Each answer is saved the moment it is chosen ({questionId: points}, offline too; with an
// account in their encrypted progress) and shown checked when the screen opens again. Once every
// question is answered: the band the total falls in, and the advice on limits and self-care.
// The outcome is worked out from the form itself, so a quick series of answers never shows an
// older state; a screen reader hears the outcome's title when it changes.
import { choices } from '../forms.js';
import { t } from '../i18n.js';
import { loadTraining, progress, saveTool } from '../training-data.js';
import { backToTraining, sourceNote } from '../training-parts.js';
import { announce, h, reportError } from '../ui.js';
import { fill, storeReady } from '../view.js';

const fieldName = (question) => `selfscan-${question.id}`;

/** The answers the form shows: {questionId: points} (unanswered questions left out). */
function answersOf(form, scan) {
  const answers = {};
  for (const question of scan.questions) {
    const chosen = form.querySelector(`input[name="${CSS.escape(fieldName(question))}"]:checked`);
    const option = chosen ? question.options[Number(chosen.value)] : null;
    if (option) answers[question.id] = option.points;
  }
  return answers;
}

/** The band the total falls in, or null while a question is open. */
function bandFor(scan, answers) {
  if (scan.questions.some((question) => answers[question.id] === undefined)) return null;
  const total = scan.questions.reduce((sum, question) => sum + answers[question.id], 0);
  return (scan.results ?? []).find((band) => band.min <= total && total <= band.max) ?? null;
}

function outcome(scan, answers) {
  const open = scan.questions.filter((question) => answers[question.id] === undefined).length;
  if (open > 0) {
    return h('p', { class: 'hint', text: open === scan.questions.length
      ? t('selfscan.answerAll') : t('selfscan.open', { count: open }) });
  }
  const band = bandFor(scan, answers);
  return [
    band && h('section', { class: 'card selfscan-result', 'aria-labelledby': 'selfscan-result' },
      h('h2', { id: 'selfscan-result', text: band.title }),
      h('p', { text: band.text }),
      band.source && sourceNote(scan.sources, band.source)),
    (scan.advice ?? []).length > 0 && h('section', { 'aria-labelledby': 'selfscan-advice' },
      h('h2', { id: 'selfscan-advice', text: t('selfscan.advice') }),
      h('ul', { class: 'cards advice' }, scan.advice.map((advice) => h('li', { class: 'card' },
        h('h3', { text: advice.title }),
        h('p', { text: advice.text }),
        advice.source && sourceNote(scan.sources, advice.source))))),
  ];
}

function question(item, saved) {
  // The option's index is its value: two options may give the same points.
  const chosen = item.options.findIndex((option) => option.points === saved[item.id]);
  return choices({ name: fieldName(item), legend: item.text,
    options: item.options.map((option, index) => ({ value: index, label: option.text,
      checked: index === chosen })) });
}

export async function render(container, { user }) {
  await storeReady(user);
  const training = await loadTraining();
  const scan = training.tools?.selfscan;
  if (!Array.isArray(scan?.questions)) {
    container.append(h('h1', { text: t('selfscan.title') }),
      h('p', { class: 'empty', text: t('selfscan.missing') }), backToTraining());
    return;
  }
  const saved = (await progress()).tools?.selfscan?.answers ?? {};
  const result = h('div', { class: 'selfscan-outcome' });
  const form = h('form', { class: 'selfscan stack', novalidate: true },
    scan.questions.map((item) => question(item, saved)));
  let shownBand = bandFor(scan, saved);
  fill(result, outcome(scan, answersOf(form, scan)));

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const answers = answersOf(form, scan);
    saveTool('selfscan', answers).catch(reportError);
    fill(result, outcome(scan, answers));
    const band = bandFor(scan, answers);
    if (band && band !== shownBand) announce(t('selfscan.resultReady', { title: band.title }));
    shownBand = band;
  });

  container.append(h('h1', { text: scan.title }),
    h('p', { class: 'lead', text: scan.intro }),
    h('p', { class: 'hint', text: t('selfscan.onDevice') }),
    form, result, backToTraining());
}
