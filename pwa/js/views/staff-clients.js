// Staff: my clients' dossiers (by my own label) and a new dossier. Online only: staff work on the
// server's copy directly (REST), nothing of it is kept on the device.
import { api } from '../api.js';
import { recoverySummaries } from '../recovery-staff.js';
import { field } from '../forms.js';
import { t } from '../i18n.js';
import { announce, h } from '../ui.js';
import { keepCode, optional, staffOnly, submitForm } from '../staff-parts.js';

function dossierItem(dossier, recovery = {}) {
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `#/staff-dossier/${dossier.id}`, text: dossier.label })),
    h('p', { text: dossier.linked ? t('staff.linked') : t('staff.notLinked') }),
    h('p', { text: dossier.open_tasks === 1 ? t('staff.openTask')
      : t('staff.openTasks', { count: dossier.open_tasks }) }),
    recovery.callback_requested_at && h('p', { class: 'tag', text: t('staff.recovery.wantsCall') }),
    recovery.shared_results > 0 && h('p', { class: 'tag',
      text: t('staff.recovery.sharedCount', { count: recovery.shared_results }) }));
}

function newDossierForm(navigate) {
  const form = h('form', { class: 'stack staff-form', novalidate: true, 'aria-labelledby': 'new-title' },
    h('h2', { id: 'new-title', text: t('staff.new') }),
    field({ name: 'label', label: t('staff.label'), hint: t('staff.labelHint'),
      required: true, maxlength: 200 }),
    field({ name: 'contact_name', label: optional(t('staff.contactName')),
      hint: t('staff.contactNameHint'), maxlength: 64, autocomplete: 'given-name' }),
    field({ name: 'contact_phone', label: optional(t('staff.contactPhone')),
      hint: t('staff.contactPhoneHint'), type: 'tel', maxlength: 32 }),
    field({ name: 'contact_hours', label: optional(t('staff.contactHours')),
      hint: t('staff.contactHoursHint'), maxlength: 120 }),
    h('button', { type: 'submit', text: t('staff.create') }));
  submitForm(form, { label: 'staff.labelMissing' }, async (values) => {
    const created = await api.post('/api/staff/dossiers', values);
    keepCode(created);
    announce(t('staff.created'), 'success');
    await navigate(`staff-dossier/${created.id}`, { keepMessage: true });
  });
  return form;
}

export async function render(container, { user, navigate }) {
  container.append(h('h1', { text: t('staff.clients') }));
  const loaded = await staffOnly(container, user, () => Promise.all([
    api.get('/api/staff/dossiers'), recoverySummaries()]));
  if (!loaded) return;
  const [list, recovery] = loaded;
  container.append(
    list.length ? h('ul', { class: 'cards' }, list.map((d) => dossierItem(d, recovery[d.id])))
      : h('p', { text: t('staff.noDossiers') }),
    newDossierForm(navigate));
}
