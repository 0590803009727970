// The helpers' training on the phone: the content (one download of everything, kept for
// offline use) and the person's own progress and checklist ticks. With an account these are two
// one-per-person records that sync (training_progress, checklist_state); without one they live
// in the guest store and become the person's at login (store.js adopts them). Every entry
// carries `at`, so the server merges two phones entry by entry (api/training/service.py).
import { hasCopy, loadContent } from './content.js';
import { getLang } from './i18n.js';
import { personalData, savePersonal } from './personal-record.js';

export const PROGRESS = 'training_progress';
export const CHECKLIST_STATE = 'checklist_state';

export const bundlePath = (lang = getLang()) => `/api/training/bundle?lang=${lang}`;

/** {version, lang, modules, checklists, tools, contacts} in the app's language. */
export const loadTraining = () => loadContent(bundlePath());

/** True once the whole training is on this device ("ook offline beschikbaar"). */
export const offlineReady = () => hasCopy(bundlePath());

export const stepKey = (moduleId, stepId) => `${moduleId}/${stepId}`;

const now = () => new Date().toISOString();

// Each change reads the record and writes it back: one at a time, so two quick answers do not
// overwrite each other.
let writing = Promise.resolve();
const oneAtATime = (fn) => (...args) => {
  const run = writing.then(() => fn(...args));
  writing = run.catch(() => {});
  return run;
};

/** {steps: {key: {done_at, answers, at}}, last: {step, screen, at} | null, tools: {}} */
export function progress() {
  return personalData(PROGRESS, { steps: {}, last: null, tools: {} });
}

/**
 * Change a step: `answers` are laid over the answers kept; `done: true` finishes it (a step
 * once done stays done). Also where the person is now (`screen`, for "verder met stap 4").
 */
export const saveStep = oneAtATime(async (key, { answers, done, screen } = {}) => {
  const current = await progress();
  const old = current.steps[key] ?? { done_at: null, answers: {} };
  const at = now();
  const step = {
    done_at: old.done_at ?? (done ? at : null),
    answers: { ...old.answers, ...(answers ?? {}) },
    at,
  };
  const change = { steps: { ...current.steps, [key]: step }, tools: current.tools };
  if (screen !== undefined) change.last = { step: key, screen, at };
  else change.last = current.last;
  await savePersonal(PROGRESS, change);
});

export const saveTool = oneAtATime(async (toolId, answers) => {
  const current = await progress();
  await savePersonal(PROGRESS, { steps: current.steps, last: current.last,
    tools: { ...current.tools, [toolId]: { answers, at: now() } } });
});

/** {checked: {itemId: {done, at}}} */
export function checklistState() {
  return personalData(CHECKLIST_STATE, { checked: {} });
}

export const tick = oneAtATime(async (itemId, done) => {
  const { checked } = await checklistState();
  await savePersonal(CHECKLIST_STATE, { checked: { ...checked, [itemId]: { done, at: now() } } });
});

export const isTicked = (state, itemId) => state.checked[itemId]?.done === true;

/** How far the person is in `module`: {done, total, next} (next: the first step not done). */
export function moduleProgress(module, prog) {
  const isDone = (step) => Boolean(prog.steps[stepKey(module.id, step.id)]?.done_at);
  return { done: module.steps.filter(isDone).length, total: module.steps.length,
    next: module.steps.find((step) => !isDone(step)) ?? null };
}

/**
 * Where to carry on: {module, step, screen} of the last screen opened, or, when that was a
 * step's closing card, the start of the next step (null: nothing left in that module, or never
 * started).
 */
export function resumeAt(training, prog) {
  if (!prog.last) return null;
  const [moduleId, stepId] = prog.last.step.split('/');
  const module = training.modules.find((m) => m.id === moduleId);
  const step = module?.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const screen = prog.last.screen ?? 0;
  if (screen < step.screens.length) return { module, step, screen };
  const next = module.steps[step.number]; // numbers start at 1: the step after this one
  return next ? { module, step: next, screen: 0 } : null;
}

export const stepHref = (moduleId, stepId, screen = 0) =>
  `#/training-step/${moduleId}/${stepId}/${screen}`;

/** The contact of a checklist item or referral result: {name, phone, tel, url, when, cost}. */
export const contact = (training, id) => training.contacts[id] ?? null;
