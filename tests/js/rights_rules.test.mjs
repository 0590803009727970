// The rights rules of the phone (pwa/js/rules/rights.js) against the same cases as the server's
// (api/rights/rules.py, tests/test_rights_rules.py): tests/cases/rights_*.json, with the rules
// read from disk (api/content/rights_rules.json), as the server serves them.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { pwaModule } from './pwa_module.mjs';

const { addToDate, isShown, rights, violations } = await pwaModule('rules/rights.js');
const read = (url) => JSON.parse(readFileSync(new URL(url, import.meta.url), 'utf8'));
const RULES = read('../../api/content/rights_rules.json');
const APPLY = read('../cases/rights_apply.json');
const VIOLATIONS = read('../cases/rights_violations.json');
const QUESTIONS = read('../cases/rights_questions.json');

for (const item of APPLY.cases) {
  test(`rights: ${item.name}`, () => {
    const found = rights(RULES, { ...APPLY.base, ...item.patch }, item.today ?? APPLY.today);
    const entry = found.find((r) => r.id === item.right);
    let got = null;
    if (entry) {
      const { id, rule, ...rest } = entry;
      got = rest;
    }
    assert.deepEqual(got, item.expected);
  });
}

for (const item of APPLY.lists) {
  test(`rights list: ${item.name}`, () => {
    assert.deepEqual(rights(RULES, item.situation, APPLY.today), item.expected);
  });
}

for (const item of VIOLATIONS.cases) {
  test(`violations: ${item.name}`, () => {
    const found = violations(RULES, { ...VIOLATIONS.base, ...item.patch }, VIOLATIONS.today);
    assert.deepEqual(found.map((v) => v.id), item.expected);
  });
}

for (const item of QUESTIONS.shown) {
  test(`isShown: ${item.field} ${JSON.stringify(item.situation)}`, () => {
    assert.equal(isShown(RULES, item.field, item.situation, QUESTIONS.today), item.shown);
  });
}

for (const item of QUESTIONS.add_to_date) {
  test(`addToDate: ${item.date} +${item.days}d +${item.months}m`, () => {
    assert.equal(addToDate(item.date, item.days, item.months), item.expected);
  });
}
