"""Dossier over REST: invite codes, linking, staff isolation, timeline, tasks, audit, privacy."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from sqlalchemy import select, text

from api.db import db, utcnow
from api.dossier import service
from api.dossier.models import Dossier, DossierAudit
from api.sync.changelog import Change
from api.tasks import service as tasks
from tests.factories import (
    DOSSIER_LABEL,
    DOSSIER_MARKER,
    link_dossier,
    make_client,
    make_dossier,
    make_dossier_event,
    make_dossier_task,
    raw_rows,
)

BAD_CODE = {"code": 404, "status": "Not Found", "message": service.BAD_CODE, "errors": {}}


# -- invite codes ----------------------------------------------------------------------------


def test_invite_code_is_readable_aloud() -> None:
    codes = {service.new_invite_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code)
        assert not set(code) & set("01OIL")
    assert service.normalise_code(" k7m4 - x9pq ") == "K7M4X9PQ"


def test_create_dossier_shows_code_once_and_stores_only_a_hash(staff) -> None:
    created = make_dossier(staff, contact_name="Sanne")
    code = created["invite_code"]
    assert created["label"] == DOSSIER_LABEL and created["linked"] is False
    expires = created["invite_expires_at"]
    assert expires.startswith((utcnow() + timedelta(days=14)).date().isoformat())
    stored = raw_rows("dossiers")
    assert code.encode() not in stored and service.normalise_code(code).encode() not in stored
    assert service.code_hash(code).encode() in stored
    again = staff.get(f"/api/staff/dossiers/{created['id']}").get_json()
    assert "invite_code" not in again and again["label"] == DOSSIER_LABEL


def test_link_ignores_case_spaces_and_dashes(staff, auth_client) -> None:
    code = make_dossier(staff)["invite_code"]
    spoken = " ".join(code.replace("-", "").lower())
    response = link_dossier(auth_client, spoken)
    assert response.status_code == 200, response.get_json()
    assert auth_client.get("/api/dossier").status_code == 200


def test_wrong_expired_and_used_codes_get_one_answer(app, staff, auth_client, make_user) -> None:
    expired = make_dossier(staff)
    row = db.session.get(Dossier, uuid.UUID(expired["id"]))
    row.invite_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    used = make_dossier(staff)["invite_code"]
    assert link_dossier(make_client(app, make_user("client")), used).status_code == 200

    answers = [link_dossier(auth_client, code)
               for code in ("ABCD-EFGH", expired["invite_code"], used)]
    assert [(r.status_code, r.get_json()) for r in answers] == [(404, BAD_CODE)] * 3
    assert auth_client.get("/api/dossier").status_code == 404


def test_new_invite_replaces_the_old_code(staff, auth_client) -> None:
    created = make_dossier(staff)
    renewed = staff.post(f"/api/staff/dossiers/{created['id']}/invite", headers=staff.csrf)
    assert renewed.status_code == 201
    assert renewed.get_json()["invite_code"] != created["invite_code"]
    assert link_dossier(auth_client, created["invite_code"]).get_json() == BAD_CODE
    assert link_dossier(auth_client, renewed.get_json()["invite_code"]).status_code == 200
    again = staff.post(f"/api/staff/dossiers/{created['id']}/invite", headers=staff.csrf)
    assert again.status_code == 409


def test_a_client_links_one_dossier(staff, auth_client, linked) -> None:
    other = make_dossier(staff)
    response = link_dossier(auth_client, other["invite_code"])
    assert response.status_code == 409
    assert response.get_json()["message"] == service.ALREADY_LINKED


def test_linking_is_rate_limited_on_failures(app, staff, auth_client, make_user) -> None:
    code = make_dossier(staff)["invite_code"]
    for _ in range(5):
        assert link_dossier(auth_client, "WRNG-CODE").status_code == 404
    blocked = link_dossier(auth_client, code)
    assert blocked.status_code == 429
    assert blocked.get_json()["code"] == 429
    # The limit is per user: another account (same address) still links.
    assert link_dossier(make_client(app, make_user("client")), code).status_code == 200


def test_linking_is_rate_limited_per_address(app, staff, make_user) -> None:
    for _ in range(6):  # 6 accounts x 5 failures = 30 per hour from one address
        guesser = make_client(app, make_user("client"))
        for _ in range(5):
            assert link_dossier(guesser, "WRNG-CODE").status_code == 404
    fresh = make_client(app, make_user("client"))
    assert link_dossier(fresh, make_dossier(staff)["invite_code"]).status_code == 429


def test_no_dossier_is_a_kind_404(auth_client) -> None:
    response = auth_client.get("/api/dossier")
    assert response.status_code == 404
    assert response.get_json()["message"] == service.NO_DOSSIER


# -- access ----------------------------------------------------------------------------------


def test_staff_see_only_their_own_dossiers(app, staff, make_user) -> None:
    mine = make_dossier(staff)
    event = make_dossier_event(staff, mine["id"])
    task = make_dossier_task(staff, mine["id"])
    other = make_client(app, make_user("staff"))
    assert other.get("/api/staff/dossiers").get_json() == []
    assert [d["id"] for d in staff.get("/api/staff/dossiers").get_json()] == [mine["id"]]
    base = f"/api/staff/dossiers/{mine['id']}"
    h = other.csrf
    answers = [
        other.get(base),
        other.patch(base, json={"label": "x"}, headers=h),
        other.post(f"{base}/invite", headers=h),
        other.post(f"{base}/events", json={"kind": "from_us", "title": "x",
                                           "occurred_at": "2026-11-01T10:00:00Z"}, headers=h),
        other.post(f"{base}/tasks", json={"title": "x"}, headers=h),
        other.delete(f"{base}/events/{event['id']}", headers=h),
        other.delete(f"{base}/tasks/{task['id']}", headers=h),
        staff.delete(f"/api/staff/dossiers/{uuid.uuid4()}/events/{event['id']}",
                     headers=staff.csrf),
    ]
    assert [r.status_code for r in answers] == [404] * 8
    assert len(staff.get(base).get_json()["events"]) == 1


def test_item_of_another_dossier_is_404(staff) -> None:
    first, second = make_dossier(staff), make_dossier(staff)
    event = make_dossier_event(staff, first["id"])
    response = staff.delete(f"/api/staff/dossiers/{second['id']}/events/{event['id']}",
                            headers=staff.csrf)
    assert response.status_code == 404


def test_roles_are_kept_apart(staff, auth_client) -> None:
    assert auth_client.get("/api/staff/dossiers").status_code == 403
    assert auth_client.post("/api/staff/dossiers", json={"label": "x"},
                            headers=auth_client.csrf).status_code == 403
    assert staff.get("/api/dossier").status_code == 403
    assert link_dossier(staff, "ABCD-EFGH").status_code == 403


# -- what the client sees --------------------------------------------------------------------


def test_timeline_newest_first_grouped_without_the_label(staff, auth_client, linked) -> None:
    dossier_id = linked["id"]
    court = make_dossier_event(staff, dossier_id, kind="court_date",
                               occurred_at="2026-12-10T09:00:00Z")
    police_old = make_dossier_event(staff, dossier_id, occurred_at="2026-10-01T09:00:00Z")
    call = make_dossier_event(staff, dossier_id, kind="call_summary",
                              occurred_at="2026-11-20T15:00:00Z", link="https://example.org/info")
    police_new = make_dossier_event(staff, dossier_id, occurred_at="2026-11-21T09:00:00Z")
    response = auth_client.get("/api/dossier")
    assert DOSSIER_LABEL not in response.get_data(as_text=True)
    body = response.get_json()
    assert [e["id"] for e in body["timeline"]] == [
        court["id"], police_new["id"], call["id"], police_old["id"]]
    assert body["groups"] == [
        {"source": "court", "event_ids": [court["id"]]},
        {"source": "police", "event_ids": [police_new["id"], police_old["id"]]},
        {"source": "organisation", "event_ids": [call["id"]]},
    ]
    assert body["timeline"][2]["link"] == "https://example.org/info"
    assert body["timeline"][2]["title"] == f"{DOSSIER_MARKER} title"
    assert body["contact"]["organisation"] == service.DEFAULT_ORG_NAME
    assert body["contact"]["phone"] == service.DEFAULT_ORG_PHONE


def test_contact_comes_from_the_dossier_and_config(app, staff, auth_client, linked) -> None:
    staff.patch(f"/api/staff/dossiers/{linked['id']}",
                json={"contact_name": "Sanne", "contact_hours": "ma-vr 9-17"},
                headers=staff.csrf)
    app.config["ORG_NAME"] = "Voorbeeldhulp"
    try:
        contact = auth_client.get("/api/dossier").get_json()["contact"]
    finally:
        del app.config["ORG_NAME"]
    assert contact["name"] == "Sanne" and contact["hours"] == "ma-vr 9-17"
    assert contact["organisation"] == "Voorbeeldhulp"


def test_event_links_must_be_https(staff) -> None:
    dossier = make_dossier(staff)
    response = staff.post(f"/api/staff/dossiers/{dossier['id']}/events", json={
        "kind": "from_us", "title": "Lees dit", "occurred_at": "2026-11-01T10:00:00Z",
        "link": "http://example.org/"}, headers=staff.csrf)
    assert response.status_code == 422 and "link" in response.get_json()["errors"]
    unknown_kind = staff.post(f"/api/staff/dossiers/{dossier['id']}/events", json={
        "kind": "gossip", "title": "x", "occurred_at": "2026-11-01T10:00:00Z"},
        headers=staff.csrf)
    assert unknown_kind.status_code == 422


def test_client_ticks_tasks_off(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"], due_date="2026-12-01")
    response = auth_client.patch(f"/api/tasks/{task['id']}", json={"done": True},
                                 headers=auth_client.csrf)
    assert response.status_code == 200
    done = response.get_json()
    assert done["done"] is True and done["done_at"] and done["version"] == task["version"] + 1
    staff_view = staff.get(f"/api/staff/dossiers/{linked['id']}").get_json()
    assert staff_view["tasks"][0]["done"] is True and staff_view["open_tasks"] == 0
    undone = auth_client.patch(f"/api/tasks/{task['id']}", json={"done": False},
                               headers=auth_client.csrf).get_json()
    assert undone["done"] is False and undone["done_at"] is None


def test_a_tick_that_changes_nothing_keeps_the_version(staff, auth_client, linked) -> None:
    done_task, open_task = (make_dossier_task(staff, linked["id"]) for _ in range(2))
    url = f"/api/tasks/{done_task['id']}"
    done = auth_client.patch(url, json={"done": True}, headers=auth_client.csrf).get_json()
    assert done["version"] == done_task["version"] + 1
    before = changes_for(auth_client.user.id)
    for task_id, body, same in ((done_task["id"], {"done": True}, done),
                                (open_task["id"], {"done": False}, open_task)):
        again = auth_client.patch(f"/api/tasks/{task_id}", json=body,
                                  headers=auth_client.csrf)
        assert again.status_code == 200
        seen = again.get_json()  # the client's view: the staff one and whom it is shared with
        assert {key: seen[key] for key in same} == same  # same version, done_at, updated_at
    assert changes_for(auth_client.user.id) == before  # nothing new for the devices
    staff_view = {t["id"]: t for t in staff.get(f"/api/staff/dossiers/{linked['id']}")
                  .get_json()["tasks"]}
    assert staff_view[done_task["id"]]["version"] == done["version"]
    assert staff_view[open_task["id"]]["version"] == open_task["version"]


def test_client_cannot_change_what_staff_wrote(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    response = auth_client.patch(f"/api/tasks/{task['id']}",
                                 json={"done": True, "title": "Mijn eigen titel"},
                                 headers=auth_client.csrf)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"title": [tasks.STAFF_ONLY]}
    same = auth_client.patch(f"/api/tasks/{task['id']}",
                             json={"done": True, "title": task["title"]},
                             headers=auth_client.csrf)
    assert same.status_code == 200


def test_foreign_and_missing_tasks_are_404(app, staff, auth_client, linked, make_user) -> None:
    task = make_dossier_task(staff, linked["id"])
    stranger = make_client(app, make_user("client"))
    for who, task_id in ((stranger, task["id"]), (auth_client, str(uuid.uuid4()))):
        response = who.patch(f"/api/tasks/{task_id}", json={"done": True},
                             headers=who.csrf)
        assert response.status_code == 404
    staff.delete(f"/api/staff/dossiers/{linked['id']}/tasks/{task['id']}", headers=staff.csrf)
    gone = auth_client.patch(f"/api/tasks/{task['id']}", json={"done": True},
                             headers=auth_client.csrf)
    assert gone.status_code == 404


# -- change log, audit, privacy --------------------------------------------------------------


def changes_for(user_id: int) -> list[tuple[str, str, int, bool]]:
    rows = db.session.scalars(select(Change).where(Change.owner_id == user_id)
                              .order_by(Change.seq))
    return [(c.entity, str(c.record_id), c.version, c.deleted) for c in rows]


def test_staff_writes_reach_the_clients_change_log(staff, auth_client) -> None:
    dossier = make_dossier(staff)
    early = make_dossier_event(staff, dossier["id"])
    assert db.session.scalars(select(Change)).all() == []  # no owner before linking
    link_dossier(auth_client, dossier["invite_code"])
    user_id = auth_client.user.id
    assert [(e, i) for e, i, _v, _d in changes_for(user_id)] == [
        ("dossier", dossier["id"]), ("dossier_event", early["id"])]
    task = make_dossier_task(staff, dossier["id"])
    staff.delete(f"/api/staff/dossiers/{dossier['id']}/events/{early['id']}",
                 headers=staff.csrf)
    assert changes_for(user_id)[2:] == [
        ("task", task["id"], 1, False), ("dossier_event", early["id"], 2, True)]


def test_deleted_event_is_erased_and_leaves_the_timeline(staff, auth_client, linked) -> None:
    event = make_dossier_event(staff, linked["id"])
    url = f"/api/staff/dossiers/{linked['id']}/events/{event['id']}"
    assert staff.delete(url, headers=staff.csrf).status_code == 204
    assert staff.delete(url, headers=staff.csrf).status_code == 404
    assert auth_client.get("/api/dossier").get_json()["timeline"] == []
    assert DOSSIER_MARKER.encode() not in raw_rows("dossier_events")
    assert db.session.execute(text("SELECT title, body FROM dossier_events")).one() == (None,
                                                                                       None)


def test_audit_log_has_ids_but_no_content(staff, auth_client, linked) -> None:
    event = make_dossier_event(staff, linked["id"])
    task = make_dossier_task(staff, linked["id"])
    staff.delete(f"/api/staff/dossiers/{linked['id']}/tasks/{task['id']}", headers=staff.csrf)
    rows = db.session.scalars(select(DossierAudit).order_by(DossierAudit.id)).all()
    assert [(r.action, str(r.dossier_id), r.target_id and str(r.target_id)) for r in rows] == [
        ("dossier.create", linked["id"], None), ("dossier.link", linked["id"], None),
        ("event.create", linked["id"], event["id"]), ("task.create", linked["id"], task["id"]),
        ("task.delete", linked["id"], task["id"]),
    ]
    assert {r.actor_id for r in rows} == {staff.user.id, auth_client.user.id}
    audit = raw_rows("dossier_audit")
    assert DOSSIER_MARKER.encode() not in audit and DOSSIER_LABEL.encode() not in audit


def test_text_is_encrypted_at_rest(staff, linked) -> None:
    make_dossier_event(staff, linked["id"], link=f"https://example.org/{DOSSIER_MARKER}")
    make_dossier_task(staff, linked["id"])
    for table in ("dossiers", "dossier_events", "tasks"):
        stored = raw_rows(table)
        assert stored and DOSSIER_MARKER.encode() not in stored
        assert DOSSIER_LABEL.encode() not in stored


def test_open_tasks_per_client(staff, auth_client, linked) -> None:
    unlinked = make_dossier(staff)
    make_dossier_task(staff, unlinked["id"])
    first = make_dossier_task(staff, linked["id"])
    make_dossier_task(staff, linked["id"])
    done = make_dossier_task(staff, linked["id"])
    auth_client.patch(f"/api/tasks/{done['id']}", json={"done": True},
                      headers=auth_client.csrf)
    [(user_id, count, oldest)] = tasks.open_tasks_per_client()
    assert (user_id, count) == (auth_client.user.id, 2)
    assert oldest.isoformat() <= first["updated_at"].replace("Z", "+00:00")


def test_contact_changes_sync_and_are_audited(staff, auth_client) -> None:
    dossier = make_dossier(staff)
    staff.post(f"/api/staff/dossiers/{dossier['id']}/invite", headers=staff.csrf)
    renewed = staff.post(f"/api/staff/dossiers/{dossier['id']}/invite", headers=staff.csrf)
    link_dossier(auth_client, renewed.get_json()["invite_code"])
    changed = staff.patch(f"/api/staff/dossiers/{dossier['id']}",
                          json={"contact_phone": "010-0000000", "label": f"{DOSSIER_LABEL} 2"},
                          headers=staff.csrf)
    assert changed.status_code == 200 and changed.get_json()["label"] == f"{DOSSIER_LABEL} 2"
    assert changes_for(auth_client.user.id)[-1] == ("dossier", dossier["id"], 3, False)
    assert auth_client.get("/api/dossier").get_json()["contact"]["phone"] == "010-0000000"
    actions = db.session.scalars(select(DossierAudit.action).order_by(DossierAudit.id)).all()
    assert actions == ["dossier.create", "dossier.invite", "dossier.invite", "dossier.link",
                       "dossier.update"]
    assert DOSSIER_LABEL.encode() not in raw_rows("dossier_audit")
