// Hash router: #/name shows ROUTES[name] (routes.js says who may see which). Navigation never
// adds a history entry: we use history.replaceState so the whole app is ONE entry, and "Snel weg"
// (location.replace) leaves nothing behind that the back button could return to. So no
// pushState, no plain #links.
import { ROUTES, START } from './routes.js';
import { currentUser } from './session.js';
import { getLang, t } from './i18n.js';
import { clearAnnouncement, reportError } from './ui.js';

let shown = null;
let renderCount = 0;

function routeName() {
  const fromHash = location.hash.replace(/^#\/?/, '');
  if (fromHash) return fromHash;
  // The server answers any path with the shell (e.g. /login from a bookmark).
  return location.pathname.replace(/^\/+|\/+$/g, '');
}

/** 'logbook/42/edit' -> the route to show and its params (['42', 'edit']). */
function resolve(path) {
  const [name, ...params] = path.split('/').filter(Boolean);
  const user = currentUser();
  const route = ROUTES[name];
  if (!route) return { name: user ? START.user : START.guest, params: [] };
  if (!route.public && !route.guest && !user) return { name: 'login', params: [] };
  if (route.public && user) return { name: START.user, params: [] };
  return { name, params: params.map(decodeURIComponent) };
}

/**
 * Show the screen at `path` ('home', 'logbook/<id>'), replacing (never adding) the history
 * entry. The view gets ctx = {navigate, user, params}.
 */
export async function navigate(path, { focus = true, keepMessage = false } = {}) {
  const { name, params } = resolve(path);
  const target = [name, ...params.map(encodeURIComponent)].join('/');
  history.replaceState(null, '', `/#/${target}`);
  const count = ++renderCount;
  const main = document.getElementById('main');
  if (!keepMessage) clearAnnouncement();
  try {
    const view = await ROUTES[name].load();
    if (count !== renderCount) return; // a newer navigation won
    main.replaceChildren();
    shown = target;
    await view.render(main, { navigate, user: currentUser(), params });
  } catch (error) {
    reportError(error, 'error.viewLoad');
    return;
  }
  updateChrome();
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} – Houvast` : 'Houvast';
  if (focus && heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** Show the user-only menu items and mark the current one. */
export function updateChrome() {
  const user = currentUser();
  for (const node of document.querySelectorAll('[data-when="user"]')) node.hidden = !user;
  for (const link of document.querySelectorAll('.site-nav a[data-nav]')) {
    if (link.getAttribute('href') === `#/${shown}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const switcher = document.getElementById('lang-switch');
  switcher.textContent = t('shell.otherLanguage');
  switcher.lang = getLang() === 'nl' ? 'en' : 'nl';
}

export function rerender() {
  if (shown) return navigate(shown, { focus: false, keepMessage: true });
  return undefined;
}

export function startRouter() {
  // In-app links: handled here so they replace the entry instead of pushing one.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) {
      return;
    }
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href.startsWith('#/')) {
      navigate(href.slice(2));
    } else {
      // e.g. the skip link: move focus without adding a history entry.
      document.getElementById(href.slice(1))?.focus();
    }
  });
  // Someone typed a different #/name in the address bar.
  window.addEventListener('hashchange', () => {
    if (routeName() !== shown) navigate(routeName());
  });
  return navigate(routeName(), { focus: false });
}
