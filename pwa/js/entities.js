// The fields a mutation of each synced entity carries (the REST POST body), for store.js.
// domains.js declares them and app.js registers them here at start-up. store.js cannot import
// domains.js itself: domains.js loads the views and the views import store.js (a cycle), and
// the service worker, which imports store.js for Background Sync, needs none of the views.
const writable = new Map();

/**
 * Register {entity: {fields, whenGiven}} (app.js, from domains.js): a mutation carries `fields`
 * from the record as the change leaves it, and `whenGiven` only when the change itself names
 * them (a choice made on purpose, like whom a task is shared with: never sent again with a tick).
 */
export function declareWritable(declared) {
  for (const [entity, { fields, whenGiven = [] }] of Object.entries(declared)) {
    writable.set(entity, { fields, whenGiven });
  }
}

/** {fields, whenGiven} of `entity`, or null: then a mutation carries what the view gave. */
export function writableFields(entity) {
  return writable.get(entity) ?? null;
}
