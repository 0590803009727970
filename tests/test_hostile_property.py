"""Property (issue 9, part 5): hostile strings in any text field never cause a 5xx.

Hypothesis puts lone surrogates, NUL and other control characters, RTL overrides, CRLF, HTML,
1 MB strings and random Unicode into every text field of every sync entity's `data` (and into
its keys, the envelope and the mutation id) and of the REST bodies. Whatever it sends:

- the answer is never a 5xx;
- through /api/sync, the good mutations around the hostile one in the same batch are applied;
- what was accepted reads back identical (text is refused or kept, never changed).

Bounded for `make test`: a fixed number of examples, derandomized (the same examples every
run, so a failure reproduces), no deadline, no example database. Each example runs in a
savepoint that is rolled back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import current_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.db import db
from tests.factories import (
    DAMAGE,
    FEELING,
    STALKING,
    WHEN,
    entry_upsert,
    logbook_upsert,
    make_dossier_event,
    make_dossier_task,
    make_logbook,
    post_sync,
    sync_mutation,
)

PIECES = ["\udc00", "\ud83d", "\ud83d\ude00", "\x00", "\x01", "\x1b[31m", "\x7f", "\u0085",
          "\u202e", "\u202d", "\u200f", "\u2066", "\ufeff", "\u200b", "\r\n", "\r", "\n", "\t",
          "<script>alert('x')</script>", "<b onmouseover=alert(1)>", "&lt;&amp;", "\"'\\",
          "'; DROP TABLE users; --", "😀", "é", "\ufffd", "\uffff", "\U0010ffff", " ", ""]
BIG = ["x" * (1 << 20), "😀" * (1 << 18), "\udc00" + "y" * (1 << 20), "a" * 120, "a" * 5000]

_MIXED = st.lists(st.one_of(st.sampled_from(PIECES),
                            st.text(st.characters(exclude_categories=()), max_size=6)),
                  min_size=1, max_size=6).map("".join)
HOSTILE = st.one_of(_MIXED, _MIXED, _MIXED, st.sampled_from(BIG))
# A failing example may hold a 1 MB string: no warning about its long repr.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
BOUNDED = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow, HealthCheck.data_too_large])


@contextmanager
def example_transaction() -> Iterator[None]:
    """A savepoint inside the test's transaction, rolled back after one example."""
    db.session.remove()
    savepoint = current_app.extensions["houvast_db"].connection.begin_nested()
    try:
        yield
    finally:
        db.session.remove()
        savepoint.rollback()


def _answer(value: str) -> Any:
    """How a free-text answer or a note reads back: blank ones are dropped (answers.py,
    the logbook service); anything else exactly as sent."""
    return value if value.strip() else None


# -- sync --------------------------------------------------------------------------------------

# name -> (mutation(world, value), read back(change data) or None when it can never apply)
def _entry(world, answers=None, logbook="wellbeing", **data):
    mutation = entry_upsert(world[logbook], answers=answers)
    mutation["data"].update(data)
    return mutation


SYNC_FIELDS = {
    "logbook title": (lambda w, v: logbook_upsert(title=v), lambda d, v: d["title"] == v),
    "entry note": (lambda w, v: _entry(w, note=v), lambda d, v: d["note"] == _answer(v)),
    "what_happened": (lambda w, v: _entry(w, {**FEELING, "what_happened": v}),
                      lambda d, v: d["answers"].get("what_happened") == _answer(v)),
    "what_helped": (lambda w, v: _entry(w, {**FEELING, "what_helped": v}),
                    lambda d, v: d["answers"].get("what_helped") == _answer(v)),
    "damage description": (lambda w, v: _entry(w, {**DAMAGE, "description": v}, "damages"),
                           lambda d, v: d["answers"].get("description") == _answer(v)),
    "stalking details": (lambda w, v: _entry(w, {**STALKING, "details": v}, "stalking"),
                         lambda d, v: d["answers"].get("details") == _answer(v)),
    "answer key": (lambda w, v: _entry(w, {**FEELING, v: "x"}), None),
    "data key": (lambda w, v: _entry(w, **{v: "x"}), None),
    "occurred_at": (lambda w, v: _entry(w, occurred_at=v), None),
    "task title": (lambda w, v: sync_mutation("task", w["task"],
                                              {"done": True, "title": v}, base=1),
                   lambda d, v: d["title"] == v),
    "task explanation": (lambda w, v: sync_mutation("task", w["task"],
                                                    {"done": True, "explanation": v}, base=1),
                         lambda d, v: d["explanation"] == v),
    "event title": (lambda w, v: sync_mutation("dossier_event", w["event"], {"title": v},
                                               base=1), None),
    "entity": (lambda w, v: {**logbook_upsert(), "entity": v}, None),
    "op": (lambda w, v: {**logbook_upsert(), "op": v}, None),
    "id": (lambda w, v: {**logbook_upsert(), "id": v}, None),
}
ENVELOPE = ("client_id", "mutation_id", "cursor")


@given(field=st.sampled_from(sorted(SYNC_FIELDS) + list(ENVELOPE)), value=HOSTILE)
@BOUNDED
def test_hostile_text_in_sync(staff, auth_client, linked, field, value) -> None:
    with example_transaction():
        world = {kind: make_logbook(auth_client, kind)["id"]
                 for kind in ("wellbeing", "damages", "stalking")}
        world["task"] = make_dossier_task(staff, linked["id"], title="T", explanation="E")["id"]
        world["event"] = make_dossier_event(staff, linked["id"])["id"]
        before, after = logbook_upsert(title="Voor"), entry_upsert(world["wellbeing"])
        hostile = (SYNC_FIELDS[field][0](world, value) if field in SYNC_FIELDS
                   else logbook_upsert(title="Midden"))
        if field == "mutation_id":
            hostile["mutation_id"] = value
        body = {"client_id": value if field == "client_id" else "phone",
                "cursor": value if field == "cursor" else None,
                "mutations": [before, hostile, after]}
        response = auth_client.post("/api/sync", json=body, headers=auth_client.csrf)
        assert response.status_code < 500, response.get_json()
        if response.status_code != 200:
            # Only the envelope may refuse the whole request (nothing applied then).
            assert field in ENVELOPE and response.status_code == 422
            ids = {c["id"] for c in post_sync(auth_client).get_json()["changes"]}
            assert not {before["id"], hostile["id"], after["id"]} & ids
            return
        answer = response.get_json()
        results = answer["results"]
        assert [results[0]["status"], results[2]["status"]] == ["applied", "applied"]
        assert results[1]["status"] in ("applied", "rejected"), results[1]
        if field not in SYNC_FIELDS:
            return
        read_back = SYNC_FIELDS[field][1]
        if results[1]["status"] == "rejected":
            assert results[1]["message"]
            return
        assert read_back is not None, (field, results[1])
        changes = post_sync(auth_client).get_json()["changes"]
        record = next(c for c in changes if c["id"] == hostile["id"])
        assert read_back(record["data"], value), (field, record["data"])


# -- REST --------------------------------------------------------------------------------------

# name -> (who, method, url(world), body(world, value), read back(client, world, answer, value))
def _get(sender, url: str) -> dict:
    response = sender.get(url)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _staff_dossier(world, answer) -> dict:
    return _get(world["staff"], f"/api/staff/dossiers/{answer['id']}")


def _in_dossier(kind: str, key: str):
    def read_back(world, answer, value) -> bool:
        dossier = _get(world["staff"], f"/api/staff/dossiers/{world['dossier']}")
        return next(r for r in dossier[kind] if r["id"] == answer["id"])[key] == value
    return read_back


ENTRY = {"occurred_at": WHEN, "answers": dict(FEELING), "note": "n"}
REST_FIELDS = {
    "logbook title": ("client", "post", lambda w: "/api/logbooks",
                      lambda w, v: {"type": "wellbeing", "title": v},
                      lambda w, a, v: _get(w["client"], f"/api/logbooks/{a['id']}")["title"]
                      == v),
    "logbook title (PATCH)": ("client", "patch", lambda w: f"/api/logbooks/{w['logbook']}",
                              lambda w, v: {"title": v},
                              lambda w, a, v: _get(w["client"], f"/api/logbooks/{a['id']}")
                              ["title"] == v),
    "entry note": ("client", "post", lambda w: f"/api/logbooks/{w['logbook']}/entries",
                   lambda w, v: {**ENTRY, "note": v},
                   lambda w, a, v: _get(w["client"], f"/api/entries/{a['id']}")["note"]
                   == _answer(v)),
    "entry answer": ("client", "post", lambda w: f"/api/logbooks/{w['logbook']}/entries",
                     lambda w, v: {**ENTRY, "answers": {**FEELING, "what_happened": v}},
                     lambda w, a, v: _get(w["client"], f"/api/entries/{a['id']}")["answers"]
                     .get("what_happened") == _answer(v)),
    "entry answer key": ("client", "post", lambda w: f"/api/logbooks/{w['logbook']}/entries",
                         lambda w, v: {**ENTRY, "answers": {**FEELING, v: "x"}}, None),
    "dossier label": ("staff", "post", lambda w: "/api/staff/dossiers",
                      lambda w, v: {"label": v},
                      lambda w, a, v: _staff_dossier(w, a)["label"] == v),
    "contact name": ("staff", "post", lambda w: "/api/staff/dossiers",
                     lambda w, v: {"label": "L", "contact_name": v},
                     lambda w, a, v: _staff_dossier(w, a)["contact"]["name"] == v),
    "contact phone": ("staff", "post", lambda w: "/api/staff/dossiers",
                      lambda w, v: {"label": "L", "contact_phone": v},
                      lambda w, a, v: _staff_dossier(w, a)["contact"]["phone"] == v),
    "contact hours": ("staff", "post", lambda w: "/api/staff/dossiers",
                      lambda w, v: {"label": "L", "contact_hours": v},
                      lambda w, a, v: _staff_dossier(w, a)["contact"]["hours"] == v),
    "event title": ("staff", "post", lambda w: f"/api/staff/dossiers/{w['dossier']}/events",
                    lambda w, v: {"kind": "from_police", "title": v, "occurred_at": WHEN},
                    _in_dossier("events", "title")),
    "event body": ("staff", "post", lambda w: f"/api/staff/dossiers/{w['dossier']}/events",
                   lambda w, v: {"kind": "from_police", "title": "T", "body": v,
                                 "occurred_at": WHEN},
                   _in_dossier("events", "body")),
    "task title": ("staff", "post", lambda w: f"/api/staff/dossiers/{w['dossier']}/tasks",
                   lambda w, v: {"title": v}, _in_dossier("tasks", "title")),
    "task explanation": ("staff", "post",
                         lambda w: f"/api/staff/dossiers/{w['dossier']}/tasks",
                         lambda w, v: {"title": "T", "explanation": v},
                         _in_dossier("tasks", "explanation")),
    "link code": ("client", "post", lambda w: "/api/dossier/link",
                  lambda w, v: {"code": v}, None),
    "preferences timezone": ("client", "put", lambda w: "/api/push/preferences",
                             lambda w, v: {"kinds": {"dossier": True}, "quiet_hours": None,
                                           "detailed": False, "timezone": v},
                             lambda w, a, v: _get(w["client"], "/api/push/preferences")
                             ["timezone"] == v),
    "push endpoint": ("client", "post", lambda w: "/api/push/subscriptions",
                      lambda w, v: {"endpoint": v, "keys": {"p256dh": "x", "auth": "y"}},
                      None),
    "login username": ("anonymous", "post", lambda w: "/api/auth/login",
                       lambda w, v: {"username": v, "password": "x"}, None),
    "login password": ("anonymous", "post", lambda w: "/api/auth/login",
                       lambda w, v: {"username": "nobody", "password": v}, None),
    "register username": ("anonymous", "post", lambda w: "/api/auth/register",
                          lambda w, v: {"username": v, "password": "a calm walk by the sea",
                                        "role": "client", "accept_terms": True}, None),
}


@given(field=st.sampled_from(sorted(REST_FIELDS)), value=HOSTILE)
@BOUNDED
def test_hostile_text_in_rest_bodies(client, staff, auth_client, linked, field,
                                     value) -> None:
    with example_transaction():
        world = {"client": auth_client, "staff": staff, "dossier": linked["id"],
                 "logbook": make_logbook(auth_client)["id"]}
        who, method, url, body, read_back = REST_FIELDS[field]
        sender = {"anonymous": client, "client": auth_client, "staff": staff}[who]
        response = getattr(sender, method)(url(world), json=body(world, value),
                                           headers=getattr(sender, "csrf", {}))
        assert response.status_code < 500, response.get_json()
        if response.status_code >= 300 or read_back is None:
            return
        assert read_back(world, response.get_json(), value), field


def test_the_hostile_strings_include_what_the_issue_names() -> None:
    sent = "".join(PIECES + BIG)
    for needle in ("\udc00", "\x00", "\u202e", "\r\n", "<script>"):
        assert needle in sent
    assert max(map(len, BIG)) >= 1 << 20
    assert uuid.UUID(logbook_upsert()["id"])  # the batch's good mutations are real ones
