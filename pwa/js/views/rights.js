// Hulp bij mijn strafzaak: the rights that fit the person's answers, worked out on the phone
// (offline too) with the server's rules. What they put on their list first, then what fits,
// then what may fit (with what to find out), and "Niet voor mij" folded away. Each right opens
// as a page (right.js). Without answers yet: why the questions, and a way to start.
import { t } from '../i18n.js';
import { day, loadRights, myRights, situation, text } from '../rights-data.js';
import { h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

const byDeadline = (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');

function card(right) {
  const passed = right.flags.includes('deadline_check');
  return h('li', { class: 'card' },
    h('h3', {}, h('a', { href: `#/right/${right.id}`, text: text(right.words.title) })),
    h('p', { text: text(right.words.summary) }),
    right.deadline && h('p', { class: passed ? 'tag urgent' : 'tag',
      text: passed ? t('rights.deadline.passed', { date: day(right.deadline) })
        : t('rights.deadline.until', { date: day(right.deadline) }) }),
    right.flags.includes('csg_first') && h('p', { class: 'tag urgent',
      text: t('rights.flag.csg') }),
    right.choice === 'later' && h('p', { class: 'tag', text: t('rights.choice.later') }),
    right.suggestedBy !== null && h('p', { class: 'tag', text: t('rights.suggestedTag') }));
}

function group(key, list) {
  if (!list.length) return null;
  return h('section', { 'aria-labelledby': `rights-${key}` },
    h('h2', { id: `rights-${key}`, text: t(`rights.group.${key}`) }),
    h('ul', { class: 'cards' }, list.map(card)));
}

async function draw(content) {
  const { answered } = await situation(content);
  if (!answered) {
    // Before any answer only the contact person's suggestions are known to fit.
    const suggested = (await myRights(content)).filter((r) => r.suggestedBy !== null);
    return [
      h('p', { class: 'lead', text: t('rights.intro') }),
      group('suggested', suggested),
      h('p', { text: t('rights.intro.choose') }),
      h('p', { class: 'actions' }, h('a', { class: 'button', href: '#/rights-questions',
        text: t('rights.start') })),
      h('p', { class: 'hint', text: text(content.texts.not_legal_advice) }),
    ];
  }
  const all = (await myRights(content)).sort(byDeadline);
  const listed = all.filter((r) => r.choice === 'list');
  const notForMe = all.filter((r) => r.choice === 'not_for_me');
  const open = all.filter((r) => r.choice !== 'list' && r.choice !== 'not_for_me');
  const suggested = open.filter((r) => r.suggestedBy !== null && !r.choice);
  const rest = open.filter((r) => !suggested.includes(r));
  return [
    h('p', { class: 'lead', text: t('rights.lead', { count: all.length }) }),
    group('suggested', suggested),
    group('list', listed),
    group('yes', rest.filter((r) => r.applies === 'yes')),
    group('maybe', rest.filter((r) => r.applies !== 'yes')),
    notForMe.length > 0 && h('details', {}, h('summary', {
      text: t('rights.group.not_for_me', { count: notForMe.length }) }),
    h('ul', { class: 'cards' }, notForMe.map(card))),
    h('p', { class: 'actions' }, h('a', { class: 'button secondary', href: '#/rights-questions',
      text: t('rights.edit') })),
    h('p', { class: 'hint', text: text(content.texts.not_legal_advice) }),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const content = await loadRights();
  const body = h('div', { class: 'rights' });
  fill(body, await draw(content));
  container.append(h('h1', { text: t('rights.title') }), body);
  whileShown(body, async () => fill(body, await draw(content)));
}
