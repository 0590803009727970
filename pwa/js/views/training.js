// The helpers' start page, with or without an account: "verder met stap 4", the three modules
// with how far the person is and every step to open directly, the checklists and the tools,
// whether the whole training is on this device for offline use, and a plain link to send to
// someone who helps (nothing of the person in it).
import { t } from '../i18n.js';
import {
  loadTraining, moduleProgress, offlineReady, progress, resumeAt, stepHref, stepKey,
} from '../training-data.js';
import { h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

const LINK = `${location.origin}/#/training`;

function stepItem(module, step, prog) {
  const done = Boolean(prog.steps[stepKey(module.id, step.id)]?.done_at);
  return h('li', { class: done ? 'step done' : 'step' },
    h('a', { href: stepHref(module.id, step.id), text: `${step.number}. ${step.title}` }),
    h('span', { class: 'hint', text: done ? t('training.stepDone', { minutes: step.minutes })
      : t('training.minutes', { minutes: step.minutes }) }));
}

function moduleCard(module, prog) {
  const { done, total, next } = moduleProgress(module, prog);
  const id = `module-${module.id}`;
  return h('li', { class: 'card training-module' },
    h('h2', { id, text: module.title }),
    h('p', { text: module.summary }),
    h('p', { class: 'tag', text: t('training.moduleProgress', { done, total,
      minutes: module.minutes }) }),
    h('progress', { max: total, value: done, 'aria-labelledby': id }),
    next && h('p', {}, h('a', { class: 'button secondary', href: stepHref(module.id, next.id),
      text: done ? t('training.continueStep', { number: next.number })
        : t('training.start') })),
    h('details', {},
      h('summary', { text: t('training.allSteps', { count: total }) }),
      h('ol', { class: 'steps' }, module.steps.map((step) => stepItem(module, step, prog)))));
}

async function share() {
  const data = { title: t('training.shareTitle'), text: t('training.shareText'), url: LINK };
  if (navigator.share) {
    await navigator.share(data).catch(() => { /* the person closed the sheet */ });
    return null;
  }
  await navigator.clipboard?.writeText(LINK).catch(() => null);
  return t('training.copied');
}

function sharePart() {
  const note = h('p', { class: 'hint', role: 'status' });
  return h('section', { 'aria-labelledby': 'training-share' },
    h('h2', { id: 'training-share', text: t('training.shareHeading') }),
    h('p', { text: t('training.shareAbout') }),
    h('p', { class: 'share-link' }, h('a', { href: LINK, text: LINK })),
    h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary',
      text: t('training.share'),
      onclick: async () => { note.textContent = (await share()) ?? ''; } })),
    note);
}

async function draw(training, user) {
  const prog = await progress();
  const resume = resumeAt(training, prog);
  const ready = await offlineReady();
  return [
    h('p', { class: 'lead', text: t('training.lead') }),
    ready && h('p', { class: 'tag offline-ready', text: t('training.offlineReady') }),
    resume && h('p', { class: 'actions' }, h('a', { class: 'button',
      href: stepHref(resume.module.id, resume.step.id, resume.screen),
      text: t('training.resume', { number: resume.step.number, title: resume.step.title }) })),
    h('ul', { class: 'cards', 'aria-label': t('training.modules') },
      training.modules.map((module) => moduleCard(module, prog))),
    h('section', { 'aria-labelledby': 'training-tools' },
      h('h2', { id: 'training-tools', text: t('training.tools') }),
      h('ul', { class: 'cards' },
        h('li', { class: 'card' }, h('h3', {}, h('a', { href: '#/checklists',
          text: t('training.checklists') })), h('p', { text: t('training.checklistsAbout') })),
        h('li', { class: 'card' }, h('h3', {}, h('a', { href: '#/referral',
          text: training.tools.referral?.title ?? t('training.referral') })),
        h('p', { text: t('training.referralAbout') })),
        h('li', { class: 'card' }, h('h3', {}, h('a', { href: '#/selfscan',
          text: training.tools.selfscan?.title ?? t('training.selfscan') })),
        h('p', { text: t('training.selfscanAbout') })))),
    sharePart(),
    !user && h('p', { class: 'hint', text: t('training.guest') }),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const training = await loadTraining();
  const body = h('div', { class: 'training' });
  fill(body, await draw(training, user));
  container.append(h('h1', { text: t('training.title') }), body);
  whileShown(body, async () => fill(body, await draw(training, user)));
}
