"""Hostile and broken input (issue 9, part 2): every example answers 422 naming the field (400
for JSON that cannot be read), never a 500; through /api/sync the bad mutation is `rejected`
with that message and the rest of its batch is applied; nothing is half-written.

Runs on SQLite and on PostgreSQL (`DATABASE_URL`); NUL is what PostgreSQL refuses, lone
surrogates what every driver refuses.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from api.db import db
from api.logbook.models import Entry, Logbook
from schemas.base import BROKEN_CHARACTER, printable_key
from tests.factories import (
    FEELING,
    WHEN,
    assert_error,
    entry_upsert,
    logbook_upsert,
    make_dossier_event,
    make_dossier_task,
    make_entry,
    make_logbook,
    post_sync,
    sync,
    sync_mutation,
)

BAD = {
    "surrogate": "bad\udc00",  # what JavaScript leaves after cutting an emoji in two
    "nul": "bad\x00",
    "escape": "bad\x1b[31m",
}
KEYS = {"p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I"
                  "99e8QcYP7DkM", "auth": "tBHItJI5svbpez7KI4CCXg"}


def error_at(body: dict, path: str, bad: str = "bad") -> list[str]:
    """The messages at `path` (dotted) of an error answer's `errors`; `bad\ufffd` in the path
    stands for the bad text `bad` as answers show it in a key."""
    node: Any = body["errors"]
    for part in path.split("."):
        part = part.replace("bad\ufffd", printable_key(bad))
        assert isinstance(node, dict) and (part in node or part.isdigit()), (path, body)
        node = node[part] if part in node else node[int(part)]
    assert isinstance(node, list) and node, (path, body)
    return node


def put(body: dict, path: str, value: Any) -> dict:
    """A copy of `body` with `value` at the dotted `path`; a path ending in `[key]` renames
    the key (the bad text is in a dict key)."""
    body = json.loads(json.dumps(body))
    *parents, last = path.split(".")
    node = body
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if last == "[key]":
        node[value] = "x"
    else:
        node[last] = value
    return body


# -- REST: every text field of every body ------------------------------------------------------

# name -> (who, method, url(ctx), body(ctx), path of the bad value, path of the error)
Case = tuple[str, str, Callable[[dict], str], Callable[[dict], dict], str, str]
ENTRY = {"occurred_at": WHEN, "answers": dict(FEELING), "note": "ok"}
DOSSIER = {"label": "L", "contact_name": "N", "contact_phone": "P", "contact_hours": "H"}
EVENT = {"kind": "from_police", "title": "T", "body": "B", "occurred_at": WHEN,
         "link": "https://example.org/x"}
SUBSCRIPTION = {"endpoint": "https://push.example.org/abc", "keys": KEYS}
PREFERENCES = {"kinds": {"dossier": True}, "quiet_hours": None, "detailed": False,
               "timezone": "Europe/Amsterdam"}
REGISTER = {"username": "someone-new", "password": "a calm walk by the sea", "role": "client",
            "accept_terms": True}


def _const(value):
    return lambda _ctx: value


REST: dict[str, Case] = {
    "register username": ("anonymous", "post", _const("/api/auth/register"), _const(REGISTER),
                          "username", "username"),
    "register password": ("anonymous", "post", _const("/api/auth/register"), _const(REGISTER),
                          "password", "password"),
    "login username": ("anonymous", "post", _const("/api/auth/login"),
                       _const({"username": "nobody", "password": "x"}), "username", "username"),
    "login password": ("anonymous", "post", _const("/api/auth/login"),
                       _const({"username": "nobody", "password": "x"}), "password", "password"),
    "logbook title": ("client", "post", _const("/api/logbooks"),
                      _const({"type": "wellbeing", "title": "T"}), "title", "title"),
    "logbook title (PATCH)": ("client", "patch", lambda c: f"/api/logbooks/{c['logbook']}",
                              _const({"title": "T"}), "title", "title"),
    "entry note": ("client", "post", lambda c: f"/api/logbooks/{c['logbook']}/entries",
                   _const(ENTRY), "note", "note"),
    "entry text answer": ("client", "post", lambda c: f"/api/logbooks/{c['logbook']}/entries",
                          _const(ENTRY), "answers.what_happened", "answers.what_happened"),
    "entry answer key": ("client", "post", lambda c: f"/api/logbooks/{c['logbook']}/entries",
                         _const(ENTRY), "answers.[key]", "answers.bad\ufffd"),
    "entry note (PATCH)": ("client", "patch", lambda c: f"/api/entries/{c['entry']}",
                           _const({"note": "n"}), "note", "note"),
    "entry text answer (PATCH)": ("client", "patch", lambda c: f"/api/entries/{c['entry']}",
                                  _const({"answers": dict(FEELING)}), "answers.what_helped",
                                  "answers.what_helped"),
    "dossier code": ("client", "post", _const("/api/dossier/link"), _const({"code": "ABCD"}),
                     "code", "code"),
    "task title (client)": ("client", "patch", lambda c: f"/api/tasks/{c['task']}",
                            _const({"done": True, "title": "T"}), "title", "title"),
    "task explanation (client)": ("client", "patch",
                                  lambda c: f"/api/tasks/{c['task']}",
                                  _const({"done": True, "explanation": "E"}), "explanation",
                                  "explanation"),
    "push endpoint": ("client", "post", _const("/api/push/subscriptions"), _const(SUBSCRIPTION),
                      "endpoint", "endpoint"),
    "push p256dh": ("client", "post", _const("/api/push/subscriptions"), _const(SUBSCRIPTION),
                    "keys.p256dh", "keys.p256dh"),
    "push auth": ("client", "post", _const("/api/push/subscriptions"), _const(SUBSCRIPTION),
                  "keys.auth", "keys.auth"),
    "unsubscribe endpoint": ("client", "delete", _const("/api/push/subscriptions"),
                             _const({"endpoint": "https://push.example.org/abc"}), "endpoint",
                             "endpoint"),
    "preferences timezone": ("client", "put", _const("/api/push/preferences"),
                             _const(PREFERENCES), "timezone", "timezone"),
    "preferences kind key": ("client", "put", _const("/api/push/preferences"),
                             _const(PREFERENCES), "kinds.[key]", "kinds.bad\ufffd"),
    "dossier label": ("staff", "post", _const("/api/staff/dossiers"), _const(DOSSIER), "label",
                      "label"),
    "dossier contact name": ("staff", "post", _const("/api/staff/dossiers"), _const(DOSSIER),
                             "contact_name", "contact_name"),
    "dossier contact phone": ("staff", "post", _const("/api/staff/dossiers"), _const(DOSSIER),
                              "contact_phone", "contact_phone"),
    "dossier contact hours": ("staff", "post", _const("/api/staff/dossiers"), _const(DOSSIER),
                              "contact_hours", "contact_hours"),
    "dossier contact name (PATCH)": ("staff", "patch",
                                     lambda c: f"/api/staff/dossiers/{c['dossier']}",
                                     _const({"contact_name": "N"}), "contact_name",
                                     "contact_name"),
    "event kind": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/events",
                   _const(EVENT), "kind", "kind"),
    "event title": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/events",
                    _const(EVENT), "title", "title"),
    "event body": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/events",
                   _const(EVENT), "body", "body"),
    "event link": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/events",
                   _const(EVENT), "link", "link"),
    "task title": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/tasks",
                   _const({"title": "T", "explanation": "E"}), "title", "title"),
    "task explanation": ("staff", "post", lambda c: f"/api/staff/dossiers/{c['dossier']}/tasks",
                         _const({"title": "T", "explanation": "E"}), "explanation",
                         "explanation"),
    "sync client_id": ("client", "post", _const("/api/sync"),
                       _const({"client_id": "phone", "cursor": None, "mutations": []}),
                       "client_id", "client_id"),
    "sync mutation_id": ("client", "post", _const("/api/sync"),
                         lambda _c: {"client_id": "phone", "cursor": None,
                                     "mutations": [logbook_upsert()]},
                         "mutations.0.mutation_id", "mutations.0.mutation_id"),
}


@pytest.fixture
def world(staff, auth_client, linked) -> dict:
    """Records for the URLs of the cases: the client's logbook, entry and task."""
    logbook = make_logbook(auth_client)
    return {"logbook": logbook["id"], "entry": make_entry(auth_client, logbook["id"])["id"],
            "dossier": linked["id"], "task": make_dossier_task(staff, linked["id"])["id"]}


def _counts() -> tuple[int, int]:
    db.session.expire_all()
    return (db.session.scalar(select(func.count()).select_from(Logbook)),
            db.session.scalar(select(func.count()).select_from(Entry)))


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("case", sorted(REST))
def test_unstorable_text_is_422_naming_the_field(case, bad, world, client, auth_client,
                                                 staff) -> None:
    who, method, url, body, where, error_path = REST[case]
    sender = {"anonymous": client, "client": auth_client, "staff": staff}[who]
    before = _counts()
    response = getattr(sender, method)(url(world), json=put(body(world), where, BAD[bad]),
                                       headers=getattr(sender, "csrf", {}))
    answer = assert_error(response, 422)
    messages = error_at(answer, error_path, BAD[bad])
    assert "character" in messages[0], messages
    if bad == "surrogate":
        assert messages == [BROKEN_CHARACTER]
    assert _counts() == before  # nothing half-written


def test_the_same_bodies_without_bad_text_are_accepted(world, auth_client, staff) -> None:
    """The cases' bodies are valid apart from the bad value (so the 422 is about it)."""
    ok = {"logbook title", "entry note", "dossier label", "event title", "task title",
          "preferences timezone"}
    for case in sorted(ok):
        who, method, url, body, _where, _error = REST[case]
        sender = {"client": auth_client, "staff": staff}[who]
        response = getattr(sender, method)(url(world), json=body(world), headers=sender.csrf)
        assert response.status_code < 300, (case, response.get_json())


def test_text_that_is_odd_but_storable_is_kept_exactly(auth_client) -> None:
    title = "Tab\there, CRLF\r\nnext, \u202eRTL, <script>alert(1)</script>, 😀, \ufffd"
    logbook = make_logbook(auth_client, title=title)
    assert auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["title"] == title


# -- JSON nested 1,000 deep --------------------------------------------------------------------

DEEP_BODIES = {
    "list": "[" * 1000 + "]" * 1000,
    "in a field": '{"title": ' + "[" * 1000 + "]" * 1000 + "}",
    "objects": '{"a": ' * 1000 + "1" + "}" * 1000,
    "100,000": "[" * 100_000 + "]" * 100_000,
}
JSON_ENDPOINTS = [("anonymous", "post", "/api/auth/login"),
                  ("anonymous", "post", "/api/auth/register"),
                  ("client", "post", "/api/sync"), ("client", "post", "/api/logbooks"),
                  ("client", "put", "/api/push/preferences"),
                  ("client", "post", "/api/push/subscriptions"),
                  ("client", "post", "/api/dossier/link"),
                  ("staff", "post", "/api/staff/dossiers")]


@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
@pytest.mark.parametrize(("who", "method", "url"), JSON_ENDPOINTS)
def test_deeply_nested_json_is_400_without_a_traceback(who, method, url, shape, client,
                                                       auth_client, staff, caplog) -> None:
    sender = {"anonymous": client, "client": auth_client, "staff": staff}[who]
    with caplog.at_level(logging.INFO):
        response = getattr(sender, method)(url, data=DEEP_BODIES[shape],
                                           content_type="application/json",
                                           headers=getattr(sender, "csrf", {}))
    answer = assert_error(response, 400)
    assert "nested too deeply" in answer["message"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_json_nested_within_the_limit_still_reaches_the_schema(auth_client) -> None:
    response = auth_client.post("/api/logbooks", json={"type": "wellbeing",
                                                       "title": [[["x"]]]},
                                headers=auth_client.csrf)
    assert "title" in assert_error(response, 422)["errors"]


def test_a_number_too_long_to_read_is_400(auth_client) -> None:
    response = auth_client.post("/api/logbooks", data='{"title": ' + "9" * 5000 + "}",
                                content_type="application/json", headers=auth_client.csrf)
    assert_error(response, 400)


# -- numbers and dates out of range ------------------------------------------------------------

FAR_DATES = ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
             "2101-01-01T00:00:00+00:00", "1899-12-31T23:59:59+00:00"]


@pytest.mark.parametrize("expiration", [1e20, 1e300, -1, 4.2e12])
def test_push_expiration_time_out_of_range_is_422(auth_client, expiration) -> None:
    response = auth_client.post("/api/push/subscriptions",
                                json={**SUBSCRIPTION, "expirationTime": expiration},
                                headers=auth_client.csrf)
    assert error_at(assert_error(response, 422), "expirationTime")


@pytest.mark.parametrize("when", FAR_DATES)
def test_an_entry_date_out_of_range_is_422(auth_client, when) -> None:
    logbook = make_logbook(auth_client)
    before = _counts()
    response = auth_client.post(f"/api/logbooks/{logbook['id']}/entries",
                                json={**ENTRY, "occurred_at": when}, headers=auth_client.csrf)
    assert error_at(assert_error(response, 422), "occurred_at") == [
        "Give a date between 1900 and 2100."]
    assert _counts() == before


@pytest.mark.parametrize("when", FAR_DATES)
def test_a_dossier_event_date_out_of_range_is_422(staff, linked, when) -> None:
    response = staff.post(f"/api/staff/dossiers/{linked['id']}/events",
                          json={**EVENT, "occurred_at": when}, headers=staff.csrf)
    assert error_at(assert_error(response, 422), "occurred_at")


def test_a_task_due_date_out_of_range_is_422(staff, linked) -> None:
    response = staff.post(f"/api/staff/dossiers/{linked['id']}/tasks",
                          json={"title": "T", "due_date": "9999-12-31"}, headers=staff.csrf)
    assert error_at(assert_error(response, 422), "due_date")


def test_a_version_beyond_64_bits_is_422(auth_client) -> None:
    logbook = make_logbook(auth_client)
    response = auth_client.patch(f"/api/logbooks/{logbook['id']}",
                                 json={"title": "T", "version": 2**70},
                                 headers=auth_client.csrf)
    assert error_at(assert_error(response, 422), "version") == ["This number is too large."]


def test_the_edges_of_the_date_range_are_accepted(auth_client) -> None:
    logbook = make_logbook(auth_client)
    for when in ("1900-01-01T00:00:00-12:00", "2100-12-31T23:59:59+14:00"):
        make_entry(auth_client, logbook["id"], when=when)


# -- sync: the bad mutation is rejected, the rest of the batch applied -------------------------


def _bad_logbook(_ctx, bad):
    return logbook_upsert(title=bad), "title"


def _bad_note(ctx, bad):
    mutation = entry_upsert(ctx["logbook"])
    mutation["data"]["note"] = bad
    return mutation, "note"


def _bad_answer(ctx, bad):
    return entry_upsert(ctx["logbook"], answers={**FEELING, "what_happened": bad}), \
        "answers.what_happened"


def _bad_answer_key(ctx, bad):
    return entry_upsert(ctx["logbook"], answers={**FEELING, bad: "x"}), "answers.bad\ufffd"


def _bad_data_key(ctx, bad):
    mutation = entry_upsert(ctx["logbook"])
    mutation["data"][bad] = "x"
    return mutation, "bad\ufffd"


def _bad_task(ctx, bad):
    return sync_mutation("task", ctx["task"], {"done": True, "title": bad},
                         base=1), "title"


def _bad_read_only(ctx, bad):
    # Refused for the text or because nobody writes events through sync: rejected either way.
    return sync_mutation("dossier_event", ctx["event"], {"title": bad}, base=1), None


def _bad_entity(_ctx, bad):
    mutation = logbook_upsert()
    mutation["entity"] = bad
    return mutation, None


def _bad_op(_ctx, bad):
    mutation = logbook_upsert()
    mutation["op"] = bad
    return mutation, None


SYNC = {"logbook title": _bad_logbook, "entry note": _bad_note, "entry answer": _bad_answer,
        "entry answer key": _bad_answer_key, "data key": _bad_data_key,
        "task title": _bad_task, "read-only event": _bad_read_only,
        "entity": _bad_entity, "op": _bad_op}


@pytest.fixture
def sync_world(staff, auth_client, linked) -> dict:
    return {"logbook": make_logbook(auth_client)["id"],
            "task": make_dossier_task(staff, linked["id"])["id"],
            "event": make_dossier_event(staff, linked["id"])["id"]}


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("case", sorted(SYNC))
def test_one_bad_mutation_is_rejected_and_the_rest_applied(case, bad, sync_world,
                                                           auth_client) -> None:
    before = logbook_upsert(title="Voor")
    mutation, path = SYNC[case](sync_world, BAD[bad])
    after = entry_upsert(sync_world["logbook"])
    answer = sync(auth_client, [before, mutation, after])
    results = answer["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"], results
    rejected = results[1]
    assert rejected["mutation_id"] == mutation["mutation_id"] and rejected["message"]
    if path is not None:
        messages = error_at(rejected, "data." + path, BAD[bad])
        assert "character" in messages[0]
    # Nothing of the bad mutation was written; the others were.
    ids = {c["id"] for c in answer["changes"]}
    assert {before["id"], after["id"]} <= ids
    if mutation["entity"] in ("logbook", "logbook_entry"):
        assert mutation["id"] not in ids
    task = next(c for c in answer["changes"] if c["id"] == sync_world["task"])
    assert task["data"]["done"] is False and task["version"] == 1
    # The device sends its outbox again: the same answers, never a 500.
    again = sync(auth_client, [before, mutation, after])
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 3
    assert again["results"][1]["result"]["status"] == "rejected"


@pytest.mark.parametrize("when", FAR_DATES)
def test_a_sync_entry_date_out_of_range_is_rejected(auth_client, when) -> None:
    logbook = make_logbook(auth_client)
    bad = entry_upsert(logbook["id"])
    bad["data"]["occurred_at"] = when
    good = entry_upsert(logbook["id"])
    answer = sync(auth_client, [bad, good])
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    assert error_at(answer["results"][0], "data.occurred_at")
    assert bad["id"] not in {c["id"] for c in answer["changes"]}


def test_a_sync_base_version_beyond_64_bits_is_rejected(auth_client) -> None:
    good = logbook_upsert()
    bad = logbook_upsert(base=2**64)
    answer = sync(auth_client, [bad, good])
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    assert error_at(answer["results"][0], "base_version")


@pytest.mark.parametrize("bad", sorted(BAD))
def test_an_unstorable_mutation_id_is_422_for_the_envelope(auth_client, bad) -> None:
    """The device makes mutation ids itself (UUIDs); one that cannot be stored cannot be
    answered exactly once, so the envelope is refused as the docs say, naming it."""
    mutation = logbook_upsert()
    mutation["mutation_id"] = BAD[bad]
    response = post_sync(auth_client, [logbook_upsert(), mutation])
    messages = error_at(assert_error(response, 422), "mutations.1.mutation_id")
    assert "character" in messages[0]
    assert _counts() == (0, 0)


# -- sync cursors past the columns' range ------------------------------------------------------

SOME_ID = "0b7a3c57-2a49-4c5e-9d1e-0c6f3f0d8e11"
CURSORS = [str(2**31), str(2**31 - 1), str(2**63 - 1), str(2**63), str(2**64), "9" * 200,
           f"snapshot.{2**63}.logbook.{SOME_ID}", f"snapshot.{2**31}.logbook.{SOME_ID}",
           "\u00b2", "\u0663", "12\x00", "bad\udc00", 2**63, 2**70]


@pytest.mark.parametrize("cursor", CURSORS, ids=repr)
def test_a_cursor_past_the_sequence_is_a_reset(auth_client, cursor) -> None:
    logbook = make_logbook(auth_client)
    answer = sync(auth_client, cursor=cursor)
    assert answer["reset"] is True
    assert logbook["id"] in {c["id"] for c in answer["changes"]}
    assert int(answer["cursor"]) < 2**31


def test_sequences_are_64_bit(auth_client) -> None:
    """A person whose sequence passed 2^31 keeps syncing (PostgreSQL's INTEGER is 32-bit)."""
    from api.sync.changelog import OwnerSequence

    make_logbook(auth_client)
    db.session.execute(OwnerSequence.__table__.update()
                       .where(OwnerSequence.owner_id == auth_client.user.id)
                       .values(last_seq=2**40))
    db.session.commit()
    logbook = make_logbook(auth_client)
    answer = sync(auth_client, cursor=str(2**40))
    assert [c["id"] for c in answer["changes"]] == [logbook["id"]]
    assert answer["cursor"] == str(2**40 + 1) and answer["reset"] is False


# -- the checks cover every schema -------------------------------------------------------------


def test_every_schema_of_the_project_has_the_checks(app) -> None:
    """The checks live on schemas.base.Schema: a schema on plain marshmallow would skip them."""
    import marshmallow as ma

    import api.domains  # noqa: F401  (every domain's modules)
    import schemas.auth
    import schemas.dossier
    import schemas.logbook
    import schemas.push
    import schemas.sync  # noqa: F401
    from schemas.base import Schema

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [cls for cls in subclasses(ma.Schema)
            if cls.__module__.split(".")[0] in ("api", "schemas")]
    assert len(ours) > 40
    assert [cls.__qualname__ for cls in ours if not issubclass(cls, Schema)] == []
