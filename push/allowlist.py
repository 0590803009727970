"""Which push-service endpoints the server will call.

The endpoint URL comes from the browser, so without this check a client could make the server
send requests to any host. Only the browsers' push services are allowed (https on port 443),
plus the `host:port` entries in PUSH_ALLOWED_HOSTS; plain http only for listed loopback hosts
(the local test push service).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

PUSH_SERVICES = (
    "fcm.googleapis.com",  # Chrome, Edge (Chromium), Samsung Internet, Opera
    "updates.push.services.mozilla.com",  # Firefox
    "*.notify.windows.com",  # legacy Edge / Windows
    "web.push.apple.com",  # Safari
)
MAX_LENGTH = 2048


def _known_service(host: str) -> bool:
    for pattern in PUSH_SERVICES:
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_problem(url: str, extra_hosts: Iterable[str] = ()) -> str | None:
    """Why the server will not send to `url`, or None when it may."""
    if len(url) > MAX_LENGTH:
        return f"The endpoint is longer than {MAX_LENGTH} characters."
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "The endpoint is not a valid URL."
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"https", "http"} or not host:
        return "The endpoint must be an https URL of a browser push service."
    if parts.username is not None or parts.password is not None or parts.fragment:
        return "The endpoint must not contain a user name, password or fragment."
    port = port or (443 if parts.scheme == "https" else 80)
    hostport = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if hostport in {h.strip().lower() for h in extra_hosts}:
        if parts.scheme == "http" and not _loopback(host):
            return "Plain http is only allowed for a local test push service."
        return None
    if parts.scheme == "https" and port == 443 and _known_service(host):
        return None
    return "This push service is not allowed. Use a browser's own push service."
