// The records there is one of per person (the recovery profile, the rights situation, the
// training's progress). The server
// fixes each one's id and names it in the account answer (`records`, kept with the user in
// session.js), so the phone reads and writes the record offline from the first login on, before
// any sync: the outbox sends the change and the server applies it to the same record.
import { currentUser } from './session.js';
import * as store from './store.js';

/**
 * The record's id for whoever is logged in, or null (not for this role). Someone without an
 * account keeps it in the guest store under GUEST_RECORD; at login store.js merges it into the
 * person's record.
 */
export function recordId(entity) {
  const user = currentUser();
  if (!user) return store.isGuest() ? store.GUEST_RECORD : null;
  return user.records?.[entity] ?? null;
}

/** The record's data laid over `defaults` (defaults alone before anything was written). */
export async function personalData(entity, defaults) {
  const id = recordId(entity);
  const record = id ? await store.get(entity, id) : undefined;
  return { ...defaults, ...(record && !record.deleted ? record.data : {}) };
}

/** Change fields of the record (also offline); the rest stays as it is. */
export async function savePersonal(entity, change) {
  const id = recordId(entity);
  if (!id) throw new Error(`${entity}: no id for this account`);
  await store.put(entity, id, change);
}
