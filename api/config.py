"""Settings, read from environment variables with safe defaults for development.

| variable                  | default (development)                 | meaning                                   |
|---------------------------|---------------------------------------|-------------------------------------------|
| HOUVAST_ENV               | development                           | `production` turns on the strict checks   |
| DATABASE_URL              | sqlite:///instance/houvast.sqlite3    | SQLAlchemy URL (`postgresql+psycopg://…`) |
| HOUVAST_INSTANCE          | ./instance                            | folder for SQLite, dev secrets and media  |
| HOUVAST_JWT_SECRET        | generated into instance/secrets.json  | key that signs the session tokens         |
| HOUVAST_DATA_KEYS         | generated into instance/secrets.json  | `kid:base64key,…`, newest last (AES-256)  |
| HOUVAST_VAPID_PRIVATE_KEY | generated into instance/secrets.json  | web-push signing key (PEM or base64url)   |
| HOUVAST_VAPID_SUBJECT     | mailto:privacy@houvast.invalid        | contact the push services can reach       |
| HOUVAST_API_DOCS          | 1 in development, 0 in production     | serve /api/openapi.json and /api/docs     |
| RATELIMIT_STORAGE_URI     | memory://                             | e.g. redis://localhost:6379/0             |
| RATELIMIT_ENABLED         | 1                                     | 0 only for browser tests from one address |
| PUSH_QUEUE_URL            | (none)                                | redis://… to send web pushes through RQ   |
| PUSH_DISPATCHER           | thread                                | `off` when a push worker or RQ sends      |
| PUSH_ALLOWED_HOSTS        | (none)                                | extra push-service `host:port`s           |
| HOUVAST_MEDIA_DIR         | instance/media                        | where encrypted photos are stored         |
| HOUVAST_KEYSTORE_URL      | sqlite:///instance/keystore.sqlite3   | the wrapped account keys, apart from data |
| PHOTO_QUOTA_BYTES         | 524288000 (500 MB)                    | photo storage per person                  |
| HOUVAST_ORG_NAME          | Houvast Slachtofferhulp (demo)        | organisation shown in a client's dossier  |
| HOUVAST_ORG_PHONE         | 0000 000 000 (demo)                   | how a client reaches the organisation     |
| HOUVAST_TRUSTED_PROXIES   | 0                                     | proxies in front (X-Forwarded-For/-Proto)  |
| HOST, PORT                | 127.0.0.1, 8000                       | where `make run` serves                   |

In production every secret must come from the environment: the app refuses to start and names
the missing variable. In development missing secrets are generated once into
`instance/secrets.json` (mode 0600) so restarts keep sessions and encrypted data readable.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from push import vapid

PRODUCTION = "production"


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message names the variable."""


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate_vapid_private_key() -> str:
    """A new P-256 key as the base64url raw private number, as pywebpush accepts it."""
    key = ec.generate_private_key(ec.SECP256R1())
    return _b64url(key.private_numbers().private_value.to_bytes(32, "big"))


def vapid_public_key(private_key: str) -> str:
    """The application server key for `pushManager.subscribe` (uncompressed point, base64url)."""
    key = load_vapid_private_key(private_key)
    raw = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(raw)


def load_vapid_private_key(value: str) -> ec.EllipticCurvePrivateKey:
    try:
        return vapid.load_private_key(value)
    except ValueError as error:
        raise ConfigError(f"HOUVAST_VAPID_PRIVATE_KEY: {error}") from error


def parse_data_keys(value: str) -> dict[str, bytes]:
    """`kid:base64key,kid2:base64key` -> ordered {kid: key}; the last one encrypts new data."""
    keys: dict[str, bytes] = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        kid, sep, b64 = part.partition(":")
        if not sep or not kid:
            raise ConfigError("HOUVAST_DATA_KEYS must look like 'kid:base64key,kid2:base64key'")
        try:
            key = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))
        except ValueError as exc:
            raise ConfigError(f"HOUVAST_DATA_KEYS: key {kid!r} is not base64") from exc
        if len(key) != 32:
            raise ConfigError(f"HOUVAST_DATA_KEYS: key {kid!r} must be 32 bytes (AES-256)")
        keys[kid] = key
    if not keys:
        raise ConfigError("HOUVAST_DATA_KEYS is empty")
    return keys


def new_data_key() -> str:
    return _b64url(secrets.token_bytes(32))


def _dev_secrets(instance: Path) -> dict[str, str]:
    """Secrets for development, generated once and kept in the instance folder."""
    path = instance / "secrets.json"
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    wanted = {
        "HOUVAST_JWT_SECRET": lambda: secrets.token_urlsafe(48),
        "HOUVAST_DATA_KEYS": lambda: f"k1:{new_data_key()}",
        "HOUVAST_VAPID_PRIVATE_KEY": generate_vapid_private_key,
    }
    changed = False
    for name, make in wanted.items():
        if name not in stored:
            stored[name] = make()
            changed = True
    if changed:
        instance.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(stored, fh, indent=2)
        tmp.replace(path)
    return stored


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """All settings as a Flask config mapping; `overrides` (tests) win over the environment."""
    overrides = dict(overrides or {})
    env = {**os.environ, **{k: str(v) for k, v in overrides.items() if k.isupper() and
                            isinstance(v, str)}}
    houvast_env = overrides.get("HOUVAST_ENV", env.get("HOUVAST_ENV", "development"))
    production = houvast_env == PRODUCTION
    instance = Path(env.get("HOUVAST_INSTANCE", Path.cwd() / "instance")).resolve()

    names = ("HOUVAST_JWT_SECRET", "HOUVAST_DATA_KEYS", "HOUVAST_VAPID_PRIVATE_KEY")
    if production:
        for name in names:
            if not env.get(name):
                raise ConfigError(
                    f"{name} is not set. In production every secret must come from the "
                    f"environment; see README.md, 'Deploying'."
                )
        secret_values = {name: env[name] for name in names}
    else:
        generated = _dev_secrets(instance) if not all(env.get(n) for n in names) else {}
        secret_values = {name: env.get(name) or generated[name] for name in names}

    try:
        vapid_public = vapid_public_key(secret_values["HOUVAST_VAPID_PRIVATE_KEY"])
    except (ValueError, TypeError) as exc:
        raise ConfigError("HOUVAST_VAPID_PRIVATE_KEY is not a valid P-256 private key") from exc

    database_url = env.get("DATABASE_URL") or f"sqlite:///{instance / 'houvast.sqlite3'}"
    keystore_url = (env.get("HOUVAST_KEYSTORE_URL")
                    or f"sqlite:///{instance / 'keystore.sqlite3'}")
    if keystore_url == database_url:
        # The point of the key store is that a backup of the data does not carry the keys.
        raise ConfigError("HOUVAST_KEYSTORE_URL must name another database than DATABASE_URL")
    settings: dict[str, Any] = {
        "HOUVAST_ENV": houvast_env,
        "PRODUCTION": production,
        "INSTANCE_DIR": str(instance),
        "DATABASE_URL": database_url,
        "KEYSTORE_URL": keystore_url,
        "SECRET_KEY": secret_values["HOUVAST_JWT_SECRET"],
        "DATA_KEYS": parse_data_keys(secret_values["HOUVAST_DATA_KEYS"]),
        "VAPID_PRIVATE_KEY": secret_values["HOUVAST_VAPID_PRIVATE_KEY"],
        "VAPID_PUBLIC_KEY": vapid_public,
        "VAPID_SUBJECT": env.get("HOUVAST_VAPID_SUBJECT", "mailto:privacy@houvast.invalid"),
        "API_DOCS": _flag(env.get("HOUVAST_API_DOCS"), default=not production),
        "MEDIA_DIR": env.get("HOUVAST_MEDIA_DIR", str(instance / "media")),
        "ORG_NAME": env.get("HOUVAST_ORG_NAME") or None,
        "ORG_PHONE": env.get("HOUVAST_ORG_PHONE") or None,
        "PHOTO_QUOTA_BYTES": int(env.get("PHOTO_QUOTA_BYTES", 500 * 1024 * 1024)),
        # Behind N reverse proxies the client address comes from X-Forwarded-For; without this
        # every request would seem to come from the proxy and share one rate limit.
        "TRUSTED_PROXIES": int(env.get("HOUVAST_TRUSTED_PROXIES", "0")),
        "RATELIMIT_ENABLED": _flag(env.get("RATELIMIT_ENABLED"), default=True),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "PUSH_QUEUE_URL": env.get("PUSH_QUEUE_URL") or None,
        # "thread": an in-process dispatcher; "off": only `flask push worker` or RQ send.
        "PUSH_DISPATCHER": env.get("PUSH_DISPATCHER")
        or ("off" if overrides.get("TESTING") else "thread"),
        "PUSH_ALLOWED_HOSTS": [
            h.strip() for h in env.get("PUSH_ALLOWED_HOSTS", "").split(",") if h.strip()
        ],
        "TERMS_VERSION": "2026-11",
        # flask-smorest
        "API_TITLE": "Houvast API",
        "API_VERSION": "1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "JSON_SORT_KEYS": False,
    }
    settings.update(overrides)
    if not settings["API_DOCS"]:
        settings["OPENAPI_URL_PREFIX"] = None  # no /api/openapi.json in production by default
    return settings
