// Hulp bij mijn strafzaak on the phone: the questions, the rights' words and the decision rules
// (public content, kept for offline use), the person's situation (one record per person,
// personal-record.js), and which rights apply, worked out here with the same rules the server
// uses (rules/rights.js). Everything a rights screen needs, so the views share one way to read it.
import { loadContent } from './content.js';
import { formatWhen } from './dates.js';
import { getLang } from './i18n.js';
import { personalData, savePersonal } from './personal-record.js';
import { isShown, rights, violations } from './rules/rights.js';
import * as store from './store.js';

const TASK = 'task'; // the task list's entity (dossier-parts.js TASK)

export const CONTENT_PATH = '/api/rights/questions';
export const SITUATION = 'rights_situation';
export const SUGGESTION = 'rights_suggestion'; // from the contact person, read-only here
export const CHOICES = ['list', 'later', 'not_for_me'];

/** {rules, questions, rights, asks, flags, texts, contacts} from the server (a copy offline). */
export function loadRights() {
  return loadContent(CONTENT_PATH);
}

/** A {nl, en} text in the app's language. */
export const text = (pair) => pair?.[getLang()] ?? pair?.nl ?? '';

/** Today in the Netherlands ("YYYY-MM-DD"): a deadline is a Dutch calendar day. */
export function todayNL(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** "14 maart 2027" */
export const day = (iso) => formatWhen(`${iso}T12:00:00`);

/** The answers (null: weet ik niet) and the choices: {answers, choices, answered}. */
export async function situation(content) {
  const fields = content.rules.questions.map((q) => q.field);
  const data = await personalData(SITUATION, {});
  const answers = Object.fromEntries(fields.map((f) => [f, data[f] ?? null]));
  return { answers, choices: data.choices ?? {}, answered: fields.some((f) => f in data) };
}

/** Save answers (also offline); the fields not in `change` stay. */
export function saveAnswers(change) {
  return savePersonal(SITUATION, change);
}

/**
 * Keep the choice for one right ('list', 'later', 'not_for_me'; null: undecided). "Zet op mijn
 * lijst" puts the right's to-dos on the task list (with its deadline as their due date, once
 * per to-do); taking it off the list removes those not done yet. Offline too.
 */
export async function saveChoice(content, right, choice) {
  const { choices } = await situation(content);
  const next = { ...choices };
  if (choice) next[right.id] = choice;
  else delete next[right.id];
  await savePersonal(SITUATION, { choices: next });
  const tasks = await store.list(TASK, (task) => task.data.right_id === right.id);
  if (choice === 'list') {
    const have = new Set(tasks.map((task) => task.data.todo_key));
    for (const todo of content.rights[right.id].todos.filter((item) => !have.has(item.key))) {
      await store.put(TASK, store.uuid(), { source: 'rights', right_id: right.id,
        todo_key: todo.key, title: null, explanation: null, due_date: right.deadline ?? null,
        steps: todo.steps.map(() => ({ text: null, done: false })), done: false });
    }
  } else {
    for (const task of tasks.filter((item) => !item.data.done)) await store.remove(TASK, task.id);
  }
}

/**
 * The rights that apply or may apply today, and those the contact person suggested (applies
 * 'no' when the answers do not show it fits), each with its words, the person's choice and
 * `suggestedBy` (the contact's name, '' without one; null: not suggested), in the rules' order
 * (as the server's GET /api/rights).
 */
export async function myRights(content) {
  const [{ answers, choices }, suggestions, [dossier]] = await Promise.all([
    situation(content), store.list(SUGGESTION), store.list('dossier')]);
  const name = dossier?.data?.contact?.name ?? '';
  const suggested = new Set(suggestions.map((record) => record.data.right));
  const found = new Map(rights(content.rules, answers, todayNL()).map((r) => [r.id, r]));
  return content.rules.rules.map((rule) => rule.right)
    .filter((id) => found.has(id) || suggested.has(id))
    .map((id) => ({
      ...(found.get(id) ?? { id, applies: 'no', deadline: null, flags: [], asks: [] }),
      words: content.rights[id], choice: choices[id] ?? null,
      suggestedBy: suggested.has(id) ? name : null,
    }));
}

/** The questions to ask for these answers, in order (a follow-up only when it matters). */
export function questionsFor(content, answers) {
  return content.rules.questions.filter((q) => isShown(content.rules, q.field, answers, todayNL()));
}

/** The invariants these answers break ([{id, fields}]), checked before anything is saved. */
export function problemsWith(content, answers) {
  return violations(content.rules, answers, todayNL());
}
