"""The PWA shell in real Chromium: offline start, accounts, clearing the device at logout,
quick exit, accessibility, small screens and the first-screen budget."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    PASSWORD,
    create_account,
    heading,
    keep_recovery_code,
    login_via_api,
    register_via_api,
    unique_username,
    wait_for_service_worker,
)

ROOT = Path(__file__).resolve().parents[2]
NEUTRAL_URL = re.search(r"NEUTRAL_URL = '([^']+)'",
                        (ROOT / "pwa/js/quickexit.js").read_text()).group(1)
FIRST_SCREEN_BUDGET = 60 * 1024


def open_app(context, path: str = "/"):
    page = context.new_page()
    page.goto(path)
    expect(heading(page)).to_be_visible()
    return page


def permission_requests(page) -> list:
    return page.evaluate("window.__permissionRequests")


def register_via_ui(page, username: str, role_label: str = "Er is mij iets overkomen",
                    keep_code: bool = True) -> None:
    """Make an account in the app; with `keep_code`, past the recovery code to the home."""
    page.get_by_role("link", name="Account maken").first.click()
    expect(heading(page)).to_have_text("Account maken")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label(role_label).check()
    page.get_by_label("Ik heb de afspraken gelezen en ga akkoord").check()
    page.get_by_role("button", name="Account maken").click()
    if keep_code:
        keep_recovery_code(page)
        expect(heading(page)).to_have_text(f"Hallo {username}")


def test_shell_starts_offline_after_one_visit(new_context, shot) -> None:
    context = new_context()
    page = open_app(context)
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    expect(page.get_by_role("button", name="Snel weg")).to_be_visible()
    shot(page, "welcome-nl")
    wait_for_service_worker(page)
    page.reload()
    # A function, not an expression string: polling an expression needs eval, which our CSP blocks.
    # The first test of a run meets a cold server and browser: give it time (seen at 10 s in CI).
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    caches = page.evaluate("caches.keys()")
    assert any(name.startswith("houvast-shell-") for name in caches)

    context.set_offline(True)
    page.reload()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    # A view module that this page has not loaded yet comes from the precache.
    page.get_by_role("link", name="Inloggen").first.click()
    expect(heading(page)).to_have_text("Inloggen")
    page.goto("/logboek")  # a deep link, offline: the shell answers and routes
    expect(heading(page)).to_be_visible()
    assert permission_requests(page) == []


def test_register_logout_clears_the_device_then_login(new_context, shot, check_a11y) -> None:
    context = new_context()
    page = open_app(context)
    wait_for_service_worker(page)
    username = unique_username()
    register_via_ui(page, username)
    page.get_by_role("status").filter(has_text="Je account is klaar").wait_for()
    expect(page.get_by_role("link", name="Training", exact=True)).to_be_visible()
    shot(page, "home-nl")
    check_a11y(page, "home nl")

    # Personal API answers never enter Cache Storage.
    cached = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        }
        return urls;
    }""")
    assert not [u for u in cached if "/api/" in u]

    # Put something personal everywhere a later part might.
    page.evaluate("""async () => {
        const idb = await import('/js/idb.js');
        await idb.setValue('meta', 'draft', 'iets persoonlijks');
        await new Promise((ok) => { indexedDB.open('another-store').onsuccess = (e) => {
            e.target.result.close(); ok(); }; });
        await (await caches.open('houvast-public-api-test')).put('/api/content/x',
            new Response('x'));
        await (await caches.open('someone-elses-cache')).put('/x', new Response('x'));
        localStorage.setItem('houvast.draft', 'geheim');
        sessionStorage.setItem('houvast.tmp', 'geheim');
    }""")
    # houvast (shell), the person's store (houvast-data-…), and the one made above
    assert len(page.evaluate("indexedDB.databases()")) == 3

    page.get_by_role("link", name="Account", exact=True).click()
    expect(heading(page)).to_have_text("Account")
    expect(page.get_by_text(username)).to_be_visible()
    shot(page, "account-nl")
    check_a11y(page, "account nl")
    page.get_by_role("button", name="Uitloggen").click()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    page.get_by_role("status").filter(has_text="Je bent uitgelogd").wait_for()

    device = page.evaluate("""async () => ({
        databases: await indexedDB.databases(),
        caches: await caches.keys(),
        local: Object.keys(localStorage),
        session: sessionStorage.length,
    })""")
    assert device["databases"] == []
    assert all(name.startswith("houvast-shell-") for name in device["caches"])
    assert device["local"] == ["houvast.lang"]
    assert device["session"] == 0
    assert context.cookies() == []
    expect(page.get_by_role("link", name="Account", exact=True)).to_be_hidden()

    page.get_by_role("link", name="Inloggen").first.click()
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(heading(page)).to_have_text(f"Hallo {username}")
    assert permission_requests(page) == []


def test_form_errors_explain_what_to_do(new_context, check_a11y, shot) -> None:
    existing = register_via_api(new_context())
    page = open_app(new_context(), "/#/login")
    page.get_by_label("Gebruikersnaam").fill(existing["username"])
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("klopt niet"))

    page.get_by_role("link", name="Account maken").click()
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_text("Kies een gebruikersnaam van 3 tot 32 tekens.")).to_be_visible()
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("aria-invalid", "true")
    shot(page, "register-errors-nl")
    check_a11y(page, "register with errors")

    # The server refuses a taken name: said in Dutch, next to the field.
    page.get_by_label("Gebruikersnaam").fill(existing["username"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Ik help iemand").check()
    page.get_by_label("Ik heb de afspraken gelezen en ga akkoord").check()
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("al in gebruik"))
    expect(page.locator("#f-username-error")).to_have_text(re.compile("al in gebruik"))
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("aria-invalid", "true")
    expect(heading(page)).to_have_text("Account maken")


def test_language_switch_is_remembered_and_every_screen_is_accessible(
        new_context, live_server, check_a11y, shot) -> None:
    context = new_context()
    page = open_app(context)
    for lang, switch_to, titles in (
        ("nl", None, ("Welkom bij Houvast", "Account maken", "Inloggen")),
        ("en", "English", ("Welcome to Houvast", "Create account", "Log in")),
    ):
        if switch_to:
            page.get_by_role("button", name=switch_to).click()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        for route, title in zip(("welcome", "register", "login"), titles, strict=True):
            page.evaluate(f"location.hash = '#/{route}'")
            expect(heading(page)).to_have_text(title)
            check_a11y(page, f"{route} {lang}")
            shot(page, f"{route}-{lang}")

    page.reload()
    expect(heading(page)).to_have_text("Log in")  # English is remembered
    login_via_api(context, create_account(live_server, role="helper"))
    page.goto("/#/home")
    page.reload()  # the app asks who is logged in when it starts
    expect(heading(page)).to_have_text(re.compile("^Hello "))
    check_a11y(page, "home en")
    shot(page, "home-en")
    # Offline, the app opens for the person who was last logged in.
    wait_for_service_worker(page)
    context.set_offline(True)
    page.reload()
    expect(heading(page)).to_have_text(re.compile("^Hello "))
    context.set_offline(False)

    # api.js renews an expired session once with the refresh cookie and retries.
    context.clear_cookies(name="access_token_cookie")
    me = page.evaluate("import('/js/api.js').then((m) => m.api.get('/api/me'))")
    assert me["role"] == "helper"
    assert any(c["name"] == "access_token_cookie" for c in context.cookies())

    page.get_by_role("link", name="Account", exact=True).click()
    expect(heading(page)).to_have_text("Account")
    check_a11y(page, "account en")
    shot(page, "account-en")
    page.get_by_label("Nederlands").check()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(heading(page)).to_have_text("Account")
    expect(page.get_by_label("Nederlands")).to_be_focused()  # focus survives the re-render
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


@pytest.mark.parametrize("how", ["button", "escape twice"])
def test_quick_exit_leaves_no_way_back(new_context, live_server, how: str) -> None:
    context = new_context()
    context.route(NEUTRAL_URL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html",
        body="<!doctype html><title>Weer</title><h1>Het weer</h1>"))
    page = open_app(context)
    entries = page.evaluate("history.length")  # the tab's blank start page and Houvast
    # Walk through a few screens: none of them may add a history entry.
    page.get_by_role("link", name="Account maken").first.click()
    expect(heading(page)).to_have_text("Account maken")
    page.get_by_role("link", name="Inloggen").click()
    expect(heading(page)).to_have_text("Inloggen")
    page.get_by_role("link", name="Naar de inhoud").focus()
    page.keyboard.press("Enter")  # the skip link must not add an entry either
    assert page.evaluate("history.length") == entries

    if how == "button":
        page.get_by_role("button", name="Snel weg").click()
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_URL)
    expect(page.get_by_role("heading", name="Het weer")).to_be_visible()
    page.go_back()
    assert not page.url.startswith(live_server.url)
    assert "Houvast" not in page.content()


def test_routes_keep_their_params_and_guard_private_screens(new_context) -> None:
    page = open_app(new_context(), "/#/register/a%20b/2")
    expect(heading(page)).to_have_text("Account maken")
    assert page.evaluate("location.hash") == "#/register/a%20b/2"
    page.evaluate("location.hash = '#/account/123'")  # not logged in: log in first
    expect(heading(page)).to_have_text("Inloggen")
    assert page.evaluate("location.hash") == "#/login"
    page.evaluate("location.hash = '#/no-such-screen'")
    expect(heading(page)).to_have_text("Welkom bij Houvast")


def test_readable_at_320px_and_at_200_percent_text(new_context, shot) -> None:
    context = new_context(viewport={"width": 320, "height": 640})
    page = open_app(context)
    for zoom in ("100%", "200%"):
        page.evaluate(f"document.documentElement.style.fontSize = '{zoom}'")
        for route in ("welcome", "register", "login"):
            page.evaluate(f"location.hash = '#/{route}'")
            expect(heading(page)).to_be_visible()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{route} at {zoom} scrolls sideways by {overflow}px"
        shot(page, f"login-320px-{zoom.rstrip('%')}")


def test_first_screen_fits_the_budget(new_context, live_server) -> None:
    # Without the service worker, so its precache downloads do not count.
    context = new_context(service_workers="block")
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto("/", wait_until="networkidle")
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    loaded = {r.url: r for r in responses if r.url.startswith(live_server.url)}
    kinds = {r.request.resource_type for r in loaded.values()}
    assert {"document", "stylesheet", "script", "fetch"} <= kinds
    assert any(url.endswith("/js/views/welcome.js") for url in loaded)
    total = sum(len(gzip.compress(r.body(), 9, mtime=0)) for r in loaded.values())
    assert total <= FIRST_SCREEN_BUDGET, f"{total} bytes compressed: {sorted(loaded)}"



def test_a_forgotten_password_comes_back_with_the_recovery_code(new_context, check_a11y,
                                                                  shot) -> None:
    page = open_app(new_context(viewport={"width": 390, "height": 844}))
    username = unique_username()
    register_via_ui(page, username, keep_code=False)

    # Shown once, with where to keep it; going on asks whether it was kept.
    expect(heading(page)).to_have_text("Je herstelcode")
    check_a11y(page, "recovery code")
    shot(page, "recovery-code-nl")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the recovery code scrolls sideways by {overflow}px"
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("Bewaar eerst je code.")).to_be_visible()
    expect(heading(page)).to_have_text("Je herstelcode")
    code = keep_recovery_code(page)
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}", code)
    expect(heading(page)).to_have_text(f"Hallo {username}")

    page.get_by_role("link", name="Account", exact=True).click()
    page.get_by_role("button", name="Uitloggen").click()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    page.get_by_role("link", name="Inloggen").first.click()
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(heading(page)).to_have_text("Wachtwoord vergeten")
    check_a11y(page, "recover")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Herstelcode").fill("ABCDE-FGHJK-MNPQR-STUVW")
    page.get_by_label("Nieuw wachtwoord").fill("een nieuwe weg door de duinen")
    page.get_by_role("button", name="Nieuw wachtwoord instellen").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("herstelcode klopt niet"))
    page.get_by_label("Herstelcode").fill(" ".join(code.replace("-", "").lower()))
    page.get_by_role("button", name="Nieuw wachtwoord instellen").click()
    new_code = keep_recovery_code(page)
    assert new_code != code
    expect(heading(page)).to_have_text(f"Hallo {username}")


def test_where_you_are_logged_in_and_logging_out_everywhere(new_context, check_a11y,
                                                            shot) -> None:
    phone_context = new_context(viewport={"width": 390, "height": 844})
    account = register_via_api(phone_context)
    laptop_context = new_context()
    login_via_api(laptop_context, account)
    laptop = open_app(laptop_context, "/#/home")
    expect(heading(laptop)).to_have_text(f"Hallo {account['username']}")

    phone = open_app(phone_context, "/#/account")
    expect(heading(phone)).to_have_text("Account")
    sessions = phone.locator(".sessions > li")
    expect(sessions).to_have_count(2)
    expect(sessions.filter(has_text="Dit apparaat")).to_have_count(1)
    expect(phone.get_by_text("Chrome op Linux").first).to_be_visible()
    check_a11y(phone, "account with sessions")
    shot(phone, "account-sessions-nl")

    phone.get_by_role("button", name="Log overal uit").click()
    expect(phone.get_by_role("status")).to_have_text(
        "Klaar. Je bent nu uitgelogd op alle andere apparaten.")
    expect(sessions.filter(has_text="Uitgelogd")).to_have_count(1)
    # The laptop's session is gone: its next request says so, and it shows the login again.
    laptop.reload()
    expect(heading(laptop)).not_to_have_text(f"Hallo {account['username']}")
    assert laptop_context.request.get("/api/me").status == 401
    expect(heading(phone)).to_have_text("Account")


def test_deleting_the_account_says_what_goes_and_leaves_nothing(new_context, check_a11y,
                                                                 shot) -> None:
    context = new_context(viewport={"width": 390, "height": 844})
    account = register_via_api(context)
    page = open_app(context, "/#/home")
    wait_for_service_worker(page)
    page.evaluate("""async () => {
        const { api } = await import('/js/api.js');
        await api.post('/api/logbooks', { type: 'wellbeing', title: 'Wat er gebeurde' });
    }""")

    page.get_by_role("link", name="Account", exact=True).click()
    page.get_by_role("link", name="Verwijder mijn account").click()
    expect(heading(page)).to_have_text("Verwijder je account")
    expect(page.get_by_text("Je logboeken, met alle foto's")).to_be_visible()
    expect(page.get_by_text("Dat blijft bij de organisatie")).to_be_visible()
    check_a11y(page, "delete account")
    shot(page, "delete-account-nl")

    submit = page.get_by_role("button", name="Verwijder mijn account voorgoed")
    submit.click()  # nothing filled in: both fields say what to do, nothing is sent
    expect(page.get_by_text("Vul je wachtwoord in.")).to_be_visible()
    expect(page.get_by_text("Zet eerst een vinkje.")).to_be_visible()
    page.get_by_label("Je wachtwoord").fill("niet mijn wachtwoord")
    page.get_by_label("Ik snap dat al mijn gegevens voorgoed weg zijn").check()
    submit.click()
    expect(page.get_by_role("status")).to_have_text(
        "Dit is niet je wachtwoord. Probeer het opnieuw.")
    expect(heading(page)).to_have_text("Verwijder je account")

    page.get_by_label("Je wachtwoord").fill(PASSWORD)
    submit.click()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    page.get_by_role("status").filter(has_text="Je account is verwijderd").wait_for()
    device = page.evaluate("""async () => ({
        databases: await indexedDB.databases(),
        local: Object.keys(localStorage),
    })""")
    assert device["databases"] == []
    assert device["local"] == ["houvast.lang"]
    assert context.cookies() == []
    again = context.request.post("/api/auth/login", data={
        "username": account["username"], "password": PASSWORD})
    assert again.status == 401


def test_downloading_all_my_data_makes_the_zip_in_the_background_and_gives_it_once(
        new_context, check_a11y, shot) -> None:
    """The real server makes the ZIP in a background thread; the screen follows its progress,
    the browser downloads it, and afterwards the screen says it is gone from the server."""
    context = new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    register_via_api(context)
    page = open_app(context, "/#/home")
    page.evaluate("""async () => {
        const { api } = await import('/js/api.js');
        const book = await api.post('/api/logbooks',
            { type: 'wellbeing', title: 'Wat er gebeurde' });
        await api.post(`/api/logbooks/${book.id}/entries`, { occurred_at:
            new Date().toISOString(), answers: { feeling: 2 }, note: 'Geluid bij de deur' });
    }""")

    page.get_by_role("link", name="Account", exact=True).click()
    page.get_by_role("link", name="Download al mijn gegevens").click()
    expect(heading(page)).to_have_text("Download al je gegevens")
    check_a11y(page, "export")
    page.get_by_role("button", name="Maak mijn download").click()
    expect(page.get_by_text("Vul je wachtwoord in.")).to_be_visible()
    page.get_by_label("Je wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Maak mijn download").click()
    link = page.get_by_role("link", name=re.compile(r"Download het bestand \(\d+(,\d)? [kM]B\)"))
    expect(link).to_be_visible(timeout=30_000)
    shot(page, "export-ready-nl")
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename.startswith("mijn-gegevens-")
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        entries = json.loads(archive.read("mijn-gegevens/records/logbook_entry.json"))
    assert "mijn-gegevens/LEESMIJ.txt" in names
    assert any(name.endswith("/logbook.pdf") for name in names)
    assert [entry["note"] for entry in entries] == ["Geluid bij de deur"]
    expect(page.get_by_text("Het bestand staat niet meer op de server")).to_be_visible()
    check_a11y(page, "export downloaded")
