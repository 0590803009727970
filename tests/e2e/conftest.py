"""Browser tests: the real app under gunicorn, driven by headless Chromium through Playwright.

Fixtures for every e2e test of every part:
- `live_server`: the app on a free 127.0.0.1 port with its own instance folder and SQLite
  database (migrated). `live_server.url`, `.env`, `.instance`, and `.flask("users", ...)` to run
  a command against the same database.
- `browser`: Chromium (HOUVAST_CHROMIUM, default /usr/bin/chromium). Missing: skipped, unless
  CI=true, then the test fails.
- `new_context(**options)`: a phone-sized context (390x844) with service workers allowed,
  `base_url` set, a spy on Notification.requestPermission, and console/page errors collected:
  a CSP violation or an uncaught error fails the test (`browser_errors.allow(regex)` for
  errors a test causes on purpose).
- `shot(page, name)`: a screenshot in tests/e2e/screenshots/<name>.png (git-ignored).
- `check_a11y(page, name)`: axe-core must find no violations.
- `heading(page)` (the view's h1) and `wait_for_service_worker(page)`.
- `register_via_api(context, ...)`: an account and a session in that context, without the UI.
  Registering is rate-limited (10 an hour per IP, and the live server is one IP), so tests that
  only need someone logged in use `create_account(live_server, role)` (the `flask users create`
  command) and `login_via_api(context, account)` instead.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 390, "height": 844}
PASSWORD = "kalm-water-bij-de-brug"  # 10+ characters, not a common password
# Records every call to Notification.requestPermission (the app must never ask on load).
PERMISSION_SPY = """
window.__permissionRequests = [];
if (window.Notification) {
  const original = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...args) => {
    window.__permissionRequests.push(new Error().stack);
    return original(...args);
  };
}
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    env: dict[str, str]
    instance: Path

    def flask(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run `flask --app wsgi ARGS` against the live server's database."""
        return subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT,
                              env=self.env, check=True, capture_output=True, text=True)


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    instance = tmp_path_factory.mktemp("e2e-instance")
    env = {
        **os.environ,
        "HOUVAST_ENV": "development",
        "HOUVAST_INSTANCE": str(instance),
        "DATABASE_URL": f"sqlite:///{instance / 'e2e.sqlite3'}",
        "RATELIMIT_STORAGE_URI": "memory://",
        # Every browser test registers from 127.0.0.1; the limits are tested in the API suite.
        "RATELIMIT_ENABLED": "0",
        "PUSH_DISPATCHER": "off",  # nothing here may call out to a push service
    }
    port = _free_port()
    server = LiveServer(f"http://127.0.0.1:{port}", env, instance)
    server.flask("db", "upgrade")
    log = instance / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "--threads", "4", "--access-logfile", "-", "wsgi:app"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(server.url + "/", process, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = os.environ.get("HOUVAST_CHROMIUM", "/usr/bin/chromium")
    if not (Path(executable).is_file() or shutil.which(executable)):
        message = f"Chromium not found at {executable} (set HOUVAST_CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class BrowserErrors:
    """Console errors and uncaught exceptions of every page the test opened."""

    messages: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=lambda: [
        # The browser logs every 4xx answer (e.g. GET /api/me when logged out); the app
        # handles those itself, so they are not errors of the page.
        re.compile(r"^console: Failed to load resource: the server responded with a status"),
        # Offline on purpose: the browser logs the failed requests.
        re.compile(r"ERR_INTERNET_DISCONNECTED"),
    ])

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def watch(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.messages.append(
            f"console: {msg.text} ({msg.location.get('url', '')})"))
        page.on("pageerror", lambda error: self.messages.append(f"uncaught: {error}"))

    def unexpected(self) -> list[str]:
        return [m for m in self.messages if not any(p.search(m) for p in self.allowed)]


@pytest.fixture
def browser_errors() -> BrowserErrors:
    return BrowserErrors()


@pytest.fixture
def new_context(browser, live_server: LiveServer,
                browser_errors: BrowserErrors) -> Iterator[Callable[..., object]]:
    contexts = []

    def make(**options):
        settings = {"viewport": VIEWPORT, "service_workers": "allow",
                    "base_url": live_server.url, "locale": "nl-NL", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(10_000)
        context.add_init_script(PERMISSION_SPY)
        context.on("page", browser_errors.watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    bad = browser_errors.unexpected()
    assert not bad, "errors in the browser:\n" + "\n".join(bad)


@pytest.fixture
def shot() -> Callable[[object, str], Path]:
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def check_a11y() -> Callable[[object, str], None]:
    # Axe().run uses page.evaluate, which the page's CSP does not block (no script tag).
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page, name: str) -> None:
        results = axe.run(page)
        assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"

    return check


def unique_username(prefix: str = "e2e") -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


def register_via_api(context, username: str | None = None, role: str = "client",
                     password: str = PASSWORD) -> dict:
    """Create an account through the API; the session cookies land in `context`."""
    username = username or unique_username()
    response = context.request.post("/api/auth/register", data={
        "username": username, "password": password, "role": role, "accept_terms": True})
    assert response.status == 201, response.text()
    return {"username": username, "password": password, "role": role}


def create_account(server: LiveServer, role: str = "client", username: str | None = None,
                   password: str = PASSWORD) -> dict:
    """An account made with `flask users create` (no rate limit; the only way to make staff)."""
    username = username or unique_username(role)
    subprocess.run([str(BIN / "flask"), "--app", "wsgi", "users", "create", "--role", role,
                    "--username", username], cwd=ROOT, check=True, capture_output=True,
                   text=True, env={**server.env, "HOUVAST_PASSWORD": password})
    return {"username": username, "password": password, "role": role}


def login_via_api(context, account: dict) -> None:
    """Log `account` in; the session cookies land in `context`."""
    response = context.request.post("/api/auth/login", data={
        "username": account["username"], "password": account["password"]})
    assert response.status == 200, response.text()


def keep_recovery_code(page) -> str:
    """After registering in the app: the recovery code screen, kept, and on; the code."""
    expect(heading(page)).to_have_text("Je herstelcode")
    code = "-".join(page.locator(".code-groups .code").all_inner_texts())
    page.get_by_label("Ik heb mijn herstelcode bewaard").check()
    page.get_by_role("button", name="Verder").click()
    return code


def heading(page):
    """The current view's <h1> (every view has exactly one)."""
    return page.get_by_role("heading", level=1)


def wait_for_service_worker(page) -> None:
    """Until the app's own register() call is done and an activated worker controls the page
    (a register() that is still running when a test goes offline fails, and its job takes the
    registration with it)."""
    page.wait_for_load_state("networkidle")
    # Synchronous on purpose: wait_for_function takes a Promise as a truthy answer at once,
    # so an async check here never waited, and a test that went offline next was sometimes
    # not yet controlled by the worker ("Failed to fetch dynamically imported module").
    page.wait_for_function("""() => navigator.serviceWorker.controller?.state === 'activated'""",
                           polling=100)


def wait_until(page, script: str, arg=None, timeout: float = 10.0, every: float = 0.1) -> None:
    """Until `script` (a JS function, async allowed) returns something truthy in the page.

    page.wait_for_function cannot do this for an async function: it takes the returned Promise
    as a truthy answer at once. Here every try is a page.evaluate, which awaits it."""
    deadline = time.monotonic() + timeout
    while True:
        last = page.evaluate(script, arg)
        if last:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"still {last!r} after {timeout} s:\n{script}")
        time.sleep(every)
