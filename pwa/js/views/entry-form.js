// The guided entry form: one small group of questions per screen (the template's `step`), then
// a note and photos. "Opslaan en later verder" keeps a draft on this device (IndexedDB), which
// survives a reload and works offline. Saving writes the entry to the store; an existing entry
// gets a new revision on the server.
import { dateInput, fromDateInput } from '../dates.js';
import { choices, field, setFieldError, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import {
  deleteDraft, formatMoney, getDraft, loadLimits, loadTemplates, local, MAX_CENTS,
  moneyInput, parseMoney, saveDraft,
} from '../logbook-data.js';
import { photoPicker, queuePhotos } from '../logbook-photos.js';
import { isShown } from '../rules/logbook.js';
import * as store from '../store.js';
import { announce, clearAnnouncement, h } from '../ui.js';
import { storeReady } from '../view.js';

const CHOICES = new Set(['scale', 'choice', 'boolean', 'multi_choice']);

// ---- Controls --------------------------------------------------------------------------------

// A question's field is q-<key> (its error q-<key>-error …), apart from the page's other ids.
const fieldId = (key) => `q-${key}`;

function labelText(question) {
  const label = local(question.label);
  return question.required ? label : `${label} (${t('logbook.optional')})`;
}

// A help text that says what the warning says already is left out.
const hintBeside = (help, warning) => (help && help !== warning ? help : undefined);

function choiceGroup(question, value) {
  const multi = question.type === 'multi_choice';
  const options = question.type === 'boolean'
    ? [{ value: true, label: t('logbook.yes') }, { value: false, label: t('logbook.no') }]
    : question.options.map((o) => ({ value: o.value,
      label: question.type === 'scale' ? `${o.value} – ${local(o.label)}` : local(o.label) }));
  const checked = (v) => (multi ? (value || []).includes(v) : value === v);
  return choices({ name: question.key, id: fieldId(question.key), legend: labelText(question),
    hint: local(question.help) || undefined, multiple: multi,
    options: options.map((option) => ({ ...option, checked: checked(option.value) })) });
}

function questionField(question, value) {
  if (CHOICES.has(question.type)) return choiceGroup(question, value);
  const help = local(question.help);
  const warning = local(question.warning) || undefined;
  const common = { name: question.key, id: fieldId(question.key), label: labelText(question),
    hint: hintBeside(help, warning), warning, value: value ?? '' };
  if (question.type === 'text') {
    return field({ ...common, control: 'textarea', rows: 4, maxlength: question.max_length });
  }
  if (question.type === 'money') {
    return field({ ...common, hint: hintBeside(`${help} ${t('logbook.moneyExample')}`, warning),
      prefix: '€', inputmode: 'decimal', autocomplete: 'off' });
  }
  return field({ ...common, autocapitalize: 'characters', autocomplete: 'off',
    spellcheck: 'false' });
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
  if (!isShown(question, answers)) return null;
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
    if (question.at_most && cents > (parseMoney(answers[question.at_most]) ?? 0)) {
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
    if (isShown(question, values.answers) && !isEmpty(raw)) {
      answers[question.key] = answerValue(question, raw);
    }
  }
  return { logbook_id: logbookId, occurred_at: fromDateInput(values.when, template.occurred_at.type),
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
  await storeReady(user);
  const [logbookId, entryId] = params;
  if (logbookId && !entryId) {
    await navigate(`entry-form/${logbookId}/${store.uuid()}`);
    return;
  }
  const [templates, limits, logbook, existing, draft] = await Promise.all([loadTemplates(),
    loadLimits(),
    store.get('logbook', logbookId), store.get('logbook_entry', entryId), getDraft(entryId)]);
  if (!logbook || logbook.deleted || (existing && existing.deleted)) {
    container.append(h('h1', { text: t('logbook.notFound') }),
      h('p', {}, h('a', { href: '#/logbooks', text: t('logbooks.back') })));
    return;
  }
  const template = templates[logbook.data.type];
  const kind = template.occurred_at.type;
  const noteMax = limits.note_max_length;
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
    return field({ name: 'when', id: fieldId('when'), label: local(template.occurred_at.label),
      type: kind === 'datetime' ? 'datetime-local' : 'date', value: values.when,
      max: dateInput(new Date(), kind), required: true });
  }

  function noteField() {
    const warningText = local(warning) || undefined;
    return field({ name: 'note', id: fieldId('note'),
      label: `${t('logbook.note')} (${t('logbook.optional')})`,
      hint: hintBeside(t('logbook.noteHint'), warningText), warning: warningText,
      control: 'textarea', rows: 5, maxlength: noteMax, value: values.note });
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
      const tooLong = values.note.length > noteMax;
      return { note: tooLong ? t('logbook.error.tooLong', { max: noteMax }) : null };
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
      if (wrapper) wrapper.hidden = !isShown(question, values.answers);
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
    if (event.target.name) setFieldError(form, event.target.name, '');
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
