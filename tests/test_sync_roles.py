"""Roles hold on every path (issue 9, part 3): every sync entity declares which roles may write
it (`SyncEntity.roles`), and /api/sync refuses any other role's mutation as the REST routes do
with 403, writing nothing. The matrix below is built from the domains' own declarations, so an
entity added later is covered without a new test.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from api.auth.models import ROLES
from api.db import Base, db
from api.domains import DOMAINS
from api.sync import registry
from tests.factories import (
    entry_upsert,
    logbook_upsert,
    make_client,
    make_dossier_event,
    make_dossier_task,
    make_entry,
    make_logbook,
    sync,
    sync_mutation,
)

DECLARED = {entity.name: entity for domain in DOMAINS for entity in domain.sync_entities}
# Who writes what over REST today (403 for the others); a new entity states its own roles.
REST_WRITERS = {"logbook": ("client",), "logbook_entry": ("client",), "dossier": (),
                "dossier_event": (), "task": ("client",)}
# Tables a refused mutation may touch: its stored result, and the owner's lock row.
BOOKKEEPING = {"sync_mutations", "sync_owner_sequences"}


def row_counts() -> dict[str, int]:
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables}


def refused(result: dict, entity_name: str) -> bool:
    entity = DECLARED[entity_name]
    return (result["status"] == "rejected" and result["message"] == entity.refused
            and result["errors"] == {})


# -- the declarations ---------------------------------------------------------------------------


def test_every_registered_entity_is_declared_by_a_domain(app) -> None:
    assert set(registry.entities()) == set(DECLARED)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_every_entity_declares_known_roles(name: str) -> None:
    entity = DECLARED[name]
    assert isinstance(entity.roles, tuple) and set(entity.roles) <= set(ROLES)
    assert entity.refused and entity.refused.endswith(".")


@pytest.mark.parametrize("name", sorted(REST_WRITERS))
def test_sync_roles_are_the_rest_roles(name: str) -> None:
    assert DECLARED[name].roles == REST_WRITERS[name]


def test_roles_are_required_and_checked() -> None:
    from api.sync.registry import SyncEntity

    parts = dict(name="x", schema=object, upsert=print, delete=print, snapshot=print,
                 list_ids=print)
    with pytest.raises(TypeError, match="roles"):
        SyncEntity(**parts)  # type: ignore[call-arg]  # no default that lets everybody write
    for wrong in ("client", ["client"], ("client", "admin")):
        with pytest.raises(ValueError, match="roles"):
            SyncEntity(**parts, roles=wrong)  # type: ignore[arg-type]
    assert SyncEntity(**parts, roles=()).roles == ()


# -- every entity x role x op -------------------------------------------------------------------


@pytest.mark.parametrize("op", ["upsert", "delete"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(DECLARED))
def test_role_matrix(app, make_user, name: str, role: str, op: str) -> None:
    device = make_client(app, make_user(role))
    mutation = sync_mutation(name, uuid.uuid4(), None if op == "delete" else {}, op=op)
    before = row_counts()
    answer = sync(device, [mutation])
    (result,) = answer["results"]
    if role in DECLARED[name].roles:
        # Allowed: the entity's own rules answer (here: an empty body or a missing record).
        assert not refused(result, name), result
        return
    assert refused(result, name), result
    after = row_counts()
    assert {t: n for t, n in after.items() if t not in BOOKKEEPING} == \
        {t: n for t, n in before.items() if t not in BOOKKEEPING}
    assert answer["changes"] == []
    # Final like any rejection: the same answer when the phone sends it again.
    again = sync(device, [mutation])["results"][0]
    assert again["status"] == "duplicate" and refused(again["result"], name)


# -- what the REST routes refuse with 403 -------------------------------------------------------


@pytest.mark.parametrize("role", ["helper", "staff"])
def test_helper_and_staff_cannot_keep_a_logbook_through_sync(app, make_user, role) -> None:
    device = make_client(app, make_user(role))
    rest = device.post("/api/logbooks", json={"type": "wellbeing", "title": "Mijn logboek"},
                       headers=device.csrf)
    assert rest.status_code == 403
    logbook_id = uuid.uuid4()
    answer = sync(device, [logbook_upsert(logbook_id), entry_upsert(logbook_id)])
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    for result in answer["results"]:
        assert "not available for your account" in result["message"]
        assert result["errors"] == {}
    assert answer["changes"] == []
    from api.logbook.models import Entry, Logbook

    assert db.session.get(Logbook, logbook_id) is None
    assert db.session.scalar(select(func.count()).select_from(Entry)
                             .where(Entry.owner_id == device.user.id)) == 0


def test_staff_cannot_tick_a_task_through_sync(staff, auth_client, linked) -> None:
    task = make_dossier_task(staff, linked["id"])
    rest = staff.patch(f"/api/tasks/{task['id']}", json={"done": True},
                       headers=staff.csrf)
    assert rest.status_code == 403
    answer = sync(staff, [sync_mutation("task", task["id"], {"done": True},
                                        base=task["version"]),
                          sync_mutation("dossier_event", uuid.uuid4(), {"title": "x"})])
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    mine = sync(auth_client)["changes"]
    (tick,) = [c for c in mine if c["entity"] == "task"]
    assert tick["data"]["done"] is False and tick["version"] == task["version"]


@pytest.mark.parametrize("role", ["helper", "staff"])
def test_other_roles_cannot_touch_a_clients_records(app, make_user, auth_client, role) -> None:
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"])
    device = make_client(app, make_user(role))
    answer = sync(device, [
        logbook_upsert(logbook["id"], title="Overgenomen", base=logbook["version"]),
        sync_mutation("logbook", logbook["id"], op="delete", base=logbook["version"]),
        entry_upsert(logbook["id"], entry["id"], base=entry["version"]),
        sync_mutation("logbook_entry", entry["id"], op="delete"),
    ])
    # The same answer as for a record that does not exist: nothing about the client leaks.
    assert {(r["status"], r["message"]) for r in answer["results"]} == {
        ("rejected", DECLARED["logbook"].refused)}
    assert auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["version"] == \
        logbook["version"]
    assert auth_client.get(f"/api/entries/{entry['id']}").get_json()["version"] == \
        entry["version"]


def test_a_refused_mutation_does_not_hold_up_the_batch(auth_client, staff, linked) -> None:
    event = make_dossier_event(staff, linked["id"])
    logbook_id = uuid.uuid4()
    answer = sync(auth_client, [
        sync_mutation("dossier_event", event["id"], {"title": "Anders"}, base=1),
        logbook_upsert(logbook_id),
        sync_mutation("dossier", linked["id"], op="delete", base=1),
        entry_upsert(logbook_id),
    ])
    assert [r["status"] for r in answer["results"]] == [
        "rejected", "applied", "rejected", "applied"]
    assert refused(answer["results"][0], "dossier_event")
    assert refused(answer["results"][2], "dossier")


# -- reads ------------------------------------------------------------------------------------


def test_a_pull_holds_only_the_owners_records(app, make_user, staff, auth_client,
                                              linked) -> None:
    logbook = make_logbook(auth_client)
    make_entry(auth_client, logbook["id"])
    make_dossier_event(staff, linked["id"])
    make_dossier_task(staff, linked["id"])
    mine = sync(auth_client)
    assert mine["reset"] is True
    assert {c["entity"] for c in mine["changes"]} == set(REST_WRITERS)
    # Staff wrote the dossier, its event and task, but they are the client's records: they go
    # to the client's change log, never to staff's. A helper has nothing at all.
    for device in (staff, make_client(app, make_user("helper"))):
        first = sync(device)
        assert (first["changes"], first["has_more"], first["reset"]) == ([], False, True)
        later = sync(device, cursor=first["cursor"])
        assert (later["changes"], later["reset"]) == ([], False)
