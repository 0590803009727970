// The task list: every task, whatever made it: from the contact person, a to-do of a right the
// client put on their list, or their own. What to do first (the open task with the nearest due
// date, else the oldest), then the rest grouped by where it came from, and how far they are
// ("3 van 8 klaar"); done tasks fold away. Ticks (a task, or one of its steps) and new tasks go
// to the store, also offline; sync sends them. A rights to-do's words are the right's content.
//
// Samen: each task says plainly whom it is shared with, who of them helps with it and what they
// wrote; "Delen met …" chooses nobody, everyone who helps, or some of them, and whether they may
// tick it off. The people come from the store ('helper' records), so this works offline too.
import { choices, setFieldError } from '../forms.js';
import { t } from '../i18n.js';
import { loadRights } from '../rights-data.js';
import * as store from '../store.js';
import { announce, h, reportError } from '../ui.js';
import { fill, pendingTag, storeReady, whileShown } from '../view.js';
import { formatDue, isOpen, TASK, taskWords } from '../dossier-parts.js';
const SOURCES = ['staff', 'rights', 'own'];

const dueKey = (task) => task.data.due_date || '9999-12-31';
const made = (task) => task.data.created_at || '~'; // not synced yet: newest
/** Nearest due date first, then the oldest. */
const byFirst = (a, b) => dueKey(a).localeCompare(dueKey(b)) || made(a).localeCompare(made(b))
  || String(a.data.todo_key ?? '').localeCompare(String(b.data.todo_key ?? ''));
const byDoneAt = (a, b) => String(b.data.done_at || '~').localeCompare(String(a.data.done_at || '~'));

async function save(task, change, message) {
  try {
    await store.put(TASK, task.id, change);
    announce(message, 'success');
  } catch (error) {
    reportError(error);
  }
}

const HELPER = 'helper';

/** "Sanne", "Sanne en mam", "Sanne, mam en Piet". */
function names(list) {
  if (list.length < 2) return list.join('');
  return t('tasks.names', { some: list.slice(0, -1).join(', '), last: list.at(-1) });
}

/** Whom the task is shared with, in words; null when with nobody. */
function sharedWith(task, helpers) {
  if (task.data.shared_to_all) return t('tasks.sharedAll');
  const chosen = helpers.filter((helper) => (task.data.shared_helper_ids ?? []).includes(helper.id));
  return chosen.length ? t('tasks.sharedWith', { names: names(chosen.map((c) => c.name)) }) : null;
}

/** What the people who help added: who helps with it, their notes, who ticked it off. */
function helpLines(task, helpers) {
  const name = (id) => helpers.find((helper) => helper.id === id)?.name;
  const lines = (task.data.helps ?? []).filter((help) => name(help.helper_id))
    .flatMap((help) => [
      help.helping && h('p', { class: 'helped', text: t('tasks.helping', {
        name: name(help.helper_id) }) }),
      help.note && h('blockquote', { class: 'help-note' },
        h('p', { text: help.note }),
        h('p', { class: 'hint', text: t('tasks.noteBy', { name: name(help.helper_id) }) })),
    ]);
  const doneBy = task.data.done && name(task.data.done_by);
  return [...lines, doneBy && h('p', { class: 'hint', text: t('tasks.doneBy', { name: doneBy }) })];
}

// Which share forms the person opened: a redraw after a sync keeps them open.
const openShares = new Set();

function shareForm(task, title, helpers) {
  const formId = `share-${task.id}`;
  const ids = task.data.shared_helper_ids ?? [];
  const current = task.data.shared_to_all ? 'all' : ids.length ? 'some' : 'none';
  const form = h('form', { class: 'stack share-form', novalidate: true },
    choices({ name: 'with', id: `${formId}-with`, legend: t('tasks.shareWho', { title }),
      options: ['none', 'all', 'some'].map((value) => ({ value, checked: value === current,
        label: t(`tasks.share.${value}`) })) }),
    choices({ name: 'helper', id: `${formId}-helper`, multiple: true,
      legend: t('tasks.shareSome'), options: helpers.map((helper) => ({ value: helper.id,
        label: helper.name, checked: ids.includes(helper.id) })) }),
    h('div', { class: 'field' }, h('div', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'may_tick', id: `${formId}-tick`,
        checked: Boolean(task.data.helpers_may_tick), 'aria-describedby': `${formId}-tick-hint` }),
      h('label', { for: `${formId}-tick`, text: t('tasks.shareMayTick') }),
      h('p', { class: 'hint', id: `${formId}-tick-hint`, text: t('tasks.shareMayTickHint') }))),
    h('button', { type: 'submit', id: `${formId}-save`, text: t('tasks.shareSave') }));
  const some = form.querySelector('[data-field="helper"]');
  const showSome = () => { some.hidden = form.elements.with.value !== 'some'; };
  showSome();
  form.addEventListener('change', () => {
    form.dataset.changed = 'yes'; // a choice half made: a sync's redraw leaves it alone
    showSome();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const choice = form.elements.with.value;
    const chosen = [...form.querySelectorAll('input[name="helper"]:checked')].map((b) => b.value);
    const nobody = choice === 'some' && !chosen.length;
    setFieldError(form, 'helper', nobody ? t('tasks.shareNobody') : '');
    if (nobody) {
      announce(t('tasks.shareNobody'), 'error');
      form.querySelector('input[name="helper"]')?.focus();
      return;
    }
    delete form.dataset.changed; // saved: the redraw that follows may replace it
    await save(task, { shared_to_all: choice === 'all',
      shared_helper_ids: choice === 'some' ? chosen : [],
      helpers_may_tick: choice !== 'none' && form.elements.may_tick.checked },
    choice === 'none' ? t('tasks.unshared', { title }) : t('tasks.shared', { title }));
  });
  return h('details', { class: 'share', open: openShares.has(task.id) || null,
    ontoggle: (event) => {
      if (event.target.open) openShares.add(task.id); else openShares.delete(task.id);
    } },
  h('summary', { text: t('tasks.share') }), form);
}

function taskItem(task, rights, helpers) {
  const id = `task-${task.id}`;
  const { title, explanation, steps, rightId } = taskWords(task, rights);
  const { due_date: due, done } = task.data;
  const hints = [explanation && `${id}-about`, due && `${id}-due`].filter(Boolean).join(' ');
  const box = h('input', { type: 'checkbox', id, checked: Boolean(done),
    'aria-describedby': hints || null,
    onchange: () => save(task, { done: box.checked },
      t(box.checked ? 'tasks.ticked' : 'tasks.reopened', { title })) });
  const stepList = steps.length > 0 && h('ul', { class: 'steps' }, steps.map((step, i) => {
    const stepId = `${id}-step-${i}`;
    const ticked = Boolean(task.data.steps[i].done);
    const stepBox = h('input', { type: 'checkbox', id: stepId, checked: ticked,
      onchange: () => save(task, {
        steps: task.data.steps.map((s, j) => (j === i ? { ...s, done: stepBox.checked } : s)),
      }, t(stepBox.checked ? 'tasks.stepTicked' : 'tasks.stepReopened', { step })) });
    return h('li', { class: 'choice' }, stepBox, h('label', { for: stepId, text: step }));
  }));
  const doneSteps = (task.data.steps ?? []).filter((s) => s.done).length;
  return h('li', { class: 'card task', 'data-done': String(Boolean(done)) },
    h('div', { class: 'choice' }, box, h('label', { for: id, text: title })),
    explanation && h('p', { class: 'hint dossier-body', id: `${id}-about`, text: explanation }),
    due && h('p', { class: 'hint', id: `${id}-due`, text: formatDue(due) }),
    stepList && h('details', { open: !done || null },
      h('summary', { text: t('tasks.steps', { done: doneSteps, count: steps.length }) }),
      stepList),
    rightId && h('p', {}, h('a', { href: `#/right/${rightId}`, text: t('tasks.aboutRight') })),
    helpers.length > 0 && sharedWith(task, helpers)
      && h('p', { class: 'shared-with', text: sharedWith(task, helpers) }),
    helpers.length > 0 && helpLines(task, helpers),
    helpers.length > 0 && shareForm(task, title, helpers),
    task.data.source === 'own' && h('button', { type: 'button', class: 'secondary',
      text: t('tasks.remove'), 'aria-label': t('tasks.removeOne', { title }),
      onclick: async () => {
        try {
          await store.remove(TASK, task.id);
          announce(t('tasks.removed', { title }), 'success');
        } catch (error) {
          reportError(error);
        }
      } }),
    pendingTag(task));
}

function ownTaskForm() {
  const title = h('input', { type: 'text', id: 'own-title', name: 'title', required: true,
    maxlength: 200,
    autocomplete: 'off' });
  const due = h('input', { id: 'own-due', name: 'due_date', type: 'date' });
  const form = h('form', { class: 'own-task', novalidate: true },
    h('h2', { text: t('tasks.add') }),
    h('div', { class: 'field' }, h('label', { for: 'own-title', text: t('tasks.add.title') }),
      title),
    h('div', { class: 'field' }, h('label', { for: 'own-due', text: t('tasks.add.due') }), due),
    h('p', { class: 'actions' }, h('button', { type: 'submit', text: t('tasks.add.save') })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!title.value.trim()) {
      announce(t('tasks.add.needTitle'), 'error');
      title.focus();
      return;
    }
    try {
      await store.put(TASK, store.uuid(), { source: 'own', title: title.value.trim(),
        explanation: null, steps: [], due_date: due.value || null, done: false });
      announce(t('tasks.add.saved', { title: title.value.trim() }), 'success');
      form.reset();
    } catch (error) {
      reportError(error);
    }
  });
  return form;
}

// Whether the person opened the done tasks: a redraw after a sync keeps it so.
const shown = { doneOpen: false };

async function content() {
  const [tasks, rights, people] = await Promise.all([store.list(TASK),
    loadRights().catch(() => null), // without the rights' words offline: their keys
    store.list(HELPER)]);
  const helpers = people.filter((record) => !record.deleted)
    .map((record) => ({ id: record.id, name: record.data.name }));
  const open = tasks.filter(isOpen).sort(byFirst);
  const done = tasks.filter((task) => !isOpen(task)).sort(byDoneAt);
  if (!tasks.length) {
    return [h('p', { text: t('tasks.none') }),
      h('p', {}, h('a', { href: '#/rights', text: t('tasks.fromRights') }))];
  }
  const [first, ...rest] = open;
  return [
    h('p', { class: 'progress', text: t('tasks.progress', { done: done.length,
      count: tasks.length }) }),
    first ? h('section', { 'aria-labelledby': 'tasks-first' },
      h('h2', { id: 'tasks-first', text: t('tasks.first') }),
      h('ul', { class: 'cards tasks' }, taskItem(first, rights, helpers)))
      : h('p', { text: t('tasks.allDone') }),
    SOURCES.map((source) => {
      const list = rest.filter((task) => (task.data.source ?? 'staff') === source);
      return list.length > 0 && h('section', { 'aria-labelledby': `tasks-${source}` },
        h('h2', { id: `tasks-${source}`, text: t(`tasks.group.${source}`) }),
        h('ul', { class: 'cards tasks' }, list.map((task) => taskItem(task, rights, helpers))));
    }),
    done.length > 0 && h('details', { class: 'tasks-done', open: shown.doneOpen || null,
      ontoggle: (event) => { shown.doneOpen = event.target.open; } },
      h('summary', { text: t('tasks.done', { count: done.length }) }),
      h('ul', { class: 'cards tasks' }, done.map((task) => taskItem(task, rights, helpers)))),
  ];
}

export async function render(container, { user }) {
  await storeReady(user);
  const region = h('div', {});
  fill(region, ...await content());
  container.append(
    h('h1', { text: t('tasks.title') }),
    h('p', { class: 'lead', text: t('tasks.intro') }),
    region, ownTaskForm());
  whileShown(region, async () => {
    // A choice half made in a share form is not swept away by a sync in the background.
    if (region.querySelector('.share-form[data-changed]')) return;
    fill(region, ...await content());
  });
}
