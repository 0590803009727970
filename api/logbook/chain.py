"""The evidence chain: one hash chain per logbook over every event's plaintext content.

    hash = SHA-256( prev_hash || "\\n" || canonical_json(event) )

`canonical_json` is JSON with sorted keys, no spaces, UTF-8, over
{"logbook_id", "seq", "kind", "entry_id", "revision", "created_at" (server time, ISO 8601 UTC),
"content"}. The first event's prev_hash is 64 zeros. `Logbook.chain_head` is the newest hash.

Purge (30 days after a delete) clears the content of the entry's events but keeps their hashes
and appends a `purged` event: the chain stays linked and verifiable, and it shows that and when
content was removed. Verification recomputes every hash it can (content present) and checks the
links of all of them; a purged event's own hash is taken as stored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from api import crypto
from api.db import db, utcnow
from api.logbook.models import GENESIS, Logbook, LogbookEvent, content_aad


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(prev_hash: str, event: LogbookEvent, content: Any) -> str:
    body = {
        "logbook_id": str(event.logbook_id),
        "seq": event.seq,
        "kind": event.kind,
        "entry_id": str(event.entry_id) if event.entry_id else None,
        "revision": event.revision,
        "created_at": event.created_at.isoformat(),
        "content": content,
    }
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(body)).hexdigest()


def append(logbook: Logbook, kind: str, content: dict[str, Any], *, entry_id=None,
           revision: int | None = None, add: bool = True) -> LogbookEvent:
    """Add the next event to the logbook's chain (the caller holds the owner lock).

    `add=False` leaves the event out of the session, for a caller that inserts it itself.
    """
    logbook.chain_seq += 1
    event = LogbookEvent(
        logbook_id=logbook.id, owner_id=logbook.owner_id, seq=logbook.chain_seq,
        entry_id=entry_id, kind=kind, revision=revision,
        created_at=utcnow(), prev_hash=logbook.chain_head,
    )
    event.content = crypto.encrypt_json(content, content_aad(event))
    event.hash = event_hash(event.prev_hash, event, content)
    logbook.chain_head = event.hash
    if add:
        db.session.add(event)
    return event


def read_content(event: LogbookEvent) -> Any:
    """The event's plaintext content; None when purged. :raise crypto.DecryptionError:"""
    return None if event.content is None else crypto.decrypt_json(event.content,
                                                                   content_aad(event))


@dataclass
class Verification:
    intact: bool
    events: int
    head: str
    purged: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        first = self.problems[0]["seq"] if self.problems else None
        return {"intact": self.intact, "events": self.events, "head": self.head,
                "purged_events": self.purged, "broken_at": first, "problems": self.problems}


def verify(logbook: Logbook) -> Verification:
    """Recompute the chain; report every event whose link, content or hash does not match."""
    events = db.session.scalars(
        select(LogbookEvent).where(LogbookEvent.logbook_id == logbook.id)
        .order_by(LogbookEvent.seq)
    )
    prev, count, purged, problems = GENESIS, 0, 0, []
    for expected_seq, event in enumerate(events, start=1):
        count += 1
        problem = None
        if event.seq != expected_seq:
            problem = "an event is missing or out of order"
        elif event.prev_hash != prev:
            problem = "the link to the previous event does not match"
        elif event.content is None:
            purged += 1
        else:
            try:
                content = read_content(event)
            except (crypto.DecryptionError, ValueError):
                problem = "the stored content is damaged"
            else:
                if event_hash(prev, event, content) != event.hash:
                    problem = "the content does not match its hash"
        if problem:
            problems.append({"seq": event.seq, "entry_id": str(event.entry_id or "") or None,
                             "problem": problem})
        prev = event.hash
    if prev != logbook.chain_head or count != logbook.chain_seq:
        problems.append({"seq": count + 1, "entry_id": None,
                         "problem": "the chain head does not match the last event"})
    return Verification(not problems, count, logbook.chain_head, purged, problems)
