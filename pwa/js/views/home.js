// The start screen after logging in: the parts of Houvast.
import { homeParts } from '../domains.js';
import { t } from '../i18n.js';
import { listen, refresh } from '../push.js';
import { h } from '../ui.js';

function part({ key, route }) {
  const title = t(`part.${key}`);
  return h('li', { class: 'card' },
    h('h2', {}, route ? h('a', { href: `#/${route}`, text: title }) : title),
    h('p', { text: t(`part.${key}.about`) }),
    !route && h('p', { class: 'tag', text: t('home.soon') }));
}

export function render(container, { user, navigate }) {
  const parts = homeParts(user.role);
  container.append(
    h('h1', { text: t('home.title', { name: user.username }) }),
    h('p', { class: 'lead', text: t(`home.intro.${user.role}`) }),
    h('ul', { class: 'cards', 'aria-label': t('home.parts') }, parts.map(part)));
  // Web push: a tapped notification opens its view here; a renewed subscription is sent.
  listen(navigate);
  refresh().catch((error) => console.warn('push: refresh', error));
}
