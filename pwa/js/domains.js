// The phone's domains: the one list to extend when Houvast gets a new part (see "How to add a
// domain" in docs/architecture.md). Each domain says what it brings:
//
// - routes   {name: {load, guest?}}: its screens. A view module exports render(container, ctx)
//            and is loaded with import() the first time it opens (sw.js precaches every file).
//            '#/logbook/42' shows route `logbook` with ctx.params ['42']. Without `guest: true`
//            a screen needs a login; with it, someone without an account uses it too, and their
//            records go to the guest store (store.js), which is adopted at login.
// - parts    [{key, route, roles?}]: its cards on the home screen (texts part.<key> and
//            part.<key>.about); `route: null` is "coming soon"; `roles`: only for those roles.
// - entities {entity: {fields, whenGiven?, edit?}}: the sync entities this phone writes.
//            `fields`: what a mutation carries (the REST POST body; a pulled record holds the GET
//            shape, which the server's schemas would refuse); `whenGiven`: fields it carries
//            only when the change names them; no `fields`: a mutation carries what the view gave. `edit(problem, record)`: the screen where a
//            change the server refused is fixed (#/problems); without it only "discard".
// - push     [{kind, roles?}]: the push kinds its server side sends; the notification switch on
//            the account screen shows when a role gets any.
// - banners  [{load, roles?}]: a line on top of the home screen; `load` imports a module whose
//            banner() gives a node, or null when there is nothing to say.
//
// The shell's own screens (welcome, login, home, account, problems) are in routes.js. A domain's
// views never import this file: its loaders import them, so that would be an import cycle
// (tests/js/import_cycles.test.mjs fails on one). Shell screens and app.js read it.
export const DOMAINS = [
  {
    name: 'logbook',
    parts: [{ key: 'logbook', route: 'logbooks', roles: ['client'] }],
    routes: {
      logbooks: { load: () => import('./views/logbooks.js') },
      'logbook-new': { load: () => import('./views/logbook-new.js') },
      logbook: { load: () => import('./views/logbook.js') }, // logbook/<id>
      'entry-form': { load: () => import('./views/entry-form.js') }, // entry-form/<logbook>/<entry>
      entry: { load: () => import('./views/entry.js') }, // entry/<id>
    },
    entities: {
      logbook: { fields: ['type', 'title'] },
      logbook_entry: {
        fields: ['logbook_id', 'occurred_at', 'answers', 'note'],
        edit(problem, record) {
          const logbookId = record?.data?.logbook_id ?? problem.data?.logbook_id;
          return problem.op === 'upsert' && logbookId
            ? `#/entry-form/${logbookId}/${problem.id}` : null;
        },
      },
    },
  },
  {
    // The recovery meter (Herstelmeter): self-tests, scored on the phone and on the server.
    name: 'recovery',
    parts: [{ key: 'recovery', route: 'recovery', roles: ['client'] }],
    routes: {
      recovery: { load: () => import('./views/recovery.js') },
      'recovery-test': { load: () => import('./views/recovery-test.js') },
      'recovery-result': { load: () => import('./views/recovery-result.js') }, // …/<test id>
    },
    entities: {
      recovery_test: { fields: ['taken_at', 'answers', 'shared'] },
      recovery_profile: { fields: ['event_date', 'no_date', 'reminder'] },
    },
    push: [{ kind: 'recovery', roles: ['client'] }],
    banners: [{ load: () => import('./recovery-banner.js'), roles: ['client'] }],
  },
  {
    // Hulp bij mijn strafzaak: the rights that fit the client's situation, and their choice.
    name: 'rights',
    parts: [{ key: 'rights', route: 'rights', roles: ['client'] }],
    routes: {
      rights: { load: () => import('./views/rights.js') },
      'rights-questions': { load: () => import('./views/rights-questions.js') }, // …/<field>
      right: { load: () => import('./views/right.js') }, // right/<id>
    },
    entities: {
      rights_situation: {
        fields: ['crime', 'role', 'reported', 'klacht_filed', 'suspect', 'phase', 'event_date',
          'injury', 'damage_material', 'damage_immaterial', 'maatregel_awarded', 'decision_date',
          'wensenformulier_received', 'needs_language', 'fears_suspect', 'minor', 'choices'],
      },
    },
  },
  {
    // One task list: from the contact person, the rights on the client's list, their own.
    name: 'tasks',
    parts: [{ key: 'tasks', route: 'tasks', roles: ['client'] }],
    routes: { tasks: { load: () => import('./views/tasks.js') } },
    entities: {
      task: { fields: ['source', 'right_id', 'todo_key', 'title', 'explanation', 'steps',
        'due_date', 'done'],
      // Whom it is shared with: sent when the client changes it, never again with a tick (a
      // helper removed meanwhile would make an old list refused).
      whenGiven: ['shared_to_all', 'shared_helper_ids', 'helpers_may_tick'] },
      // A task as a person who helps sees it: a change carries only what they did
      // (helping, note, done, step_ticks).
      shared_task: {},
    },
    push: [{ kind: 'tasks', roles: ['client'] }],
  },
  {
    // The client's dossier from the contact person; staff keep them (online only).
    name: 'dossier',
    parts: [
      { key: 'dossier', route: 'dossier', roles: ['client'] },
      { key: 'clients', route: 'staff-clients', roles: ['staff'] },
    ],
    routes: {
      dossier: { load: () => import('./views/dossier.js') },
      'staff-clients': { load: () => import('./views/staff-clients.js') },
      'staff-dossier': { load: () => import('./views/staff-dossier.js') }, // staff-dossier/<id>
    },
    push: [{ kind: 'dossier', roles: ['client'] }],
  },
  {
    // For the people who help: the training, the checklists and the tools. Everything works
    // without an account (guest: true) and offline once the training was opened.
    name: 'training',
    parts: [
      { key: 'training', route: 'training' },
      { key: 'checklists', route: 'checklists', roles: ['helper'] },
      { key: 'referral', route: 'referral', roles: ['helper'] },
    ],
    routes: {
      training: { load: () => import('./views/training.js'), guest: true },
      // training-step/<module>/<step>/<screen>
      'training-step': { load: () => import('./views/training-step.js'), guest: true },
      checklists: { load: () => import('./views/checklists.js'), guest: true },
      checklist: { load: () => import('./views/checklist.js'), guest: true }, // checklist/<id>
      referral: { load: () => import('./views/referral.js'), guest: true }, // referral/<node>
      selfscan: { load: () => import('./views/selfscan.js'), guest: true },
    },
    entities: {
      training_progress: { fields: ['steps', 'last', 'tools'] },
      checklist_state: { fields: ['checked'] },
    },
  },
  {
    // Samen: the people a client lets in, and only what the client shares with each of them.
    name: 'helpers',
    parts: [
      { key: 'helpers', route: 'helpers', roles: ['client'] },
      { key: 'helping', route: 'helping', roles: ['helper'] },
    ],
    routes: {
      helpers: { load: () => import('./views/helpers.js') },
      helping: { load: () => import('./views/helping.js') }, // helping/<id>
      // help-invite/<code>: the link in an invite, opened with or without an account
      'help-invite': { load: () => import('./views/help-invite.js'), guest: true },
    },
    entities: { help_message: { fields: ['text', 'to_all', 'helper_ids'] } },
    // To a helper: something new is shared; to a client: a helper took on or ticked a task.
    push: [{ kind: 'helpers', roles: ['helper', 'client'] }],
  },
  {
    // The account (the shell's screens): a sign-in from a new device is told to the others.
    name: 'account',
    push: [{ kind: 'account' }],
  },
];

const forRole = (role) => (item) => !item.roles || item.roles.includes(role);

/** Every domain's screens in one {name: route}; a name used twice is a mistake, said at once. */
export function domainRoutes(taken = {}) {
  const routes = {};
  for (const domain of DOMAINS) {
    for (const [name, route] of Object.entries(domain.routes || {})) {
      if (name in routes || name in taken) throw new Error(`route ${name} is declared twice`);
      routes[name] = route;
    }
  }
  return routes;
}

/** The cards on the home screen of someone with `role`, in the order of DOMAINS. */
export function homeParts(role) {
  return DOMAINS.flatMap((domain) => domain.parts || []).filter(forRole(role));
}

/** {entity: {fields, whenGiven}}: what a mutation of each entity with fields carries. */
export function entityFields() {
  return Object.fromEntries(DOMAINS.flatMap((domain) => Object.entries(domain.entities || {}))
    .filter(([, { fields }]) => fields)
    .map(([entity, { fields, whenGiven = [] }]) => [entity, { fields, whenGiven }]));
}

/** Every entity the phone writes (with declared fields or not). */
export function writtenEntities() {
  return DOMAINS.flatMap((domain) => Object.keys(domain.entities || {}));
}

/** Where a refused change of `problem.entity` is fixed ('#/…'), or null: discard only. */
export function editRoute(problem, record) {
  for (const domain of DOMAINS) {
    const edit = domain.entities?.[problem.entity]?.edit;
    if (edit) return edit(problem, record) || null;
  }
  return null;
}

/** The home screen's banners for someone with `role` ([{load}]). */
export function homeBanners(role) {
  return DOMAINS.flatMap((domain) => domain.banners || []).filter(forRole(role));
}

/** The push kinds someone with `role` can get. */
export function pushKinds(role) {
  return DOMAINS.flatMap((domain) => domain.push || []).filter(forRole(role))
    .map((push) => push.kind);
}
