"""The device store without an account, in real Chromium: a guest's records stay on the device
(never sent), a screen marked `guest: true` opens without a login and writes to the guest store,
registering or logging in adopts them into the person's store (then they sync), and "Wis alles
op dit apparaat" leaves no IndexedDB database behind (only the store of a person whose session
ended with changes still waiting stays, for their next login)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import (
    PASSWORD,
    create_account,
    heading,
    keep_recovery_code,
    unique_username,
    wait_until,
)

GUEST_STORE = "houvast-data-guest"
ERASE = "Wis alles op dit apparaat"


def open_app(context, path: str = "/"):
    page = context.new_page()
    page.goto(path)
    expect(heading(page)).to_be_visible()
    return page


def count_sync_requests(context) -> list[str]:
    """Every POST /api/sync of the context (pages and service worker), let through."""
    sent: list[str] = []

    def handle(route) -> None:
        sent.append(route.request.method)
        route.continue_()

    context.route("**/api/sync", handle)
    return sent


def guest_put_logbook(page, title: str) -> str:
    """A logbook written as a guest, the way a `guest: true` screen does (view.storeReady)."""
    logbook_id = str(uuid.uuid4())
    page.evaluate("""async ([id, title]) => {
        const store = await import('/js/store.js');
        await (await import('/js/view.js')).storeReady(null);
        await store.put('logbook', id, { type: 'wellbeing', title });
    }""", [logbook_id, title])
    return logbook_id


def guest_record(page, logbook_id: str):
    return page.evaluate("""async (id) => {
        const store = await import('/js/store.js');
        await store.openGuest();
        const record = await store.get('logbook', id);
        return { record: record ?? null, pending: await store.pendingCount() };
    }""", logbook_id)


def databases(page) -> list[str]:
    return sorted(page.evaluate("indexedDB.databases().then((l) => l.map((d) => d.name))"))


def wait_for_server_logbook(context, logbook_id: str) -> dict:
    """Until the server has the logbook (the adopted outbox was sent as the person)."""
    for _ in range(100):
        found = [b for b in context.request.get("/api/logbooks").json() if b["id"] == logbook_id]
        if found:
            return found[0]
        context.pages[0].wait_for_timeout(200)
    raise AssertionError(f"logbook {logbook_id} never reached the server")


def test_a_guest_screen_opens_without_login_and_nothing_a_guest_makes_is_sent(
        new_context) -> None:
    context = new_context()
    sent = count_sync_requests(context)
    page = open_app(context)
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    # Nothing on the device yet: no guest section, and opening the app created no store.
    expect(page.get_by_role("button", name=ERASE)).to_have_count(0)
    assert GUEST_STORE not in databases(page)

    # A screen marked `guest: true` (the helpers' course will be one) opens for a guest, with
    # ctx.user null; without the mark the router asks to log in first.
    page.evaluate("""async () => {
        const { ROUTES } = await import('/js/routes.js');
        ROUTES['guest-demo'] = { guest: true, load: async () => ({
            render(container, { user }) {
                const h1 = document.createElement('h1');
                h1.textContent = user === null ? 'Zonder account' : 'Met account';
                container.append(h1);
            } }) };
        ROUTES['private-demo'] = { load: ROUTES['guest-demo'].load };
        await (await import('/js/router.js')).navigate('guest-demo');
    }""")
    expect(heading(page)).to_have_text("Zonder account")
    page.evaluate("async () => (await import('/js/router.js')).navigate('private-demo')")
    expect(heading(page)).to_have_text("Inloggen")

    logbook_id = guest_put_logbook(page, "Van de gast")
    # sync.now() does nothing for a guest; a sync of the guest store is refused outright.
    refused = page.evaluate("""async () => {
        const sync = await import('/js/sync.js');
        await sync.now();
        try { await sync.syncOnce(); return null; } catch (error) { return error.reason; }
    }""")
    assert refused == "guest"

    page.reload()  # the guest store is a real IndexedDB database: it survives
    expect(heading(page)).to_be_visible()
    kept = guest_record(page, logbook_id)
    assert kept["record"]["data"] == {"type": "wellbeing", "title": "Van de gast"}
    assert kept["record"]["pending"] is True and kept["pending"] == 1
    assert GUEST_STORE in databases(page)
    page.wait_for_timeout(500)
    assert sent == []


def test_registering_adopts_what_the_guest_made_and_then_it_syncs(new_context, shot,
                                                                   check_a11y) -> None:
    context = new_context()
    sent = count_sync_requests(context)
    page = open_app(context)
    logbook_id = guest_put_logbook(page, "Mijn dagen zonder account")
    page.reload()
    # The welcome screen says that something is kept here, and what happens at registration.
    expect(page.get_by_role("heading", name="Op dit apparaat")).to_be_visible()
    expect(page.get_by_text("Dan neemt Houvast het mee naar je account.")).to_be_visible()
    shot(page, "guest-welcome-nl")
    check_a11y(page, "welcome with guest data")
    assert sent == []

    username = unique_username()
    page.get_by_role("link", name="Account maken").first.click()
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Er is mij iets overkomen").check()
    page.get_by_label("Ik heb de afspraken gelezen en ga akkoord").check()
    page.get_by_role("button", name="Account maken").click()
    keep_recovery_code(page)
    expect(heading(page)).to_have_text(f"Hallo {username}")

    on_server = wait_for_server_logbook(context, logbook_id)
    assert on_server["title"] == "Mijn dagen zonder account"
    assert sent, "the adopted outbox is sent as the person"
    wait_until(page, f"""async () => !(await indexedDB.databases())
        .some((d) => d.name === '{GUEST_STORE}')""")
    mine = page.evaluate("""async (id) => {
        const store = await import('/js/store.js');
        return store.get('logbook', id);
    }""", logbook_id)
    assert mine["data"]["title"] == "Mijn dagen zonder account"
    page.get_by_role("link", name="Logboek", exact=True).click()
    expect(page.get_by_role("link", name="Mijn dagen zonder account")).to_be_visible()


def test_logging_in_adopts_the_guest_outbox_after_the_persons_own(new_context,
                                                                  live_server) -> None:
    account = create_account(live_server)
    context = new_context()
    page = open_app(context, "/#/login")
    first = guest_put_logbook(page, "Eerste")
    second = guest_put_logbook(page, "Tweede")
    page.get_by_label("Gebruikersnaam").fill(account["username"])
    page.get_by_label("Wachtwoord").fill(account["password"])
    page.get_by_role("button", name="Inloggen").click()
    expect(heading(page)).to_have_text(f"Hallo {account['username']}")
    for logbook_id, title in ((first, "Eerste"), (second, "Tweede")):
        assert wait_for_server_logbook(context, logbook_id)["title"] == title
    wait_until(page, """async () => {
        const store = await import('/js/store.js');
        return !store.isGuest() && await store.pendingCount() === 0;
    }""", timeout=20)
    assert GUEST_STORE not in databases(page)


def test_erase_everything_on_this_device_asks_first_and_leaves_no_database(
        new_context, shot, check_a11y) -> None:
    context = new_context()
    page = open_app(context)
    guest_put_logbook(page, "Weg ermee")
    page.evaluate("""async () => {
        const idb = await import('/js/idb.js');
        await idb.setValue('meta', 'draft', 'iets persoonlijks');
        localStorage.setItem('houvast.something', 'x');
    }""")
    page.reload()
    erase = page.get_by_role("button", name=ERASE)
    expect(erase).to_have_attribute("aria-expanded", "false")

    erase.click()  # first: are you sure?
    expect(page.get_by_text("Weet je het zeker?")).to_be_visible()
    expect(erase).to_have_attribute("aria-expanded", "true")
    shot(page, "guest-erase-confirm-nl")
    check_a11y(page, "erase confirm")
    page.get_by_role("button", name="Nee, niet wissen").click()
    expect(page.get_by_text("Weet je het zeker?")).to_be_hidden()
    expect(erase).to_be_focused()
    assert GUEST_STORE in databases(page)

    erase.click()
    page.get_by_role("button", name="Ja, wis alles").click()
    page.get_by_role("status").filter(has_text="Alles op dit apparaat is gewist.").wait_for()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    assert databases(page) == []
    assert page.evaluate("Object.keys(localStorage)") == ["houvast.lang"]
    expect(page.get_by_role("button", name=ERASE)).to_have_count(0)

    # In English too.
    page.get_by_role("button", name="English").click()
    guest_put_logbook(page, "Again")
    page.reload()
    expect(page.get_by_role("button", name="Erase everything on this device")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^On this device$"))).to_be_visible()


def test_erase_keeps_the_unsent_store_of_a_person_whose_session_ended(new_context) -> None:
    context = new_context()
    page = open_app(context)
    # A person's store (its name: the prefix and a hash) left by a session that ended, with the
    # shell's database that names it; they get it back at their next login.
    waiting = "houvast-data-0123456789abcdef01234567"
    page.evaluate("""async (name) => {
        await new Promise((ok) => { indexedDB.open(name).onsuccess = (e) => {
            e.target.result.close(); ok(); }; });
        await (await import('/js/idb.js')).setValue('meta', 'store', name);
    }""", waiting)
    guest_put_logbook(page, "Van de gast")
    page.reload()
    page.get_by_role("button", name=ERASE).click()
    page.get_by_role("button", name="Ja, wis alles").click()
    page.get_by_role("status").filter(has_text="Alles op dit apparaat is gewist.").wait_for()
    assert databases(page) == ["houvast", waiting]
