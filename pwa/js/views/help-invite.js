// An invite link from someone you help (#/help-invite/<code>). With a helper account: one tap
// to start helping. Without an account: log in or make a helper account, then back here (what
// you did without an account, like the training, comes along). With a client's or staff
// account: the invite is for a helper account. The code is only in the link's fragment, so no
// server log ever holds it; it is sent once, when the person says yes.
import { t } from '../i18n.js';
import { currentUser, goAfterLogin } from '../session.js';
import { h } from '../ui.js';
import { codeForm } from './helping.js';

export function render(container, { params = [], navigate }) {
  const code = params[0] ?? '';
  const user = currentUser();
  container.append(h('h1', { text: t('helpInvite.title') }),
    h('p', { class: 'lead', text: t('helpInvite.lead') }),
    h('p', { text: t('helpInvite.about') }));
  if (user?.role === 'helper') {
    container.append(codeForm((linked) => navigate(`helping/${linked.id}`), code));
    return;
  }
  if (user) {
    container.append(h('p', { class: 'notice', text: t('helpInvite.wrongAccount') }));
    return;
  }
  goAfterLogin(`help-invite/${code}`);
  container.append(
    h('p', { text: t('helpInvite.needAccount') }),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '#/register/helper', text: t('helpInvite.register') }),
      h('a', { class: 'button secondary', href: '#/login', text: t('helpInvite.login') })));
}
