// "Download al mijn gegevens": the server makes a ZIP of everything that is the person's, in
// the background; this screen asks for the password, shows how far it is (asking again every
// few seconds while it is shown), then offers the file once. The browser downloads it itself
// (a plain link), so a large file never sits in the page's memory. After the download the
// server wipes it; "Wis hem nu" does so at once.
import { api } from '../api.js';
import { busy, checkFields, field, showPasswordError } from '../forms.js';
import { formatWhen } from '../dates.js';
import { getLang, locale, t } from '../i18n.js';
import { announce, h, reportError } from '../ui.js';

const POLL_MS = 2000;
const HOLDS = {
  client: ['export.holds.logbooks', 'export.holds.recovery', 'export.holds.tasks',
    'export.holds.dossier', 'export.holds.account'],
  helper: ['export.holds.training', 'export.holds.helping', 'export.holds.account'],
};

function sizeText(size) {
  if (size < 1e6) return `${Math.max(1, Math.round(size / 1e3))} kB`;
  return `${(size / 1e6).toLocaleString(locale(), { maximumFractionDigits: 1 })} MB`;
}

export function render(container, { user }) {
  if (!HOLDS[user.role]) {
    container.append(h('h1', { text: t('export.title') }),
      h('p', { text: t('export.staff') }),
      h('p', {}, h('a', { href: '#/account', text: t('export.back') })));
    return;
  }
  const status = h('div', { class: 'stack', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true },
    field({ name: 'password', type: 'password', label: t('export.password'),
      hint: t('export.passwordHint'), autocomplete: 'current-password', required: true }),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', text: t('export.submit') })));
  let timer = null;

  function show(state) {
    clearTimeout(timer);
    const parts = [];
    form.hidden = state.state === 'preparing' || state.state === 'ready';
    if (state.state === 'preparing') {
      parts.push(h('p', { text: t('export.preparing',
        { done: state.steps_done, total: state.steps_total || '…' }) }),
      h('progress', { max: state.steps_total || 1, value: state.steps_done,
        'aria-label': t('export.progressLabel') }));
      timer = setTimeout(refresh, POLL_MS);
    } else if (state.state === 'ready') {
      const link = h('a', { href: '/api/me/export/zip', class: 'button', download: '',
        text: t('export.download', { size: sizeText(state.size) }) });
      // The server wipes it once sent: show that after the browser has had time to start.
      link.addEventListener('click', () => { timer = setTimeout(refresh, POLL_MS); });
      const wipe = h('button', { type: 'button', class: 'secondary', text: t('export.wipe') });
      wipe.addEventListener('click', async () => {
        wipe.disabled = true;
        try {
          await api.delete('/api/me/export');
          announce(t('export.wiped'));
          await refresh();
        } catch (error) {
          wipe.disabled = false;
          reportError(error);
        }
      });
      parts.push(h('p', { text: t('export.ready',
        { until: formatWhen(state.expires_at, 'datetime') }) }),
      h('p', { class: 'actions' }, link, wipe));
    } else if (state.state === 'downloaded') {
      parts.push(h('p', { text: t('export.downloaded',
        { when: formatWhen(state.downloaded_at, 'datetime') }) }));
    } else if (state.state === 'failed') {
      parts.push(h('p', { class: 'error', text: t('export.failed') }));
    }
    status.replaceChildren(...parts);
  }

  async function refresh() {
    if (!container.isConnected) return;
    try {
      show(await api.get('/api/me/export'));
    } catch {
      status.replaceChildren(h('p', { class: 'error', text: t('export.offline') }));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const password = form.elements.password.value;
    if (!checkFields(form, { password: password ? null : 'export.passwordMissing' })) return;
    busy(form, async () => {
      try {
        const state = await api.post('/api/me/export', { password, lang: getLang() });
        form.reset();
        announce(t('export.started'));
        show(state);
      } catch (error) {
        showPasswordError(form, error,
          { wrong: 'export.wrongPassword', tooMany: 'export.tooMany' });
      }
    });
  });

  container.append(
    h('h1', { text: t('export.title') }),
    h('p', { class: 'lead', text: t('export.lead') }),
    h('h2', { text: t('export.holdsTitle') }),
    h('ul', {}, HOLDS[user.role].map((key) => h('li', { text: t(key) }))),
    h('p', { text: t('export.careful') }),
    status, form);
  refresh();
}
