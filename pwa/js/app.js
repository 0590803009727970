// Start-up: quick exit first (it must work even if the rest fails), texts, who is logged in,
// the first screen, then the service worker. No notification permission is asked here.
import { entityFields } from './domains.js';
import { declareWritable } from './entities.js';
import { initI18n, getLang, onLangChange, setLang } from './i18n.js';
import { initQuickExit } from './quickexit.js';
import { navigate, rerender, startRouter } from './router.js';
import { loadUser, onUserChange } from './session.js';
import { registerServiceWorker } from './sw-register.js';
import { announcePending, reportError } from './ui.js';

async function main() {
  initQuickExit(document.getElementById('quick-exit'));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason));
  // What each domain's mutations carry (store.js reads it; it cannot import domains.js).
  declareWritable(entityFields());
  await initI18n();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(getLang() === 'nl' ? 'en' : 'nl').catch(reportError);
  });
  onLangChange(() => rerender());
  // Someone logged in: their offline store, its sync and the status line (docs/offline.md).
  // Not loaded for guests.
  onUserChange((user) => {
    if (!user) return;
    import('./syncstatus.js').then((sync) => sync.mount(user)).catch(console.error);
  });
  // Houvast unreachable or busy: the person stays logged in (session.js) and is told so once
  // the first screen shows (showing a screen clears earlier messages).
  const problem = await loadUser().then(() => null, (error) => error);
  await startRouter();
  if (problem) reportError(problem);
  // A tapped notification opens its view in this window, whichever screen is showing.
  import('./push.js').then((push) => push.listen(navigate)).catch(reportError);
  announcePending();
  await registerServiceWorker().catch((error) => console.warn('service worker', error));
}

main().catch((error) => reportError(error));
