// The recovery meter's start: take the test (or go on with the one begun), the trend as a line
// per facet with the same figures as a table, every test with its result, when it happened, the
// summary for the huisarts and "Bel mij terug". The trend is computed here from the tests on
// this device, so it shows offline.
import { api } from '../api.js';
import { downloadFile } from '../logbook-photos.js';
import { t } from '../i18n.js';
import {
  day, getDraft, hasDossier, isDue, loadMeter, myResults, nextDue, profileData, saveProfile,
  text, today,
} from '../recovery-data.js';
import { chartModel, nextChangeHint, trendChart, trendTable } from '../recovery-chart.js';
import { syncOnce } from '../sync.js';
import { announce, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';

function chartTexts(meter) {
  const change = meter.texts.change;
  return {
    change: { stable: text(change.stable), possible: text(change.possible),
      clear_better: text(change.clear_better), clear_worse: text(change.clear_worse) },
    early: text(change.early),
    formatDate: (iso) => new Date(iso).toLocaleDateString(undefined,
      { day: 'numeric', month: 'short' }),
  };
}

const chartName = (meter, key) => (key === 'pcl5' ? t('recovery.trend.pcl5')
  : text(meter.texts.facets[key]?.name));

function trend(meter, all) {
  if (!all.length) return [h('p', { text: t('recovery.trend.none') })];
  const model = chartModel(all, meter.rules);
  const texts = chartTexts(meter);
  const names = Object.fromEntries(model.charts.map((c) => [c.key, chartName(meter, c.key)]));
  const hint = nextChangeHint(all, meter.rules);
  return [
    hint && h('p', { class: 'hint', text: t('recovery.trend.one', { date: day(hint.date) }) }),
    h('div', { class: 'trend-charts', 'aria-hidden': 'true' }, model.charts.map((chart) =>
      h('figure', { class: 'trend' }, h('figcaption', { text: names[chart.key] }),
        trendChart(chart, { ...texts, title: names[chart.key] })))),
    h('details', { class: 'trend-table' }, h('summary', { text: t('recovery.trend.table') }),
      trendTable(model, { ...texts, caption: t('recovery.trend.caption'),
        names: { ...names, date: t('recovery.trend.date') } })),
  ];
}

function testList(all) {
  return h('ul', { class: 'cards tests' }, [...all].reverse().map((result) => h('li',
    { class: 'card' },
    h('h3', {}, h('a', { href: `#/recovery-result/${result.id}`,
      text: day(result.taken_at) })),
    result.safety !== false && h('p', { class: 'tag', text: t('recovery.list.safety') }),
    result.early && h('p', { class: 'tag', text: t('recovery.list.early') }),
    result.record.data.shared && h('p', { class: 'tag', text: t('recovery.list.shared') }),
    pendingTag(result.record))));
}

function eventForm(meter, data) {
  const input = h('input', { type: 'date', id: 'event-date', name: 'event_date',
    max: today().slice(0, 10), value: data.event_date ?? '',
    'aria-describedby': 'event-why' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'event-title' },
    h('h2', { id: 'event-title', text: t('recovery.event.title') }),
    h('p', { id: 'event-why', class: 'hint', text: text(meter.texts.event_date.why) }),
    h('div', { class: 'field' },
      h('label', { for: 'event-date', text: text(meter.texts.event_date.question) }), input),
    data.no_date && h('p', { class: 'hint', text: text(meter.texts.event_date[data.no_date]) }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: t('recovery.event.save') }),
      h('button', { type: 'button', class: 'secondary', text: text(meter.texts.event_date.unknown),
        onclick: () => save({ event_date: null, no_date: 'unknown' }) })));
  async function save(change) {
    try {
      await saveProfile(change);
      announce(t('recovery.event.saved'), 'success');
    } catch (error) {
      reportError(error);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value) save({ event_date: input.value, no_date: null });
    else input.focus();
  });
  return form;
}

function callbackPart(data) {
  const note = h('textarea', { id: 'callback-note', name: 'note', maxlength: 500, rows: 3 });
  const requested = data.callback_requested_at;
  const send = async (method) => {
    try {
      if (method === 'post') await api.post('/api/recovery/callback', { note: note.value });
      else await api.delete('/api/recovery/callback');
      await syncOnce().catch(() => {}); // the profile's new state comes back by sync
      announce(t(method === 'post' ? 'recovery.callback.sent' : 'recovery.callback.cancelled'),
        'success');
    } catch (error) {
      reportError(error);
    }
  };
  return h('section', { class: 'callback', 'aria-labelledby': 'callback-title' },
    h('h2', { id: 'callback-title', text: t('recovery.callback.title') }),
    requested
      ? [h('p', { text: t('recovery.callback.waiting', { date: day(requested) }) }),
        h('button', { type: 'button', class: 'secondary', text: t('recovery.callback.cancel'),
          onclick: () => send('delete') })]
      : [h('p', { text: t('recovery.callback.about') }),
        h('div', { class: 'field' }, h('label', { for: 'callback-note',
          text: t('recovery.callback.note') }), note),
        h('button', { type: 'button', text: t('recovery.callback.ask'),
          onclick: () => send('post') })],
    h('p', { class: 'hint', text: t('recovery.callback.online') }));
}

async function content(meter) {
  const [all, data, draft, dossier] = await Promise.all([myResults(meter), profileData(),
    getDraft(), hasDossier()]);
  const due = nextDue(meter, data, all);
  return [
    isDue(due) && h('p', { class: 'banner', text: text(meter.texts.reminder.banner) }),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: '#/recovery-test',
        text: draft ? t('recovery.resume') : t('recovery.start') })),
    due && !isDue(due) && h('p', { class: 'hint', text: t('recovery.nextDue', { date: day(due) }) }),
    h('h2', { text: t('recovery.trend.title') }),
    ...trend(meter, all),
    all.length > 0 && h('h2', { text: t('recovery.list.title') }),
    all.length > 0 && testList(all),
    all.length > 0 && h('p', {}, h('button', { type: 'button', class: 'secondary',
      text: t('recovery.pdf'), onclick: () => downloadFile(
        `/api/recovery/summary.pdf?lang=${document.documentElement.lang === 'en' ? 'en' : 'nl'}`,
        'houvast-herstelmeter.pdf').catch(reportError) })),
    eventForm(meter, data),
    dossier && callbackPart(data),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const meter = await loadMeter();
  const region = h('div', { class: 'recovery' });
  fill(region, ...await content(meter));
  container.append(h('h1', { text: t('recovery.title') }),
    h('p', { class: 'lead', text: t('recovery.intro') }), region);
  whileShown(region, async () => fill(region, ...await content(meter)));
}
