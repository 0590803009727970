"""Benchmark of offline sync, on the app as production serves it (gunicorn), on SQLite (WAL)
and on a throw-away PostgreSQL (scripts/pg.sh; skipped with a note when it cannot start).

1. 10,000 entry mutations through POST /api/sync in 20 batches of 500, against inserting the
   same rows (entry + its encrypted, hashed revision event) directly with SQLAlchemy in 20
   transactions: `ratio_sync_vs_direct` (target <= 3).
2. The same 10,000 entries as one REST POST each: `ratio_rest_vs_sync` (target >= 10).
3. A pull of the newest 100 changes with 1,000 and with 100,000 changes of history (seeded with
   direct inserts into sync_changes): `ratio_pull_100k_vs_1k` (target <= 1.5).
4. The retry of a whole 500-mutation batch that was already applied: all `duplicate`.

Wall times are recorded with the CPU time they cost (the gunicorn workers' user + system time,
read from /proc; the direct inserts' own process time) and the load average, because on a busy
2-core machine wall time says more about the neighbours than about this code.

Writes bench/results/sync.json as {"sqlite": {...}, "postgresql": {...}}. Runs in temporary
folders; takes a few minutes per database. BENCH_DATABASES=sqlite runs one.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text, update  # noqa: E402

from api import create_app, crypto  # noqa: E402
from api.auth import service as accounts  # noqa: E402
from api.db import db, utcnow  # noqa: E402
from api.logbook import chain  # noqa: E402
from api.logbook.models import Entry, Logbook, LogbookEvent, content_aad  # noqa: E402
from api.sync.changelog import Change, OwnerSequence, lock_owner  # noqa: E402
from bench.common import (  # noqa: E402
    KINDS,
    PostgresMissing,
    app_env,
    database,
    gunicorn,
    server_cpu,
)

ENTRIES, BATCH = 10_000, 500
PASSWORD = "a calm walk by the river"
WHEN = "2026-11-20T09:30:00+00:00"
ANSWERS = {"feeling": 2, "sleep": 4, "what_happened": "Slecht geslapen", "what_helped": "Thee"}


class Phone:
    """A logged-in device talking to the server over HTTP (keep-alive)."""

    def __init__(self, base: str, username: str) -> None:
        self.base, self.http = base, requests.Session()
        response = self.http.post(f"{base}/api/auth/login",
                                  json={"username": username, "password": PASSWORD})
        response.raise_for_status()
        self.csrf = {"X-CSRF-TOKEN": self.http.cookies["csrf_access_token"]}
        self.cursor = None
        self.catch_up(self.sync([]))

    def catch_up(self, answer: dict) -> None:
        """Read the rest of the feed, as the PWA does after each sync."""
        while answer["has_more"]:
            answer = self.sync([], answer["cursor"])
        self.cursor = answer["cursor"]

    def sync(self, mutations: list[dict], cursor: str | None = None) -> dict:
        response = self.http.post(f"{self.base}/api/sync", headers=self.csrf, json={
            "client_id": "bench", "cursor": cursor or self.cursor,
            "mutations": mutations})
        response.raise_for_status()
        return response.json()

    def post(self, path: str, body: dict) -> None:
        response = self.http.post(f"{self.base}{path}", headers=self.csrf, json=body)
        if response.status_code != 201:
            raise RuntimeError(response.text)


def entry_mutation(logbook_id: str) -> dict:
    return {"mutation_id": str(uuid.uuid4()), "entity": "logbook_entry", "op": "upsert",
            "id": str(uuid.uuid4()), "base_version": None,
            "data": {"logbook_id": logbook_id, "occurred_at": WHEN, "answers": ANSWERS}}


def new_logbook(phone: Phone) -> str:
    logbook_id = str(uuid.uuid4())
    answer = phone.sync([{"mutation_id": str(uuid.uuid4()), "entity": "logbook",
                          "op": "upsert", "id": logbook_id, "base_version": None,
                          "data": {"type": "wellbeing", "title": "Bench"}}])
    assert answer["results"][0]["status"] == "applied", answer
    phone.cursor = answer["cursor"]
    return logbook_id


def bench_sync(phone: Phone) -> tuple[float, list[dict]]:
    logbook_id = new_logbook(phone)
    batches = [[entry_mutation(logbook_id) for _ in range(BATCH)]
               for _ in range(ENTRIES // BATCH)]
    start = time.perf_counter()
    for batch in batches:
        answer = phone.sync(batch)
        assert {r["status"] for r in answer["results"]} == {"applied"}, answer["results"][:3]
        phone.catch_up(answer)
    return time.perf_counter() - start, batches[-1]


def bench_direct(owner_id: int) -> tuple[float, float]:
    """The same rows with plain SQLAlchemy: entry, and its revision event (encrypted, hashed)."""
    logbook = Logbook(id=uuid.uuid4(), owner_id=owner_id, type="wellbeing", version=1,
                      chain_seq=0, chain_head=chain.GENESIS, title=b"")
    db.session.add(logbook)
    db.session.commit()
    when = utcnow()
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(ENTRIES // BATCH):
        for _ in range(BATCH):
            entry = Entry(id=uuid.uuid4(), logbook_id=logbook.id, owner_id=owner_id, version=1,
                          revision_count=1, occurred_at=when)
            logbook.chain_seq += 1
            event = LogbookEvent(logbook_id=logbook.id, owner_id=owner_id,
                                 seq=logbook.chain_seq, entry_id=entry.id, kind="revision",
                                 revision=1, created_at=utcnow(), prev_hash=logbook.chain_head)
            content = {"occurred_at": WHEN, "answers": ANSWERS, "note": None}
            event.content = crypto.encrypt_json(content, content_aad(event))
            event.hash = chain.event_hash(event.prev_hash, event, content)
            logbook.chain_head = event.hash
            db.session.add_all([entry, event])
        db.session.commit()
    return time.perf_counter() - start, time.process_time() - cpu


def bench_rest(phone: Phone, count: int) -> float:
    logbook_id = new_logbook(phone)
    path = f"/api/logbooks/{logbook_id}/entries"
    start = time.perf_counter()
    for _ in range(count):
        phone.post(path, {"id": str(uuid.uuid4()), "occurred_at": WHEN, "answers": ANSWERS})
    return time.perf_counter() - start


def seed_history(owner_id: int, count: int) -> None:
    lock_owner(owner_id)
    now = utcnow()
    rows = [{"owner_id": owner_id, "seq": seq, "entity": "logbook_entry",
             "record_id": uuid.uuid4(), "version": 1, "deleted": False, "created_at": now}
            for seq in range(1, count + 1)]
    for start in range(0, count, 10_000):
        db.session.execute(insert(Change), rows[start:start + 10_000])
    db.session.execute(update(OwnerSequence).where(OwnerSequence.owner_id == owner_id)
                       .values(last_seq=count))
    db.session.commit()
    if db.engine.dialect.name != "sqlite":
        # Fresh statistics for the planner, as autovacuum would give them soon after.
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        return
    # Fold the bulk insert into the database file, as SQLite's own checkpoints would have.
    raw = db.engine.raw_connection()  # outside a transaction: a checkpoint cannot run in one
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def pull_setup(base: str, username: str, owner_id: int, history: int) -> tuple[Phone, str]:
    """A phone whose cursor is 100 changes behind (1 logbook + 99 entries, real records)."""
    seed_history(owner_id, history - 100)
    phone = Phone(base, username)
    logbook_id = new_logbook(phone)
    phone.sync([entry_mutation(logbook_id) for _ in range(99)])
    return phone, str(history - 100)


def bench_pulls(phones: list[tuple[Phone, str]]) -> list[float]:
    """Median time of pulling the newest 100 changes, for each phone. The pulls alternate
    between the phones, so a busy moment of the machine costs each of them alike."""
    times: list[list[float]] = [[] for _ in phones]
    for _ in range(30):
        for (phone, cursor), samples in zip(phones, times, strict=True):
            start = time.perf_counter()
            answer = phone.sync([], cursor)
            samples.append(time.perf_counter() - start)
            assert len(answer["changes"]) == 100 and not answer["reset"], answer["cursor"]
    return [statistics.median(samples) for samples in times]


def run(kind: str, tmp: Path) -> dict:
    with database(kind, tmp) as url:
        return measure(kind, tmp, url)


def measure(kind: str, tmp: Path, url: str) -> dict:
    env = app_env(tmp, url)
    app = create_app({"DATABASE_URL": url, "HOUVAST_INSTANCE": str(tmp)})
    names = ("syncer", "rester", "direct", "small", "big")
    with app.app_context():
        ids = {n: accounts.create_user(n, PASSWORD, "client", terms_version="bench").id
               for n in names}
        db.session.commit()
    with gunicorn(env, workers=2, threads=4) as (base, server):
        results: dict = {"entries": ENTRIES, "batch": BATCH, "database": kind,
                         "server": "gunicorn --workers 2 --threads 4"}

        phone = Phone(base, "syncer")
        cpu = server_cpu(server.pid)
        sync_seconds, last_batch = bench_sync(phone)
        sync_cpu = server_cpu(server.pid) - cpu
        with app.app_context():
            direct_seconds, direct_cpu = bench_direct(ids["direct"])
        results.update(sync_seconds=round(sync_seconds, 3),
                       direct_seconds=round(direct_seconds, 3),
                       ratio_sync_vs_direct=round(sync_seconds / direct_seconds, 2),
                       sync_server_cpu_seconds=round(sync_cpu, 3),
                       direct_cpu_seconds=round(direct_cpu, 3),
                       ratio_sync_vs_direct_cpu=round(sync_cpu / direct_cpu, 2),
                       load_average_1m_after_sync=round(os.getloadavg()[0], 2))
        print(f"sync {sync_seconds:.2f}s ({sync_cpu:.2f}s CPU), "
              f"direct {direct_seconds:.2f}s ({direct_cpu:.2f}s CPU)")

        start = time.perf_counter()  # the last batch again, as after a lost answer
        retry = phone.sync(last_batch)
        results["retry_500_seconds"] = round(time.perf_counter() - start, 3)
        results["retry_500_statuses"] = sorted({r["status"] for r in retry["results"]})
        print("retry", results["retry_500_statuses"], results["retry_500_seconds"])

        # All 10,000 by default; BENCH_REST_ENTRIES=n posts n and scales the time to 10,000.
        rest_count = int(os.environ.get("BENCH_REST_ENTRIES", ENTRIES))
        rester = Phone(base, "rester")
        cpu = server_cpu(server.pid)
        rest_seconds = bench_rest(rester, rest_count) * ENTRIES / rest_count
        rest_cpu = (server_cpu(server.pid) - cpu) * ENTRIES / rest_count
        results.update(rest_entries_posted=rest_count, rest_seconds=round(rest_seconds, 3),
                       ratio_rest_vs_sync=round(rest_seconds / sync_seconds, 2),
                       rest_server_cpu_seconds=round(rest_cpu, 3),
                       ratio_rest_vs_sync_cpu=round(rest_cpu / sync_cpu, 2),
                       load_average_1m_after_rest=round(os.getloadavg()[0], 2))
        print(f"rest {rest_seconds:.2f}s")

        with app.app_context():
            small, big = bench_pulls([pull_setup(base, "small", ids["small"], 1_000),
                                      pull_setup(base, "big", ids["big"], 100_000)])
        results.update(pull_100_of_1k_ms=round(small * 1000, 2),
                       pull_100_of_100k_ms=round(big * 1000, 2),
                       ratio_pull_100k_vs_1k=round(big / small, 2))
        print(f"pull {small * 1000:.1f}ms vs {big * 1000:.1f}ms")
    app.extensions["houvast_db"].engine.dispose()
    return results


def main() -> None:
    kinds = os.environ.get("BENCH_DATABASES", ",".join(KINDS)).split(",")
    results: dict = {}
    for kind in kinds:
        tmp = Path(tempfile.mkdtemp(prefix=f"houvast-bench-sync-{kind}-"))
        print(f"== {kind}", flush=True)
        try:
            results[kind] = run(kind, tmp)
        except PostgresMissing as error:
            results[kind] = {"skipped": str(error)}
    out = ROOT / "bench" / "results" / "sync.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
