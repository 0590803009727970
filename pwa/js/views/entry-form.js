// The guided entry form: one small group of questions per screen (the template's `step`), then
// a note and photos. "Opslaan en later verder" keeps a draft on this device (IndexedDB), which
// survives a reload and works offline. Saving writes the entry to the store; an existing entry
// gets a new revision on the server.
import { t } from '../i18n.js';
import {
  dateInput, deleteDraft, formatMoney, getDraft, isAsked, loadTemplates, local, MAX_CENTS,
  moneyInput, occurredAt, parseMoney, saveDraft, storeReady,
} from '../logbook-data.js';
import { photoPicker, queuePhotos } from '../logbook-photos.js';
import { fieldId, setError, showErrors } from '../logbook-view.js';
import * as store from '../store.js';
import { announce, clearAnnouncement, h } from '../ui.js';

const NOTE_MAX = 5000;
const CHOICES = new Set(['scale', 'choice', 'boolean', 'multi_choice']);

// ---- Controls --------------------------------------------------------------------------------

function described(id, ...parts) {
  return parts.filter(Boolean).map((part) => `${id}-${part}`).join(' ');
}

function labelText(question) {
  const label = local(question.label);
  return question.required ? label : `${label} (${t('logbook.optional')})`;
}

function helpAndWarning(id, help, warning) {
  return [
    help && help !== warning && h('p', { class: 'hint', id: `${id}-hint`, text: help }),
    warning && h('p', { class: 'warning', id: `${id}-warning`, text: warning }),
  ];
}

function choiceGroup(question, value) {
  const id = fieldId(question.key);
  const help = local(question.help);
  const multi = question.type === 'multi_choice';
  const options = question.type === 'boolean'
    ? [{ value: true, text: t('logbook.yes') }, { value: false, text: t('logbook.no') }]
    : question.options.map((o) => ({ value: o.value,
      text: question.type === 'scale' ? `${o.value} – ${local(o.label)}` : local(o.label) }));
  const checked = (v) => (multi ? (value || []).includes(v) : value === v);
  return h('fieldset', { class: 'field choices', 'data-field': question.key, id },
    h('legend', { text: labelText(question) }),
    helpAndWarning(id, help),
    h('p', { class: 'field-error', id: `${id}-error` }),
    options.map((option) => h('div', { class: 'choice' },
      h('input', { type: multi ? 'checkbox' : 'radio', name: question.key,
        value: String(option.value), id: `${id}-${option.value}`, checked: checked(option.value),
        'aria-describedby': described(id, help && 'hint', 'error') }),
      h('label', { for: `${id}-${option.value}`, text: option.text }))));
}

function inputField({ key, label, help, warning, control, extra: { value, ...extra } }) {
  const id = fieldId(key);
  const attrs = { id: `${id}-input`, name: key,
    'aria-describedby': described(id, help && help !== warning && 'hint', warning && 'warning',
      'error'), ...extra };
  const input = h(control === 'textarea' ? 'textarea' : 'input', attrs);
  input.value = value ?? '';
  return h('div', { class: 'field', 'data-field': key, id },
    h('label', { for: `${id}-input`, text: label }),
    helpAndWarning(id, help, warning),
    h('p', { class: 'field-error', id: `${id}-error` }),
    control === 'money' ? h('div', { class: 'money-input' },
      h('span', { 'aria-hidden': 'true', text: '€' }), input) : input);
}

function questionField(question, value) {
  if (CHOICES.has(question.type)) return choiceGroup(question, value);
  const common = { key: question.key, label: labelText(question), help: local(question.help),
    warning: local(question.warning) };
  if (question.type === 'text') {
    return inputField({ ...common, control: 'textarea',
      extra: { rows: 4, maxlength: question.max_length, value } });
  }
  if (question.type === 'money') {
    return inputField({ ...common, control: 'money',
      help: `${common.help} ${t('logbook.moneyExample')}`,
      extra: { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: value ?? '' } });
  }
  return inputField({ ...common, control: 'input',
    extra: { type: 'text', autocapitalize: 'characters', autocomplete: 'off', spellcheck: 'false',
      value: value ?? '' } });
}

// ---- Values ----------------------------------------------------------------------------------

function readQuestion(form, question) {
  const controls = [...form.querySelectorAll(`[name="${question.key}"]`)];
  if (!controls.length) return undefined;
  if (question.type === 'multi_choice') {
    return controls.filter((c) => c.checked).map((c) => c.value);
  }
  if (CHOICES.has(question.type)) {
    const chosen = controls.find((c) => c.checked);
    if (!chosen) return undefined;
    if (question.type === 'boolean') return chosen.value === 'true';
    return question.type === 'scale' ? Number(chosen.value) : chosen.value;
  }
  return controls[0].value;
}

const isEmpty = (raw) => raw === undefined || raw === null
  || (typeof raw === 'string' && !raw.trim()) || (Array.isArray(raw) && !raw.length);

/** The message for one answer as typed, or null when it is fine. */
function problemOf(question, answers) {
  const raw = answers[question.key];
  if (!isAsked(question, answers)) return null;
  if (isEmpty(raw)) {
    if (!question.required) return null;
    return t(CHOICES.has(question.type) ? 'logbook.error.choose' : 'logbook.error.fill');
  }
  if (question.type === 'money') {
    const cents = parseMoney(raw);
    if (cents === null) return t('logbook.error.money');
    if (cents > Math.min(question.max, MAX_CENTS)) {
      return t('logbook.error.moneyMax', { max: formatMoney(question.max) });
    }
    if (question.key === 'reimbursed_cents' && cents > (parseMoney(answers.amount_cents) ?? 0)) {
      return t('logbook.error.moreThanAmount');
    }
  }
  if (question.type === 'report_number'
      && !new RegExp(question.pattern).test(raw.trim().toUpperCase())) {
    return t('logbook.error.reportNumber');
  }
  if (question.type === 'text' && raw.length > question.max_length) {
    return t('logbook.error.tooLong', { max: question.max_length });
  }
  return null;
}

function answerValue(question, raw) {
  if (question.type === 'money') return parseMoney(raw);
  if (question.type === 'report_number') return raw.trim().toUpperCase();
  if (question.type === 'text') return raw.trim();
  return raw;
}

/** The REST body of the entry ({logbook_id, occurred_at, answers, note}). */
function entryBody(template, logbookId, values) {
  const answers = {};
  for (const question of template.questions) {
    const raw = values.answers[question.key];
    if (isAsked(question, values.answers) && !isEmpty(raw)) {
      answers[question.key] = answerValue(question, raw);
    }
  }
  return { logbook_id: logbookId, occurred_at: occurredAt(values.when, template.occurred_at.type),
    answers, note: values.note.trim() || null };
}

/** Form values (as typed) from a saved entry, for editing. */
function valuesOf(template, data) {
  const answers = {};
  for (const question of template.questions) {
    const value = data.answers?.[question.key];
    if (value === undefined) continue;
    answers[question.key] = question.type === 'money' ? moneyInput(value) : value;
  }
  return { when: dateInput(new Date(data.occurred_at), template.occurred_at.type), answers,
    note: data.note || '' };
}

// ---- The screen ------------------------------------------------------------------------------

export async function render(container, { navigate, params = [], user }) {
  await storeReady(store, user);
  const [logbookId, entryId] = params;
  if (logbookId && !entryId) {
    await navigate(`entry-form/${logbookId}/${store.uuid()}`);
    return;
  }
  const [templates, logbook, existing, draft] = await Promise.all([loadTemplates(),
    store.get('logbook', logbookId), store.get('logbook_entry', entryId), getDraft(entryId)]);
  if (!logbook || logbook.deleted || (existing && existing.deleted)) {
    container.append(h('h1', { text: t('logbook.notFound') }),
      h('p', {}, h('a', { href: '#/logbooks', text: t('logbooks.back') })));
    return;
  }
  const template = templates[logbook.data.type];
  const kind = template.occurred_at.type;
  const values = draft?.values ?? (existing ? valuesOf(template, existing.data)
    : { when: dateInput(new Date(), kind), answers: {}, note: '' });
  const groups = [...new Set(template.questions.map((q) => q.step))].sort((a, b) => a - b)
    .map((step) => template.questions.filter((q) => q.step === step));
  const last = groups.length; // the note and photos come after the questions
  let step = Math.min(draft?.step ?? 0, last);
  const warning = template.questions.find((q) => q.warning)?.warning;
  const picker = template.photos && photoPicker({
    label: `${local(template.photos.label)} (${t('logbook.optional')})`,
    help: local(template.photos.help), initial: draft?.photos || [] });
  const backTo = existing ? `entry/${entryId}` : `logbook/${logbookId}`;

  const form = h('form', { novalidate: true, class: 'stack entry-form' });
  const stepTitle = h('h2', { tabindex: '-1' });

  function whenField() {
    return inputField({ key: 'when', label: local(template.occurred_at.label),
      control: 'input', extra: { type: kind === 'datetime' ? 'datetime-local' : 'date',
        value: values.when, max: dateInput(new Date(), kind), required: true } });
  }

  function noteField() {
    return inputField({ key: 'note', label: `${t('logbook.note')} (${t('logbook.optional')})`,
      help: t('logbook.noteHint'), warning: local(warning), control: 'textarea',
      extra: { rows: 5, maxlength: NOTE_MAX, value: values.note } });
  }

  /** Keep what is on screen now in `values`. */
  function read() {
    if (step < last) {
      if (step === 0) values.when = form.elements.when.value;
      for (const question of groups[step]) {
        const raw = readQuestion(form, question);
        if (raw === undefined) delete values.answers[question.key];
        else values.answers[question.key] = raw;
      }
    } else {
      values.note = form.elements.note.value;
    }
  }

  function problemsOf(index) {
    if (index >= last) {
      const tooLong = values.note.length > NOTE_MAX;
      return { note: tooLong ? t('logbook.error.tooLong', { max: NOTE_MAX }) : null };
    }
    const problems = Object.fromEntries(
      groups[index].map((q) => [q.key, problemOf(q, values.answers)]));
    if (index === 0) {
      problems.when = !values.when ? t('logbook.error.when')
        : values.when > dateInput(new Date(), kind) ? t('logbook.error.future') : null;
    }
    return problems;
  }

  /** Hide follow-up questions until their "yes". */
  function showFollowUps() {
    for (const question of groups[step] || []) {
      const wrapper = form.querySelector(`[data-field="${question.key}"]`);
      if (wrapper) wrapper.hidden = !isAsked(question, values.answers);
    }
  }

  function show(index, { focus = true } = {}) {
    step = index;
    const isLast = step === last;
    stepTitle.textContent = t('logbook.step', { n: step + 1, total: last + 1 });
    form.replaceChildren(...[
      stepTitle,
      step === 0 && h('p', { class: 'hint', text: t('logbook.optionalAbout') }),
      step === 0 && whenField(),
      ...(isLast ? [noteField(), picker?.element] : groups[step].map(
        (q) => questionField(q, values.answers[q.key]))),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', text: t(isLast ? 'logbook.save' : 'logbook.next') }),
        step > 0 && h('button', { type: 'button', class: 'secondary', 'data-go': 'back',
          text: t('logbook.previous') }),
        h('button', { type: 'button', class: 'secondary', 'data-go': 'later',
          text: t('logbook.saveLater') }),
        h('a', { href: `#/${backTo}`, class: 'button secondary', text: t('logbook.cancel') })),
    ].filter(Boolean));
    showFollowUps();
    if (focus) stepTitle.focus();
  }

  async function saveLater() {
    read();
    await saveDraft(entryId, { logbookId, step, values, photos: picker ? picker.photos() : [] });
    await navigate(backTo);
    announce(t('logbook.draftSaved'), 'success');
  }

  let saving = false;

  async function save() {
    if (saving) return;
    for (let index = 0; index <= last; index += 1) {
      const problems = problemsOf(index);
      if (Object.values(problems).some(Boolean)) {
        if (index !== step) show(index, { focus: false });
        showErrors(form, problems);
        return;
      }
    }
    saving = true;
    await store.put('logbook_entry', entryId, entryBody(template, logbookId, values));
    if (picker) await queuePhotos(store, entryId, picker.photos());
    await deleteDraft(entryId);
    await navigate(`entry/${entryId}`);
    announce(t(existing ? 'logbook.savedEdit' : 'logbook.saved'), 'success');
  }

  // Errors go away while typing, not on blur: on blur the layout would shift under the
  // pointer that is pressing "Volgende".
  form.addEventListener('input', (event) => {
    if (event.target.name) setError(form, event.target.name, '');
  });
  form.addEventListener('change', (event) => {
    if (!event.target.name) return;
    read();
    showFollowUps();
  });
  form.addEventListener('click', (event) => {
    const go = event.target.closest('[data-go]')?.dataset.go;
    if (go === 'back') {
      read();
      show(step - 1);
    } else if (go === 'later') {
      saveLater();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    read();
    if (step < last) {
      if (showErrors(form, problemsOf(step))) {
        clearAnnouncement(); // an earlier "look at the fields" no longer applies
        show(step + 1);
      }
      return;
    }
    save();
  });

  container.append(
    h('h1', { text: t(existing ? 'logbook.editEntry' : 'logbook.newEntryTitle') }),
    h('p', { class: 'lead', text: `${logbook.data.title}` }),
    form);
  show(step, { focus: false });
}
