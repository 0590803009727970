// The screens. Each view is its own module, loaded with import() the first time it opens (and
// precached by the service worker for offline use). A view module exports
// `render(container, ctx)` (may be async) and puts one <h1> in the container.
// ctx = {navigate(path), user, params}: '#/logbook/42' shows ROUTES.logbook with params ['42'].
// To add a part: add a route here and set `route` on its entry in PARTS.
export const ROUTES = {
  welcome: { load: () => import('./views/welcome.js'), public: true },
  register: { load: () => import('./views/register.js'), public: true },
  login: { load: () => import('./views/login.js'), public: true },
  home: { load: () => import('./views/home.js') },
  account: { load: () => import('./views/account.js') },
  // Logboek (the logbook part)
  logbooks: { load: () => import('./views/logbooks.js') },
  'logbook-new': { load: () => import('./views/logbook-new.js') },
  logbook: { load: () => import('./views/logbook.js') }, // logbook/<id>
  'entry-form': { load: () => import('./views/entry-form.js') }, // entry-form/<logbook>/<entry>
  entry: { load: () => import('./views/entry.js') }, // entry/<id>
  // Offline sync: changes the server refused, for the person to fix
  problems: { load: () => import('./views/problems.js') },
  // Dossier: the client's case timeline and tasks (push messages open /dossier and /tasks)
  dossier: { load: () => import('./views/dossier.js') },
  tasks: { load: () => import('./views/tasks.js') },
  // Staff: my clients' dossiers
  'staff-clients': { load: () => import('./views/staff-clients.js') },
  'staff-dossier': { load: () => import('./views/staff-dossier.js') }, // staff-dossier/<id>
};

// Where to go when there is no route, by whether someone is logged in.
export const START = { guest: 'welcome', user: 'home' };

// The parts listed on the home screen; `route: null` means "not built yet"; `roles`: only for
// those roles (none: everyone).
export const PARTS = [
  { key: 'logbook', route: 'logbooks' },
  { key: 'recovery', route: null },
  { key: 'tasks', route: 'tasks', roles: ['client'] },
  { key: 'training', route: null },
  { key: 'dossier', route: 'dossier', roles: ['client'] },
  { key: 'clients', route: 'staff-clients', roles: ['staff'] },
];
