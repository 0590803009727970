// Staff: one dossier (staff-dossier/<id>): whether the client linked it, a new invite code, the
// timeline and tasks with adding and deleting. Online only, straight on the server (REST); the
// client's device gets the changes at its next sync.
import { api } from '../api.js';
import { recoverySection } from '../recovery-staff.js';
import { rightsSection } from '../rights-staff.js';
import { dateInput, formatWhen } from '../dates.js';
import { field } from '../forms.js';
import { t } from '../i18n.js';
import { announce, h, reportError } from '../ui.js';
import { fill } from '../view.js';
import { byTime, formatDue, formatEventTime, linkOut, loadEventKinds } from '../dossier-parts.js';
import { codePanel, optional, staffOnly, submitForm, takeCode } from '../staff-parts.js';

/** Delete after asking; focus then goes to the list's heading (`headingId`). */
function removeButton(title, headingId, remove) {
  return h('button', { type: 'button', class: 'secondary',
    'aria-label': t('staff.deleteNamed', { title }), text: t('staff.delete'),
    onclick: async (event) => {
      if (!window.confirm(t('staff.deleteConfirm', { title }))) return;
      event.currentTarget.disabled = true;
      try {
        await remove();
        announce(t('staff.deleted', { title }), 'success');
        document.getElementById(headingId)?.focus();
      } catch (error) {
        reportError(error);
      }
    } });
}

function eventItem(event, refresh, base, kinds) {
  return h('li', { class: 'card dossier-event' },
    h('p', { class: 'dossier-meta' }, formatEventTime(event, kinds), ' · ', t(`dossier.kind.${event.kind}`)),
    h('h3', { text: event.title }),
    event.body && h('p', { class: 'dossier-body', text: event.body }),
    event.link && linkOut(event.link),
    removeButton(event.title, 'events-title', async () => {
      await api.delete(`${base}/events/${event.id}`);
      await refresh();
    }));
}

function taskItem(task, refresh, base) {
  return h('li', { class: 'card task' },
    h('h3', { text: task.title }),
    h('p', { class: 'tag', text: task.done ? t('staff.taskDone') : t('staff.taskOpen') }),
    task.explanation && h('p', { class: 'dossier-body', text: task.explanation }),
    task.due_date && h('p', { class: 'hint', text: formatDue(task.due_date) }),
    removeButton(task.title, 'tasks-title', async () => {
      await api.delete(`${base}/tasks/${task.id}`);
      await refresh();
    }));
}

function status(dossier, codeRegion, refresh, base) {
  if (dossier.linked) {
    return h('p', { text: t('staff.linkedOn', { date: formatWhen(dossier.linked_at) }) });
  }
  const renew = h('button', { type: 'button', class: 'secondary', text: t('staff.newCode'),
    onclick: async () => {
      renew.disabled = true;
      try {
        fill(codeRegion, codePanel(await api.post(`${base}/invite`)));
        announce(t('staff.codeMade'), 'success');
        await refresh();
        codeRegion.querySelector('h2').focus();
      } catch (error) {
        reportError(error);
        renew.disabled = false;
      }
    } });
  return h('div', {},
    h('p', { text: dossier.invite_expires_at
      ? t('staff.notLinkedUntil', { date: formatWhen(dossier.invite_expires_at) })
      : t('staff.notLinked') }),
    h('p', { class: 'hint', text: t('staff.newCodeAbout') }),
    renew);
}

/** `kinds`: the server's event kinds, in its order (GET /api/content/dossier). */
function eventForm(base, refresh, kinds) {
  const form = h('form', { class: 'stack staff-form', novalidate: true,
    'aria-labelledby': 'event-form-title' },
    h('h3', { id: 'event-form-title', text: t('staff.addEvent') }),
    field({ name: 'kind', label: t('staff.kind'), control: 'select', required: true,
      options: kinds.map(({ kind }) => [kind, t(`dossier.kind.${kind}`)]) }),
    field({ name: 'title', label: t('staff.title'), required: true, maxlength: 200 }),
    field({ name: 'body', label: optional(t('staff.body')), hint: t('staff.bodyHint'),
      control: 'textarea', rows: 5, maxlength: 10000 }),
    field({ name: 'occurred_at', label: t('staff.when'), type: 'datetime-local',
      required: true, value: dateInput(new Date(), 'datetime') }),
    field({ name: 'link', label: optional(t('staff.link')), hint: t('staff.linkHint'), type: 'url',
      maxlength: 2000 }),
    h('button', { type: 'submit', text: t('staff.addEventButton') }));
  submitForm(form, { title: 'staff.titleMissing', occurred_at: 'staff.whenMissing' },
    async (values) => {
      const body = { ...values, occurred_at: new Date(values.occurred_at).toISOString() };
      await api.post(`${base}/events`, body);
      form.reset();
      announce(t('staff.eventAdded'), 'success');
      await refresh();
    });
  return form;
}

function taskForm(base, refresh) {
  const form = h('form', { class: 'stack staff-form', novalidate: true,
    'aria-labelledby': 'task-form-title' },
    h('h3', { id: 'task-form-title', text: t('staff.addTask') }),
    field({ name: 'task_title', label: t('staff.title'), required: true, maxlength: 200 }),
    field({ name: 'explanation', label: optional(t('staff.explanation')), control: 'textarea',
      rows: 4, maxlength: 5000 }),
    field({ name: 'due_date', label: optional(t('staff.dueDate')), type: 'date' }),
    h('button', { type: 'submit', text: t('staff.addTaskButton') }));
  submitForm(form, { task_title: 'staff.titleMissing' }, async ({ task_title: title, ...rest }) => {
    try {
      await api.post(`${base}/tasks`, { title, ...rest });
    } catch (error) {
      // The form's field is task_title (the event form has a title too): show it there.
      if (error.errors?.title) error.errors = { ...error.errors, task_title: error.errors.title };
      throw error;
    }
    form.reset();
    announce(t('staff.taskAdded'), 'success');
    await refresh();
  });
  return form;
}

export async function render(container, { user, params: [id] }) {
  const base = `/api/staff/dossiers/${encodeURIComponent(id)}`;
  const load = () => api.get(base);
  const title = h('h1', { text: t('staff.dossier') });
  container.append(title,
    h('p', {}, h('a', { href: '#/staff-clients', text: t('staff.back') })));
  const loaded = await staffOnly(container, user, () => Promise.all([load(), loadEventKinds()]));
  if (!loaded) return;
  const [dossier, kinds] = loaded;
  title.textContent = dossier.label;
  const code = takeCode(dossier.id);
  const codeRegion = h('div', {}, code && codePanel(code));
  const statusRegion = h('div', {});
  const events = h('div', {});
  const tasks = h('div', {});
  const show = (current) => {
    fill(statusRegion, status(current, codeRegion, refresh, base));
    fill(events, current.events.length
      ? h('ul', { class: 'cards' }, [...current.events].sort(byTime)
        .map((event) => eventItem(event, refresh, base, kinds)))
      : h('p', { text: t('staff.noEvents') }));
    fill(tasks, current.tasks.length
      ? h('ul', { class: 'cards' }, current.tasks.map((task) => taskItem(task, refresh, base)))
      : h('p', { text: t('staff.noTasks') }));
  };
  async function refresh() {
    show(await load());
  }
  show(dossier);
  container.append(codeRegion, statusRegion,
    h('section', { 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title', tabindex: '-1', text: t('dossier.timeline') }), events,
      eventForm(base, refresh, kinds)),
    h('section', { 'aria-labelledby': 'tasks-title' },
      h('h2', { id: 'tasks-title', tabindex: '-1', text: t('tasks.title') }), tasks, taskForm(base, refresh)));
  if (dossier.linked) container.append(await recoverySection(base), await rightsSection(base));
}

