// The screens: the shell's own here, every domain's from domains.js (add a domain's screens
// there, not here). A view module exports `render(container, ctx)` (may be async) and puts one
// <h1> in the container; ctx = {navigate(path), user, params}: '#/logbook/42' shows
// ROUTES.logbook with params ['42']. Each is loaded with import() the first time it opens.
//
// Who may see a screen: `public: true` is only for someone without an account (welcome,
// register, login; a logged-in person goes to the start screen instead); `guest: true` is for
// everyone, with or without an account (ctx.user is null for a guest); neither: log in first.
import { domainRoutes } from './domains.js';

const SHELL = {
  welcome: { load: () => import('./views/welcome.js'), public: true },
  register: { load: () => import('./views/register.js'), public: true },
  login: { load: () => import('./views/login.js'), public: true },
  // "Wachtwoord vergeten?": a new password with the recovery code
  recover: { load: () => import('./views/recover.js'), public: true },
  // The recovery code shown once (after registering or recovering), or a new one made
  'recovery-code': { load: () => import('./views/recovery-code.js') },
  home: { load: () => import('./views/home.js') },
  account: { load: () => import('./views/account.js') },
  // "Verwijder mijn account": what goes, the password, and the device is cleared
  'delete-account': { load: () => import('./views/delete-account.js') },
  // "Download al mijn gegevens": the ZIP made on the server, downloaded once
  export: { load: () => import('./views/export.js') },
  // Offline sync: changes the server refused, for the person to fix
  problems: { load: () => import('./views/problems.js') },
};

export const ROUTES = { ...SHELL, ...domainRoutes(SHELL) };

// Where to go when there is no route, by whether someone is logged in.
export const START = { guest: 'welcome', user: 'home' };
