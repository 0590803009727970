"""Load benchmark: 20 simulated phones syncing and reading for 60 s against gunicorn as
`make run` serves it (1 worker, 8 threads), on SQLite and on PostgreSQL.

Each phone logs in as its own client (cookie session and CSRF header, as the PWA does), makes a
logbook through /api/sync and then, until the time is up, picks at random:

    sync 1-5 new entries and pull (35%)      retry its last batch, as after a lost answer (10%)
    pull only (10%)                          GET its logbook's entries (20%)
    GET /api/me (15%)                        GET /api/logbooks (10%)

A 503 is counted and its outbox is sent again after Retry-After (as docs/sync.md tells the
phone); a 401 is counted and the phone logs in again (the PWA would send the person to the
login screen). Rate limits are off: all 20 phones come from 127.0.0.1.

Reported per database: requests_per_s, p50_ms, p95_ms, errors_5xx, unexpected_401 (targets 0),
and, read from the database after the run, `applied` (entry mutations answered `applied`,
directly or as the first answer of a `duplicate`) and `stored_once` (those whose entry exists
with exactly one revision and one stored mutation result; equal to `applied` when nothing was
lost or applied twice). Writes bench/results/load.json as {"sqlite": {...}, "postgresql": {...}}.
LOAD_SECONDS and LOAD_PHONES change the run (defaults 60 and 20). Takes about 2.5 minutes.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import KINDS, PostgresMissing, app_env, database, gunicorn  # noqa: E402

PHONES = int(os.environ.get("LOAD_PHONES", "20"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
PASSWORD = "a calm walk by the river"
WHEN = "2026-11-20T09:30:00+00:00"
ANSWERS = {"feeling": 2, "sleep": 4, "what_happened": "Slecht geslapen", "what_helped": "Thee"}
ACTIONS = (("sync", 35), ("retry", 10), ("pull", 10), ("entries", 20), ("me", 15),
           ("logbooks", 10))


class Phone(threading.Thread):
    def __init__(self, base: str, username: str, deadline: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.base, self.username, self.deadline = base, username, deadline
        self.random = random.Random(seed)
        self.http = requests.Session()
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.applied: dict[str, str] = {}  # mutation_id -> entry id
        self.outbox: list[dict] = []
        self.last_batch: list[dict] = []
        self.cursor: str | None = None
        self.logbook_id = str(uuid.uuid4())
        self.failure: str | None = None

    # -- HTTP --------------------------------------------------------------------------------

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-CSRF-TOKEN": self.http.cookies.get("csrf_access_token", "")}
        start = time.perf_counter()
        response = self.http.request(method, f"{self.base}{path}", headers=headers,
                                     timeout=60, **kwargs)
        self.latencies.append(time.perf_counter() - start)
        self.statuses[response.status_code] += 1
        if response.status_code == 401:
            self.login()
        elif response.status_code == 503:
            time.sleep(min(float(response.headers.get("Retry-After", "1")), 2.0))
        return response

    def login(self) -> None:
        for _ in range(20):
            self.http.cookies.clear()
            response = self.http.post(f"{self.base}/api/auth/login", timeout=60, json={
                "username": self.username, "password": PASSWORD})
            if response.status_code == 200:
                return
            time.sleep(0.5)
        raise RuntimeError(f"{self.username} cannot log in: {response.status_code}")

    # -- sync --------------------------------------------------------------------------------

    def sync(self, mutations: list[dict]) -> bool:
        """Send `mutations` and read the feed to its end; False when the server said 503/401
        (the outbox stays)."""
        response = self.request("POST", "/api/sync", json={
            "client_id": self.username, "cursor": self.cursor, "mutations": mutations})
        if response.status_code != 200:
            if response.status_code not in (401, 503):
                raise RuntimeError(f"sync: {response.status_code} {response.text[:300]}")
            return False
        answer = response.json()
        for mutation, result in zip(mutations, answer["results"], strict=True):
            status = result["status"]
            first = result.get("result") or {}
            if status == "applied" or (status == "duplicate" and first.get("status") == "applied"):
                if mutation["entity"] == "logbook_entry":
                    self.applied[mutation["mutation_id"]] = mutation["id"]
            elif status not in ("applied", "duplicate"):
                raise RuntimeError(f"sync: mutation {status}: {result}")
        self.cursor = answer["cursor"]
        while answer["has_more"]:
            response = self.request("POST", "/api/sync", json={
                "client_id": self.username, "cursor": self.cursor, "mutations": []})
            if response.status_code != 200:
                return True  # the mutations were applied; the pull goes on next time
            answer = response.json()
            self.cursor = answer["cursor"]
        return True

    def new_entries(self, count: int) -> list[dict]:
        return [{"mutation_id": str(uuid.uuid4()), "entity": "logbook_entry", "op": "upsert",
                 "id": str(uuid.uuid4()), "base_version": None,
                 "data": {"logbook_id": self.logbook_id, "occurred_at": WHEN,
                          "answers": ANSWERS}} for _ in range(count)]

    # -- the phone ---------------------------------------------------------------------------

    def run(self) -> None:
        try:
            self.login()
            self.outbox = [{"mutation_id": str(uuid.uuid4()), "entity": "logbook",
                            "op": "upsert", "id": self.logbook_id, "base_version": None,
                            "data": {"type": "wellbeing", "title": "Belasting"}}]
            while not self.sync(self.outbox):
                pass
            self.outbox = []
            names = [name for name, _ in ACTIONS]
            weights = [weight for _, weight in ACTIONS]
            while time.monotonic() < self.deadline:
                action = self.random.choices(names, weights)[0]
                if self.outbox or action == "sync":
                    batch = self.outbox or self.new_entries(self.random.randint(1, 5))
                    self.outbox = [] if self.sync(batch) else batch
                    if not self.outbox:
                        self.last_batch = batch
                elif action == "retry" and self.last_batch:
                    self.sync(self.last_batch)
                elif action in ("pull", "retry"):
                    self.sync([])
                elif action == "entries":
                    self.request("GET", f"/api/logbooks/{self.logbook_id}/entries")
                elif action == "me":
                    self.request("GET", "/api/me")
                else:
                    self.request("GET", "/api/logbooks")
        except Exception as error:  # reported with the figures; the other phones go on
            self.failure = f"{self.username}: {error!r}"


def stored_once(app, applied: dict[str, str]) -> int:
    """How many of the applied entry mutations are stored exactly once: the entry exists with
    one revision (a second application would add one), one revision event, one stored result."""
    from sqlalchemy import func, select

    from api.db import db
    from api.logbook.models import Entry, LogbookEvent
    from api.sync.models import MutationLog

    with app.app_context():
        entries = {str(i): n for i, n in db.session.execute(
            select(Entry.id, Entry.revision_count))}
        events = Counter(str(i) for (i,) in db.session.execute(
            select(LogbookEvent.entry_id).where(LogbookEvent.kind == "revision")))
        results = dict(db.session.execute(
            select(MutationLog.mutation_id, func.count()).group_by(MutationLog.mutation_id)).all())
    return sum(1 for mutation_id, entry_id in applied.items()
               if entries.get(entry_id) == 1 and events[entry_id] == 1
               and results.get(mutation_id) == 1)


def run(kind: str, folder: Path) -> dict:
    from api import create_app
    from api.auth import service as accounts
    from api.db import db

    with database(kind, folder) as url:
        env = app_env(folder, url, RATELIMIT_ENABLED="0", PUSH_DISPATCHER="off")
        app = create_app({"DATABASE_URL": url, "HOUVAST_INSTANCE": str(folder)})
        names = [f"phone{n:02d}" for n in range(PHONES)]
        with app.app_context():
            for name in names:
                accounts.create_user(name, PASSWORD, "client", terms_version="bench")
            db.session.commit()
        log = folder / "gunicorn.log"
        with gunicorn(env, workers=1, threads=8, log=log) as (base, _server):
            deadline = time.monotonic() + SECONDS
            phones = [Phone(base, name, deadline, seed=n) for n, name in enumerate(names)]
            start = time.perf_counter()
            for phone in phones:
                phone.start()
            for phone in phones:
                phone.join()
            elapsed = time.perf_counter() - start
        latencies = sorted(x for p in phones for x in p.latencies)
        statuses = sum((p.statuses for p in phones), Counter())
        applied = {k: v for p in phones for k, v in p.applied.items()}
        result = {
            "database": kind, "phones": PHONES, "seconds": round(elapsed, 1),
            "server": "gunicorn --workers 1 --threads 8 (as make run)",
            "requests": len(latencies),
            "requests_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
            "errors_5xx": sum(n for s, n in statuses.items() if s >= 500),
            "unexpected_401": statuses.get(401, 0),
            "statuses": {str(s): n for s, n in sorted(statuses.items())},
            "applied": len(applied),
            "stored_once": stored_once(app, applied),
            "phone_failures": [p.failure for p in phones if p.failure],
            "load_average_1m": round(os.getloadavg()[0], 2),
        }
        app.extensions["houvast_db"].engine.dispose()
        if result["errors_5xx"] or result["unexpected_401"]:
            errors = [line for line in log.read_text().splitlines()
                      if "ERROR" in line or "Traceback" in line or "locked" in line]
            result["server_log_sample"] = errors[:10]
        return result


def main() -> None:
    results: dict = {}
    for kind in KINDS:
        folder = Path(tempfile.mkdtemp(prefix=f"houvast-bench-load-{kind}-"))
        try:
            results[kind] = run(kind, folder)
        except PostgresMissing as error:
            results[kind] = {"skipped": str(error)}
        print(kind, json.dumps(results[kind], indent=2), flush=True)
    out = ROOT / "bench" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
