"""The sender: encrypts and posts prepared messages to push services. No database here.

`api.notifications.service` decides what to send (preferences, quiet hours, retries) and records the
outcome; this module only talks HTTP, fast:

- one `requests.Session` per thread, so connections to a push service are kept open;
- the VAPID header is signed once per push-service origin and cached (push/vapid.py);
- every message is aes128gcm with an explicit TTL (never 0), Urgency and Topic;
- a 429 blocks that origin until its Retry-After has passed: later messages for the same
  origin come back `deferred` without being sent.

A `requests.Response` with status >= 400 is falsy, so results are judged by `status_code` only.
Logs name the push service's origin and the status, never the payload or the device endpoint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.request import getproxies

import requests
from pywebpush import WebPusher

from push.allowlist import endpoint_problem
from push.vapid import VapidSigner

log = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER = 60.0  # seconds, when a 429 names no time
MAX_RETRY_AFTER = 24 * 3600.0


@dataclass(frozen=True)
class Job:
    """One encrypted POST to one device."""

    delivery_id: int
    endpoint: str
    p256dh: str
    auth: str
    payload: bytes
    ttl: int
    urgency: str
    topic: str


@dataclass(frozen=True)
class Result:
    delivery_id: int
    status: int | None  # HTTP status; None when no answer came (timeout, refused, deferred)
    error: str | None = None  # "timeout", "connection", "not-allowed", "deferred"
    retry_at: float | None = None  # epoch seconds: do not try this origin again before


def origin_of(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def retry_after_seconds(value: str | None, now: float) -> float:
    """Retry-After as seconds from now: either a number of seconds or an HTTP date."""
    if not value:
        return DEFAULT_RETRY_AFTER
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError):
            seconds = DEFAULT_RETRY_AFTER
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class Sender:
    def __init__(self, private_key: str, subject: str, allowed_hosts: Iterable[str] = (),
                 threads: int = 8, timeout: float = 10.0) -> None:
        self.signer = VapidSigner(private_key, subject)
        self.allowed_hosts = tuple(allowed_hosts)
        self.threads = threads
        self.timeout = timeout
        self._blocked: dict[str, float] = {}  # origin -> epoch seconds (429 Retry-After)
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def blocked_until(self, origin: str, now: float) -> float | None:
        until = self._blocked.get(origin)
        return until if until is not None and until > now else None

    def send_many(self, jobs: list[Job], now: float) -> list[Result]:
        if len(jobs) <= 1 or self.threads <= 1:
            return [self.send(job, now) for job in jobs]
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="push-send")
        return list(self._pool.map(lambda job: self.send(job, now), jobs))

    def send(self, job: Job, now: float) -> Result:
        origin = origin_of(job.endpoint)
        until = self.blocked_until(origin, now)
        if until is not None:
            return Result(job.delivery_id, None, "deferred", until)
        if endpoint_problem(job.endpoint, self.allowed_hosts):
            log.error("push: %s is not an allowed push service; message not sent", origin)
            return Result(job.delivery_id, None, "not-allowed")
        headers = {"Authorization": self.signer.header(origin, now), "Urgency": job.urgency,
                   "Topic": job.topic}
        subscription = {"endpoint": job.endpoint, "keys": {"p256dh": job.p256dh,
                                                           "auth": job.auth}}
        try:
            response = WebPusher(subscription, requests_session=self._session()).send(
                job.payload, headers, ttl=job.ttl, content_encoding="aes128gcm",
                timeout=self.timeout)
        except requests.TooManyRedirects:
            log.error("push: %s answered with a redirect; not followed, message not sent", origin)
            return Result(job.delivery_id, None, "not-allowed")
        except requests.Timeout:
            return Result(job.delivery_id, None, "timeout")
        except requests.RequestException:
            return Result(job.delivery_id, None, "connection")
        status = response.status_code
        response.close()
        if status == 429:
            until = now + retry_after_seconds(response.headers.get("Retry-After"), now)
            self._blocked[origin] = max(self._blocked.get(origin, 0.0), until)
            return Result(job.delivery_id, status, None, until)
        if status in (401, 403):
            log.error("push: %s refused our VAPID credentials (HTTP %s); check "
                      "HOUVAST_VAPID_PRIVATE_KEY and HOUVAST_VAPID_SUBJECT", origin, status)
        return Result(job.delivery_id, status)

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # Proxies from the environment are read once here: with trust_env requests scans
            # the whole environment on every request, a tenth of the sender's time.
            session.trust_env = False
            # Never follow a redirect: the allow-list is checked for the endpoint, and a push
            # service answering 3xx must not make us post to a host that was never allowed.
            session.max_redirects = 0
            session.proxies = {k: v for k, v in getproxies().items() if k in ("http", "https")}
            adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=4)
            session.mount("https://", adapter)
            session.mount("http://", adapter)
            self._local.session = session
            with self._pool_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        with self._pool_lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()
        self._local = threading.local()
