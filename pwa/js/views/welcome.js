// What Houvast offers, for victims and for helpers; the way in.
import { t } from '../i18n.js';
import { h } from '../ui.js';

export function render(container) {
  container.append(
    h('h1', { text: t('welcome.title') }),
    h('p', { class: 'lead', text: t('welcome.intro') }),
    h('section', { 'aria-labelledby': 'welcome-client' },
      h('h2', { id: 'welcome-client', text: t('welcome.clientTitle') }),
      h('ul', {}, ['welcome.client1', 'welcome.client2', 'welcome.client3', 'welcome.client4']
        .map((key) => h('li', { text: t(key) })))),
    h('section', { 'aria-labelledby': 'welcome-helper' },
      h('h2', { id: 'welcome-helper', text: t('welcome.helperTitle') }),
      h('ul', {}, ['welcome.helper1', 'welcome.helper2']
        .map((key) => h('li', { text: t(key) })))),
    h('section', { 'aria-labelledby': 'welcome-safe' },
      h('h2', { id: 'welcome-safe', text: t('welcome.safeTitle') }),
      h('p', { text: t('welcome.safe') })),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '#/register', text: t('welcome.register') }),
      h('a', { class: 'button secondary', href: '#/login', text: t('welcome.login') })),
  );
}
