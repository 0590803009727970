// The recovery meter's trend model (pwa/js/recovery-chart.js) on results() of the phone's rules
// (pwa/js/rules/recovery.js) with the real rules from disk (api/content/recovery_rules.json):
// which charts, in which order, their maxima and bands from the rules (a changed number in a
// copy of the rules moves them), the values with their gaps, the change labels, the early marks
// and the hint after the first test. The drawing (trendChart, trendTable) needs a DOM and is
// tested in the browser; here only that the module loads without one.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { pwaModule } from './pwa_module.mjs';

const chart = await pwaModule('recovery-chart.js');
const { chartModel, nextChangeHint } = chart;
const { results } = await pwaModule('rules/recovery.js');

const RULES_URL = new URL('../../api/content/recovery_rules.json', import.meta.url);
const RULES = JSON.parse(readFileSync(RULES_URL, 'utf8'));
const { phq4: PHQ4, who5: WHO5, pcl5: PCL5 } = RULES.instruments;

const PHQ4_KEYS = ['worry', 'mood', 'wellbeing'];
const PCL5_KEYS = ['pcl5', 'intrusions', 'avoidance', 'thoughts', 'arousal'];

const itemsOf = (part) => part.last - part.first + 1;

/** PCL-5 answers with every item `value`, then the items in `set` {item number: value}. */
function pcl5(value, set = {}) {
  const answers = Array(PCL5.items).fill(value);
  for (const [item, v] of Object.entries(set)) answers[Number(item) - 1] = v;
  return answers;
}

/** A test: `days` after 2026-03-02 (a Monday), 10:00 UTC. */
function at(id, days, answers) {
  const when = new Date(Date.UTC(2026, 2, 2 + days, 10));
  return { id, taken_at: when.toISOString(), answers: { safety: 0, ...answers } };
}

const EVENT = '2026-02-01';
const byKey = (model, key) => model.charts.find((c) => c.key === key);
const values = (model, key) => byKey(model, key).points.map((p) => p.value);
const changes = (model, key) => byKey(model, key).points.map((p) => p.change);

// Four tests at least the minimum interval apart (the PCL-5 from the second on; the fourth's
// incomplete), and a fifth three days after the fourth (early).
const TESTS = [
  at('t1', 0, { phq4: [1, 2, 0, 1], who5: [2, 2, 2, 2, 2] }),
  at('t2', 14, { phq4: [2, 2, 1, 1], who5: [3, 3, 3, 3, 3], pcl5: pcl5(1) }),
  at('t3', 42, { phq4: [0, null, 1, 1], who5: [3, 3, 3, 3, 4],
    pcl5: pcl5(2, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }) }),
  at('t4', 70, { phq4: [0, 0, 0, 0], who5: [null, 3, 3, 3, 3], pcl5: pcl5(1, { 20: null }) }),
  at('t5', 73, { phq4: [1, 1, 1, 1], who5: [4, 4, 4, 4, 4], pcl5: pcl5(1) }),
];

test('the module loads in node, without a DOM', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.deepEqual(Object.keys(chart).sort(),
    ['chartModel', 'nextChangeHint', 'trendChart', 'trendTable']);
});

test('no tests: no dates and no charts', () => {
  assert.deepEqual(chartModel([], RULES), { dates: [], charts: [] });
});

test('without a PCL-5 only the PHQ-4 and WHO-5 charts, in order', () => {
  const model = chartModel(results(RULES, TESTS.slice(0, 1), EVENT), RULES);
  assert.deepEqual(model.charts.map((c) => c.key), PHQ4_KEYS);
  assert.deepEqual(model.dates, [TESTS[0].taken_at]);
});

test('an incomplete or untaken PCL-5 alone gives no PCL-5 charts', () => {
  const tests = [at('a', 0, { phq4: [0, 0, 0, 0], who5: [3, 3, 3, 3, 3] }),
    at('b', 14, { phq4: [0, 0, 0, 0], who5: [3, 3, 3, 3, 3], pcl5: pcl5(1, { 3: null }) })];
  const model = chartModel(results(RULES, tests, EVENT), RULES);
  assert.deepEqual(model.charts.map((c) => c.key), PHQ4_KEYS);
});

test('with a PCL-5 every chart, in order, each with a point per test', () => {
  const model = chartModel(results(RULES, TESTS, EVENT), RULES);
  assert.deepEqual(model.charts.map((c) => c.key), [...PHQ4_KEYS, ...PCL5_KEYS]);
  assert.deepEqual(model.dates, TESTS.map((t) => t.taken_at));
  for (const item of model.charts) {
    assert.deepEqual(Object.keys(item), ['key', 'max', 'higherIsBetter', 'bands', 'points']);
    assert.deepEqual(item.points.map((p) => [p.index, p.date]),
      TESTS.map((t, i) => [i, t.taken_at]));
    for (const point of item.points) {
      assert.deepEqual(Object.keys(point), ['index', 'date', 'value', 'change', 'early']);
    }
  }
  assert.deepEqual(model.charts.map((c) => c.higherIsBetter),
    [false, false, true, false, false, false, false, false]);
});

test('an instrument without a value in any test has no chart', () => {
  const tests = [at('a', 0, { phq4: [1, 1, 1, 1], who5: [] })];
  const model = chartModel(results(RULES, tests, EVENT), RULES);
  assert.deepEqual(model.charts.map((c) => c.key), ['worry', 'mood']);
});

test('maxima and bands come from the rules', () => {
  const model = chartModel(results(RULES, TESTS, EVENT), RULES);
  const positive = PHQ4.subscale_positive_at;
  for (const [key, name] of [['worry', 'gad2'], ['mood', 'phq2']]) {
    const max = itemsOf(PHQ4.subscales[name]) * PHQ4.max;
    assert.equal(byKey(model, key).max, max);
    assert.deepEqual(byKey(model, key).bands,
      [{ from: 0, to: positive, kind: 'ok' }, { from: positive, to: max, kind: 'raised' }]);
  }
  const who5Max = WHO5.items * WHO5.max * WHO5.percent_factor;
  const low = WHO5.low_wellbeing_below * WHO5.percent_factor;
  assert.equal(byKey(model, 'wellbeing').max, who5Max);
  assert.deepEqual(byKey(model, 'wellbeing').bands,
    [{ from: 0, to: low, kind: 'raised' }, { from: low, to: who5Max, kind: 'ok' }]);
  const pcl5Max = PCL5.items * PCL5.max;
  const [lowBand, raised, high] = PCL5.bands.map((b) => b.from);
  assert.equal(byKey(model, 'pcl5').max, pcl5Max);
  assert.deepEqual(byKey(model, 'pcl5').bands, [{ from: lowBand, to: raised, kind: 'ok' },
    { from: raised, to: high, kind: 'raised' }, { from: high, to: pcl5Max, kind: 'high' }]);
  for (const [key, cluster] of [['intrusions', 'B'], ['avoidance', 'C'], ['thoughts', 'D'],
    ['arousal', 'E']]) {
    assert.equal(byKey(model, key).max, itemsOf(PCL5.clusters[cluster]) * PCL5.max);
    assert.deepEqual(byKey(model, key).bands, []);
  }
  // The numbers as the rules have them now (so a slip in both the rules and the code shows).
  assert.deepEqual(model.charts.map((c) => c.max), [6, 6, 100, 80, 20, 8, 28, 24]);
  assert.deepEqual(byKey(model, 'pcl5').bands.map((b) => [b.from, b.to]),
    [[0, 16], [16, 33], [33, 80]]);
  assert.deepEqual(byKey(model, 'wellbeing').bands.map((b) => b.to), [52, 100]);
});

test('a changed number in the rules moves the bands', () => {
  const changed = structuredClone(RULES);
  changed.instruments.phq4.subscale_positive_at = 4;
  changed.instruments.who5.low_wellbeing_below = 10;
  changed.instruments.pcl5.bands[1].from = 20;
  changed.instruments.pcl5.bands[2].from = 40;
  const model = chartModel(results(changed, TESTS, EVENT), changed);
  assert.deepEqual(byKey(model, 'worry').bands.map((b) => [b.from, b.to]), [[0, 4], [4, 6]]);
  assert.deepEqual(byKey(model, 'mood').bands.map((b) => [b.from, b.to]), [[0, 4], [4, 6]]);
  assert.deepEqual(byKey(model, 'wellbeing').bands.map((b) => [b.from, b.to]),
    [[0, 40], [40, 100]]);
  assert.deepEqual(byKey(model, 'pcl5').bands.map((b) => [b.from, b.to]),
    [[0, 20], [20, 40], [40, 80]]);
  const before = chartModel(results(RULES, TESTS, EVENT), RULES);
  assert.notDeepEqual(byKey(before, 'worry').bands, byKey(model, 'worry').bands);
});

test('a changed item count or scale changes the maxima', () => {
  const changed = structuredClone(RULES);
  changed.instruments.who5.percent_factor = 5;
  changed.instruments.phq4.subscales.gad2 = { first: 1, last: 3 };
  const tests = [at('a', 0, { phq4: [1, 1, 1, 1], who5: [3, 3, 3, 3, 3] })];
  const model = chartModel(results(changed, tests, EVENT), changed);
  assert.equal(byKey(model, 'worry').max, 9);
  assert.equal(byKey(model, 'wellbeing').max, 125);
  assert.equal(byKey(model, 'wellbeing').bands[0].to, 65);
  assert.deepEqual(values(model, 'wellbeing'), [75]);
});

test('values per test, null where the instrument is not complete', () => {
  const model = chartModel(results(RULES, TESTS, EVENT), RULES);
  assert.deepEqual(values(model, 'worry'), [3, 4, null, 0, 2]);
  assert.deepEqual(values(model, 'mood'), [1, 2, null, 0, 2]);
  assert.deepEqual(values(model, 'wellbeing'), [40, 60, 64, null, 80]);
  // t1 took no PCL-5, t4's misses item 20.
  assert.deepEqual(values(model, 'pcl5'), [null, 20, 35, null, 20]);
  assert.deepEqual(values(model, 'intrusions'), [null, 5, 5, null, 5]);
  assert.deepEqual(values(model, 'avoidance'), [null, 2, 4, null, 2]);
  assert.deepEqual(values(model, 'thoughts'), [null, 7, 14, null, 7]);
  assert.deepEqual(values(model, 'arousal'), [null, 6, 12, null, 6]);
});

test('the change labels: PCL-5 and WHO-5 only', () => {
  const model = chartModel(results(RULES, TESTS, EVENT), RULES);
  // PCL-5 20 -> 35: clearly worse; then 35 -> 20 (against t3, t4 being incomplete): clearly
  // better.
  assert.deepEqual(changes(model, 'pcl5'), [null, null, 'clear_worse', null, 'clear_better']);
  // WHO-5 40 -> 60: significantly better; 60 -> 64: not significant; 64 -> 80 (against t3).
  assert.deepEqual(changes(model, 'wellbeing'), [null, 'clear_better', 'stable', null,
    'clear_better']);
  for (const key of ['worry', 'mood', 'intrusions', 'avoidance', 'thoughts', 'arousal']) {
    assert.deepEqual(changes(model, key), [null, null, null, null, null], key);
  }
});

test('stable and possible PCL-5 changes, and a significantly worse WHO-5', () => {
  const tests = [
    at('a', 0, { phq4: [0, 0, 0, 0], who5: [4, 4, 4, 4, 4], pcl5: pcl5(1) }),
    at('b', 28, { phq4: [0, 0, 0, 0], who5: [4, 4, 4, 4, 3], pcl5: pcl5(1, { 1: 3 }) }),
    at('c', 56, { phq4: [0, 0, 0, 0], who5: [2, 2, 2, 2, 2],
      pcl5: pcl5(1, { 1: 3, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 }) }),
  ];
  const result = results(RULES, tests, EVENT);
  assert.deepEqual(result.map((r) => r.scores.pcl5.change?.label ?? null),
    [null, 'stable', 'possible']);
  const model = chartModel(result, RULES);
  assert.deepEqual(changes(model, 'pcl5'), [null, 'stable', 'possible']);
  assert.deepEqual(changes(model, 'wellbeing'), [null, 'stable', 'clear_worse']);
});

test('a changed significance changes the WHO-5 label', () => {
  const changed = structuredClone(RULES);
  changed.instruments.who5.change_significant_at = 4;
  const model = chartModel(results(changed, TESTS, EVENT), changed);
  assert.deepEqual(changes(model, 'wellbeing'), [null, 'clear_better', 'clear_better', null,
    'clear_better']);
});

test('early tests are marked on every chart', () => {
  const result = results(RULES, TESTS, EVENT);
  assert.deepEqual(result.map((r) => r.early), [false, false, false, false, true]);
  const model = chartModel(result, RULES);
  for (const item of model.charts) {
    assert.deepEqual(item.points.map((p) => p.early), [false, false, false, false, true],
      item.key);
  }
});

test('after the first test: when a next test can show a change', () => {
  const one = results(RULES, TESTS.slice(0, 1), EVENT);
  const days = RULES.intervals.min_days;
  assert.deepEqual(nextChangeHint(one, RULES), { days, date: '2026-03-16' });
  assert.equal(days, 14);
  // The UTC date counts: late in the evening west of UTC is the next day already.
  const late = results(RULES, [{ ...TESTS[0], taken_at: '2026-03-31T23:30:00-02:00' }], EVENT);
  assert.deepEqual(nextChangeHint(late, RULES), { days, date: '2026-04-15' });
  const naive = results(RULES, [{ ...TESTS[0], taken_at: '2026-12-25T23:59:00' }], EVENT);
  assert.deepEqual(nextChangeHint(naive, RULES), { days, date: '2027-01-08' });
  const changed = structuredClone(RULES);
  changed.intervals.min_days = 10;
  assert.deepEqual(nextChangeHint(one, changed), { days: 10, date: '2026-03-12' });
});

test('no hint with no test or more than one', () => {
  assert.equal(nextChangeHint([], RULES), null);
  assert.equal(nextChangeHint(results(RULES, TESTS.slice(0, 2), EVENT), RULES), null);
  assert.equal(nextChangeHint(results(RULES, TESTS, EVENT), RULES), null);
});
