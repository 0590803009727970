// The logbook rules the server applies too, as pure functions (no DOM, no store, no imports).
// The server has the same functions in api/logbook/rules.py; both run against the same cases
// (tests/cases/*.json: tests/js/logbook_rules.test.mjs and tests/test_logbook_rules.py).
// Change one, change the other and the cases with it. The rules' data (which question shows
// when, the limits) comes from GET /api/logbook-templates; it is not written here.

const isWhole = (value) => Number.isInteger(value);

/** Whether a question is asked, given the other answers: its `shown_if` {key, equals}, if any. */
export function isShown(question, answers) {
  const condition = question.shown_if;
  return !condition || (answers[condition.key] ?? null) === condition.equals;
}

/** What came back for one damages entry: the amount given, or all of it after only "yes". */
export function reimbursedCents(answers) {
  if (answers.reimbursed !== true) return 0;
  return isWhole(answers.reimbursed_cents) ? answers.reimbursed_cents : answers.amount_cents;
}

/**
 * Sums in cents per category and overall (amount, reimbursed, outstanding), in the shape of the
 * API's `totals`. `entries`: the answers of each entry; null (content that does not decrypt)
 * and answers without a whole amount or a category count in `damaged_entries`, not in the sums.
 * `per_category` has the categories that occur, in the order of `categories`, then others.
 */
export function damageTotals(entries, categories) {
  const zero = () => ({ amount_cents: 0, reimbursed_cents: 0, outstanding_cents: 0 });
  const per = new Map();
  const overall = zero();
  let damaged = 0;
  for (const answers of entries) {
    if (!answers || typeof answers !== 'object' || !isWhole(answers.amount_cents)
        || typeof answers.category !== 'string') {
      damaged += 1;
      continue;
    }
    const amount = answers.amount_cents;
    const back = reimbursedCents(answers);
    if (!per.has(answers.category)) per.set(answers.category, zero());
    for (const sum of [per.get(answers.category), overall]) {
      sum.amount_cents += amount;
      sum.reimbursed_cents += back;
      sum.outstanding_cents += amount - back;
    }
  }
  const order = [...categories.filter((key) => per.has(key)),
    ...[...per.keys()].filter((key) => !categories.includes(key))];
  return { per_category: Object.fromEntries(order.map((key) => [key, per.get(key)])), overall,
    damaged_entries: damaged };
}
