"""schemathesis against the running app: every operation of /api/openapi.json, as a client, a
helper and a staff member, on the database of this run (SQLite, or PostgreSQL when
DATABASE_URL says so: `make test` runs this file in both passes).

The app runs under gunicorn as `make run` serves it, on a database of its own (a fresh SQLite
file, or a fresh database on the PostgreSQL server of the run), with accounts made by
`flask users create`. Each role logs in once, and every request carries its access token (as
a Bearer header and as the cookie, with the CSRF header: see `_fuzz`).

Checks: not_a_server_error (any 5xx fails), response_schema_conformance (the body matches the
documented schema of its status), status_code_conformance (the status is documented).

Bounded and reproducible: MAX_EXAMPLES per operation and role, a fixed seed, no example
database; a failure prints the request to send again (as curl). FUZZ_MAX_EXAMPLES overrides
the bound for a longer run by hand; FUZZ_LOG=FILE keeps the server's access log.

Left out, each with its reason:
- POST /api/auth/logout and /api/auth/logout-everywhere end the session the rest of the run
  uses; they have tests of their own (tests/test_auth_routes.py, tests/test_auth_recovery.py).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "kalm-water-bij-de-brug"
ROLES = ("client", "helper", "staff")
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "25"))
SEED = 20261201
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
# Operations that would break the rest of the run (see the docstring).
EXCLUDED_PATHS = ("/api/auth/logout", "/api/auth/logout-everywhere")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database(instance: Path) -> Iterator[str]:
    """A database of the fuzzer's own: what it writes must not reach the rest of the suite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        yield f"sqlite:///{instance / 'fuzz.sqlite3'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"houvast_fuzz_{secrets.token_hex(4)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    instance = tmp_path_factory.mktemp("fuzz-instance")
    database = _database(instance)
    url = next(database)
    env = {**os.environ, "HOUVAST_ENV": "development", "HOUVAST_INSTANCE": str(instance),
           "DATABASE_URL": url, "RATELIMIT_STORAGE_URI": "memory://",
           # The fuzzer logs in and registers thousands of times from one address.
           "RATELIMIT_ENABLED": "0", "PUSH_DISPATCHER": "off"}

    def flask(*args: str, **extra: str) -> None:
        subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, check=True,
                       capture_output=True, text=True, env={**env, **extra})

    flask("db", "upgrade")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = instance / "gunicorn.log"
    with log.open("w") as out:
        # As `make run` serves it: one worker, 8 threads.
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "--threads", "8", "--access-logfile", "-", "wsgi:app"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{log.read_text()}")
            try:
                if requests.get(f"{base}/api/openapi.json", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        logins = {}
        for role in ROLES:
            username = f"fuzz_{role}"
            flask("users", "create", "--role", role, "--username", username,
                  HOUVAST_PASSWORD=PASSWORD)
            response = requests.post(f"{base}/api/auth/login", timeout=10,
                                     json={"username": username, "password": PASSWORD})
            assert response.status_code == 200, response.text
            logins[role] = {"token": response.cookies["access_token_cookie"],
                            "csrf": response.cookies["csrf_access_token"]}
        yield {"url": base, "logins": logins, "log": log}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if os.environ.get("FUZZ_LOG"):  # the server's access log, to see what was sent
            Path(os.environ["FUZZ_LOG"]).write_text(log.read_text())
        database.close()


@pytest.fixture(scope="module")
def api_schema(fuzz_server: dict):
    return schemathesis.openapi.from_url(f"{fuzz_server['url']}/api/openapi.json")


def _fuzz(operation, login: dict[str, str]) -> str | None:
    """MAX_EXAMPLES cases of `operation`, valid and invalid ones, with a fixed seed; the
    failure (with the request to send again), or None."""
    # The session is fixed, so negative cases change the request, never the login (the
    # authorisation matrix, tests/test_authz_matrix.py, covers the answers without one). The
    # document offers a cookie and a Bearer header; schemathesis would fill the cookie with
    # junk, which the app reads first, so both carry the token (with the cookie's CSRF header).
    session = {"headers": {"Authorization": f"Bearer {login['token']}",
                           "X-CSRF-TOKEN": login["csrf"]},
               "cookies": {"access_token_cookie": login["token"]}}
    strategy = st.one_of(operation.as_strategy(GenerationMode.POSITIVE, **session),
                         operation.as_strategy(GenerationMode.NEGATIVE, **session))

    @seed(SEED)
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, print_blob=False,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
              verbosity=Verbosity.quiet)
    @given(case=strategy)
    def run(case) -> None:
        case.call_and_validate(checks=CHECKS, timeout=30)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # every failing operation is reported
        return f"{operation.label}: {error}"
    return None


def _conformance_as(role: str):
    def test(fuzz_server: dict, api_schema) -> None:
        """Any 5xx, an undocumented status or a body outside its schema fails."""
        failures = []
        for result in api_schema.get_all_operations():
            operation = result.ok()
            if operation.path in EXCLUDED_PATHS:
                continue
            if failure := _fuzz(operation, fuzz_server["logins"][role]):
                failures.append(failure)
        assert not failures, f"as {role}, {len(failures)} operation(s) failed:\n\n" + (
            "\n\n".join(failures))

    return test


# One test per role. (schemathesis's own pytest integration, `from_fixture(...).parametrize()`,
# does not run on pytest 9 in schemathesis 4.32: it reads a private attribute pytest removed.)
test_conformance_as_client = _conformance_as("client")
test_conformance_as_helper = _conformance_as("helper")
test_conformance_as_staff = _conformance_as("staff")


def test_sessions_survived(fuzz_server: dict) -> None:
    """After the whole run each role is still logged in (nothing the fuzzer sent ended a
    session, and the fuzzing above really ran logged in)."""
    for role, login in fuzz_server["logins"].items():
        response = requests.get(f"{fuzz_server['url']}/api/me", timeout=10,
                                headers={"Authorization": f"Bearer {login['token']}"})
        assert response.status_code == 200, (role, response.text)
        assert response.json()["role"] == role
