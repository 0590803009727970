// The recovery meter's rules of the phone (pwa/js/rules/recovery.js) against the same cases as
// the server's (api/recovery/rules.py, tests/test_recovery_rules.py): tests/cases/recovery_*.json,
// with the rules read from disk (api/content/recovery_rules.json), as the server serves them.
// A case's `rules_patch` changes a number in a copy of the rules: the case must give its
// `expected` with the patch and something else without it, so a number written into the code
// instead of read from the data fails here too.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { pwaModule } from './pwa_module.mjs';


const recovery = await pwaModule('rules/recovery.js');
const {
  advice, defaultReminder, dueDate, facets, isEarly, pcl5Offered, phase, results, safety,
  score, weeksSince,
} = recovery;

const RULES_URL = new URL('../../api/content/recovery_rules.json', import.meta.url);
const RULES = JSON.parse(readFileSync(RULES_URL, 'utf8'));
const CASES = new URL('../cases/', import.meta.url);
const caseFile = (name) => JSON.parse(readFileSync(new URL(`recovery_${name}.json`, CASES),
  'utf8'));

/** The rules with the case's `rules_patch` {dotted path: value} applied to a copy. */
function patched(item) {
  if (!item.rules_patch) return RULES;
  const changed = structuredClone(RULES);
  for (const [path, value] of Object.entries(item.rules_patch)) {
    const parts = path.split('.');
    const last = parts.pop();
    let target = changed;
    for (const part of parts) target = target[part];
    assert.ok(Object.hasOwn(target, last), `${path} is not in the rules`);
    target[last] = value;
  }
  return changed;
}

const scoresOf = (rules, item) => score(rules, item.answers, item.previous ?? null);
const pick = (object, keys) => Object.fromEntries(keys.map((key) => [key, object[key]]));
const same = (item) => item.expected;

// Per case file: [what the rules give for a case, what the case expects].
const RUNS = {
  score: [(r, c) => pick(scoresOf(r, c), Object.keys(c.expected)), same],
  safety: [(r, c) => safety(c.answers, r), same],
  weeks: [(r, c) => weeksSince(c.event_date, c.taken_at), same],
  phase: [(r, c) => ({ phase: phase(r, c.weeks), pcl5_offered: pcl5Offered(r, c.weeks) }),
    (c) => ({ phase: c.phase, pcl5_offered: c.pcl5_offered })],
  default_reminder: [(r, c) => defaultReminder(r, c.weeks), same],
  due_date: [(r, c) => dueDate(r, c.reminder, c.last_taken_at), same],
  is_early: [(r, c) => isEarly(r, c.previous_taken_at, c.taken_at, c.both_pcl5), same],
  facets: [(r, c) => facets(r, scoresOf(r, c)), same],
  advice: [(r, c) => advice(r, scoresOf(r, c), safety(c.answers, r), c.weeks, c.answers), same],
  results: [(r, c) => results(r, c.tests, c.event_date).map((x) => ({
    id: x.id, weeks_since_event: x.weeks_since_event, phase: x.phase, early: x.early,
    who5_change: x.scores.who5.change, pcl5_change: x.scores.pcl5.change, safety: x.safety,
  })), same],
};

for (const [name, [run, expected]] of Object.entries(RUNS)) {
  for (const item of caseFile(name).cases) {
    test(`${name}: ${item.name}`, () => {
      const got = run(patched(item), item);
      assert.deepEqual(got, expected(item));
      // deepEqual does not look at the order of keys: the facets' order matters.
      assert.equal(JSON.stringify(got), JSON.stringify(expected(item)));
      if (item.rules_patch) {
        // The patch must matter: with the rules as they are, the case gives something else.
        assert.notEqual(JSON.stringify(run(RULES, item)), JSON.stringify(expected(item)));
      }
    });
  }
}

test('every recovery case file is run here', () => {
  const files = readdirSync(CASES).filter((f) => /^recovery_.*\.json$/.test(f)).sort();
  assert.deepEqual(files, Object.keys(RUNS).map((name) => `recovery_${name}.json`).sort());
  for (const name of Object.keys(RUNS)) assert.ok(caseFile(name).cases.length >= 8, name);
});

test('safety without rules gives the same', () => {
  for (const item of caseFile('safety').cases) {
    if (!item.rules_patch) assert.equal(safety(item.answers), item.expected, item.name);
  }
});

test('the functions the server has, and nothing else exported', () => {
  assert.deepEqual(Object.keys(recovery).sort(), ['advice', 'defaultReminder', 'dueDate',
    'facets', 'isEarly', 'meets', 'pcl5Offered', 'phase', 'results', 'safety', 'score',
    'weeksSince']);
});

test('an unknown reminder or condition throws', () => {
  assert.throws(() => dueDate(RULES, 'weekly', '2026-01-05T10:00:00Z'), RangeError);
  assert.throws(() => recovery.meets({ path: 'phase', above: 3 }, { phase: 'early' }),
    /Unknown condition/);
  assert.throws(() => weeksSince('2026-01-05', 'yesterday'), RangeError);
});

test('score keeps the answers and gives plain JSON', () => {
  const answers = { phq4: [1, null, 1, 1], who5: [5, 5, 5, 5, 5], pcl5: Array(20).fill(1) };
  const before = structuredClone(answers);
  const scores = score(RULES, answers, { pcl5_total: 3 });
  advice(RULES, scores, null, 6, answers);
  assert.deepEqual(answers, before);
  assert.deepEqual(JSON.parse(JSON.stringify(scores)), scores);
});

test('no number is written in the code', () => {
  // Only calendar facts (a week is 7 days; a day 24 hours of 60 minutes of 60 seconds of 1000
  // ms) and 0/1 for counting. Comments and strings are left out.
  const source = readFileSync(new URL('../../pwa/js/rules/recovery.js', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ')
    .replace(/'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, "''");
  const found = new Set([...source.matchAll(/(?<![\w$.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
  assert.deepEqual([...found].filter((n) => ![0, 1, 7, 24, 60, 1000].includes(n)), []);
});
