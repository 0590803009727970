// One test's result, for the week the person is in. The crisis block comes first, before any
// score, whenever the safety answer is not "not at all" (unanswered too), computed on the phone
// so it shows offline. Then what it means now (per facet, never a diagnosis), what can help, when
// to be reminded (with a calendar file for phones without push), and sharing with the contact
// person.
import { t } from '../i18n.js';
import {
  day, deleteTest, hasDossier, loadMeter, myResults, profileData, saveProfile, setShared, text,
} from '../recovery-data.js';
import { reminderIcs, icsFileName } from '../recovery-ics.js';
import { defaultReminder, dueDate } from '../rules/recovery.js';
import { announce, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

const LINKS = { logbooks: '#/logbooks', tasks: '#/tasks', dossier: '#/dossier' };

/** The crisis numbers, as large links that call; `soft` when the question was not answered. */
function crisisBlock(meter, { soft = false } = {}) {
  const crisis = meter.texts.crisis;
  return h('section', { class: `crisis${soft ? ' soft' : ''}`, 'aria-labelledby': 'crisis-title' },
    h('h2', { id: 'crisis-title', text: text(crisis.title) }),
    h('p', { text: text(crisis.body) }),
    h('ul', { class: 'crisis-numbers' }, crisis.numbers.map((item) => h('li', {},
      h('a', { class: 'button call', href: `tel:${item.tel}` },
        h('strong', { text: item.number }), ' ', text(item.label))))));
}

function facetList(meter, result) {
  const items = Object.entries(result.facets).filter(([, state]) => state !== null);
  if (!items.length) return null;
  return h('ul', { class: 'cards facets' }, items.map(([facet, state]) => {
    const words = meter.texts.facets[facet];
    return h('li', { class: `card facet facet-${state}` },
      h('h3', { text: text(words.name) }),
      h('p', { text: text(words[state][result.phase], { weeks: result.weeks_since_event }) }));
  }));
}

function adviceList(meter, result) {
  if (!result.advice.length) return null;
  return [h('h2', { text: t('recovery.result.advice') }),
    h('ul', { class: 'cards advice' }, result.advice.map((key) => {
      const item = meter.texts.advice[key];
      const link = item.link?.route && LINKS[item.link.route];
      return h('li', { class: `card advice-${key}` },
        h('h3', { text: text(item.title) }),
        h('p', { text: text(item.body) }),
        link && h('p', {}, h('a', { href: link, text: text(item.link.label) })));
    }))];
}

function scoreLine(result) {
  const { phq4, who5, pcl5 } = result.scores;
  const parts = [];
  if (phq4.status === 'complete') parts.push(t('recovery.score.phq4', { total: phq4.total }));
  if (who5.status === 'complete') parts.push(t('recovery.score.who5', { percent: who5.percent }));
  if (pcl5.status === 'complete') parts.push(t('recovery.score.pcl5', { total: pcl5.total }));
  if ([phq4, who5, pcl5].some((s) => s.status === 'incomplete')) {
    parts.push(t('recovery.score.incomplete'));
  }
  return h('p', { class: 'hint scores', text: parts.join(' · ') });
}

function downloadIcs(meter, due, id) {
  const words = meter.texts.reminder;
  const body = reminderIcs({ due, title: text(words.ics_title), body: text(words.ics_body),
    uid: `${id}-${due}` });
  const link = h('a', { href: URL.createObjectURL(new Blob([body], { type: 'text/calendar' })),
    download: icsFileName(due), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function reminderForm(meter, result, data) {
  const words = meter.texts.reminder;
  const suggested = defaultReminder(meter.rules, result.weeks_since_event);
  const chosen = data.reminder ?? suggested;
  const keys = [...Object.keys(meter.rules.reminders.choices), 'none'];
  const status = h('p', { class: 'hint', id: 'reminder-due', 'aria-live': 'polite' });
  const icsButton = h('button', { type: 'button', class: 'secondary', hidden: true,
    text: t('recovery.reminder.calendar') });
  const showDue = (reminder) => {
    const due = reminder === 'none' ? null : dueDate(meter.rules, reminder, result.taken_at);
    status.textContent = due ? t('recovery.reminder.due', { date: day(due) }) : '';
    icsButton.hidden = !due;
    icsButton.onclick = () => due && downloadIcs(meter, due, result.id);
  };
  const form = h('form', { class: 'stack reminder', 'aria-labelledby': 'reminder-title' },
    h('h2', { id: 'reminder-title', text: t('recovery.reminder.title') }),
    h('p', { text: t('recovery.reminder.why') }),
    h('fieldset', { class: 'field choices' },
      h('legend', { text: t('recovery.reminder.legend') }),
      keys.map((key) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'reminder', id: `reminder-${key}`, value: key,
          checked: key === chosen, onchange: () => showDue(key) }),
        h('label', { for: `reminder-${key}`,
          text: text(words.choices[key]) + (key === suggested ? ` ${t('recovery.reminder.suggested')}` : '') })))),
    status,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: t('recovery.reminder.save') }), icsButton));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = new FormData(form).get('reminder');
    try {
      await saveProfile({ reminder: value === 'none' ? null : value });
      announce(value === 'none' ? t('recovery.reminder.off') : t('recovery.reminder.saved'),
        'success');
    } catch (error) {
      reportError(error);
    }
  });
  showDue(chosen);
  return form;
}

function shareBox(result) {
  const shared = Boolean(result.record.data.shared);
  const box = h('input', { type: 'checkbox', id: 'share', checked: shared,
    'aria-describedby': 'share-hint' });
  box.addEventListener('change', async () => {
    try {
      await setShared(result.id, box.checked);
      announce(t(box.checked ? 'recovery.share.on' : 'recovery.share.off'), 'success');
    } catch (error) {
      box.checked = !box.checked;
      reportError(error);
    }
  });
  return h('section', { class: 'share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: t('recovery.share.title') }),
    h('div', { class: 'choice' }, box, h('label', { for: 'share', text: t('recovery.share.label') })),
    h('p', { class: 'hint', id: 'share-hint', text: t('recovery.share.hint') }));
}

async function content(meter, id, navigate) {
  const all = await myResults(meter);
  const result = all.find((item) => item.id === id);
  if (!result) return [h('p', { text: t('recovery.result.missing') }),
    h('p', {}, h('a', { href: '#/recovery', text: t('recovery.back') }))];
  const data = await profileData();
  const texts = meter.texts;
  const noDate = result.phase === 'unknown';
  const remove = h('button', { type: 'button', class: 'secondary small',
    text: t('recovery.result.delete'), onclick: async () => {
      if (!window.confirm(t('recovery.result.deleteConfirm'))) return;
      await deleteTest(id);
      announce(t('recovery.result.deleted'), 'success');
      await navigate('recovery', { keepMessage: true });
    } });
  return [
    result.safety !== false && crisisBlock(meter, { soft: result.safety === null }),
    h('p', { class: 'lead', text: t('recovery.result.taken', { date: day(result.taken_at) }) }),
    pendingTag(result.record),
    result.early && h('p', { class: 'tag', text: text(texts.change.early) }),
    h('p', { text: text(texts.phase[result.phase], { weeks: result.weeks_since_event }) }),
    noDate && !data.no_date && h('p', { class: 'hint' }, text(texts.no_date), ' ',
      h('a', { href: '#/recovery', text: t('recovery.result.giveDate') })),
    result.scores.pcl5.status === 'not_taken' && result.phase === 'early'
      && h('p', { class: 'hint', text: text(texts.pcl5_wait) }),
    h('h2', { text: t('recovery.result.meaning') }),
    facetList(meter, result),
    scoreLine(result),
    adviceList(meter, result),
    reminderForm(meter, result, data),
    await hasDossier() && shareBox(result),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '#/recovery',
      text: t('recovery.result.trend') }), remove),
  ];
}

export async function render(container, { user, navigate, params }) {
  await storeReady(user);
  const meter = await loadMeter();
  const [id] = params;
  const region = h('div', { class: 'recovery-result' });
  fill(region, ...await content(meter, id, navigate));
  container.append(h('h1', { text: t('recovery.result.title') }), region);
  // The server's copy arrives by sync; what is shown is computed here from the same answers.
  whileShown(region, async (changes) => {
    if (changes.some((c) => c.entity === 'recovery_profile' || c.id === id)) {
      fill(region, ...await content(meter, id, navigate));
    }
  });
}
