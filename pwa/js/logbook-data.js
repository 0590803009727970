// What the logbook screens share: the guided questions (templates), money as exact cents,
// dates, drafts kept on this device, and the words for an answer.
import { api } from './api.js';
import { getValue, setValue } from './idb.js';
import { getLang, t } from './i18n.js';

const TEMPLATES_KEY = 'logbook.templates';
const DRAFTS_KEY = 'logbook.drafts';
export const MAX_CENTS = 100_000_000;

// ---- Templates -------------------------------------------------------------------------------

let templates = null;

async function fetchTemplates() {
  const list = (await api.get('/api/logbook-templates')).templates;
  setValue('meta', TEMPLATES_KEY, list).catch((error) => console.warn('templates copy', error));
  return list;
}

/**
 * The logbook types with their questions, {type: template}. The copy in IndexedDB answers at
 * once (also offline, whatever the service worker has cached); online, a fresh copy replaces
 * it for next time.
 */
export async function loadTemplates() {
  if (templates) return templates;
  let list = await getValue('meta', TEMPLATES_KEY).catch(() => null);
  if (!list) list = await fetchTemplates();
  else if (navigator.onLine) fetchTemplates().catch((error) => console.warn('templates', error));
  templates = Object.fromEntries(list.map((template) => [template.type, template]));
  return templates;
}

export const TYPES = ['wellbeing', 'damages', 'stalking'];

/** The text in the app's language from a {nl, en} pair of the templates. */
export function local(pair) {
  return pair ? (pair[getLang()] ?? pair.nl) : '';
}

// Follow-up questions that only make sense after a "yes" (the API refuses them otherwise).
export const FOLLOW_UP = { reimbursed_cents: 'reimbursed', reimbursed_by: 'reimbursed',
  report_number: 'reported' };

export function isAsked(question, answers) {
  const parent = FOLLOW_UP[question.key];
  return !parent || answers[parent] === true;
}

// ---- Money: integer cents, parsed from text (never through a float) ---------------------------

/**
 * "12,50", "12.50", "€ 1.234,56", "1,234.56", "12" -> cents (1250 ...); null when it is not an
 * amount. The last separator followed by one or two digits is the decimal one; every other
 * separator must split off groups of three digits.
 */
export function parseMoney(text) {
  const value = String(text ?? '').replace(/[\s\u00a0€]|EUR/gi, '');
  if (!/^\d[\d.,]*$/.test(value)) return null;
  let whole = value;
  let cents = '00';
  const decimal = value.match(/^(.*\d)[.,](\d{1,2})$/);
  if (decimal) {
    [, whole] = decimal;
    cents = decimal[2].padEnd(2, '0');
  }
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && !groups.slice(1).every((g) => g.length === 3)) return null;
  if (groups.length > 1 && (groups[0].length === 0 || groups[0].length > 3)) return null;
  const digits = (groups.join('') + cents).replace(/^0+(?=\d)/, '');
  if (digits.length > 12) return null;
  return Number(digits);
}

/** Cents -> "€ 1.234,56" (nl) or "€1,234.56" (en), exact: the number is given as a string. */
export function formatMoney(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  const decimal = `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(decimal);
}

/** Cents -> what a person types: "12,50" (nl) or "12.50" (en). */
export function moneyInput(cents) {
  const abs = String(cents).padStart(3, '0');
  return `${abs.slice(0, -2)}${getLang() === 'nl' ? ',' : '.'}${abs.slice(-2)}`;
}

/** What came back for one damages entry: the amount given, or all of it after only "yes". */
export function reimbursedCents(answers) {
  if (!answers.reimbursed) return 0;
  return answers.reimbursed_cents ?? answers.amount_cents;
}

/** Sums per category and overall, in cents, like the API's totals (also offline). */
export function damageTotals(entries, categoryOrder) {
  const zero = () => ({ amount: 0, reimbursed: 0, outstanding: 0 });
  const per = new Map(categoryOrder.map((key) => [key, null]));
  const overall = zero();
  for (const entry of entries) {
    const answers = entry.data.answers;
    if (!answers || typeof answers.amount_cents !== 'number') continue;
    const back = reimbursedCents(answers);
    const bucket = per.get(answers.category) || zero();
    per.set(answers.category, bucket);
    for (const sum of [bucket, overall]) {
      sum.amount += answers.amount_cents;
      sum.reimbursed += back;
      sum.outstanding += answers.amount_cents - back;
    }
  }
  return { perCategory: [...per].filter(([, sum]) => sum), overall };
}

// ---- Dates -----------------------------------------------------------------------------------

export function locale() {
  return getLang() === 'nl' ? 'nl-NL' : 'en-GB';
}

const pad = (n) => String(n).padStart(2, '0');

/** A Date -> the value of <input type="date"> or type="datetime-local", in local time. */
export function dateInput(date, kind) {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return kind === 'datetime' ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/** An input value -> ISO time for the API; a plain date means noon, so no zone shifts the day. */
export function occurredAt(value, kind) {
  const date = new Date(kind === 'datetime' ? value : `${value}T12:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function formatWhen(iso, kind = 'date') {
  const options = kind === 'datetime'
    ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
}

// ---- Answers in words -------------------------------------------------------------------------

export function answerText(question, value) {
  if (value === undefined || value === null || value === '') return null;
  const label = (v) => local(question.options?.find((o) => o.value === v)?.label) || String(v);
  switch (question.type) {
    case 'money': return formatMoney(value);
    case 'boolean': return value ? t('logbook.yes') : t('logbook.no');
    case 'scale': return `${value} – ${label(value)}`;
    case 'choice': return label(value);
    case 'multi_choice': return value.map(label).join(', ');
    default: return String(value);
  }
}

/** One line that says what an entry is about, for lists. */
export function entrySummary(template, answers) {
  if (!answers) return t('logbook.damaged');
  const q = (key) => template.questions.find((question) => question.key === key);
  const text = (key) => answerText(q(key), answers[key]);
  if (template.type === 'damages') return `${text('category')}: ${text('amount_cents')}`;
  if (template.type === 'stalking') return `${text('what')} (${text('where')})`;
  return `${q('feeling') ? local(q('feeling').label) : ''} ${text('feeling')}`;
}

// ---- Drafts: half-filled entries on this device only (deleted at logout with IndexedDB) ------

async function allDrafts() {
  return (await getValue('meta', DRAFTS_KEY)) || {};
}

/** {entryId: {logbookId, step, values, photos: [{blob, keepOriginal}], savedAt}} */
export async function listDrafts(logbookId) {
  return Object.entries(await allDrafts())
    .filter(([, draft]) => draft.logbookId === logbookId)
    .map(([id, draft]) => ({ id, ...draft }));
}

export async function getDraft(entryId) {
  return (await allDrafts())[entryId];
}

export async function saveDraft(entryId, draft) {
  const drafts = await allDrafts();
  drafts[entryId] = { ...draft, savedAt: new Date().toISOString() };
  await setValue('meta', DRAFTS_KEY, drafts);
}

export async function deleteDraft(entryId) {
  const drafts = await allDrafts();
  if (!(entryId in drafts)) return;
  delete drafts[entryId];
  await setValue('meta', DRAFTS_KEY, drafts);
}

// ---- Views that follow the store ---------------------------------------------------------------

/** The store is opened at login and start-up; a deep link into a screen must not race that. */
export async function storeReady(store, user) {
  if (!store.isOpen() && user) await store.open(user.username);
}

// ---- ---------------------------------------------------------------

/**
 * Call fn(changes) after store changes (a burst comes as one call) while `node` is on screen;
 * stops by itself once the view was replaced (the router has no "leave" hook).
 */
export function whileShown(store, node, fn) {
  let timer = null;
  let changes = [];
  const stop = store.subscribe((change) => {
    if (!node.isConnected) {
      stop();
      return;
    }
    changes.push(change);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const burst = changes;
      changes = [];
      fn(burst);
    }, 50);
  });
}

const time = (value) => (value ? Date.parse(value) : 0);

/** Newest first: by when it happened, then by when it was written. */
export const byNewest = (a, b) => time(b.data.occurred_at) - time(a.data.occurred_at)
  || time(b.data.created_at) - time(a.data.created_at);
