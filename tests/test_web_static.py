"""Serving the PWA: files, the shell fallback, compression, caching headers and sw.js."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from PIL import Image

from api import web

PWA = Path(web.PWA_DIR)
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def get(client: FlaskClient, path: str, **headers: str):
    response = client.get(path, headers=headers)
    response.close()
    return response


@pytest.mark.parametrize("path", ["/", "/logboek", "/logboek/2026/entry", "/account"])
def test_unknown_paths_get_the_shell(client: FlaskClient, path: str) -> None:
    response = get(client, path, **HTML)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert b'<script type="module" src="/js/app.js">' in response.data
    assert response.headers["Cache-Control"] == "no-cache"


def test_navigation_to_a_missing_file_gets_the_shell_but_a_fetch_gets_404(
        client: FlaskClient) -> None:
    assert get(client, "/old-page.html", **HTML).status_code == 200
    assert get(client, "/js/missing.js", Accept="*/*").status_code == 404


@pytest.mark.parametrize("path", ["/api/x", "/api", "/api/logbook/1"])
def test_api_paths_stay_json_404(client: FlaskClient, path: str) -> None:
    response = get(client, path, **HTML)
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


@pytest.mark.parametrize("path", [
    "/../api/config.py", "/js/../../api/config.py", "/%2e%2e/api/config.py",
    "/js/%2e%2e/%2e%2e/api/config.py", "/..%2fapi%2fconfig.py", "/%2e%2e%2fwsgi.py",
    "/..%5capi%5cconfig.py", "/js/..%252f..%252fwsgi.py", "//etc/passwd", "/%2fetc%2fpasswd",
])
def test_no_path_traversal(client: FlaskClient, path: str) -> None:
    for headers in ({"Accept": "*/*"}, HTML):
        response = get(client, path, **headers)
        body = response.data
        assert b"load_settings" not in body and b"create_app" not in body
        assert b"root:" not in body
        assert response.status_code in (200, 404)
        if response.status_code == 200:  # only ever the shell
            assert b'src="/js/app.js"' in body


def test_only_files_inside_pwa_are_listed() -> None:
    files = web.pwa_files()
    assert "index.html" in files and "sw.js" in files and "js/app.js" in files
    assert all(not p.startswith(("/", "..")) and "/../" not in p for p in files)


@pytest.mark.parametrize("path, mimetype", [
    ("/js/app.js", "text/javascript"),
    ("/sw.js", "text/javascript"),
    ("/manifest.webmanifest", "application/manifest+json"),
    ("/css/app.css", "text/css"),
    ("/i18n/nl.json", "application/json"),
    ("/index.html", "text/html"),
])
def test_text_files_are_gzipped_with_the_right_type(
        client: FlaskClient, path: str, mimetype: str) -> None:
    plain = get(client, path, **{"Accept-Encoding": "identity"})
    zipped = get(client, path, **{"Accept-Encoding": "gzip, deflate, br"})
    assert plain.status_code == zipped.status_code == 200
    assert plain.mimetype == zipped.mimetype == mimetype
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain.data
    assert len(zipped.data) < len(plain.data)
    assert zipped.headers["ETag"] != plain.headers["ETag"]


def test_images_are_not_gzipped(client: FlaskClient) -> None:
    response = get(client, "/icons/icon-192.png", **{"Accept-Encoding": "gzip"})
    assert response.mimetype == "image/png"
    assert "Content-Encoding" not in response.headers
    assert response.data == (PWA / "icons" / "icon-192.png").read_bytes()


def test_cache_headers_and_conditional_requests(client: FlaskClient) -> None:
    for path in ("/", "/sw.js", "/manifest.webmanifest", "/js/app.js", "/icons/icon-192.png"):
        first = get(client, path, **{"Accept-Encoding": "gzip"})
        # File URLs carry no version, so nothing may be cached without asking again.
        assert first.headers["Cache-Control"] == "no-cache", path
        etag = first.headers["ETag"]
        again = get(client, path, **{"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status_code == 304, path
        assert again.data == b""
    assert get(client, "/sw.js").headers["Service-Worker-Allowed"] == "/"


def test_security_headers_still_apply(client: FlaskClient) -> None:
    csp = get(client, "/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_compressed_copy_is_kept_until_the_file_changes(client: FlaskClient) -> None:
    files = web.pwa_files()
    first = web.file_asset("js/app.js", files["js/app.js"])
    assert web.file_asset("js/app.js", files["js/app.js"]) is first


def _served_sw(client: FlaskClient) -> str:
    return get(client, "/sw.js", **{"Accept-Encoding": "identity"}).get_data(as_text=True)


def test_sw_gets_version_and_precache_list(client: FlaskClient) -> None:
    source = _served_sw(client)
    assert web.VERSION_PLACEHOLDER not in source and web.PRECACHE_PLACEHOLDER not in source
    version = re.search(r'const VERSION = "([0-9a-f]{16})";', source).group(1)
    assert version == web.shell_version(web.pwa_files())
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", source).group(1))
    on_disk = {"/" + p.relative_to(PWA).as_posix() for p in PWA.rglob("*") if p.is_file()
               and not p.name.startswith(".")}
    assert set(precache) == on_disk - {"/sw.js"}
    for needed in ("/index.html", "/css/app.css", "/js/app.js", "/js/views/welcome.js",
                   "/js/views/account.js", "/i18n/nl.json", "/i18n/en.json",
                   "/manifest.webmanifest", "/icons/icon-512.png"):
        assert needed in precache
    assert "window." not in (PWA / "sw.js").read_text()


def test_any_change_to_pwa_gives_a_new_version(monkeypatch, tmp_path: Path,
                                               client: FlaskClient) -> None:
    copy = tmp_path / "pwa"
    for path in PWA.rglob("*"):
        if path.is_file():
            target = copy / path.relative_to(PWA)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    monkeypatch.setattr(web, "PWA_DIR", copy)
    before = web.shell_version(web.pwa_files())
    (copy / "js" / "views" / "new-part.js").write_text("export function render() {}\n")
    files = web.pwa_files()
    assert web.shell_version(files) != before
    assert "/js/views/new-part.js" in web.precache_list(files)
    assert '"/js/views/new-part.js"' in _served_sw(client)


def test_manifest_is_complete_and_its_icons_exist(client: FlaskClient) -> None:
    manifest = json.loads(get(client, "/manifest.webmanifest").data)
    assert manifest["name"] == "Houvast" and manifest["short_name"]
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone" and manifest["lang"] == "nl"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    seen = set()
    for icon in manifest["icons"]:
        response = get(client, icon["src"])
        assert response.status_code == 200
        image = Image.open(io.BytesIO(response.data))
        assert f"{image.width}x{image.height}" == icon["sizes"]
        seen.add((icon["sizes"], icon.get("purpose", "any")))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= seen


def test_translations_have_the_same_keys() -> None:
    nl = json.loads((PWA / "i18n" / "nl.json").read_text())
    en = json.loads((PWA / "i18n" / "en.json").read_text())
    # English field errors fall back to the API's own (English) message on purpose.
    assert set(nl) - {k for k in nl if k.startswith("error.field.")} == set(en)


def test_no_inline_script_or_style_in_the_shell() -> None:
    html = (PWA / "index.html").read_text()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    for js in PWA.rglob("*.js"):
        source = js.read_text()
        # Texts are set with textContent; in-app navigation never adds history entries.
        assert ".innerHTML" not in source and "history.pushState" not in source, js
