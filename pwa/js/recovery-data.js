// The recovery meter's data on the phone: the instruments, texts and rules (public content,
// kept for offline use), the person's tests and profile from the store, their results computed
// here with the same rules the server uses (rules/recovery.js), and the draft of a test that is
// not finished. Everything a recovery screen needs, so the views share one way to read it.
import { loadContent } from './content.js';
import { formatWhen } from './dates.js';
import { getLang } from './i18n.js';
import { getValue, setValue } from './idb.js';
import { personalData, savePersonal } from './personal-record.js';
import { dueDate, results, weeksSince } from './rules/recovery.js';
import * as store from './store.js';

export const INSTRUMENTS_PATH = '/api/recovery/instruments';
export const TEST = 'recovery_test';
export const PROFILE = 'recovery_profile';
const DRAFT_KEY = 'recovery:draft';

/** {rules, instruments, texts} from the server (a copy offline). */
export function loadMeter() {
  return loadContent(INSTRUMENTS_PATH);
}

/** A {nl, en} text in the app's language; `vars` fill {name} placeholders. */
export function text(pair, vars = {}) {
  const value = pair?.[getLang()] ?? pair?.nl ?? '';
  return value.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

export const instrument = (meter, key) => meter.instruments.find((item) => item.key === key);

export const today = () => new Date().toISOString();

/** A day for people: "14 maart 2026". */
export const day = (iso) => formatWhen(iso.length === 10 ? `${iso}T12:00:00` : iso);

// ---- The profile: when it happened, the reminder ---------------------------------------------

/** The profile's data: when it happened, why there is no date, the reminder. */
export function profileData() {
  return personalData(PROFILE, { event_date: null, no_date: null, reminder: null });
}

/** Change the profile (also offline); fields not in `change` stay. */
export function saveProfile(change) {
  return savePersonal(PROFILE, change);
}

/** Whole weeks since the event as of now, or null without a date. */
export function weeksNow(data) {
  return weeksSince(data.event_date ?? null, today());
}

// ---- Tests and their results -------------------------------------------------------------------

/** Every test here with its result, oldest first: [{...result, record}]. */
export async function myResults(meter) {
  const [records, data] = await Promise.all([store.list(TEST), profileData()]);
  const byId = new Map(records.map((record) => [record.id, record]));
  const tests = records.map((record) => ({ id: record.id, taken_at: record.data.taken_at,
    answers: record.data.answers }));
  return results(meter.rules, tests, data.event_date ?? null)
    .map((result) => ({ ...result, record: byId.get(result.id) }));
}

/** When the chosen reminder is due ('YYYY-MM-DD'), or null (no reminder or no test yet). */
export function nextDue(meter, data, all) {
  const last = all.at(-1);
  return data.reminder ? dueDate(meter.rules, data.reminder, last?.taken_at ?? null) : null;
}

/** Whether a reminder is due today or earlier (the home screen's banner). */
export function isDue(due) {
  return Boolean(due) && due <= today().slice(0, 10);
}

/** Save a finished test (also offline); sync sends it. */
export async function saveTest(id, takenAt, answers) {
  await store.put(TEST, id, { taken_at: takenAt, answers, shared: false });
}

export function setShared(id, shared) {
  return store.put(TEST, id, { shared });
}

export function deleteTest(id) {
  return store.remove(TEST, id);
}

export async function hasDossier() {
  return (await store.list('dossier')).length > 0;
}

// ---- The draft of an unfinished test (this device only; erased at logout) ----------------------

/** {id, startedAt, index, answers: {phq4, who5, safety, pcl5?}, withPcl5} or undefined */
export async function getDraft() {
  return (await getValue('meta', DRAFT_KEY).catch(() => null)) ?? undefined;
}

export function saveDraft(draft) {
  return setValue('meta', DRAFT_KEY, { ...draft, savedAt: today() });
}

export function deleteDraft() {
  return setValue('meta', DRAFT_KEY, null);
}
