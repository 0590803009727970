// The "Meldingen" part of the account screen: a switch for notifications on this device, what
// a notification looks like, detailed or discreet, and the quiet hours.
import { api } from './api.js';
import { pushKinds } from './domains.js';
import { t } from './i18n.js';
import { disable, enable, state, watchLogout } from './push.js';
import { announce, h, reportError } from './ui.js';

const NOTES = { 'ios-browser': 'push.ios', unsupported: 'push.unsupported', denied: 'push.denied' };

function toggle(id, label, hint) {
  return h('div', { class: 'choice' },
    h('input', { type: 'checkbox', role: 'switch', id, 'aria-describedby': `${id}-hint` }),
    h('label', { for: id, text: label }),
    h('p', { class: 'hint', id: `${id}-hint`, text: hint }));
}

async function preferences(region) {
  let prefs;
  try {
    prefs = await api.get('/api/push/preferences');
  } catch (error) {
    region.replaceChildren(); // offline: the switch still shows what this device does
    console.warn('push: preferences', error);
    return;
  }
  const detailed = toggle('f-push-detailed', t('push.detailed'), t('push.detailedHint'));
  const box = detailed.querySelector('input');
  box.checked = prefs.detailed;
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      prefs = await api.put('/api/push/preferences', { ...prefs, detailed: box.checked });
      announce(t(prefs.detailed ? 'push.detailedOn' : 'push.detailedOff'), 'success');
    } catch (error) {
      box.checked = prefs.detailed;
      reportError(error);
    }
    box.disabled = false;
  });
  const quiet = prefs.quiet_hours;
  region.replaceChildren(detailed, h('p', { class: 'push-quiet', text: quiet
    ? t('push.quiet', { start: quiet.start, end: quiet.end }) : t('push.noQuiet') }));
}

async function show(root, current) {
  const input = root.querySelector('#f-push');
  const note = root.querySelector('.push-note');
  const more = root.querySelector('.push-more');
  input.checked = current === 'on';
  input.disabled = current in NOTES;
  note.textContent = current in NOTES ? t(NOTES[current]) : '';
  more.hidden = current !== 'on';
  if (current === 'on') await preferences(more);
}

/**
 * The section, or null when no domain sends `role` notifications (domains.js). It fills itself in
 * (the subscription state is only known asynchronously).
 */
export function notificationSettings(role) {
  if (!pushKinds(role).length) return null;
  watchLogout();
  const root = h('section', { class: 'push-settings', 'aria-labelledby': 'push-title' },
    h('h2', { id: 'push-title', text: t('push.title') }),
    h('p', { text: t(role === 'helper' ? 'push.aboutHelper' : 'push.about') }),
    h('p', { class: 'push-example', text: t('push.discreet') }),
    toggle('f-push', t('push.switch'), t('push.switchHint')),
    h('p', { class: 'push-note', 'aria-live': 'polite' }),
    h('div', { class: 'push-more', hidden: true }));
  const input = root.querySelector('#f-push');
  input.addEventListener('change', async () => {
    const wanted = input.checked;
    input.disabled = true;
    try {
      // Permission is asked here, after the tap, and never before.
      const result = wanted ? await enable() : (await disable(), 'off');
      await show(root, result === 'denied' ? await state() : result);
      announce(t(result === 'on' ? 'push.on' : result === 'denied' ? 'push.notAllowed'
        : 'push.off'), result === 'denied' ? 'error' : 'success');
    } catch (error) {
      reportError(error);
      await show(root, await state()).catch(console.error);
    }
  });
  state().then((current) => show(root, current)).catch(reportError);
  return root;
}
