// What the logbook screens share: the guided questions (templates), money as exact cents,
// drafts kept on this device, and the words for an answer. (Dates: dates.js; what every view
// uses: view.js; form fields: forms.js.)
import { loadContent } from './content.js';
import { getValue, setValue } from './idb.js';
import { getLang, locale, t } from './i18n.js';

const DRAFTS_KEY = 'logbook.drafts';
export const MAX_CENTS = 100_000_000;

// ---- Templates -------------------------------------------------------------------------------

const TEMPLATES_PATH = '/api/logbook-templates';
let templates = null;

/**
 * The logbook types with their questions, {type: template}, from the server (content.js: a
 * copy on this device answers at once, also offline). Each question may carry the rules the
 * server checks too: `shown_if` (rules/logbook.js isShown) and `at_most`.
 */
export async function loadTemplates() {
  if (templates) return templates;
  const list = (await loadContent(TEMPLATES_PATH)).templates;
  templates = Object.fromEntries(list.map((template) => [template.type, template]));
  return templates;
}

/** The server's lengths outside the questions: {note_max_length, title_max_length}. */
export async function loadLimits() {
  return (await loadContent(TEMPLATES_PATH)).limits;
}

export const TYPES = ['wellbeing', 'damages', 'stalking'];

/** The text in the app's language from a {nl, en} pair of the templates. */
export function local(pair) {
  return pair ? (pair[getLang()] ?? pair.nl) : '';
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

// ---- Sorting ---------------------------------------------------------------------------------

const time = (value) => (value ? Date.parse(value) : 0);

/** Newest first: by when it happened, then by when it was written. */
export const byNewest = (a, b) => time(b.data.occurred_at) - time(a.data.occurred_at)
  || time(b.data.created_at) - time(a.data.created_at);
