"""A local push service for tests and the benchmark: real HTTP, real VAPID, real aes128gcm.

`PushService` listens on a free 127.0.0.1 port and plays the part of a browser's push service.
`new_device()` subscribes like a browser does (a fresh P-256 key pair and a 16-byte auth secret;
endpoint `http://127.0.0.1:<port>/push/<id>`). For every POST it checks what a real push
service checks — the VAPID `Authorization: vapid t=<jwt>, k=<key>` header (ES256 signature,
`aud` = this origin, `exp` in the next 24 hours, `sub`), `Content-Encoding: aes128gcm`, TTL > 0,
Urgency and Topic — decrypts the payload with the device's private key, and answers with the
device's scripted statuses (201 once the script is used up). A message that fails a check is
answered 400 and listed in `errors`.

Tests: `from tests.pushservice import push_service  # noqa: F401` gives a started service whose
host is allowed in the app's PUSH_ALLOWED_HOSTS for the test.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import http_ece
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from push.dispatcher import Sender

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

URGENCIES = {"very-low", "low", "normal", "high"}
TOPIC = re.compile(r"[A-Za-z0-9_-]{1,32}")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops connections when many senders start at once


@dataclass
class Device:
    """A browser's subscription: the private half stays here, like in the browser."""

    id: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes
    script: list[int] = field(default_factory=list)  # statuses to answer, in order
    retry_after: str = "120"  # sent with a scripted 429
    received: list[dict[str, Any]] = field(default_factory=list)  # decrypted payloads (2xx)

    def subscription(self) -> dict[str, Any]:
        """`PushSubscription.toJSON()` as the browser would post it."""
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)}}


@dataclass
class Request:
    device_id: str
    status: int
    headers: dict[str, str]  # names in lower case
    payload: dict[str, Any] | None  # None when not decrypted (sampling) or not decryptable
    at: float


class PushService:
    def __init__(self, application_server_key: str | None = None,
                 clock: Callable[[], float] = time.time, decrypt_every: int = 1,
                 verify_each_header_once: bool = False, port: int = 0) -> None:
        self.application_server_key = application_server_key
        self.clock = clock
        self.decrypt_every = decrypt_every  # the benchmark decrypts a sample only
        self.verify_each_header_once = verify_each_header_once
        self.devices: dict[str, Device] = {}
        self.requests: list[Request] = []
        self.errors: list[str] = []
        self.count = 0
        self._verified: set[str] = set()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._port = port

    # --- lifecycle
    def start(self) -> PushService:
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real push services do
            timeout = 10

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, extra = service.receive(self.path, dict(self.headers.items()), body)
                self.send_response(status)
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", self._port), Handler)
        self._port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        assert self._port, "start() first, or give a port"
        return self._port

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.port}"

    # --- devices
    def new_device(self, statuses: list[int] | None = None, retry_after: str = "120") -> Device:
        device_id = secrets.token_urlsafe(12)
        device = Device(device_id, f"{self.origin}/push/{device_id}",
                        ec.generate_private_key(ec.SECP256R1()), secrets.token_bytes(16),
                        list(statuses or []), retry_after)
        self.devices[device_id] = device
        return device

    def requests_for(self, device: Device) -> list[Request]:
        return [r for r in self.requests if r.device_id == device.id]

    # --- receiving
    def receive(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict]:
        with self._lock:
            self.count += 1
            number = self.count
        device = self.devices.get(path.removeprefix("/push/"))
        if device is None:
            return 404, {}
        headers = {k.lower(): v for k, v in headers.items()}
        problem = self._check_headers(headers)
        payload = None
        if problem is None and (number - 1) % self.decrypt_every == 0:
            try:
                payload = json.loads(http_ece.decrypt(body, private_key=device.private_key,
                                                      auth_secret=device.auth,
                                                      version="aes128gcm"))
            except Exception as exc:  # any failure is the sender's fault here
                problem = f"payload does not decrypt: {exc!r}"
        with self._lock:
            if problem is not None:
                self.errors.append(problem)
                status = 400
            else:
                status = device.script.pop(0) if device.script else 201
                if 200 <= status < 300 and payload is not None:
                    device.received.append(payload)
            if self.decrypt_every == 1:
                self.requests.append(Request(device.id, status, headers, payload, self.clock()))
        return status, ({"Retry-After": device.retry_after} if status == 429 else {})

    def _check_headers(self, headers: dict[str, str]) -> str | None:
        if headers.get("content-encoding") != "aes128gcm":
            return "Content-Encoding is not aes128gcm"
        ttl = headers.get("ttl", "")
        if not ttl.isdigit() or int(ttl) <= 0:
            return f"TTL must be a positive number, got {ttl!r}"
        if headers.get("urgency") not in URGENCIES:
            return f"Urgency missing or wrong: {headers.get('urgency')!r}"
        if not TOPIC.fullmatch(headers.get("topic", "")):
            return f"Topic missing or wrong: {headers.get('topic')!r}"
        return self._check_vapid(headers.get("authorization", ""))

    def _check_vapid(self, value: str) -> str | None:
        if self.verify_each_header_once and value in self._verified:
            return None
        match = re.fullmatch(r"vapid t=([\w.-]+),\s*k=([\w-]+)", value)
        if not match:
            return "Authorization is not 'vapid t=…, k=…'"
        token, key = match.groups()
        if self.application_server_key and key != self.application_server_key:
            return "k is not the applicationServerKey the device subscribed with"
        try:
            head, claims, signature = token.split(".")
            header = json.loads(unb64url(head))
            body = json.loads(unb64url(claims))
            raw = unb64url(signature)
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
            public.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"),
                                               int.from_bytes(raw[32:], "big")),
                          f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
        except (ValueError, InvalidSignature) as exc:
            return f"VAPID token does not verify: {exc!r}"
        now = self.clock()
        if header.get("alg") != "ES256" or len(raw) != 64:
            return "VAPID token is not ES256"
        if body.get("aud") != self.origin:
            return f"aud is {body.get('aud')!r}, not this push service ({self.origin})"
        if not isinstance(body.get("exp"), int) or not now < body["exp"] <= now + 24 * 3600:
            return "exp is not within the next 24 hours"
        if not str(body.get("sub", "")).startswith(("mailto:", "https:")):
            return "sub is missing"
        with self._lock:
            self._verified.add(value)
        return None


@pytest.fixture
def push_service(app, monkeypatch) -> Iterator[PushService]:
    """A started local push service, allowed in the app's PUSH_ALLOWED_HOSTS for this test."""
    service = PushService(application_server_key=app.config["VAPID_PUBLIC_KEY"]).start()
    monkeypatch.setitem(app.config, "PUSH_ALLOWED_HOSTS",
                        [*app.config["PUSH_ALLOWED_HOSTS"], service.hostport])
    yield service
    service.stop()


class Clock:
    """Test time: `now` moves only when the test says so (quiet hours, Retry-After, back-off)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def timestamp(self) -> float:
        return self.now.timestamp()


def amsterdam(hour: int, minute: int = 0, days: int = 1) -> datetime:
    """A UTC datetime at `hour:minute` Amsterdam time, `days` after today (always ahead of the
    real clock, so rows written with the real time are already due)."""
    today = datetime.now(AMSTERDAM).date() + timedelta(days=days)
    return datetime.combine(today, dtime(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


@pytest.fixture
def clock(push_service) -> Clock:
    """Noon tomorrow in Amsterdam (outside the default quiet hours); the push service checks
    VAPID expiry against the same clock."""
    test_clock = Clock(amsterdam(12))
    push_service.clock = test_clock.timestamp
    return test_clock


@pytest.fixture
def sender(app, push_service) -> Iterator[Sender]:
    test_sender = Sender(app.config["VAPID_PRIVATE_KEY"], app.config["VAPID_SUBJECT"],
                         app.config["PUSH_ALLOWED_HOSTS"], threads=4, timeout=5)
    yield test_sender
    test_sender.close()
