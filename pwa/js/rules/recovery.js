// The recovery meter's rules the server applies too, as pure functions (no DOM, no store, no
// imports). The server has the same functions in api/recovery/rules.py (snake_case); both run
// against the same cases (tests/cases/recovery_*.json: tests/js/recovery_rules.test.mjs and
// tests/test_recovery_rules.py). Change one, change the other and the cases with it.
// Every number and every facet and advice rule is data: `rules` is api/content/recovery_rules.json
// as GET /api/recovery/instruments serves it. Nothing here writes a cut-off down.
// Dates: an event date is "YYYY-MM-DD"; a moment (taken_at) is ISO-8601, read in UTC (without
// an offset: UTC); days are counted between UTC dates.

const DAY_MS = 24 * 60 * 60 * 1000;

const isWhole = (value) => Number.isInteger(value);

/** An own key only (not from the prototype; older Safari has no Object.hasOwn). */
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The instrument's answers when every item is answered (a whole number in range), else null. */
function complete(spec, values) {
  if (!Array.isArray(values) || values.length !== spec.items) return null;
  return values.every((v) => isWhole(v) && v >= spec.min && v <= spec.max) ? [...values] : null;
}

/** The items `first`..`last` (1-based, inclusive). */
const span = (items, part) => items.slice(part.first - 1, part.last);

const sum = (values) => values.reduce((a, b) => a + b, 0);

/** The `key` of the last band whose `from` is at most `value` (bands sorted upwards). */
function band(bands, value, key) {
  let found = null;
  for (const entry of bands) if (value >= entry.from) found = entry[key];
  return found;
}

/** Days since 1970-01-01 of the UTC date of an ISO-8601 moment or date (no offset: UTC). */
function utcDay(moment) {
  const naive = moment.includes('T') && !/(?:Z|[+-]\d\d:?\d\d)$/i.test(moment);
  const text = naive ? `${moment}Z` : moment;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 date: ${moment}`);
  return Math.floor(ms / DAY_MS);
}

const isoDate = (ms) => new Date(ms).toISOString().split('T')[0];

/** `day` plus calendar months, the day clamped to the last day of that month. */
function addMonths(day, months) {
  const start = new Date(day * DAY_MS);
  const [year, month] = [start.getUTCFullYear(), start.getUTCMonth() + months];
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(start.getUTCDate(), last));
}

/** The value at a dotted path ("scores.pcl5.criteria.B", "answers.pcl5.19"), or null. */
function read(context, path) {
  let value = context;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) {
      value = /^\d+$/.test(part) && Number(part) < value.length ? value[Number(part)] : null;
    } else if (value && typeof value === 'object') {
      value = has(value, part) ? value[part] : null;
    } else {
      return null;
    }
  }
  return value ?? null;
}

/** Whether a `when` of the rules holds (the grammar: `conditions.note` in the rules). */
export function meets(condition, context) {
  if ('all' in condition) return condition.all.every((part) => meets(part, context));
  if ('any' in condition) return condition.any.some((part) => meets(part, context));
  const value = read(context, condition.path);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value);
  if ('at_least' in condition) return isWhole(value) && value >= condition.at_least;
  if ('at_most' in condition) return isWhole(value) && value <= condition.at_most;
  throw new Error(`Unknown condition: ${JSON.stringify(condition)}`);
}

// -- scores ---------------------------------------------------------------------------------

function phq4(spec, values) {
  const items = complete(spec, values);
  if (!items) {
    return { status: 'incomplete', total: null, gad2: null, phq2: null, band: null,
      gad2_positive: null, phq2_positive: null };
  }
  const gad2 = sum(span(items, spec.subscales.gad2));
  const phq2 = sum(span(items, spec.subscales.phq2));
  const total = sum(items);
  return { status: 'complete', total, gad2, phq2, band: band(spec.bands, total, 'band'),
    gad2_positive: gad2 >= spec.subscale_positive_at,
    phq2_positive: phq2 >= spec.subscale_positive_at };
}

function who5(spec, values, previous) {
  const items = complete(spec, values);
  if (!items) {
    return { status: 'incomplete', raw: null, percent: null, low_wellbeing: null,
      item_alarm: null, change: null };
  }
  const raw = sum(items);
  const percent = raw * spec.percent_factor;
  let change = null;
  if (isWhole(previous)) {
    const delta = percent - previous;
    const significant = Math.abs(delta) >= spec.change_significant_at;
    const direction = significant ? (delta > 0 ? 'better' : 'worse') : null;
    change = { delta, significant, direction };
  }
  return { status: 'complete', raw, percent, low_wellbeing: raw < spec.low_wellbeing_below,
    item_alarm: items.some((v) => v <= spec.item_alarm_at_most), change };
}

function pcl5(spec, values, previous) {
  const empty = { total: null, clusters: null, criteria: null, band: null, dsm_rule: null,
    change: null };
  if (values === undefined || values === null) return { status: 'not_taken', ...empty };
  const items = complete(spec, values);
  if (!items) return { status: 'incomplete', ...empty };
  const total = sum(items);
  const clusters = {};
  const criteria = {};
  for (const [name, part] of Object.entries(spec.clusters)) {
    const values = span(items, part);
    clusters[name] = sum(values);
    criteria[name] = values.filter((v) => v >= spec.dsm_item_at_least).length
      >= part.dsm_items_needed;
  }
  let change = null;
  if (isWhole(previous)) {
    const delta = total - previous;
    const label = band(spec.change, Math.abs(delta), 'label');
    const directed = spec.change.find((entry) => entry.label === label).with_direction;
    const direction = directed && delta ? (delta < 0 ? 'better' : 'worse') : null;
    change = { delta, label, direction };
  }
  return { status: 'complete', total, clusters, criteria, band: band(spec.bands, total, 'band'),
    dsm_rule: Object.values(criteria).every(Boolean), change };
}

/**
 * The scores of one test: {phq4, who5, pcl5}, in the API's shape (snake_case keys).
 * `answers`: {phq4: [4], who5: [5], safety: 0-3|null, pcl5: [20] (or absent)}, an unanswered
 * item null. An instrument with any item unanswered (or out of range, or the list missing or of
 * the wrong length) is "incomplete" with its figures null (keys still present); the others still
 * score. No pcl5 (absent or null): "not_taken". `previous`: {pcl5_total, who5_percent} of the
 * latest earlier test whose instrument was complete (null: no change). pcl5 also has `criteria`
 * {B, C, D, E}: whether each cluster's part of the DSM rule is met (what facets() reads).
 */
export function score(rules, answers, previous = null) {
  const { instruments } = rules;
  const before = previous ?? {};
  return {
    phq4: phq4(instruments.phq4, answers.phq4),
    who5: who5(instruments.who5, answers.who5, before.who5_percent),
    pcl5: pcl5(instruments.pcl5, answers.pcl5, before.pcl5_total),
  };
}

/**
 * The safety question (PHQ-9 item 9): true from the alarm answer up, false below, null when
 * unanswered. Without `rules`, any answer above 0 ("not at all") is the alarm.
 */
export function safety(answers, rules = null) {
  const value = answers.safety;
  if (!isWhole(value)) return null;
  return rules ? value >= rules.instruments.safety.alarm_at_least : value > 0;
}

// -- time -----------------------------------------------------------------------------------

/**
 * Whole weeks from the event date to the UTC date of `takenAt`; null without a date. An event
 * date after the test's UTC date counts as 0 weeks (phase early): a time-zone edge (a test just
 * after local midnight is still the day before in UTC), not a test before the event.
 */
export function weeksSince(eventDate, takenAt) {
  if (eventDate === null || eventDate === undefined || !takenAt) return null;
  return Math.floor(Math.max(utcDay(takenAt) - utcDay(eventDate), 0) / 7);
}

/** "early", "middle" or "late" for the weeks since the event; "unknown" without them. */
export function phase(rules, weeks) {
  if (weeks === null || weeks === undefined) return 'unknown';
  return band(rules.phases.bands, weeks, 'phase');
}

/** Whether the test offers the PCL-5: from its week on, never without an event date. */
export function pcl5Offered(rules, weeks) {
  return weeks !== null && weeks !== undefined
    && weeks >= rules.instruments.pcl5.offered_from_week;
}

/** The reminder offered first: the next meaningful moment (see `reminders.note`). */
export function defaultReminder(rules, weeks) {
  const { reminders } = rules;
  const choice = reminders.default[phase(rules, weeks)];
  if (typeof choice === 'string') return choice;
  // The phase names candidates: the one landing closest to the PCL-5 week, not before it.
  const target = rules.instruments.pcl5.offered_from_week * 7;
  const lands = (key) => weeks * 7 + reminders.choices[key].days;
  const reaching = choice.among.filter((key) => lands(key) >= target);
  const pick = (keys, better) => keys.reduce((best, key) => (better(lands(key), lands(best))
    ? key : best));
  if (reaching.length) return pick(reaching, (a, b) => a < b);
  return pick(choice.among, (a, b) => a > b);
}

/**
 * "YYYY-MM-DD" when the reminder is due after the last test; null for no reminder (or no test
 * yet). An unknown reminder throws.
 */
export function dueDate(rules, reminder, lastTakenAt) {
  if (reminder === null || reminder === undefined || !lastTakenAt) return null;
  if (!has(rules.reminders.choices, reminder)) {
    throw new RangeError(`Unknown reminder: ${reminder}`);
  }
  const choice = rules.reminders.choices[reminder];
  const start = utcDay(lastTakenAt);
  if ('days' in choice) return isoDate((start + choice.days) * DAY_MS);
  return isoDate(addMonths(start, choice.months));
}

/**
 * Whether a test comes sooner than the minimum interval after the previous one (UTC dates; the
 * longer interval when both tests have a complete PCL-5). No previous test: false.
 */
export function isEarly(rules, previousTakenAt, takenAt, bothPcl5) {
  if (!previousTakenAt) return false;
  const { intervals } = rules;
  const days = utcDay(takenAt) - utcDay(previousTakenAt);
  return days < (bothPcl5 ? intervals.min_days_both_pcl5 : intervals.min_days);
}

// -- what it means --------------------------------------------------------------------------

/** {facet: "ok"|"raised"|null} in the rules' order; null when its instrument is not complete. */
export function facets(rules, scores) {
  const context = { scores };
  const found = {};
  for (const rule of rules.facets.rules) {
    found[rule.facet] = scores[rule.instrument]?.status !== 'complete' ? null
      : (meets(rule.raised_when, context) ? 'raised' : 'ok');
  }
  return found;
}

/** The advice keys in order: at most one help level, then the facet advice that applies. */
export function advice(rules, scores, safetyAnswer, weeks, answers) {
  const context = { scores, facets: facets(rules, scores), safety: safetyAnswer ?? null,
    phase: phase(rules, weeks), answers: answers ?? {} };
  const level = rules.advice.help_levels.find((item) => meets(item.when, context));
  return [...(level ? [level.key] : []),
    ...rules.advice.facet_advice.filter((item) => meets(item.when, context)).map((i) => i.key)];
}

const moment = (value) => {
  const naive = value.includes('T') && !/(?:Z|[+-]\d\d:?\d\d)$/i.test(value);
  return Date.parse(naive ? `${value}Z` : value);
};

/**
 * What each test of one person means, in time order (the trend; ties by id). `tests`:
 * [{id, taken_at, answers}]. Change is against the latest earlier complete instrument, `early`
 * against the test just before; see results() in api/recovery/rules.py.
 */
export function results(rules, tests, eventDate) {
  const ordered = [...tests].sort((a, b) => (moment(a.taken_at) - moment(b.taken_at))
    || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  const out = [];
  const previous = {};
  let last = null;
  for (const test of ordered) {
    const { answers } = test;
    const scores = score(rules, answers, previous);
    const weeks = weeksSince(eventDate, test.taken_at);
    const alarm = safety(answers, rules);
    const pcl5Complete = scores.pcl5.status === 'complete';
    const early = last !== null && isEarly(rules, last.taken_at, test.taken_at,
      pcl5Complete && last.scores.pcl5.status === 'complete');
    const result = {
      id: test.id, taken_at: test.taken_at, weeks_since_event: weeks,
      phase: phase(rules, weeks), early, scores, safety: alarm, facets: facets(rules, scores),
      advice: advice(rules, scores, alarm, weeks, answers),
    };
    out.push(result);
    last = result;
    if (scores.who5.status === 'complete') previous.who5_percent = scores.who5.percent;
    if (pcl5Complete) previous.pcl5_total = scores.pcl5.total;
  }
  return out;
}
