"""Property: whatever the network does to the requests of two devices (duplicates, reorders,
drops, lost answers), the server ends in the state of applying each mutation once, in the order
it first saw them.

The devices behave like the PWA: a write goes to an outbox at once; a sync sends the whole
outbox; only an answer removes mutations from it, so a lost request or a lost answer means the
same mutations are sent again later. The network, chosen by hypothesis, delivers a request,
loses it, loses its answer, delivers it twice, or holds it back and delivers it later.

Each example runs in its own savepoint that is rolled back, and so does its reference run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask import current_app
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from api.db import db
from api.logbook.models import Entry, Logbook
from api.logbook.service import title_of
from api.sync.changelog import Change
from api.sync.models import MutationLog
from tests.factories import (
    FEELING,
    entry_upsert,
    logbook_upsert,
    make_client,
    post_sync,
    sync_mutation,
)

WRITES = ("new_logbook", "edit_logbook", "delete_logbook", "new_entry", "edit_entry",
          "delete_entry")
NETWORK = ("deliver", "lose_request", "lose_answer", "deliver_twice", "hold_back")
_write = st.tuples(st.just("write"), st.sampled_from(WRITES), st.integers(0, 1),
                   st.integers(0, 99))
STEP = st.one_of(
    _write, _write, _write,  # writes half of the time
    st.tuples(st.just("send"), st.sampled_from(NETWORK), st.integers(0, 1), st.just(0)),
    st.tuples(st.just("send"), st.sampled_from(NETWORK), st.integers(0, 1), st.just(0)),
    st.tuples(st.just("late"), st.just(""), st.integers(0, 1), st.integers(0, 99)),
)


@contextmanager
def example_transaction() -> Iterator[None]:
    """A savepoint inside the test's transaction, rolled back after one example (the function
    fixtures of the test are made once, outside it)."""
    db.session.remove()
    savepoint = current_app.extensions["houvast_db"].connection.begin_nested()
    try:
        yield
    finally:
        db.session.remove()
        savepoint.rollback()


@dataclass
class Device:
    client: object
    outbox: list[dict] = field(default_factory=list)
    # id -> {"entity", "version" (None until the server answered), "logbook_id"}
    known: dict[str, dict] = field(default_factory=dict)
    cursor: str | None = None

    def pick(self, entity: str, n: int) -> tuple[str, dict] | None:
        ids = sorted(i for i, k in self.known.items() if k["entity"] == entity)
        return (ids[n % len(ids)], self.known[ids[n % len(ids)]]) if ids else None

    def learn(self, answer: dict) -> None:
        done = {r["mutation_id"]: r for r in answer["results"]}
        for sent in self.outbox:
            result = done.get(sent["mutation_id"])
            result = result and (result.get("result") or result)
            if result and result["status"] == "applied" and sent["id"] in self.known:
                self.known[sent["id"]]["version"] = result["version"]
        self.outbox = [m for m in self.outbox if m["mutation_id"] not in done]
        for change in answer["changes"]:
            if change["deleted"]:
                self.known.pop(change["id"], None)
            else:
                self.known[change["id"]] = {"entity": change["entity"],
                                            "version": change["version"],
                                            "logbook_id": change["data"].get("logbook_id")}
        self.cursor = answer["cursor"]


class Simulation:
    def __init__(self, clients) -> None:
        self.devices = [Device(c) for c in clients]
        self.held: list[tuple[Device, list[dict]]] = []
        self.seen: dict[str, dict] = {}  # mutation_id -> mutation, in the order the server saw
        self.ids = 0

    def new_id(self) -> str:
        self.ids += 1
        return str(uuid.UUID(int=self.ids))

    def write(self, device: Device, kind: str, n: int) -> None:
        entity = "logbook" if kind.endswith("logbook") else "logbook_entry"
        if kind != "new_logbook" and device.pick("logbook" if kind == "new_entry" else entity,
                                                  n) is None:
            kind = "new_logbook" if kind == "new_entry" else "new_entry"
        if kind == "new_entry" and device.pick("logbook", n) is None:
            kind = "new_logbook"
        if kind == "new_logbook":
            new = logbook_upsert(self.new_id(), f"Logboek {n}")
            device.known[new["id"]] = {"entity": "logbook", "version": None, "logbook_id": None}
        elif kind == "new_entry":
            book = device.pick("logbook", n)
            assert book is not None
            new = entry_upsert(book[0], self.new_id(), {**FEELING, "feeling": 1 + n % 5})
            device.known[new["id"]] = {"entity": entity, "version": None, "logbook_id": book[0]}
        else:
            id_, known = device.pick(entity, n)
            if kind.startswith("delete"):
                new = sync_mutation(entity, id_, op="delete", base=known["version"])
                device.known.pop(id_)
            elif entity == "logbook":
                new = logbook_upsert(id_, f"Titel {n}", base=known["version"])
            else:
                new = entry_upsert(known["logbook_id"], id_, {**FEELING, "feeling": 1 + n % 5},
                                   base=known["version"])
        new["mutation_id"] = self.new_id()
        device.outbox.append(new)

    def deliver(self, device: Device, mutations: list[dict]) -> dict:
        response = post_sync(device.client, mutations, device.cursor)
        assert response.status_code == 200, response.get_json()
        for m in mutations:
            self.seen.setdefault(m["mutation_id"], m)
        return response.get_json()

    def send(self, device: Device, fate: str) -> None:
        if not device.outbox and fate != "deliver":
            return
        batch = list(device.outbox)
        if fate == "deliver":
            device.learn(self.deliver(device, batch))
        elif fate == "lose_answer":
            self.deliver(device, batch)
        elif fate == "deliver_twice":
            self.deliver(device, batch)
            device.learn(self.deliver(device, batch))
        elif fate == "hold_back":
            self.held.append((device, batch))

    def late(self, n: int) -> None:
        if self.held:  # the device gave up waiting; the answer goes nowhere
            device, batch = self.held.pop(n % len(self.held))
            self.deliver(device, batch)

    def finish(self) -> None:
        while self.held:
            self.late(0)
        for device in self.devices:
            while device.outbox:
                device.learn(self.deliver(device, list(device.outbox)))


def server_state(owner_id: int) -> dict:
    books = db.session.scalars(select(Logbook).where(Logbook.owner_id == owner_id))
    entries = db.session.scalars(select(Entry).where(Entry.owner_id == owner_id))
    changes = db.session.execute(
        select(Change.entity, Change.record_id, Change.version, Change.deleted)
        .where(Change.owner_id == owner_id).order_by(Change.seq)).all()
    results = db.session.execute(select(MutationLog.mutation_id, MutationLog.result)
                                 .where(MutationLog.owner_id == owner_id)).all()
    return {
        "logbooks": {b.id: (b.type, title_of(b), b.version, b.deleted_at is None,
                            b.chain_seq) for b in books},
        "entries": {e.id: (e.logbook_id, e.version, e.revision_count, e.deleted_at is None,
                           e.occurred_at) for e in entries},
        "changes": [tuple(c) for c in changes],
        "results": dict(results),
    }


def test_any_network_ends_in_the_state_of_each_mutation_once(app, auth_client) -> None:
    second = make_client(app, auth_client.user)
    owner_id = auth_client.user.id

    @settings(max_examples=30, deadline=None, database=None)
    @given(steps=st.lists(STEP, min_size=10, max_size=30))
    def run(steps) -> None:
        with example_transaction():
            sim = Simulation([auth_client, second])
            for device in sim.devices:  # each starts with a logbook the other will know
                sim.write(device, "new_logbook", 0)
                sim.send(device, "deliver")
            for action, kind, device_no, n in steps:
                device = sim.devices[device_no]
                if action == "write":
                    sim.write(device, kind, n)
                elif action == "send":
                    sim.send(device, kind)
                else:
                    sim.late(n)
            sim.finish()
            got = server_state(owner_id)
            first_seen = list(sim.seen.values())
        with example_transaction():
            if first_seen:
                assert post_sync(auth_client, first_seen).status_code == 200
            expected = server_state(owner_id)
        assert got == expected
        assert set(got["results"]) == set(sim.seen)

    run()
