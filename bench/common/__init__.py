"""What the benchmarks that run the app under gunicorn share: a database of each kind, the
server, and its CPU time. (A package, so `make bench`, which runs bench/*.py, does not run it.)

- `database(kind, folder)`: a context manager giving the DATABASE_URL of a fresh, migrated
  database: `sqlite` (a file in `folder`, WAL, as `make run` has it) or `postgresql` (a
  throw-away server from scripts/pg.sh, removed afterwards). `PostgresMissing` when PostgreSQL
  cannot be started.
- `gunicorn(env, workers, threads)`: a context manager giving (base URL, process).
- `server_cpu(pid)`: user + system CPU seconds of the gunicorn master and its workers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
KINDS = ("sqlite", "postgresql")


class PostgresMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid: int) -> float:
    """User + system CPU seconds of the gunicorn master and its workers so far (Linux /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0
    for each in [pid, *map(int, children)]:
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def app_env(folder: Path, url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "HOUVAST_ENV": "development", "HOUVAST_INSTANCE": str(folder),
            "DATABASE_URL": url, "HOUVAST_API_DOCS": "0", **extra}


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of a fresh database of `kind`, migrated to head."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # as root, the PostgreSQL server runs as `postgres` (scripts/pg.sh)
    pg_dir = folder / "pg"
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
    else:
        started = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "start", str(pg_dir)],
                                 capture_output=True, text=True)
        if started.returncode != 0:
            raise PostgresMissing(started.stderr.strip() or "scripts/pg.sh start failed")
        url = started.stdout.strip()
    try:
        subprocess.run([BIN / "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT,
                       env=app_env(folder, url), check=True, capture_output=True)
        yield url
    finally:
        if kind == "postgresql":
            subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "stop", str(pg_dir)],
                           capture_output=True)


@contextmanager
def gunicorn(env: dict[str, str], workers: int, threads: int,
             log: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    out = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [BIN / "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--threads", str(threads), "wsgi:app"], cwd=ROOT, env=env, stdout=out,
        stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped" + (f": see {log}" if log else ""))
            try:
                requests.get(f"{base}/api/me", timeout=5)
                break
            except requests.RequestException:
                time.sleep(0.1)
        yield base, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if log:
            out.close()
