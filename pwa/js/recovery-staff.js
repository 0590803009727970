// What the contact person sees of the recovery meter (online only, like the rest of the staff
// screens): a call-back request with its note, and the results the client chose to share
// (bands and whether help numbers were shown; never the answers).
import { api } from './api.js';
import { formatWhen } from './dates.js';
import { t } from './i18n.js';
import { announce, h, reportError } from './ui.js';

const band = (kind, value) => (value === null || value === undefined ? '–'
  : t(`staff.recovery.${kind}.${value}`));

function sharedItem(result) {
  return h('li', { class: 'card' },
    h('h3', { text: formatWhen(result.taken_at) }),
    result.safety !== false && h('p', { class: 'warning', text: result.safety
      ? t('staff.recovery.safety') : t('staff.recovery.safetyOpen') }),
    h('dl', { class: 'facts' },
      h('dt', { text: 'PHQ-4' }), h('dd', { text: band('phq4', result.phq4_band) }),
      h('dt', { text: 'WHO-5' }), h('dd', { text: result.who5_low === null ? '–'
        : t(result.who5_low ? 'staff.recovery.who5Low' : 'staff.recovery.who5Ok') }),
      h('dt', { text: 'PCL-5' }), h('dd', { text: band('pcl5', result.pcl5_band) })));
}

/** The section of a client's dossier screen; `base` is /api/staff/dossiers/<id>. */
export async function recoverySection(base) {
  const region = h('div', {});
  const section = h('section', { 'aria-labelledby': 'recovery-title' },
    h('h2', { id: 'recovery-title', text: t('staff.recovery.title') }), region);
  const show = async () => {
    const data = await api.get(`${base}/recovery`);
    const done = h('button', { type: 'button', class: 'secondary',
      text: t('staff.recovery.called'), onclick: async () => {
        try {
          await api.delete(`${base}/recovery/callback`);
          announce(t('staff.recovery.calledDone'), 'success');
          await show();
        } catch (error) {
          reportError(error);
        }
      } });
    region.replaceChildren(...[
      data.callback_requested_at && h('div', { class: 'banner' },
        h('p', { text: t('staff.recovery.callback', { date: formatWhen(data.callback_requested_at,
          'datetime') }) }),
        data.callback_note && h('p', { class: 'dossier-body', text: data.callback_note }), done),
      data.shared.length ? h('ul', { class: 'cards' }, data.shared.map(sharedItem))
        : h('p', { text: t('staff.recovery.none') }),
    ].filter(Boolean));
  };
  await show();
  return section;
}

/** {dossier id: {callback_requested_at, shared_results}} for the client list. */
export async function recoverySummaries() {
  const list = await api.get('/api/staff/recovery');
  return Object.fromEntries(list.map((item) => [item.dossier_id, item]));
}
