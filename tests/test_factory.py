"""The app factory and its settings."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from api import create_app
from api.config import ConfigError, new_data_key
from tests.factories import make_settings


def test_development_generates_secrets_once(tmp_path: Path) -> None:
    first = create_app(make_settings(tmp_path))
    secrets_file = tmp_path / "secrets.json"
    assert secrets_file.exists()
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    stored = json.loads(secrets_file.read_text())
    second = create_app(make_settings(tmp_path))
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == stored[
        "HOUVAST_JWT_SECRET"]
    assert first.config["VAPID_PUBLIC_KEY"] == second.config["VAPID_PUBLIC_KEY"]
    assert first.config["DATA_KEYS"] == second.config["DATA_KEYS"]


@pytest.mark.parametrize(
    "missing", ["HOUVAST_JWT_SECRET", "HOUVAST_DATA_KEYS", "HOUVAST_VAPID_PRIVATE_KEY"]
)
def test_production_refuses_to_start_without_a_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    from api.config import generate_vapid_private_key

    values = {
        "HOUVAST_JWT_SECRET": "x" * 48,
        "HOUVAST_DATA_KEYS": f"k1:{new_data_key()}",
        "HOUVAST_VAPID_PRIVATE_KEY": generate_vapid_private_key(),
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(missing)
    with pytest.raises(ConfigError, match=missing):
        create_app(make_settings(tmp_path, HOUVAST_ENV="production"))
    assert not (tmp_path / "secrets.json").exists()


def test_production_hides_api_docs_unless_asked(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from api.config import generate_vapid_private_key

    monkeypatch.setenv("HOUVAST_JWT_SECRET", "x" * 48)
    monkeypatch.setenv("HOUVAST_DATA_KEYS", f"k1:{new_data_key()}")
    monkeypatch.setenv("HOUVAST_VAPID_PRIVATE_KEY", generate_vapid_private_key())
    prod = create_app(make_settings(tmp_path, HOUVAST_ENV="production"))
    client = prod.test_client()
    assert client.get("/api/openapi.json").status_code == 404
    assert client.get("/api/docs").status_code == 404
    assert "Strict-Transport-Security" in client.get("/api/openapi.json").headers
    monkeypatch.setenv("HOUVAST_API_DOCS", "1")
    docs = create_app(make_settings(tmp_path, HOUVAST_ENV="production")).test_client()
    assert docs.get("/api/openapi.json").status_code == 200
    assert docs.get("/api/docs").status_code == 200


def test_bad_data_key_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOUVAST_DATA_KEYS", "k1:c2hvcnQ")
    with pytest.raises(ConfigError, match="HOUVAST_DATA_KEYS"):
        create_app(make_settings(tmp_path))


def test_trusted_proxy_gives_rate_limits_the_visitors_address(tmp_path: Path) -> None:
    from flask import request

    app = create_app(make_settings(tmp_path, TRUSTED_PROXIES=1))

    @app.get("/_whoami")
    def whoami() -> str:
        return request.remote_addr or ""

    client = app.test_client()
    seen = client.get("/_whoami", headers={"X-Forwarded-For": "203.0.113.7"},
                      environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert seen.get_data(as_text=True) == "203.0.113.7"
    direct = create_app(make_settings(tmp_path)).test_client()
    assert direct.get("/api/nope", headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 404
