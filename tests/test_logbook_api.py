"""Logbook API: templates, CRUD, validation per type, revisions, delete/restore/purge,
owner isolation and roles."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from api.db import db, utcnow
from api.logbook import service
from api.logbook.models import Entry, Logbook, LogbookEvent
from tests.factories import DAMAGE, FEELING, STALKING, WHEN, login, make_entry, make_logbook


def test_templates_are_public_with_both_languages(client):
    response = client.get("/api/logbook-templates")
    assert response.status_code == 200
    templates = {t["type"]: t for t in response.get_json()["templates"]}
    assert set(templates) == {"wellbeing", "damages", "stalking"}
    keys = [q["key"] for q in templates["wellbeing"]["questions"]]
    assert keys == ["feeling", "sleep", "what_happened", "what_helped"]
    for template in templates.values():
        for q in template["questions"]:
            assert q["label"]["nl"] and q["label"]["en"] and q["help"]["nl"] and q["help"]["en"]
            assert isinstance(q["step"], int) and isinstance(q["required"], bool)
            for option in q.get("options", []):
                assert option["label"]["nl"] and option["label"]["en"]
    feeling = templates["wellbeing"]["questions"][0]
    assert feeling["required"] and [o["value"] for o in feeling["options"]] == [1, 2, 3, 4, 5]
    details = {q["key"]: q for q in templates["stalking"]["questions"]}["details"]
    assert "namen" in details["warning"]["nl"]


def test_logbook_crud_with_versions(auth_client):
    created = make_logbook(auth_client, title="Na de inbraak")
    assert created["version"] == 1 and created["title"] == "Na de inbraak"
    listed = auth_client.get("/api/logbooks").get_json()
    assert [lb["id"] for lb in listed] == [created["id"]]
    path = f"/api/logbooks/{created['id']}"
    patched = auth_client.patch(path, json={"title": "Nieuw", "version": 1},
                                headers=auth_client.csrf)
    assert patched.status_code == 200 and patched.get_json()["version"] == 2
    stale = auth_client.patch(path, json={"title": "Ouder", "version": 1},
                              headers=auth_client.csrf)
    assert stale.status_code == 409
    assert stale.get_json()["errors"]["current"]["title"] == "Nieuw"
    assert auth_client.get(path).get_json()["title"] == "Nieuw"
    assert auth_client.delete(path, headers=auth_client.csrf).status_code == 204
    assert auth_client.get(path).status_code == 404
    assert auth_client.get("/api/logbooks").get_json() == []


def test_client_id_is_used_and_repeated_create_updates(auth_client):
    own_id = str(uuid.uuid4())
    body = {"id": own_id, "type": "damages", "title": "Kosten"}
    first = auth_client.post("/api/logbooks", json=body, headers=auth_client.csrf)
    again = auth_client.post("/api/logbooks", json={**body, "title": "Kosten 2"},
                             headers=auth_client.csrf)
    assert first.get_json()["id"] == own_id and again.get_json()["version"] == 2
    assert len(auth_client.get("/api/logbooks").get_json()) == 1


def test_logbook_type_is_checked_and_fixed_once_there_are_entries(auth_client):
    bad = auth_client.post("/api/logbooks", json={"type": "diary", "title": "x"},
                           headers=auth_client.csrf)
    assert bad.status_code == 422 and "type" in bad.get_json()["errors"]
    logbook = make_logbook(auth_client)
    make_entry(auth_client, logbook["id"])
    change = auth_client.patch(f"/api/logbooks/{logbook['id']}", json={"type": "damages"},
                               headers=auth_client.csrf)
    assert change.status_code == 422 and "type" in change.get_json()["errors"]


@pytest.mark.parametrize(("type_", "answers", "field"), [
    ("wellbeing", {"sleep": 3}, "feeling"),
    ("wellbeing", {"feeling": 6}, "feeling"),
    ("wellbeing", {"feeling": "goed"}, "feeling"),
    ("wellbeing", {"feeling": 3, "mood": 2}, "mood"),
    ("wellbeing", {"feeling": 3, "what_helped": 12}, "what_helped"),
    ("damages", {**DAMAGE, "amount_cents": 12.5}, "amount_cents"),
    ("damages", {**DAMAGE, "category": "food"}, "category"),
    ("damages", {**DAMAGE, "reimbursed_cents": 99999}, "reimbursed_cents"),
    ("damages", {**DAMAGE, "reimbursed": False}, "reimbursed_by"),
    ("damages", {k: v for k, v in DAMAGE.items() if k != "amount_cents"}, "amount_cents"),
    ("stalking", {**STALKING, "what": []}, "what"),
    ("stalking", {**STALKING, "what": ["followed", "stared"]}, "what"),
    ("stalking", {**STALKING, "where": "Jan's house"}, "where"),
    ("stalking", {**STALKING, "witnesses": "Piet"}, "witnesses"),
    ("stalking", {**STALKING, "report_number": "12345"}, "report_number"),
    ("stalking", {**STALKING, "reported": False}, "report_number"),
])
def test_answers_are_validated_per_type_naming_the_field(auth_client, type_, answers, field):
    logbook = make_logbook(auth_client, type_)
    response = auth_client.post(f"/api/logbooks/{logbook['id']}/entries",
                                json={"occurred_at": WHEN, "answers": answers},
                                headers=auth_client.csrf)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]["answers"]
    assert auth_client.get(f"/api/logbooks/{logbook['id']}/entries").get_json() == []


def test_valid_answers_per_type_are_stored_clean(auth_client):
    for type_, answers in (("wellbeing", FEELING), ("damages", DAMAGE), ("stalking", STALKING)):
        logbook = make_logbook(auth_client, type_)
        entry = make_entry(auth_client, logbook["id"], answers)
        assert entry["revision"] == 1 and entry["version"] == 1
        assert entry["answers"].keys() == answers.keys()
    empty = make_entry(auth_client, logbook["id"], {**STALKING, "details": "  "})
    assert "details" not in empty["answers"]
    assert entry["answers"]["report_number"] == "PL0900-2026123456"


def test_entry_needs_occurred_at_and_knows_no_extra_fields(auth_client):
    logbook = make_logbook(auth_client)
    path = f"/api/logbooks/{logbook['id']}/entries"
    missing = auth_client.post(path, json={"answers": FEELING}, headers=auth_client.csrf)
    assert missing.status_code == 422 and "occurred_at" in missing.get_json()["errors"]
    extra = auth_client.post(path, json={"occurred_at": WHEN, "answers": FEELING, "mood": 1},
                             headers=auth_client.csrf)
    assert extra.status_code == 422 and "mood" in extra.get_json()["errors"]


def test_damages_totals_per_category_and_overall(auth_client):
    logbook = make_logbook(auth_client, "damages")
    make_entry(auth_client, logbook["id"], DAMAGE)
    make_entry(auth_client, logbook["id"], {"category": "travel", "amount_cents": 1999,
                                           "reimbursed": True})
    make_entry(auth_client, logbook["id"], {"category": "medical", "amount_cents": 1,
                                           "reimbursed": False})
    totals = auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["totals"]
    assert totals["per_category"]["medical"] == {
        "amount_cents": 12346, "reimbursed_cents": 2345, "outstanding_cents": 10001}
    assert totals["per_category"]["travel"]["outstanding_cents"] == 0
    assert totals["overall"] == {"amount_cents": 14345, "reimbursed_cents": 4344,
                                 "outstanding_cents": 10001}


def test_edit_makes_a_revision_and_keeps_history(auth_client):
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"], note="eerste")
    path = f"/api/entries/{entry['id']}"
    edited = auth_client.patch(path, json={"answers": {"feeling": 4}},
                               headers=auth_client.csrf)
    assert edited.status_code == 200
    body = edited.get_json()
    assert body["revision"] == 2 and body["version"] == 2
    assert body["answers"] == {"feeling": 4} and body["note"] == "eerste"
    revisions = auth_client.get(path).get_json()["revisions"]
    assert [r["revision"] for r in revisions] == [1, 2]
    assert revisions[0]["answers"] == FEELING and revisions[1]["answers"] == {"feeling": 4}
    assert revisions[0]["hash"] != revisions[1]["hash"]
    bad = auth_client.patch(path, json={"answers": {"feeling": 0}}, headers=auth_client.csrf)
    assert bad.status_code == 422 and "feeling" in bad.get_json()["errors"]["answers"]
    assert len(auth_client.get(path).get_json()["revisions"]) == 2


def test_repeated_create_with_same_id_adds_a_revision(auth_client):
    logbook = make_logbook(auth_client)
    entry_id = str(uuid.uuid4())
    make_entry(auth_client, logbook["id"], id=entry_id)
    again = make_entry(auth_client, logbook["id"], {"feeling": 5}, id=entry_id)
    assert again["revision"] == 2 and again["answers"] == {"feeling": 5}


def test_delete_restore_and_purge(auth_client):
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"], note="weg")
    path = f"/api/entries/{entry['id']}"
    assert auth_client.delete(path, headers=auth_client.csrf).status_code == 204
    assert auth_client.get(path).status_code == 404
    entries_path = f"/api/logbooks/{logbook['id']}/entries"
    assert auth_client.get(entries_path).get_json() == []
    deleted = auth_client.get(f"{entries_path}?deleted=true").get_json()
    assert [e["id"] for e in deleted] == [entry["id"]]
    restored = auth_client.post(f"{path}/restore", headers=auth_client.csrf)
    assert restored.status_code == 200 and restored.get_json()["deleted"] is False
    assert [e["id"] for e in auth_client.get(entries_path).get_json()] == [entry["id"]]

    assert auth_client.delete(path, headers=auth_client.csrf).status_code == 204
    assert service.purge()["entries"] == 0  # still within the 30 days
    row = db.session.get(Entry, uuid.UUID(entry["id"]))
    row.deleted_at = utcnow() - timedelta(days=31)
    db.session.commit()
    assert service.purge() == {"entries": 1, "logbooks": 0}
    db.session.commit()
    assert auth_client.post(f"{path}/restore", headers=auth_client.csrf).status_code == 404
    events = db.session.query(LogbookEvent).filter_by(entry_id=row.id).all()
    assert all(e.content is None for e in events if e.kind != "purged")
    check = auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()
    assert check["intact"] is True and check["purged_events"] >= 2


def test_purge_removes_old_deleted_logbooks(auth_client):
    logbook = make_logbook(auth_client)
    make_entry(auth_client, logbook["id"])
    auth_client.delete(f"/api/logbooks/{logbook['id']}", headers=auth_client.csrf)
    row = db.session.get(Logbook, uuid.UUID(logbook["id"]))
    row.deleted_at = utcnow() - timedelta(days=31)
    db.session.commit()
    assert service.purge()["logbooks"] == 1
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Logbook, uuid.UUID(logbook["id"])) is None
    assert db.session.query(Entry).filter_by(logbook_id=uuid.UUID(logbook["id"])).count() == 0


def test_purge_command(app, auth_client):
    result = app.test_cli_runner().invoke(args=["logbook", "purge"])
    assert result.exit_code == 0 and "purged 0 entries" in result.output


def test_other_owner_gets_404_everywhere(auth_client, other_client):
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"])
    lb, en = f"/api/logbooks/{logbook['id']}", f"/api/entries/{entry['id']}"
    h = other_client.csrf
    answers = [
        other_client.get(lb), other_client.patch(lb, json={"title": "x"}, headers=h),
        other_client.delete(lb, headers=h), other_client.get(f"{lb}/entries"),
        other_client.post(f"{lb}/entries", json={"occurred_at": WHEN, "answers": FEELING},
                          headers=h),
        other_client.get(f"{lb}/verify"), other_client.get(f"{lb}/export.pdf"),
        other_client.get(en), other_client.patch(en, json={"note": "x"}, headers=h),
        other_client.delete(en, headers=h), other_client.post(f"{en}/restore", headers=h),
    ]
    missing = other_client.get(f"/api/logbooks/{uuid.uuid4()}")
    for response in answers:
        assert response.status_code == 404
        assert response.get_json() == missing.get_json()
    # Reusing the other person's ids to create records does not reach them either.
    stolen = other_client.post("/api/logbooks", json={"id": logbook["id"], "type": "wellbeing",
                                                      "title": "mine"}, headers=h)
    assert stolen.status_code == 404
    hijack = other_client.post(f"/api/logbooks/{uuid.uuid4()}/entries",
                               json={"id": entry["id"], "occurred_at": WHEN, "answers": FEELING},
                               headers=h)
    assert hijack.status_code == 404
    assert auth_client.get(en).get_json()["revision"] == 1


@pytest.mark.parametrize("role", ["helper", "staff"])
def test_only_clients_use_the_logbook(app, make_user, role):
    test_client = app.test_client()
    headers = login(test_client, make_user(role))
    assert test_client.get("/api/logbooks").status_code == 403
    response = test_client.post("/api/logbooks", json={"type": "wellbeing", "title": "x"},
                                headers=headers)
    assert response.status_code == 403


def test_login_is_needed(client):
    assert client.get("/api/logbooks").status_code == 401
