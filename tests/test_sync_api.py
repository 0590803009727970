"""POST /api/sync with the real logbook entities: apply, exactly-once, conflicts, rejections,
the change feed (paging, tombstones, resets) and transient errors."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta

import pytest
from marshmallow import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from api.db import db, utcnow
from api.logbook.models import Entry, Logbook, LogbookEvent
from api.sync import registry, service
from api.sync.changelog import Change, OwnerSequence
from api.sync.models import MutationLog
from tests.factories import (
    FEELING,
    entry_upsert,
    logbook_upsert,
    login,
    make_client,
    make_entry,
    make_logbook,
    post_sync,
    sync,
    sync_mutation,
)


def pull_all(client, cursor=None) -> tuple[dict, str, list[dict]]:
    """Follow has_more to the end -> ({(entity, id): change}, cursor, pages)."""
    seen: dict = {}
    pages = []
    while True:
        page = sync(client, cursor=cursor)
        pages.append(page)
        if page["reset"]:
            seen.clear()
        for change in page["changes"]:
            seen[(change["entity"], change["id"])] = change
        cursor = page["cursor"]
        if not page["has_more"]:
            return seen, cursor, pages


def statuses(answer: dict) -> list[str]:
    return [r["status"] for r in answer["results"]]


def count(model, **where) -> int:
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return db.session.scalar(query)


@pytest.fixture
def device2(app, auth_client):
    """The same person on a second device (its own session)."""
    return make_client(app, auth_client.user)


@pytest.fixture
def stranger(app, make_user):
    return make_client(app, make_user("client"))


def test_apply_then_pull_returns_the_records(auth_client) -> None:
    book, entry = logbook_upsert(), None
    entry = entry_upsert(book["id"])
    answer = sync(auth_client, [book, entry])
    assert answer["results"] == [
        {"mutation_id": book["mutation_id"], "status": "applied", "version": 1},
        {"mutation_id": entry["mutation_id"], "status": "applied", "version": 1},
    ]
    assert answer["reset"] is True  # first sync: a full snapshot
    changes = {c["id"]: c for c in answer["changes"]}
    assert [c["entity"] for c in answer["changes"]] == ["logbook", "logbook_entry"]
    assert changes[book["id"]]["data"]["title"] == "Mijn logboek"
    assert changes[entry["id"]]["data"]["answers"] == FEELING
    assert changes[entry["id"]]["data"]["logbook_id"] == book["id"]
    assert answer["cursor"] == "2" and answer["has_more"] is False
    # Nothing new since the cursor.
    again = sync(auth_client, cursor=answer["cursor"])
    assert again["changes"] == [] and again["cursor"] == "2" and again["reset"] is False


def test_retry_is_answered_duplicate_with_the_stored_results(auth_client) -> None:
    book = logbook_upsert()
    body = [book, entry_upsert(book["id"]), sync_mutation("nothing", uuid.uuid4(), {})]
    first = sync(auth_client, body)
    changes_before = count(Change)
    second = sync(auth_client, body)
    assert statuses(second) == ["duplicate"] * 3
    for one, two in zip(first["results"], second["results"], strict=True):
        assert two["mutation_id"] == one["mutation_id"]
        assert two["result"] == {k: v for k, v in one.items() if k != "mutation_id"}
    assert count(Change) == changes_before
    assert count(Entry, id=uuid.UUID(body[1]["id"])) == 1
    assert db.session.get(Logbook, uuid.UUID(book["id"])).version == 1
    assert count(MutationLog, owner_id=auth_client.user.id) == 3


def test_a_mutation_repeated_within_one_request_is_applied_once(auth_client) -> None:
    book = logbook_upsert()
    answer = sync(auth_client, [book, book])
    assert statuses(answer) == ["applied", "duplicate"]
    assert answer["results"][1]["result"] == {"status": "applied", "version": 1}


def test_creating_an_existing_id_updates_it(auth_client) -> None:
    book_id = uuid.uuid4()
    sync(auth_client, [logbook_upsert(book_id, "Eerst")])
    answer = sync(auth_client, [logbook_upsert(book_id, "Daarna")])
    assert answer["results"][0]["status"] == "applied" and answer["results"][0]["version"] == 2


def test_stale_logbook_edit_is_a_conflict_with_the_server_record(auth_client, device2) -> None:
    book_id = uuid.uuid4()
    sync(auth_client, [logbook_upsert(book_id, "Eerste titel")])
    sync(device2, [logbook_upsert(book_id, "Titel van telefoon 2", base=1)])
    stale = logbook_upsert(book_id, "Titel van telefoon 1", base=1)
    answer = sync(auth_client, [stale])
    (result,) = answer["results"]
    assert result["status"] == "conflict" and result["version"] == 2
    assert result["current"]["title"] == "Titel van telefoon 2"
    assert result["current"]["version"] == 2 and result["message"]
    assert result["current"] == registry.entity("logbook").snapshot(auth_client.user, book_id)
    # A retry of the conflicting mutation: the same answer, the record as it is now.
    retry = sync(auth_client, [stale])["results"][0]
    assert retry["status"] == "duplicate" and retry["result"]["status"] == "conflict"
    assert "current" not in retry["result"]  # the mutation log never holds record content
    assert retry["current"]["title"] == "Titel van telefoon 2"


def test_stale_entry_edit_is_applied_as_a_revision(auth_client, device2) -> None:
    book = logbook_upsert()
    entry_id = uuid.uuid4()
    sync(auth_client, [book, entry_upsert(book["id"], entry_id)])
    sync(device2, [entry_upsert(book["id"], entry_id, {**FEELING, "feeling": 3}, base=1)])
    answer = sync(auth_client, [entry_upsert(book["id"], entry_id, {**FEELING, "feeling": 5},
                                             base=1)])
    assert answer["results"][0] == {**answer["results"][0], "status": "applied", "version": 3}
    entry = db.session.get(Entry, entry_id)
    assert entry.revision_count == 3
    assert count(LogbookEvent, entry_id=entry_id, kind="revision") == 3


def test_rejections_name_the_problem(auth_client) -> None:
    book = logbook_upsert()
    bad_answers = entry_upsert(book["id"], answers={"feeling": 9})
    cases = [
        sync_mutation("unknown_thing", uuid.uuid4(), {}),
        {**logbook_upsert(), "id": "not-a-uuid"},
        {**logbook_upsert(), "op": "replace"},
        {**logbook_upsert(), "base_version": "one"},
        sync_mutation("logbook", uuid.uuid4(), None),  # an upsert without data
        sync_mutation("logbook", uuid.uuid4(), {"type": "diary", "title": ""}),
        bad_answers,
    ]
    answer = sync(auth_client, [book, *cases])
    results = answer["results"]
    assert statuses(answer) == ["applied"] + ["rejected"] * len(cases)
    for result in results[1:]:
        assert result["message"] and isinstance(result["errors"], dict)
    assert set(results[1]["errors"]) == {"entity"}
    assert set(results[2]["errors"]) == {"id"}
    assert set(results[3]["errors"]) == {"op"}
    assert set(results[4]["errors"]) == {"base_version"}
    assert set(results[5]["errors"]) == {"data"}
    assert set(results[6]["errors"]["data"]) == {"type", "title"}
    assert set(results[7]["errors"]["data"]["answers"]) >= {"feeling"}
    assert count(Entry, owner_id=auth_client.user.id) == 0


def test_foreign_and_missing_records_get_the_identical_rejection(auth_client, stranger) -> None:
    theirs_book = logbook_upsert()
    theirs_entry = entry_upsert(theirs_book["id"])
    sync(stranger, [theirs_book, theirs_entry])
    mine = logbook_upsert()
    sync(auth_client, [mine])
    pairs = [  # (someone else's, one that does not exist)
        # (an upsert of a new id creates it; a missing record is met by a delete)
        (logbook_upsert(theirs_book["id"], base=1),
         sync_mutation("logbook", uuid.uuid4(), op="delete")),
        (sync_mutation("logbook", theirs_book["id"], op="delete"),
         sync_mutation("logbook", uuid.uuid4(), op="delete")),
        (entry_upsert(mine["id"], theirs_entry["id"]), None),  # an id someone else uses
        (entry_upsert(theirs_book["id"]), entry_upsert(uuid.uuid4())),  # parent not owned
        (sync_mutation("logbook_entry", theirs_entry["id"], op="delete"),
         sync_mutation("logbook_entry", uuid.uuid4(), op="delete")),
    ]
    for foreign, missing in pairs:
        missing = missing or entry_upsert(uuid.uuid4())
        answer = sync(auth_client, [foreign, missing])
        one, two = ({k: v for k, v in r.items() if k != "mutation_id"}
                    for r in answer["results"])
        assert one == two and one["status"] == "rejected" and one["message"]
    # Nothing of theirs changed or moved to me.
    assert db.session.get(Logbook, uuid.UUID(theirs_book["id"])).version == 1
    assert count(Entry, owner_id=auth_client.user.id) == 0
    assert db.session.get(Entry, uuid.UUID(theirs_entry["id"])).owner_id == stranger.user.id


def test_a_failing_mutation_is_rolled_back_alone(auth_client, monkeypatch) -> None:
    """A mutation that fails after it wrote (a permanent error) leaves nothing behind, and the
    mutations around it are applied: each runs in its own savepoint."""
    real = registry.entity("logbook")

    def write_then_fail(owner, id_, data, base_version):
        real.upsert(owner, id_, data, base_version)
        if data["title"] == "fails":
            raise ValidationError({"title": ["Not this one."]})
        return 1

    monkeypatch.setitem(registry._entities, "logbook",
                        dataclasses.replace(real, upsert=write_then_fail))
    first, bad, last = logbook_upsert(), logbook_upsert(title="fails"), logbook_upsert()
    answer = sync(auth_client, [first, bad, last])
    assert statuses(answer) == ["applied", "rejected", "applied"]
    assert answer["results"][1]["errors"] == {"data": {"title": ["Not this one."]}}
    assert db.session.get(Logbook, uuid.UUID(bad["id"])) is None
    assert count(Logbook, owner_id=auth_client.user.id) == 2
    assert count(Change, owner_id=auth_client.user.id) == 2


def test_transient_error_answers_503_and_consumes_nothing(auth_client, monkeypatch) -> None:
    real = registry.entity("logbook_entry")
    calls = []

    def flaky(owner, id_, data, base_version):
        calls.append(id_)
        if len(calls) == 2:
            raise OperationalError("INSERT ...", {}, Exception("database is locked"))
        return real.upsert(owner, id_, data, base_version)

    monkeypatch.setitem(registry._entities, "logbook_entry",
                        dataclasses.replace(real, upsert=flaky))
    book = logbook_upsert()
    body = [book, entry_upsert(book["id"]), entry_upsert(book["id"]), entry_upsert(book["id"])]
    response = post_sync(auth_client, body)
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    error = response.get_json()
    assert error["code"] == 503 and error["status"] and "database" not in error["message"]
    assert count(MutationLog, owner_id=auth_client.user.id) == 0
    assert count(Logbook, owner_id=auth_client.user.id) == 0
    assert count(Change, owner_id=auth_client.user.id) == 0
    # The device retries the same request: everything is applied, nothing is a duplicate.
    answer = sync(auth_client, body)
    assert statuses(answer) == ["applied"] * 4
    assert count(Entry, owner_id=auth_client.user.id) == 3


def test_more_than_500_mutations_is_413(auth_client) -> None:
    body = [logbook_upsert() for _ in range(service.MAX_MUTATIONS + 1)]
    response = post_sync(auth_client, body)
    assert response.status_code == 413
    assert "500" in response.get_json()["message"]
    assert count(Logbook, owner_id=auth_client.user.id) == 0
    assert post_sync(auth_client, body[:service.MAX_MUTATIONS]).status_code == 200


@pytest.mark.parametrize("body", [
    {"cursor": None, "mutations": []},  # no client_id
    {"client_id": "phone", "mutations": {"a": 1}},
    {"client_id": "phone", "mutations": ["just text"]},
    {"client_id": "phone", "mutations": [{"entity": "logbook"}]},  # no mutation_id
    {"client_id": "phone", "mutations": [{"mutation_id": "x" * 65}]},
    {"client_id": "phone", "cursor": {"seq": 1}},
    {"client_id": "phone", "extra": True},
])
def test_a_malformed_envelope_is_422_and_applies_nothing(auth_client, body) -> None:
    response = auth_client.post("/api/sync", json=body, headers=auth_client.csrf)
    assert response.status_code == 422
    assert response.get_json()["errors"]
    assert count(MutationLog) == 0


def test_login_and_csrf_are_required(app, auth_client) -> None:
    body = {"client_id": "phone", "cursor": None, "mutations": [logbook_upsert()]}
    assert app.test_client().post("/api/sync", json=body).status_code == 401
    assert auth_client.post("/api/sync", json=body).status_code == 401  # no CSRF header
    assert count(Logbook) == 0


def test_every_role_syncs_its_own_records(app, make_user) -> None:
    helper = app.test_client()
    helper.csrf = login(helper, make_user("helper"))
    answer = sync(helper)
    assert answer["reset"] is True and answer["results"] == []


def test_second_device_sees_the_changes_of_the_first(auth_client, device2) -> None:
    _seen, cursor2, _pages = pull_all(device2)
    book = logbook_upsert()
    entry = entry_upsert(book["id"])
    first = sync(auth_client, [book, entry])
    sync(auth_client, [sync_mutation("logbook_entry", entry["id"], op="delete", base=1)],
         cursor=first["cursor"])
    answer = sync(device2, cursor=cursor2)
    assert answer["reset"] is False
    changes = {c["id"]: c for c in answer["changes"]}
    assert changes[book["id"]]["data"]["title"] == "Mijn logboek"
    # The entry was created and deleted since: one change, its tombstone.
    tombstone = changes[entry["id"]]
    assert tombstone == {"entity": "logbook_entry", "id": entry["id"], "version": 2,
                         "deleted": True, "data": None}
    assert len(answer["changes"]) == 2


def test_rest_writes_appear_in_the_change_feed(auth_client) -> None:
    cursor = sync(auth_client)["cursor"]
    book = make_logbook(auth_client, title="Via REST")
    entry = make_entry(auth_client, book["id"])
    answer = sync(auth_client, cursor=cursor)
    assert [(c["entity"], c["id"], c["version"]) for c in answer["changes"]] == [
        ("logbook", book["id"], 1), ("logbook_entry", entry["id"], 1)]
    assert answer["changes"][0]["data"]["title"] == "Via REST"


def test_the_feed_pages_with_has_more_and_sends_a_record_once_per_page(
        auth_client, monkeypatch) -> None:
    monkeypatch.setattr(service, "PAGE_SIZE", 3)
    cursor = sync(auth_client)["cursor"]
    book_id = uuid.uuid4()
    books = [logbook_upsert(book_id, f"Titel {n}") for n in range(3)]  # versions 1, 2, 3
    books += [logbook_upsert() for _ in range(4)]
    sync(auth_client, books)
    first = sync(auth_client, cursor=cursor)
    assert first["has_more"] is True and first["cursor"] == "3"
    assert [(c["id"], c["version"]) for c in first["changes"]] == [(str(book_id), 3)]
    assert first["changes"][0]["data"]["title"] == "Titel 2"
    second = sync(auth_client, cursor=first["cursor"])
    assert second["has_more"] is True and len(second["changes"]) == 3
    third = sync(auth_client, cursor=second["cursor"])
    assert third["has_more"] is False and len(third["changes"]) == 1
    assert third["cursor"] == "7"
    ids = {c["id"] for page in (first, second, third) for c in page["changes"]}
    assert ids == {b["id"] for b in books}


def test_the_feed_reads_by_the_owner_and_seq_key(app, auth_client) -> None:
    """Pull cost follows the changes, not the history: a range on the primary key."""
    from sqlalchemy import text

    from api.sync.changelog import Change as C

    query = (select(C.seq).where(C.owner_id == 1, C.seq > 5).order_by(C.seq).limit(501))
    compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(str(r[-1]) for r in db.session.execute(
            text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "(owner_id=? AND seq>?)" in plan, plan  # the primary key's index
        assert "TEMP B-TREE" not in plan, plan
    else:
        # Whatever the statistics say (autoanalyze after earlier tests' rolled-back writes may
        # find a tiny table and prefer a bitmap scan and a sort): the key serves the range.
        db.session.execute(text("SET LOCAL enable_seqscan = off"))
        db.session.execute(text("SET LOCAL enable_bitmapscan = off"))
        plan = " ".join(r[0] for r in db.session.execute(text(f"EXPLAIN {compiled}")))
        assert "pk_sync_changes" in plan and "Sort" not in plan, plan


@pytest.mark.parametrize("cursor", ["999", "snapshot.999.logbook.x", "nonsense", "-1"])
def test_a_future_or_unreadable_cursor_resets(auth_client, cursor) -> None:
    book = logbook_upsert()
    sync(auth_client, [book])
    answer = sync(auth_client, cursor=cursor)
    assert answer["reset"] is True
    assert [c["id"] for c in answer["changes"]] == [book["id"]]
    assert answer["cursor"] == "1"


def test_a_pruned_cursor_resets_with_a_paged_snapshot(app, auth_client, monkeypatch) -> None:
    monkeypatch.setattr(service, "PAGE_SIZE", 2)
    books = [logbook_upsert() for _ in range(3)]
    book_id = uuid.UUID(books[0]["id"])
    entries = [entry_upsert(book_id) for _ in range(2)]
    sync(auth_client, books + entries)
    deleted = sync(auth_client, [sync_mutation("logbook", books[2]["id"], op="delete", base=1)])
    assert deleted["results"][0]["status"] == "applied"
    counts = service.prune(utcnow() + timedelta(days=91))
    assert counts["changes"] == 6 and counts["mutations"] == 6
    assert db.session.get(OwnerSequence, auth_client.user.id).pruned_seq == 6
    assert count(MutationLog, owner_id=auth_client.user.id) == 0

    first = sync(auth_client, cursor="3")
    assert first["reset"] is True and first["has_more"] is True
    assert first["cursor"].startswith("snapshot.6.")
    # A change while the snapshot is paged: it follows after the snapshot.
    sync(auth_client, [logbook_upsert(books[1]["id"], "Nieuw", base=1)])
    second = sync(auth_client, cursor=first["cursor"])
    assert second["reset"] is False and second["has_more"] is False and second["cursor"] == "6"
    snapshot = first["changes"] + second["changes"]
    assert [c["entity"] for c in snapshot] == ["logbook"] * 2 + ["logbook_entry"] * 2
    assert {c["id"] for c in snapshot} == {books[0]["id"], books[1]["id"],
                                          *(e["id"] for e in entries)}
    assert all(not c["deleted"] and c["data"] for c in snapshot)
    after = sync(auth_client, cursor=second["cursor"])
    assert [(c["id"], c["data"]["title"]) for c in after["changes"]] == [(books[1]["id"],
                                                                         "Nieuw")]
    # A cursor at or after the pruned seq is still served from the log.
    assert sync(auth_client, cursor="6")["reset"] is False


def test_prune_command(app, auth_client) -> None:
    sync(auth_client, [logbook_upsert()])
    result = app.test_cli_runner().invoke(args=["sync", "prune"])
    assert result.exit_code == 0, result.output
    assert "pruned 0 mutation results, 0 changes" in result.output
    assert count(MutationLog, owner_id=auth_client.user.id) == 1


def test_the_feed_uses_an_entitys_bulk_snapshots_when_it_has_them(auth_client,
                                                                  monkeypatch) -> None:
    book = logbook_upsert()
    entries = [entry_upsert(book["id"]) for _ in range(4)]
    cursor = sync(auth_client)["cursor"]
    sync(auth_client, [book, *entries])
    one_by_one = sync(auth_client, cursor=cursor)
    real = registry.entity("logbook_entry")
    calls = []

    def snapshots(owner, ids):
        calls.append(list(ids))
        return {i: real.snapshot(owner, i) for i in ids}

    monkeypatch.setitem(registry._entities, "logbook_entry",
                        dataclasses.replace(real, snapshots=snapshots))
    assert sync(auth_client, cursor=cursor) == one_by_one
    assert calls == [[uuid.UUID(e["id"]) for e in entries]]


def test_stored_results_hold_nothing_the_person_typed(auth_client) -> None:
    name = "Jan de Vries sloeg mij"
    bad = sync_mutation("logbook", uuid.uuid4(), {"type": "wellbeing", "title": "t", name: 1})
    first = sync(auth_client, [bad])["results"][0]
    assert first["status"] == "rejected" and name in first["errors"]["data"]
    (stored,) = db.session.scalars(select(MutationLog.result)).all()
    assert name not in str(stored) and "errors" not in stored
    # A retry still gets the whole answer back.
    again = sync(auth_client, [bad])["results"][0]
    assert again["status"] == "duplicate" and name in again["result"]["errors"]["data"]


def test_one_failure_in_a_batch_leaves_the_others_as_if_sent_alone(auth_client,
                                                                  device2) -> None:
    logbook = uuid.uuid4()
    sync(auth_client, [logbook_upsert(logbook)])
    sync(device2, [logbook_upsert(logbook, title="Nieuw", base=1)])
    batch = [entry_upsert(logbook), logbook_upsert(logbook, title="Oud", base=1),  # stale
             entry_upsert(logbook), entry_upsert(logbook)]
    answer = sync(auth_client, batch)
    assert statuses(answer) == ["applied", "conflict", "applied", "applied"]
    assert [r.get("version") for r in answer["results"]] == [1, 2, 1, 1]
    seqs = db.session.scalars(select(Change.seq).order_by(Change.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))  # no gaps, nothing of the failed attempt
    assert count(Entry) == 3
