// The start screen after logging in: the parts of Houvast.
import { homeBanners, homeParts } from '../domains.js';
import { formatWhen } from '../dates.js';
import { t } from '../i18n.js';
import { listen, refresh } from '../push.js';
import { h } from '../ui.js';
import { fill, storeReady, whileShown } from '../view.js';
import { deviceName } from './account.js';

function part({ key, route }) {
  const title = t(`part.${key}`);
  return h('li', { class: 'card' },
    h('h2', {}, route ? h('a', { href: `#/${route}`, text: title }) : title),
    h('p', { text: t(`part.${key}.about`) }),
    !route && h('p', { class: 'tag', text: t('home.soon') }));
}

async function banners(role) {
  const found = await Promise.all(homeBanners(role).map(async ({ load }) => {
    try {
      return (await load()).banner();
    } catch (error) {
      console.warn('home: banner', error); // a banner never stands in the way of the screen
      return null;
    }
  }));
  return found.filter(Boolean);
}

export async function render(container, { user, navigate }) {
  const parts = homeParts(user.role);
  await storeReady(user);
  // The banners follow the store: the first sync after login may bring what makes one due.
  const slot = h('div', { class: 'banners' });
  fill(slot, await banners(user.role));
  whileShown(slot, async () => fill(slot, await banners(user.role)));
  fill(container, // leaves out the banners that are not due (append would write "false")
    h('h1', { text: t('home.title', { name: user.username }) }),
    h('p', { class: 'lead', text: t(`home.intro.${user.role}`) }),
    // An account from before recovery codes: without one a forgotten password is the end.
    user.has_recovery_code === false && h('p', { class: 'banner' },
      h('a', { href: '#/recovery-code', text: t('recoveryCode.banner') })),
    user.new_sign_in && h('p', { class: 'banner warning' },
      t('home.newSignIn', { device: deviceName(user.new_sign_in.device),
        when: formatWhen(user.new_sign_in.created_at, 'datetime') }), ' ',
      h('a', { href: '#/account', text: t('home.newSignInCheck') })),
    slot,
    h('ul', { class: 'cards', 'aria-label': t('home.parts') }, parts.map(part)));
  // Web push: a tapped notification opens its view here; a renewed subscription is sent.
  listen(navigate);
  refresh().catch((error) => console.warn('push: refresh', error));
}
