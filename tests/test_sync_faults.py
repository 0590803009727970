"""Fault injection: the server commits, then the answer is lost on its way to the phone.

A WSGI middleware runs the real app to the end (the view has committed and the request's
session is closed), then, for about half of the sync requests, raises instead of answering,
as a dropped connection would. The device keeps its outbox and retries until it gets an
answer. Afterwards every record exists exactly once, with the versions the mutations give.
"""

from __future__ import annotations

import random
import uuid

from sqlalchemy import func, select
from werkzeug.test import Client

from api.db import db
from api.logbook.models import Entry, LogbookEvent
from api.sync.changelog import Change
from api.sync.models import MutationLog
from tests.factories import FEELING, entry_upsert, logbook_upsert, login


class AnswerLost(ConnectionError):
    pass


class LoseAnswers:
    """WSGI middleware: let the app finish (and commit), then lose the answer at random."""

    def __init__(self, app, rate: float, seed: int) -> None:
        self.app, self.rate, self.random = app, rate, random.Random(seed)
        self.lost = 0

    def __call__(self, environ, start_response):
        status: list = []
        body = b"".join(self.app(environ, lambda *args: status.append(args)))
        if environ["PATH_INFO"] == "/api/sync" and self.random.random() < self.rate:
            self.lost += 1
            raise AnswerLost("the connection dropped before the answer arrived")
        start_response(*status[0])
        return [body]


def test_lost_answers_never_apply_a_mutation_twice(app, client_user) -> None:
    network = LoseAnswers(app, rate=0.5, seed=7)
    phone = Client(network)
    csrf = login(phone, client_user)
    book = logbook_upsert()
    entries = [entry_upsert(book["id"]) for _ in range(100)]
    edits = [entry_upsert(book["id"], e["id"], {**FEELING, "feeling": 5}, base=1)
             for e in entries[::5]]
    outbox = [book, *entries, *edits]
    sent = len(outbox)
    cursor, requests, final = None, 0, {}
    while outbox:
        batch = outbox[:5]
        requests += 1
        try:
            response = phone.post("/api/sync", json={"client_id": "phone", "cursor": cursor,
                                                     "mutations": batch}, headers=csrf)
        except AnswerLost:
            continue  # the phone keeps the batch and sends it again
        assert response.status_code == 200, response.get_json()
        answer = response.get_json()
        for result in answer["results"]:
            final[result["mutation_id"]] = result.get("result") or result
        outbox = outbox[len(batch):]
        cursor = answer["cursor"]

    assert requests >= 40 and network.lost >= 15, (requests, network.lost)
    assert {r["status"] for r in final.values()} == {"applied"}
    owner = client_user.id
    ids = [uuid.UUID(e["id"]) for e in entries]
    assert db.session.scalar(select(func.count()).select_from(Entry)
                             .where(Entry.owner_id == owner)) == 100
    edited = {uuid.UUID(e["id"]) for e in edits}
    for entry in db.session.scalars(select(Entry).where(Entry.id.in_(ids))):
        expected = 2 if entry.id in edited else 1
        assert (entry.version, entry.revision_count) == (expected, expected)
    assert db.session.scalar(select(func.count()).select_from(LogbookEvent)
                             .where(LogbookEvent.entry_id.in_(ids))) == 100 + len(edits)
    assert db.session.scalar(select(func.count()).select_from(Change)
                             .where(Change.owner_id == owner)) == sent
    assert db.session.scalar(select(func.count()).select_from(MutationLog)
                             .where(MutationLog.owner_id == owner)) == sent
