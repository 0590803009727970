"""The evidence chain: hashes per revision, verify over REST and CLI, tamper detection."""

from __future__ import annotations

import hashlib
import json
import uuid

from sqlalchemy import text

from api.db import db
from api.logbook.models import GENESIS
from tests.factories import (
    FEELING,
    gps_jpeg,
    logbook_events,
    make_entry,
    make_logbook,
    raw_sql,
    upload_photo,
)


def test_each_revision_hash_covers_previous_hash_and_canonical_content(auth_client):
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"], note="n")
    auth_client.patch(f"/api/entries/{entry['id']}", json={"answers": {"feeling": 5}},
                      headers=auth_client.csrf)
    first, second = logbook_events(logbook["id"])
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    body = {"logbook_id": logbook["id"], "seq": 1, "kind": "revision", "entry_id": entry["id"],
            "revision": 1, "created_at": first.created_at.isoformat(),
            "content": {"occurred_at": "2026-11-20T09:30:00+00:00", "answers": FEELING,
                        "note": "n"}}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(GENESIS.encode() + b"\n" + canonical.encode()).hexdigest()
    assert first.hash == expected
    detail = auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()
    assert detail["chain_head"] == second.hash


def test_verify_reports_an_intact_chain(auth_client):
    logbook = make_logbook(auth_client)
    entry = make_entry(auth_client, logbook["id"])
    upload_photo(auth_client, entry["id"], gps_jpeg())
    auth_client.delete(f"/api/entries/{entry['id']}", headers=auth_client.csrf)
    auth_client.post(f"/api/entries/{entry['id']}/restore", headers=auth_client.csrf)
    result = auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()
    assert result["intact"] is True and result["events"] == 4 and result["broken_at"] is None
    assert [e.kind for e in logbook_events(logbook["id"])] == [
        "revision", "photo_added", "deleted", "restored"]


def _flip_one_char(value: str) -> str:
    return ("1" if value[0] != "1" else "2") + value[1:]


def test_changing_one_stored_byte_is_detected(app, auth_client):
    logbook = make_logbook(auth_client)
    for _ in range(3):
        make_entry(auth_client, logbook["id"])
    second = logbook_events(logbook["id"])[1]
    # One character of the stored time stamp: the hash no longer matches the content.
    stamp = db.session.execute(text("SELECT created_at FROM logbook_events WHERE id = :id"),
                               {"id": second.id}).scalar_one()
    changed = stamp.replace(microsecond=(stamp.microsecond + 1) % 1_000_000) if not isinstance(
        stamp, str) else stamp[:-1] + ("1" if stamp[-1] != "1" else "2")
    raw_sql("UPDATE logbook_events SET created_at = :v WHERE id = :id", v=changed, id=second.id)
    result = auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()
    assert result["intact"] is False and result["broken_at"] == 2
    runner = app.test_cli_runner()
    cli = runner.invoke(args=["logbook", "verify", logbook["id"]])
    assert cli.exit_code == 1 and "broken at event 2" in cli.output


def test_changing_one_byte_of_the_ciphertext_or_hash_is_detected(auth_client):
    logbook = make_logbook(auth_client)
    make_entry(auth_client, logbook["id"])
    make_entry(auth_client, logbook["id"])
    first, second = logbook_events(logbook["id"])
    content = bytearray(first.content)
    content[-1] ^= 0x01
    raw_sql("UPDATE logbook_events SET content = :c WHERE id = :id", c=bytes(content),
            id=first.id)
    raw_sql("UPDATE logbook_events SET hash = :h WHERE id = :id", h=_flip_one_char(second.hash),
            id=second.id)
    result = auth_client.get(f"/api/logbooks/{logbook['id']}/verify").get_json()
    assert result["intact"] is False
    assert {p["seq"] for p in result["problems"]} >= {1, 2}
    entry = auth_client.get(f"/api/entries/{first.entry_id}").get_json()
    assert entry["damaged"] is True and entry["answers"] is None


def test_verify_command_on_an_intact_chain(app, auth_client):
    logbook = make_logbook(auth_client)
    make_entry(auth_client, logbook["id"])
    result = app.test_cli_runner().invoke(args=["logbook", "verify", logbook["id"]])
    assert result.exit_code == 0 and result.output.startswith("intact: 1 events")
    missing = app.test_cli_runner().invoke(args=["logbook", "verify", str(uuid.uuid4())])
    assert missing.exit_code != 0
