// Which rights apply to a situation, as pure functions (no DOM, no store, no imports). The server
// has the same functions in api/rights/rules.py (snake_case); both run the same cases
// (tests/cases/rights_*.json: tests/js/rights_rules.test.mjs and tests/test_rights_rules.py).
// Change one, change the other and the cases with it.
// `rules` is api/content/rights_rules.json as GET /api/rights/questions serves it. A missing or
// null answer is "weet ik niet"; conditions are three-valued ('yes', 'no', 'maybe'), and a
// 'maybe' names the fields whose answer would settle it. Dates are "YYYY-MM-DD", today too.

const YES = 'yes';
const NO = 'no';
const MAYBE = 'maybe';
const DAY_MS = 24 * 60 * 60 * 1000;

const dayMs = (value) => Date.parse(`${value}T00:00:00Z`);
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * `value` plus whole months (the same day of the month, or the month's last day when it has
 * fewer days: 31 January + 1 month is 28 or 29 February), then plus days.
 */
export function addToDate(value, days = 0, months = 0) {
  const start = new Date(dayMs(value));
  const index = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(index / 12);
  const month = ((index % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(year, month, Math.min(start.getUTCDate(), last)) + days * DAY_MS);
}

/**
 * The answers plus the derived fields, and for an unknown field the name of what to ask (a
 * derived field whose source is unknown asks for the source).
 */
export function facts(rules, situation) {
  const known = {};
  for (const question of rules.questions) known[question.field] = situation[question.field] ?? null;
  const ask = {};
  for (const [name, spec] of Object.entries(rules.derived)) {
    const source = known[spec.from];
    known[name] = source === null ? null : (has(spec.values, source) ? spec.values[source] : null);
    ask[name] = source === null ? spec.from : name;
  }
  return { known, ask };
}

function unknowns(truths) {
  const found = [];
  for (const [, fields] of truths) for (const f of fields) if (!found.includes(f)) found.push(f);
  return found;
}

/** Equal as JSON values are (true is not 1). */
const same = (value, expected) => typeof value === typeof expected && value === expected;

/** The condition's value and, when 'maybe', the fields that would settle it: [value, fields]. */
export function truth(condition, known, ask, today) {
  if (has(condition, 'always')) return [condition.always ? YES : NO, []];
  if (has(condition, 'all') || has(condition, 'any')) {
    const all = has(condition, 'all');
    const parts = (all ? condition.all : condition.any).map((c) => truth(c, known, ask, today));
    if (parts.some(([value]) => value === (all ? NO : YES))) return [all ? NO : YES, []];
    const maybes = parts.filter(([value]) => value === MAYBE);
    return maybes.length ? [MAYBE, unknowns(maybes)] : [all ? YES : NO, []];
  }
  if (has(condition, 'not')) {
    const [value, fields] = truth(condition.not, known, ask, today);
    return [{ yes: NO, no: YES, maybe: MAYBE }[value], fields];
  }
  const { field } = condition;
  const value = known[field] ?? null;
  if (has(condition, 'before_field')) {
    const other = known[condition.before_field] ?? null;
    const missing = [[field, value], [condition.before_field, other]]
      .filter(([, v]) => v === null).map(([f]) => ask[f] ?? f);
    if (missing.length) return [MAYBE, missing];
    return [dayMs(value) < dayMs(other) ? YES : NO, []];
  }
  if (value === null) return [MAYBE, [ask[field] ?? field]];
  let holds;
  if (has(condition, 'is')) holds = same(value, condition.is);
  else if (has(condition, 'in')) holds = condition.in.some((option) => same(value, option));
  else if (has(condition, 'within_days')) {
    holds = (dayMs(today) - dayMs(value)) / DAY_MS <= condition.within_days;
  } else throw new Error(`unknown condition: ${JSON.stringify(condition)}`);
  return [holds ? YES : NO, []];
}

/** Whether the question for `field` is asked: only when its `shown_if` certainly holds. */
export function isShown(rules, field, situation, today) {
  const question = rules.questions.find((q) => q.field === field);
  if (!question.shown_if) return true;
  const { known, ask } = facts(rules, situation);
  return truth(question.shown_if, known, ask, today)[0] === YES;
}

/** The invariants the situation certainly breaks ({id, fields, message}). */
export function violations(rules, situation, today) {
  const { known, ask } = facts(rules, situation);
  return rules.invariants.filter((inv) => truth(inv.when, known, ask, today)[0] === YES)
    .map((inv) => ({ id: inv.id, fields: inv.fields, message: inv.message }));
}

/** The rule's deadline from its start date, or null (no deadline, or the date unknown). */
export function deadline(spec, known) {
  if (!spec || (known[spec.from] ?? null) === null) return null;
  return addToDate(known[spec.from], spec.days ?? 0, spec.months ?? 0);
}

/**
 * The rights that apply ('yes') or may apply ('maybe'), in the rules' order:
 * {id, rule, applies, deadline, flags, asks}. A deadline before today is flagged
 * 'deadline_check' (ask advice), never left out; an unknown start date is asked for.
 */
export function rights(rules, situation, today) {
  const { known, ask } = facts(rules, situation);
  const found = [];
  for (const rule of rules.rules) {
    const [applies, fields] = truth(rule.when, known, ask, today);
    if (applies === NO) continue;
    let asks = fields;
    const spec = rule.deadline;
    const due = deadline(spec, known);
    if (spec && due === null && !asks.includes(spec.from)) asks = [...asks, spec.from];
    const flags = (rule.flags ?? []).filter((f) => truth(f.when, known, ask, today)[0] === YES)
      .map((f) => f.flag);
    if (due !== null && due < today) flags.push('deadline_check');
    found.push({ id: rule.right, rule: rule.rule, applies, deadline: due, flags, asks });
  }
  return found;
}
