// The fields a mutation of each synced entity carries (the REST POST body), for store.js.
// domains.js declares them and app.js registers them here at start-up. store.js cannot import
// domains.js itself: domains.js loads the views and the views import store.js (a cycle), and
// the service worker, which imports store.js for Background Sync, needs none of the views.
const writable = new Map();

/** Register {entity: [fields]} (app.js, from domains.js). */
export function declareWritable(fields) {
  for (const [entity, list] of Object.entries(fields)) writable.set(entity, list);
}

/** The writable fields of `entity`, or null: then a mutation carries what the view gave. */
export function writableFields(entity) {
  return writable.get(entity) ?? null;
}
