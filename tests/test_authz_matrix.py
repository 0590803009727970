"""The authorisation matrix, generated from the app's own URL map.

Every route (rule × method) is tried by every role (no session, client, helper, staff) on the
records of *another* person:

- no session: 401, unless the route is listed in PUBLIC with a reason;
- a role the route does not allow: 403 (the roles are the ones `blp.login_required(roles=…)`
  declares, read from the view's API documentation, which the decorator writes itself);
- an allowed role with another owner's id in the path: 404, and the record is still there,
  unchanged, for its owner; with an id that exists nowhere: 404 as well (nothing is created);
- an allowed role on a route without ids: no other person's record id or text in the answer.

A new route needs no new test: one without a login and without a PUBLIC entry fails here, a
path id of a kind this file cannot make fails here (add it to `World`), and a body route with
no sample body in BODIES fails here (the owner check can only be reached with a valid body).
"""

from __future__ import annotations

import re
import tempfile
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image

from api import create_app
from tests.factories import (
    WHEN,
    link_dossier,
    make_client,
    make_dossier,
    make_dossier_event,
    make_dossier_task,
    make_entry,
    make_logbook,
    make_settings,
    upload_photo,
)

ROLES = ("none", "client", "helper", "staff")
SECRET = "Geheim-van-een-ander-5d1e"  # in every text of the other people's records

# Routes anyone may call without a session, each with its reason.
PUBLIC = {
    "pwa": "the app shell and its files",
    "docs.page": "API documentation (nothing personal)",
    "docs.init_script": "API documentation",
    "docs.asset": "API documentation",
    "api-docs.openapi_json": "the OpenAPI document",
    "auth.login": "logging in",
    "auth.register": "making an account",
    "auth.recover": "a new password with the recovery code, for someone who cannot log in",
    "dossier.content": "public content: event kinds",
    "logbook.templates": "public content: the logbook questions",
    "recovery.instruments": "public content: the self-test's questions, texts and rules",
    "rights.questions": "public content: the situation's questions, the rights and their rules",
    "push.vapid_public_key": "the server's public push key",
    "training.outline": "public content: the helpers' training, its modules and steps",
    "training.bundle": "public content: the whole training for offline use",
    "training.module": "public content: a module of the training",
    "training.checklists": "public content: the checklists for helpers",
    "training.checklist": "public content: a checklist for helpers",
    "training.tool": "public content: the referral guide and the self-scan's questions",
}
# Routes that need a session of another kind, or end the session they run in.
SPECIAL = {
    ("auth.refresh", "POST"): "takes the refresh token, not a session: tests/test_auth_routes.py",
    ("auth.delete_me", "DELETE"): "deletes the account it runs in: tests/test_erasure.py",
}

# A valid body for every route that takes one: without it a 422 would stand in front of the
# owner check. Keyed by endpoint; a callable gets the World (for ids of one's own).
PIXEL = BytesIO()
Image.new("RGB", (8, 8), (10, 20, 30)).save(PIXEL, "JPEG")
ENDPOINT_URL = "https://push.example.test/send/abc"
BODIES = {
    "logbook.create_logbook": {"json": {"type": "wellbeing", "title": "Mijn logboek"}},
    "logbook.update_logbook": {"json": {"type": "wellbeing", "title": "Overgenomen"}},
    "logbook.create_entry": {"json": {"occurred_at": WHEN, "answers": {"feeling": 3}}},
    "logbook.update_entry": {"json": {"note": "Overgenomen"}},
    "logbook.add_photo": lambda: {"data": {"file": (BytesIO(PIXEL.getvalue()), "p.jpg")},
                                  "content_type": "multipart/form-data"},
    "dossier.create_dossier": {"json": {"label": "Nieuw dossier"}},
    "dossier.update_dossier": {"json": {"label": "Overgenomen"}},
    "dossier.add_event": {"json": {"kind": "from_police", "title": "Overgenomen",
                                   "occurred_at": "2026-11-01T10:00:00+01:00"}},
    "dossier.add_task": {"json": {"title": "Overgenomen"}},
    "dossier.link_dossier": {"json": {"code": "ABCD-EFGH-JKLM"}},
    "tasks.create_task": {"json": {"title": "Mijn eigen taak"}},
    "tasks.update_task": {"json": {"done": True, "title": "Overgenomen"}},
    "tasks.help_with_task": {"json": {"helping": True, "note": "Overgenomen"}},
    "recovery.put_profile": {"json": {"reminder": "2w"}},
    "recovery.create_test": lambda: {"json": {
        "taken_at": "2026-11-01T10:00:00+01:00",
        "answers": {"phq4": [0, 0, 0, 0], "who5": [3, 3, 3, 3, 3], "safety": 0}}},
    "recovery.update_test": {"json": {"shared": False}},
    "recovery.request_callback": {"json": {"note": "Overgenomen"}},
    "rights.put_situation": {"json": {"crime": "geweld", "reported": None}},
    "rights.put_choice": {"json": {"right": "R07", "choice": "later"}},
    "rights.suggest": {"json": {"right": "R13"}},
    "training.put_progress": {"json": {"last": None}},
    "training.put_checklists": {"json": {"checked": {}}},
    "helpers.create_invite": {"json": {"name": "mam"}},
    "helpers.link": {"json": {"code": "ABCD-EFGH"}},
    "helpers.put_message": {"json": {"text": "Overgenomen", "to_all": True}},
    "helpers.update_helper": {"json": {"shares_recovery": True}},
    "push.subscribe": {"json": {"endpoint": ENDPOINT_URL, "keys": {"p256dh": "x", "auth": "y"}}},
    "push.unsubscribe": {"json": {"endpoint": ENDPOINT_URL}},
    "push.put_preferences": {"json": {"kinds": {"dossier": True}, "quiet_hours": None}},
    "sync.sync": {"json": {"client_id": "matrix", "cursor": None, "mutations": []}},
    "auth.logout": {},
    "auth.logout_everywhere": {"json": {"keep_this": True}},
    "auth.new_recovery_code": {"json": {"password": "not the password of anyone here"}},
    "export.start_export": {"json": {"password": "not the password of anyone here"}},
}


@dataclass
class World:
    """Another client (with a logbook, an entry and a photo) and another staff member (with a
    dossier linked to that client, an event and a task). Nobody in the matrix is either."""

    ids: dict[str, str]
    owner_checks: dict[str, tuple[object, str]]  # id kind -> (owner's client, GET path)

    def path(self, rule: str, endpoint: str) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.ids:
                pytest.fail(f"{endpoint}: no record of another owner for <{name}>; add one to "
                            "World in tests/test_authz_matrix.py")
            return self.ids[name]

        return re.sub(r"<(?:\w+:)?(\w+)>", value, rule)


@pytest.fixture
def world(app: Flask, make_user) -> World:
    owner = make_client(app, make_user("client"))
    logbook = make_logbook(owner, title=f"{SECRET} titel")
    entry = make_entry(owner, logbook["id"], note=f"{SECRET} notitie")
    buffer = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "JPEG")
    photo = upload_photo(owner, entry["id"], buffer.getvalue(), keep_original=True)
    assert photo.status_code == 201, photo.get_json()
    staff = make_client(app, make_user("staff"))
    dossier = make_dossier(staff, label=f"{SECRET} label")
    assert link_dossier(owner, dossier["invite_code"]).status_code == 200
    event = make_dossier_event(staff, dossier["id"], title=f"{SECRET} event")
    task = make_dossier_task(staff, dossier["id"], title=f"{SECRET} taak")
    recovery_test = owner.post("/api/recovery/tests", headers=owner.csrf, json={
        "taken_at": "2026-11-01T10:00:00+01:00", "shared": True,
        "answers": {"phq4": [3, 3, 3, 3], "who5": [0, 0, 0, 0, 0], "safety": 3}})
    assert recovery_test.status_code == 201, recovery_test.get_json()
    test_id = recovery_test.get_json()["id"]
    suggestion = staff.post(f"/api/staff/dossiers/{dossier['id']}/rights-suggestions",
                            headers=staff.csrf, json={"right": "R16"})
    assert suggestion.status_code == 201, suggestion.get_json()
    suggestion_id = suggestion.get_json()["id"]
    photo_id = photo.get_json()["id"]
    helper = make_client(app, make_user("helper"))
    invited = owner.post("/api/helpers/invites", headers=owner.csrf, json={"name": SECRET})
    linked = helper.post("/api/helpers/link", headers=helper.csrf,
                         json={"code": invited.get_json()["code"]})
    assert linked.status_code == 200, linked.get_json()
    open_invite = owner.post("/api/helpers/invites", headers=owner.csrf,
                             json={"name": f"{SECRET} 2"}).get_json()["id"]
    message = owner.put("/api/helpers/message", headers=owner.csrf,
                        json={"text": f"{SECRET} hulp", "to_all": True})
    assert message.status_code == 200, message.get_json()
    shared = owner.patch(f"/api/tasks/{task['id']}", headers=owner.csrf,
                         json={"shared_to_all": True, "helpers_may_tick": True})
    assert shared.status_code == 200, shared.get_json()  # seen by their helper, not by ours
    ids = {"test_id": test_id, "logbook_id": logbook["id"], "entry_id": entry["id"],
           "photo_id": photo_id, "dossier_id": dossier["id"], "event_id": event["id"],
           "task_id": task["id"], "suggestion_id": suggestion_id,
           "link_id": linked.get_json()["id"], "invite_id": open_invite}
    checks = {"logbook_id": (owner, f"/api/logbooks/{logbook['id']}"),
              "entry_id": (owner, f"/api/entries/{entry['id']}"),
              "photo_id": (owner, f"/api/photos/{photo_id}/original"),
              "dossier_id": (staff, f"/api/staff/dossiers/{dossier['id']}"),
              "event_id": (staff, f"/api/staff/dossiers/{dossier['id']}"),
              "task_id": (owner, "/api/tasks"),
              "test_id": (owner, f"/api/recovery/tests/{test_id}"),
              "suggestion_id": (staff, f"/api/staff/dossiers/{dossier['id']}/rights-suggestions"),
              "link_id": (owner, "/api/helpers"),
              "invite_id": (owner, "/api/helpers/invites")}
    return World(ids, checks)


def _routes(app: Flask) -> list[tuple[str, str, str]]:
    return sorted((rule.rule, method, rule.endpoint) for rule in app.url_map.iter_rules()
                  for method in rule.methods - {"HEAD", "OPTIONS"})


def _declared(app: Flask, endpoint: str) -> tuple[bool, frozenset[str] | None]:
    """(login required, allowed roles or None for every role), as the view documents it."""
    view = app.view_functions[endpoint]
    responses = getattr(view, "_apidoc", {}).get("manual_doc", {}).get("responses", {})
    if "401" not in responses:
        return False, None
    if "403" not in responses:
        return True, None
    described = responses["403"]["description"]
    assert described.startswith("Only for: "), (endpoint, described)
    return True, frozenset(described.removeprefix("Only for: ").split(", "))


def _request(client, method: str, path: str, endpoint: str, headers: dict | None = None):
    body = BODIES.get(endpoint, {})
    if callable(body):
        body = body()
    return client.open(path, method=method, headers=headers or {}, **body)


def _coverage_problems(app: Flask) -> list[str]:
    """Routes the matrix cannot judge: no login and not PUBLIC, a body route without a sample
    body; and entries of the lists that name no route any more."""
    problems = []
    endpoints = {endpoint for _, _, endpoint in _routes(app)}
    for rule, method, endpoint in _routes(app):
        login, _ = _declared(app, endpoint)
        if not login and endpoint not in PUBLIC:
            problems.append(f"{method} {rule} ({endpoint}) neither requires a login "
                            "(blp.login_required) nor is listed in PUBLIC with a reason")
        if login and endpoint in PUBLIC:
            problems.append(f"{endpoint} is in PUBLIC but needs a login")
        doc = app.view_functions[endpoint].__dict__.get("_apidoc", {})
        takes_body = any(p.get("in") in ("json", "form", "files")
                         for p in doc.get("arguments", {}).get("parameters", []))
        if login and takes_body and (endpoint, method) not in SPECIAL and endpoint not in BODIES:
            problems.append(f"{endpoint} takes a body: add a valid one to BODIES")
    gone = (set(PUBLIC) | {e for e, _ in SPECIAL} | set(BODIES)) - endpoints
    problems += [f"{endpoint} is listed here but is no route" for endpoint in sorted(gone)]
    return problems


def test_every_route_is_covered(app: Flask) -> None:
    assert _coverage_problems(app) == []


def test_a_new_route_without_a_login_fails_the_matrix(tmp_path: Path) -> None:
    """The point of the matrix: a route added later without a check is caught."""
    from api.extensions import limiter

    saved = dict(limiter.__dict__)
    other = create_app(make_settings(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/n.db"))
    try:
        other.add_url_rule("/api/notes/<uuid:note_id>", "notes.get_note",
                           lambda note_id: {"id": str(note_id)})
        assert any("notes.get_note" in p for p in _coverage_problems(other))
    finally:
        other.extensions["houvast_db"].engine.dispose()
        limiter.__dict__.update(saved)


def _matrix_ids(app: Flask) -> list[tuple[str, str, str]]:
    return [r for r in _routes(app) if r[2] not in PUBLIC and (r[2], r[1]) not in SPECIAL]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per route of the URL map (an app made only to read its map)."""
    if "route" in metafunc.fixturenames:
        from api.extensions import limiter

        saved = dict(limiter.__dict__)
        with tempfile.TemporaryDirectory() as tmp:
            other = create_app(make_settings(Path(tmp), DATABASE_URL=f"sqlite:///{tmp}/m.db"))
            routes = _matrix_ids(other)
            other.extensions["houvast_db"].engine.dispose()
        limiter.__dict__.update(saved)
        metafunc.parametrize("route", routes, ids=[f"{m} {r}" for r, m, _ in routes])


def _check(app: Flask, make_user, world: World, route: tuple[str, str, str],
           role: str) -> str | None:
    """What is wrong with `route` for `role`, or None."""
    rule, method, endpoint = route
    _, allowed = _declared(app, endpoint)
    path = world.path(rule, endpoint)
    if role == "none":
        response = _request(app.test_client(), method, path, endpoint)
        if response.status_code != 401:
            return f"without a session: {response.status_code}, expected 401"
        return None
    actor = make_client(app, make_user(role))
    response = _request(actor, method, path, endpoint, actor.csrf)
    answer = response.get_data().decode("utf-8", "replace")
    status = response.status_code
    if allowed is not None and role not in allowed:
        if status != 403:
            return f"as {role} (not allowed): {status}, expected 403: {answer[:200]}"
    elif "<" in rule:
        if status != 404:
            return f"as {role} on another owner's record: {status}, expected 404: {answer[:200]}"
        # An id that exists nowhere is 404 too, and creates nothing (a PATCH is no upsert).
        unknown = re.sub(r"<(?:\w+:)?\w+>", lambda _: str(uuid.uuid4()), rule)
        second = _request(actor, method, unknown, endpoint, actor.csrf)
        if second.status_code != 404:
            return f"as {role} on an unknown id: {second.status_code}, expected 404"
        for name in re.findall(r"<(?:\w+:)?(\w+)>", rule):
            owner, check = world.owner_checks[name]
            seen = owner.get(check)
            if seen.status_code != 200 or b"Overgenomen" in seen.get_data():
                return f"as {role}: the owner's {name} changed ({check}: {seen.status_code})"
    elif status >= 500:
        return f"as {role}: {status}: {answer[:200]}"
    if SECRET in answer:
        return f"as {role}: another person's text in the answer"
    leaked = [name for name, value in world.ids.items() if value in answer and value not in path]
    if leaked:
        return f"as {role}: another person's ids in the answer: {leaked}"
    return None


def test_matrix(app: Flask, make_user, world: World, route: tuple[str, str, str]) -> None:
    """Every role on one route (one World of other people's records per route)."""
    problems = [problem for role in ROLES
                if (problem := _check(app, make_user, world, route, role))]
    assert not problems, f"{route[1]} {route[0]}:\n" + "\n".join(problems)


def test_unknown_id_is_404_like_another_owners(app: Flask, make_user, world: World) -> None:
    """The owner check cannot be told from a missing record: same status, same message."""
    actor = make_client(app, make_user("client"))
    theirs = actor.get(f"/api/logbooks/{world.ids['logbook_id']}")
    missing = actor.get(f"/api/logbooks/{uuid.uuid4()}")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.get_json() == missing.get_json()
