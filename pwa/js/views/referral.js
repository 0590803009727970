// Doorverwijswijzer: a few taps ("wat is er aan de hand?") to who can help now, with the number
// to tap and when to call. Always on top: in danger now, call 112.
//
// Where the person is lives in the URL: #/referral/<question or result id>/<earlier ids...>.
// The first part is what is shown (none: the start question); the rest is the way there, most
// recent first, so "Vorige vraag" goes one step back. The router replaces the history entry
// (so "Snel weg" leaves nothing behind), which is why the way back is in the URL and not in the
// browser's history. An unknown id (old link, changed content) shows the start question.
import { t } from '../i18n.js';
import { contact, loadTraining } from '../training-data.js';
import { backToTraining, contactCard, sourceNote } from '../training-parts.js';
import { h } from '../ui.js';
import { storeReady } from '../view.js';

const MAX_TRAIL = 20; // a loop in the content must not grow the URL without end
const HEADING = 'referral-heading';

// Set when the person chose an answer: the next question (or the result) gets the focus, not
// the page title, so a screen reader goes on where the choice was made.
let focusHeading = false;

const href = (path) => (path.length
  ? `#/referral/${path.map(encodeURIComponent).join('/')}` : '#/referral');

function dangerLine() {
  return h('p', { class: 'warning danger-now' },
    h('strong', { text: t('referral.danger') }), ' ',
    h('a', { href: 'tel:112', text: t('referral.call112') }));
}

function question(node, choose) {
  return h('section', { 'aria-labelledby': HEADING },
    h('h2', { id: HEADING, tabindex: '-1', text: node.question }),
    h('ul', { class: 'choice-list' }, node.options
      .filter((option) => option.next || option.result)
      .map((option) => h('li', {}, h('button', { type: 'button',
        class: 'secondary choice-button', text: option.text,
        onclick: () => choose(option.next ?? option.result) })))));
}

function result(training, guide, found) {
  const contacts = (found.contacts ?? []).map((id) => contact(training, id)).filter(Boolean);
  return h('section', { class: 'card referral-result', 'aria-labelledby': HEADING },
    h('h2', { id: HEADING, tabindex: '-1', text: found.title }),
    h('p', { text: found.text }),
    found.source && sourceNote(guide.sources, found.source),
    contacts.length > 0 && h('h3', { text: t('referral.whoHelps') }),
    ...contacts.map((item) => contactCard(item)));
}

export async function render(container, { user, params, navigate }) {
  await storeReady(user);
  const training = await loadTraining();
  const guide = training.tools?.referral;
  if (!guide?.nodes || !guide.nodes[guide.start]) {
    container.append(h('h1', { text: t('referral.title') }), dangerLine(),
      h('p', { class: 'empty', text: t('referral.missing') }), backToTraining());
    return;
  }
  const results = guide.results ?? {};
  const known = (id) => Boolean(guide.nodes[id] || results[id]);
  const [asked, ...before] = params;
  const at = known(asked) ? asked : guide.start;
  const trail = known(asked) ? before.filter(known).slice(0, MAX_TRAIL) : [];
  const found = guide.nodes[at] ? null : results[at];

  const choose = (next) => {
    focusHeading = true;
    navigate(href([next, at, ...trail].slice(0, MAX_TRAIL + 1)).slice(2), { focus: false });
  };
  const atStart = at === guide.start && !trail.length;
  const region = h('div', { class: 'referral' },
    at === guide.start && guide.intro && h('p', { class: 'lead', text: guide.intro }),
    found ? result(training, guide, found) : question(guide.nodes[at], choose),
    !atStart && h('p', { class: 'actions' },
      trail.length > 0 && h('a', { class: 'button secondary', href: href(trail),
        text: t('referral.back') }),
      h('a', { class: 'button secondary', href: '#/referral', text: t('referral.again') })));
  container.append(h('h1', { text: guide.title }), dangerLine(), region, backToTraining());
  if (focusHeading) {
    focusHeading = false;
    region.querySelector(`#${HEADING}`)?.focus();
  }
}
