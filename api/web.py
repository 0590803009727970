"""Serves the PWA from pwa/: its files, and the shell (index.html) for any other non-API path.

- Only files that exist in pwa/ are served: a request path is looked up in the list of those
  files, never joined onto a folder, so `..` or encoded tricks cannot reach anything else.
- Text files are gzip-compressed once and kept in memory, keyed by path, mtime and size.
- File URLs are not versioned (the ES modules import each other by plain path), so every file
  is `no-cache` with an ETag: the browser revalidates and gets a cheap 304. Working offline is
  the service worker's job: sw.js is served with a version (a hash of all pwa/ files) and the
  list of files to precache filled in, so any change to pwa/ installs a new, complete cache.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, abort, request

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"
SHELL = "index.html"
SERVICE_WORKER = "sw.js"
# Placeholders in pwa/sw.js; both are valid JavaScript so the file also parses unserved.
VERSION_PLACEHOLDER = '"__HOUVAST_VERSION__"'
PRECACHE_PLACEHOLDER = '["__HOUVAST_PRECACHE__"]'

MIME_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
COMPRESSIBLE = {".js", ".mjs", ".webmanifest", ".json", ".css", ".html", ".svg", ".txt"}
# Below this size gzip saves less than its own overhead.
MIN_COMPRESS = 256


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    etag: str
    mimetype: str


_assets: dict[tuple[str, int, int, str], Asset] = {}
_lock = threading.Lock()


def pwa_files() -> dict[str, os.stat_result]:
    """Every servable file under pwa/ as {relative posix path: stat}; hidden names skipped."""
    found: dict[str, os.stat_result] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file(follow_symlinks=False):
                    found[prefix + entry.name] = entry.stat()

    walk(str(PWA_DIR), "")
    return found


def _make_asset(body: bytes, suffix: str) -> Asset:
    gzipped = None
    if suffix in COMPRESSIBLE and len(body) >= MIN_COMPRESS:
        gzipped = gzip.compress(body, compresslevel=9, mtime=0)
    digest = hashlib.sha256(body).hexdigest()[:24]
    mimetype = MIME_TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0]
    return Asset(body, gzipped, digest, mimetype or "application/octet-stream")


def _cached(path: str, stat: os.stat_result, variant: str, build) -> Asset:
    key = (path, stat.st_mtime_ns, stat.st_size, variant)
    asset = _assets.get(key)
    if asset is None:
        asset = build()
        with _lock:
            for old in [k for k in _assets if k[0] == path]:
                del _assets[old]
            _assets[key] = asset
    return asset


def file_asset(path: str, stat: os.stat_result) -> Asset:
    return _cached(path, stat, "", lambda: _make_asset((PWA_DIR / path).read_bytes(),
                                                        Path(path).suffix))


def shell_version(files: dict[str, os.stat_result]) -> str:
    """A hash of every pwa/ file: any change gives the service worker a new cache."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + file_asset(path, files[path]).etag.encode())
    return digest.hexdigest()[:16]


def precache_list(files: dict[str, os.stat_result]) -> list[str]:
    return sorted("/" + path for path in files if path != SERVICE_WORKER)


def service_worker_asset(files: dict[str, os.stat_result]) -> Asset:
    version = shell_version(files)

    def build() -> Asset:
        source = (PWA_DIR / SERVICE_WORKER).read_text(encoding="utf-8")
        source = source.replace(VERSION_PLACEHOLDER, json.dumps(version))
        source = source.replace(PRECACHE_PLACEHOLDER, json.dumps(precache_list(files)))
        return _make_asset(source.encode(), ".js")

    return _cached(SERVICE_WORKER, files[SERVICE_WORKER], version, build)


def _accepts_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0


def send_asset(path: str, asset: Asset) -> Response:
    use_gzip = asset.gzipped is not None and _accepts_gzip()
    etag = asset.etag + ("-gz" if use_gzip else "")
    response = Response(mimetype=asset.mimetype.split(";")[0])
    response.headers["Content-Type"] = asset.mimetype
    response.set_etag(etag)
    response.headers["Cache-Control"] = "no-cache"
    if asset.gzipped is not None:
        response.vary.add("Accept-Encoding")
    if path == SERVICE_WORKER:
        response.headers["Service-Worker-Allowed"] = "/"
    if request.if_none_match.contains(etag):
        response.status_code = 304
        return response
    response.set_data(asset.gzipped if use_gzip else asset.body)
    if use_gzip:
        response.headers["Content-Encoding"] = "gzip"
    return response


def serve(path: str) -> Response:
    if path == "api" or path.startswith("api/"):
        abort(404)
    files = pwa_files()
    if path in files:
        if path == SERVICE_WORKER:
            return send_asset(path, service_worker_asset(files))
        return send_asset(path, file_asset(path, files[path]))
    # A missing file (a name with an extension) is a 404, unless a browser navigates to it:
    # then the shell answers and the app's router shows what it can.
    if "." in path.rsplit("/", 1)[-1] and request.accept_mimetypes.best != "text/html":
        abort(404)
    return send_asset(SHELL, file_asset(SHELL, files[SHELL]))


def init_app(app: Flask) -> None:
    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def pwa(path: str) -> Response:
        return serve(path)
