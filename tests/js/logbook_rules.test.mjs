// The logbook rules of the phone (pwa/js/rules/logbook.js) against the same cases as the
// server's (api/logbook/rules.py, tests/test_logbook_rules.py): tests/cases/*.json.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { pwaModule } from './pwa_module.mjs';


const { damageTotals, isShown } = await pwaModule('rules/logbook.js');

const cases = (name) => JSON.parse(readFileSync(new URL(`../cases/${name}`, import.meta.url),
  'utf8'));

const shown = cases('shown_if.json');
for (const item of shown.cases) {
  test(`shown_if: ${item.name}`, () => {
    assert.equal(isShown(item.question, item.answers), item.shown);
  });
}

const totals = cases('damage_totals.json');
for (const item of totals.cases) {
  test(`damage totals: ${item.name}`, () => {
    const got = damageTotals(item.entries, totals.categories);
    assert.deepEqual(got, item.expected);
    // deepEqual does not look at the order of keys: the order of the categories matters.
    assert.deepEqual(Object.keys(got.per_category), Object.keys(item.expected.per_category));
  });
}

test('the cases exist', () => {
  assert.ok(shown.cases.length > 5 && totals.cases.length > 5);
});
