"""The logbook's sync entities, through the registry as the sync endpoint uses them."""

from __future__ import annotations

import uuid

import pytest
from marshmallow import ValidationError

from api.db import db
from api.domain import Conflict, NotFound
from api.sync import registry
from api.sync.changelog import Change
from tests.factories import FEELING, WHEN, make_client, sync, sync_mutation


@pytest.fixture
def entities():
    return registry.entity("logbook"), registry.entity("logbook_entry")


def entry_data(entity, logbook_id, answers=FEELING):
    return entity.schema().load({"logbook_id": str(logbook_id), "occurred_at": WHEN,
                                 "answers": answers, "note": "via sync"})


def test_logbook_upsert_conflict_delete_and_snapshot(make_user, entities):
    logbook_entity, _ = entities
    owner = make_user()
    lid = uuid.uuid4()
    data = logbook_entity.schema().load({"type": "wellbeing", "title": "Offline"})
    assert logbook_entity.upsert(owner, lid, data, None) == 1
    assert logbook_entity.upsert(owner, lid, {"title": "Twee"}, 1) == 2
    with pytest.raises(Conflict) as stale:
        logbook_entity.upsert(owner, lid, {"title": "Oud"}, 1)
    assert stale.value.version == 2 and stale.value.errors["current"]["title"] == "Twee"
    assert logbook_entity.snapshot(owner, lid)["title"] == "Twee"
    assert list(logbook_entity.list_ids(owner)) == [lid]
    assert logbook_entity.delete(owner, lid, 2) == 3
    assert logbook_entity.snapshot(owner, lid)["deleted"] is True
    assert list(logbook_entity.list_ids(owner)) == []
    changes = db.session.query(Change).filter_by(owner_id=owner.id).order_by(Change.seq).all()
    assert [(c.entity, c.version, c.deleted) for c in changes] == [
        ("logbook", 1, False), ("logbook", 2, False), ("logbook", 3, True)]


def test_stale_entry_edit_is_a_new_revision_not_a_conflict(make_user, entities):
    logbook_entity, entry_entity = entities
    owner = make_user()
    lid, eid = uuid.uuid4(), uuid.uuid4()
    logbook_entity.upsert(owner, lid, {"type": "wellbeing", "title": "x"}, None)
    assert entry_entity.upsert(owner, eid, entry_data(entry_entity, lid), None) == 1
    assert entry_entity.upsert(owner, eid, entry_data(entry_entity, lid, {"feeling": 5}), 1) == 2
    assert entry_entity.upsert(owner, eid, entry_data(entry_entity, lid, {"feeling": 1}), 1) == 3
    snapshot = entry_entity.snapshot(owner, eid)
    assert snapshot["revision"] == 3 and snapshot["answers"] == {"feeling": 1}
    assert list(entry_entity.list_ids(owner)) == [eid]
    assert entry_entity.delete(owner, eid, None) == 4
    assert entry_entity.snapshot(owner, eid)["deleted"] is True
    assert list(entry_entity.list_ids(owner)) == []


def test_other_owners_records_are_not_found(make_user, entities):
    logbook_entity, entry_entity = entities
    owner, other = make_user(), make_user()
    lid, eid = uuid.uuid4(), uuid.uuid4()
    logbook_entity.upsert(owner, lid, {"type": "wellbeing", "title": "x"}, None)
    entry_entity.upsert(owner, eid, entry_data(entry_entity, lid), None)
    with pytest.raises(NotFound):
        logbook_entity.upsert(other, lid, {"type": "wellbeing", "title": "y"}, None)
    with pytest.raises(NotFound):
        entry_entity.upsert(other, uuid.uuid4(), entry_data(entry_entity, lid), None)
    with pytest.raises(NotFound):
        entry_entity.upsert(other, eid, entry_data(entry_entity, lid), None)
    with pytest.raises(NotFound):
        entry_entity.delete(other, eid, None)
    assert entry_entity.snapshot(other, eid) is None
    assert logbook_entity.snapshot(other, lid) is None


def test_sync_data_is_validated_like_rest(make_user, entities):
    logbook_entity, entry_entity = entities
    owner = make_user()
    lid = uuid.uuid4()
    logbook_entity.upsert(owner, lid, {"type": "wellbeing", "title": "x"}, None)
    with pytest.raises(ValidationError) as missing:
        entry_entity.schema().load({"occurred_at": WHEN, "answers": FEELING})
    assert "logbook_id" in missing.value.messages
    with pytest.raises(ValidationError) as bad:
        entry_entity.upsert(owner, uuid.uuid4(), entry_data(entry_entity, lid, {"feeling": 9}),
                            None)
    assert "feeling" in bad.value.messages["answers"]


def test_offline_logbook_and_entries_through_the_sync_endpoint(auth_client, make_user):
    lid, eid = uuid.uuid4(), uuid.uuid4()
    entry = {"logbook_id": str(lid), "occurred_at": WHEN, "answers": FEELING}
    first = sync(auth_client, [
        sync_mutation("logbook", lid, {"type": "wellbeing", "title": "Telefoon"}),
        sync_mutation("logbook_entry", eid, entry),
        sync_mutation("logbook_entry", eid, {**entry, "answers": {"feeling": 5}}, base=1),
        sync_mutation("logbook_entry", eid, {**entry, "answers": {"feeling": 1}}, base=1),
        sync_mutation("logbook", lid, {"type": "wellbeing", "title": "Nieuw"}, base=1),
        sync_mutation("logbook", lid, {"type": "wellbeing", "title": "Oud"}, base=1),
        sync_mutation("logbook_entry", uuid.uuid4(), {**entry, "answers": {"feeling": 9}}),
    ])
    statuses = [r["status"] for r in first["results"]]
    assert statuses == ["applied"] * 5 + ["conflict", "rejected"]
    assert "feeling" in first["results"][6]["errors"]["data"]["answers"]
    assert first["results"][5]["current"]["title"] == "Nieuw"
    changed = {c["entity"]: c for c in first["changes"]}
    assert changed["logbook_entry"]["data"]["revision"] == 3
    assert changed["logbook_entry"]["data"]["answers"] == {"feeling": 1}
    revisions = auth_client.get(f"/api/entries/{eid}").get_json()["revisions"]
    assert [r["answers"]["feeling"] for r in revisions] == [2, 5, 1]

    other = make_client(auth_client.application, make_user())
    foreign = sync(other, [sync_mutation("logbook_entry", uuid.uuid4(), entry),
                           sync_mutation("logbook_entry", eid, entry)])
    assert [r["status"] for r in foreign["results"]] == ["rejected", "rejected"]
    assert auth_client.get(f"/api/entries/{eid}").get_json()["revision"] == 3
