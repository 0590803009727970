"""Deleting an account for good ("Verwijder mijn account").

Order matters, because the data must be gone even where we cannot reach it:

1. each domain's `on_erase` hook (Domain.on_erase) tells the people on the other side, in the
   same transaction: a helper's phone drops the client, a staff member sees the dossier
   unlinked (staff keep their own notes, which are the organisation's);
2. the user row goes; the database's ON DELETE CASCADE takes every row that is theirs
   (sessions, push subscriptions, logbooks, tasks, tests, rights, training, sync logs) and
   SET NULL where someone else's record only named them (an audit line, a task's creator);
3. that is committed; then the account's data key is destroyed in the key store
   (crypto-shredding, docs/encryption.md): every copy of their data made before, backups
   included, no longer decrypts. A failure here is mended by `flask keys prune`;
4. their photos go from the blob store (unreadable already, without the key).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import delete

from api import crypto
from api.auth.models import User
from api.db import db
from api.storage import blob_store
from api.sync.changelog import lock_owner

log = logging.getLogger(__name__)

_on_erase: list[Callable[[User], None]] = []


def register_on_erase(hook: Callable[[User], None]) -> None:
    """A domain's hook, run before an account is deleted; registering it again does nothing."""
    if hook not in _on_erase:
        _on_erase.append(hook)


def erase(user: User) -> None:
    """Delete the account and everything that is theirs, and shred their key. Commits."""
    user_id = user.id
    lock_owner(user_id)  # a sync of theirs in flight finishes first, or waits and finds nothing
    for hook in _on_erase:
        hook(user)
    db.session.flush()
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
    db.session.expunge_all()  # rows the cascade removed may still sit in the identity map
    try:
        crypto.destroy_account_key(f"user:{user_id}")
    except Exception:  # the account is gone; `keys prune` removes an orphaned key
        log.exception("account %s erased, its key is left for `flask keys prune`", user_id)
    store = blob_store()
    for key in list(store.keys(f"{user_id}/")):
        store.delete(key)
    log.info("account %s erased", user_id)
