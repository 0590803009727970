// Account: who is logged in, the language, and logging out (which clears this device).
import { getLang, LANGUAGES, setLang, t } from '../i18n.js';
import { notificationSettings } from '../push-settings.js';
import { logout } from '../session.js';
import { h, reportError, showAfterReload } from '../ui.js';

function languageChoice() {
  const group = h('fieldset', { class: 'field choices' },
    h('legend', { text: t('account.language') }),
    LANGUAGES.map((lang) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'lang', value: lang, id: `f-lang-${lang}`,
        checked: lang === getLang() }),
      h('label', { for: `f-lang-${lang}`, lang, text: t(`account.language.${lang}`) }))));
  group.addEventListener('change', async (event) => {
    try {
      await setLang(event.target.value); // the router renders this view again
      document.getElementById(`f-lang-${event.target.value}`)?.focus();
    } catch (error) {
      reportError(error);
    }
  });
  return group;
}

export function render(container, { user }) {
  const button = h('button', { type: 'button', class: 'secondary', text: t('account.logout') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (await logout()) {
        // Start again from a fresh page: no data stays behind in memory, and the service
        // worker that Clear-Site-Data removed is installed again (Houvast still opens offline).
        showAfterReload('account.loggedOut');
        history.replaceState(null, '', '/#/welcome');
        location.reload();
        return;
      }
    } catch (error) {
      reportError(error);
    }
    button.disabled = false;
  });
  container.append(
    h('h1', { text: t('account.title') }),
    h('dl', { class: 'facts' },
      h('dt', { text: t('account.username') }), h('dd', { text: user.username }),
      h('dt', { text: t('account.role') }), h('dd', { text: t(`account.role.${user.role}`) })),
    languageChoice(),
    notificationSettings(user.role),
    h('section', { 'aria-labelledby': 'logout-title' },
      h('h2', { id: 'logout-title', text: t('account.logoutTitle') }),
      h('p', { text: t('account.logoutAbout') }),
      button));
}
