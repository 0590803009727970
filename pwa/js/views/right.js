// One right as a short page: whether it fits and why (or what to find out when it may), what it
// is, what doing it costs, the deadline computed from the person's own dates (passed: ask
// advice), what to do step by step, who can help (tap to call), the source. The person chooses
// "Zet op mijn lijst", "Later" or "Niet voor mij", and can change it any time.
import { t } from '../i18n.js';
import { day, loadRights, myRights, saveChoice, text } from '../rights-data.js';
import { announce, h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';

const CHOICES = ['list', 'later', 'not_for_me'];

function section(key, ...children) {
  return h('section', { 'aria-labelledby': `right-${key}` },
    h('h2', { id: `right-${key}`, text: t(`rights.page.${key}`) }), ...children);
}

function contact(content, key) {
  const item = content.contacts[key];
  if (!item) return null;
  return h('li', {},
    h('strong', { text: item.name }),
    item.phone && [' ', h('a', { href: `tel:${item.tel}`, text: item.phone })],
    h('br'), text(item.when),
    item.url && [' ', h('a', { href: item.url, rel: 'noopener', target: '_blank',
      text: t('rights.page.website') })]);
}

function suggestion(right) {
  if (right.suggestedBy === null) return null;
  return h('p', { class: 'banner', text: right.suggestedBy
    ? t('rights.suggested', { name: right.suggestedBy }) : t('rights.suggestedNoName') });
}

function fits(content, right) {
  if (right.applies === 'no') return [h('p', { text: text(right.words.fits) })];
  if (right.applies === 'yes') {
    return [h('p', { class: 'tag', text: text(content.texts.applies_yes) }),
      h('p', { text: text(right.words.fits) })];
  }
  return [
    h('p', { class: 'tag', text: text(content.texts.applies_maybe) }),
    h('p', { text: text(right.words.fits) }),
    h('p', { text: text(content.texts.maybe_because) }),
    h('ul', {}, right.asks.map((field) => h('li', {}, text(content.asks[field]),
      content.questions[field] && [' ', h('a', { href: `#/rights-questions/${field}`,
        text: t('rights.page.answer') })]))),
  ];
}

function deadline(content, right) {
  const words = right.words;
  if (!words.deadline) return null;
  const passed = right.flags.includes('deadline_check');
  return section('when',
    right.deadline && h('p', { class: passed ? 'warning' : 'deadline', text: passed
      ? t('rights.deadline.passed', { date: day(right.deadline) })
      : t('rights.deadline.until', { date: day(right.deadline) }) }),
    h('p', { text: text(words.deadline) }),
    passed && words.deadline_passed && h('p', { text: text(words.deadline_passed) }));
}

function choiceGroup(content, right, onChange) {
  return h('div', { class: 'answer-buttons', role: 'group', 'aria-labelledby': 'right-choose' },
    CHOICES.map((choice) => h('button', {
      type: 'button', class: 'answer', 'aria-pressed': String(right.choice === choice),
      text: t(`rights.choice.${choice}`),
      onclick: async () => {
        const next = right.choice === choice ? null : choice;
        await saveChoice(content, right, next);
        announce(t(next ? `rights.choice.saved.${next}` : 'rights.choice.cleared'), 'success');
        onChange();
      } })));
}

async function draw(content, id, redraw) {
  const right = (await myRights(content)).find((r) => r.id === id);
  const words = content.rights[id];
  if (!words) return [h('h1', { text: t('rights.page.missing') })];
  if (!right) {
    return [h('h1', { text: text(words.title) }),
      h('p', { text: t('rights.page.notNow') }),
      h('p', {}, h('a', { href: '#/rights', text: t('rights.back') }))];
  }
  return [
    h('h1', { tabindex: '-1', text: text(words.title) }),
    suggestion(right),
    ...fits(content, right),
    right.flags.includes('csg_first') && h('div', { class: 'warning', role: 'note' },
      h('p', {}, h('strong', { text: text(content.flags.csg_first.title) })),
      h('p', { text: text(content.flags.csg_first.text) }),
      contact(content, 'csg')),
    section('what', h('p', { text: text(words.explanation) })),
    section('effort', h('p', { text: text(words.effort) })),
    deadline(content, right),
    section('todo', words.todos.map((todo) => h('div', { class: 'todo' },
      h('h3', { text: text(todo.title) }),
      h('ol', {}, todo.steps.map((step) => h('li', { text: text(step) })))))),
    words.contacts.length > 0 && section('contacts',
      h('ul', { class: 'contacts' }, words.contacts.map((key) => contact(content, key)))),
    h('section', { 'aria-labelledby': 'right-choose' },
      h('h2', { id: 'right-choose', text: t('rights.choice.legend') }),
      choiceGroup(content, right, redraw)),
    section('source', h('p', {}, words.source.url
      ? h('a', { href: words.source.url, rel: 'noopener', target: '_blank',
        text: words.source.law }) : words.source.law),
    h('p', { class: 'hint', text: `${text(content.texts.checked_label)} ${day(words.source.checked)}` })),
    h('p', { class: 'hint', text: text(content.texts.not_legal_advice) }),
    h('p', {}, h('a', { href: '#/rights', text: t('rights.back') })),
  ];
}

export async function render(container, { user, params = [] }) {
  await storeReady(user);
  const content = await loadRights();
  const id = params[0];
  const body = h('div', { class: 'right' });
  const redraw = async () => fill(body, await draw(content, id, redraw));
  await redraw();
  container.append(body);
  whileShown(body, redraw);
}
