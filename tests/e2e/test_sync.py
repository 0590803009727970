"""Offline sync in real Chromium: the store, the outbox, POST /api/sync, Background Sync, and
what the person sees (the status line, changes that need them, the logout warning)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import (
    create_account,
    heading,
    login_via_api,
    wait_for_service_worker,
    wait_until,
)

STATUS = "#sync-status .sync-state"
WELLBEING = {"feeling": 3, "sleep": 4}


def open_app(context, account: dict, path: str = "/"):
    """A page of the app with `account` logged in and its store open."""
    page = context.new_page()
    page.goto(path)
    expect(heading(page)).to_be_visible()
    store(page, "open", account["username"])
    sync_now(page)  # also waits for the sync the app starts by itself
    return page


def logged_in(new_context, account: dict):
    """A new browser context (a device) where `account` is logged in, and a page of the app."""
    context = new_context()
    login_via_api(context, account)
    return context, open_app(context, account)


def store(page, method: str, *args):
    """Call store.<method>(*args) in the page (the contract views use)."""
    return page.evaluate("""async ([method, args]) => {
        const store = await import('/js/store.js');
        const result = await store[method](...args);
        return result === undefined ? null : JSON.parse(JSON.stringify(result));
    }""", [method, list(args)])


def sync_now(page) -> None:
    page.evaluate("async () => (await import('/js/sync.js')).now()")


def stop_auto_sync(page) -> None:
    """Only explicit sync_now() calls from here on (no timers, no Background Sync)."""
    page.evaluate("async () => (await import('/js/sync.js')).stop()")


def new_logbook(page, title: str = "Mijn dagen") -> str:
    logbook_id = str(uuid.uuid4())
    store(page, "put", "logbook", logbook_id, {"type": "wellbeing", "title": title})
    return logbook_id


def new_entry(page, logbook_id: str, answers: dict | None = None) -> str:
    entry_id = str(uuid.uuid4())
    store(page, "put", "logbook_entry", entry_id, {
        "logbook_id": logbook_id, "occurred_at": "2026-11-20T10:00:00+00:00",
        "answers": answers or WELLBEING, "note": "Slecht geslapen, wel gewandeld."})
    return entry_id


def server_entries(context, logbook_id: str) -> list[dict]:
    response = context.request.get(f"/api/logbooks/{logbook_id}/entries")
    assert response.status == 200, response.text()
    return response.json()


def wait_until_sent(page) -> None:
    wait_until(page, """async () => {
        const store = await import('/js/store.js');
        return store.isOpen() && await store.pendingCount() === 0;
    }""", timeout=20)


def write_entry_in_a_new_logbook(page, title: str, note: str) -> None:
    """Through the logbook screens (from the logbooks list): a logbook and one entry."""
    page.get_by_role("link", name=re.compile("^(Begin een logboek|Nieuw logboek)$")).click()
    page.get_by_label("Hoe gaat het met je").check()
    page.get_by_label("Naam van het logboek (niet verplicht)").fill(title)
    page.get_by_role("button", name="Logboek maken").click()
    expect(heading(page)).to_have_text(title)
    page.get_by_role("link", name="Nieuwe notitie").click()
    page.get_by_label("3 – Gaat wel", exact=True).check()
    for _ in range(3):
        page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Notitie (niet verplicht)").fill(note)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))


def test_written_offline_survives_a_reload_and_reaches_the_server_and_another_device(
        new_context, live_server, shot) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    wait_for_service_worker(page)
    # Used once online: the logbook types (public, cached by the service worker) are known.
    page.get_by_role("link", name="Logboek", exact=True).click()
    expect(page.get_by_role("link", name="Begin een logboek")).to_be_visible()

    context.set_offline(True)
    write_entry_in_a_new_logbook(page, "Mijn dagen", "Slecht geslapen, wel gewandeld.")
    expect(page.locator(STATUS)).to_have_text(
        "Geen verbinding. 2 wijzigingen wachten op dit apparaat.")
    shot(page, "sync-status-offline")
    page.reload()  # offline: the service worker opens the app, the store still has it all
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    expect(page.get_by_text("Slecht geslapen, wel gewandeld.")).to_be_visible()
    [entry] = store(page, "list", "logbook_entry")
    assert entry["pending"] is True
    assert entry["data"]["answers"]["feeling"] == 3

    context.set_offline(False)  # 'online': the app syncs by itself
    expect(page.locator(STATUS)).to_have_text("Alles is opgeslagen.", timeout=20_000)
    expect(page.locator("#sync-status .sync-time")).to_contain_text("Bijgewerkt")
    shot(page, "sync-status-all-sent")
    [logbook] = context.request.get("/api/logbooks").json()
    assert logbook["title"] == "Mijn dagen"
    on_server = server_entries(context, logbook["id"])
    assert [(e["id"], e["note"]) for e in on_server] == [
        (entry["id"], "Slecht geslapen, wel gewandeld.")]
    synced = store(page, "get", "logbook_entry", entry["id"])
    assert (synced["pending"], synced["version"]) == (False, on_server[0]["version"])
    assert synced["data"]["revision"] == 1  # the server's record replaced the local body

    # Another device of the same person: after its own sync it has everything.
    _, second = logged_in(new_context, account)
    second.get_by_role("link", name="Logboek", exact=True).click()
    second.get_by_role("link", name="Mijn dagen").click()
    second.locator(".entries a").first.click()
    expect(second.get_by_text("Slecht geslapen, wel gewandeld.").first).to_be_visible()


def test_a_lost_answer_is_sent_again_and_applied_once(new_context, live_server,
                                                       browser_errors) -> None:
    browser_errors.allow(r"net::ERR_FAILED .*/api/sync")
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    stop_auto_sync(page)
    logbook_id = new_logbook(page)
    entry_id = new_entry(page, logbook_id)

    calls = []

    def drop_first_answer(route) -> None:
        calls.append(route.request.post_data_json)
        if len(calls) == 1:
            route.fetch()  # the server applies and commits...
            route.abort()  # ...but the answer never arrives
        else:
            route.continue_()

    context.route("**/api/sync", drop_first_answer)
    sync_error = page.evaluate("""async () => {
        try { await (await import('/js/sync.js')).now(); return null; }
        catch (error) { return error.reason; }
    }""")
    assert sync_error == "offline"
    assert store(page, "pendingCount") == 2  # nothing consumed: the answer was lost
    sync_now(page)
    wait_until_sent(page)

    sent_twice = {m["mutation_id"] for m in calls[0]["mutations"]}
    assert sent_twice == {m["mutation_id"] for m in calls[1]["mutations"]}
    entries = server_entries(context, logbook_id)
    assert [(e["id"], e["revision"]) for e in entries] == [(entry_id, 1)]
    assert store(page, "problems") == []


def answer_with(status: int, body: str, kind: str):
    return lambda route: route.fulfill(status=status, body=body, content_type=kind)


def test_an_answer_that_is_not_the_sync_envelope_consumes_nothing(new_context,
                                                                  live_server) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    stop_auto_sync(page)
    logbook_id = new_logbook(page)
    # A captive portal answers 200 with its own page; a proxy answers 502 when Houvast is down
    # (the session is still there); a session that is gone answers 401 (also after api.js
    # tried to refresh it).
    for status, body, kind, expected in (
            (200, "<html>Log in to the wifi</html>", "text/html", "invalid"),
            (502, "Bad gateway", "text/plain", "unreachable"),
            (401, '{"code": 401, "message": "Log in"}', "application/json", "login")):
        context.route("**/api/sync", answer_with(status, body, kind))
        reason = page.evaluate("""async () => {
            try { await (await import('/js/sync.js')).now(); return null; }
            catch (error) { return error.reason; }
        }""")
        assert reason == expected
        assert store(page, "pendingCount") == 1
        context.unroute("**/api/sync")
    expect(page.locator(STATUS)).to_have_text(
        "Log opnieuw in om je wijzigingen te versturen. Ze blijven zolang op dit apparaat.")
    expect(page.locator("#sync-status").get_by_role("link", name="Inloggen")).to_be_visible()
    assert context.request.get(f"/api/logbooks/{logbook_id}").status == 404
    sync_now(page)
    wait_until_sent(page)
    assert context.request.get(f"/api/logbooks/{logbook_id}").status == 200


def test_a_refused_change_stays_visible_until_discarded(new_context, live_server) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    logbook_id = new_logbook(page)
    good = new_entry(page, logbook_id)
    bad = new_entry(page, logbook_id, answers={"feeling": 9})
    sync_now(page)

    problems = store(page, "problems")
    assert [(p["id"], p["status"]) for p in problems] == [(bad, "rejected")]
    assert "feeling" in str(problems[0]["errors"])
    assert store(page, "pendingCount") == 0
    assert store(page, "get", "logbook_entry", bad)["pending"] is True
    assert [e["id"] for e in server_entries(context, logbook_id)] == [good]

    store(page, "discardProblem", problems[0]["mutation_id"])
    assert store(page, "problems") == []
    assert store(page, "get", "logbook_entry", bad) is None  # it never reached the server
    assert store(page, "get", "logbook_entry", good)["pending"] is False


def test_a_conflict_keeps_both_versions_until_the_person_chooses(new_context, live_server,
                                                                 shot) -> None:
    account = create_account(live_server)
    phone, first = logged_in(new_context, account)
    laptop, second = logged_in(new_context, account)
    logbook_id = new_logbook(first, "Mijn dagen")
    sync_now(first)
    sync_now(second)
    assert store(second, "get", "logbook", logbook_id)["data"]["title"] == "Mijn dagen"

    phone.set_offline(True)
    laptop.set_offline(True)
    store(first, "put", "logbook", logbook_id, {"title": "Van de telefoon"})
    store(second, "put", "logbook", logbook_id, {"title": "Van de laptop"})
    phone.set_offline(False)
    sync_now(first)
    wait_until_sent(first)
    laptop.set_offline(False)
    sync_now(second)

    problems = store(second, "problems")
    assert [(p["status"], p["server"]["title"]) for p in problems] == [
        ("conflict", "Van de telefoon")]
    assert store(second, "get", "logbook", logbook_id)["data"]["title"] == "Van de laptop"

    second.get_by_role("link", name="Bekijken").click()
    expect(heading(second)).to_have_text("Wijzigingen die je nodig hebben")
    conflict = second.locator(".sync-problem")
    expect(conflict).to_contain_text("ook op een ander apparaat veranderd")
    expect(conflict.get_by_role("row", name=re.compile("Naam"))).to_contain_text(
        "Van de laptop")
    expect(conflict.get_by_role("row", name=re.compile("Naam"))).to_contain_text(
        "Van de telefoon")
    shot(second, "sync-problems-conflict")
    conflict.get_by_role("button", name="Mijn versie houden").click()
    expect(second.get_by_text("Er is niets dat je nodig heeft.")).to_be_visible()
    wait_until_sent(second)
    assert laptop.request.get(f"/api/logbooks/{logbook_id}").json()["title"] == "Van de laptop"
    sync_now(first)
    assert store(first, "get", "logbook", logbook_id)["data"]["title"] == "Van de laptop"


PNG_BLOB = """async () => {
    const canvas = new OffscreenCanvas(40, 30);
    const paint = canvas.getContext('2d');
    paint.fillStyle = '#1f5f5b';
    paint.fillRect(0, 0, 40, 30);
    return canvas.convertToBlob({ type: 'image/png' });
}"""


def queue_photo(page, entry_id: str, blob_js: str) -> str:
    return page.evaluate(f"""async (entryId) => {{
        const store = await import('/js/store.js');
        const blob = await ({blob_js})();
        return store.queuePhoto(entryId, blob, {{ keepOriginal: false }});
    }}""", entry_id)


def test_photos_taken_offline_follow_their_entry_and_failures_stay_visible(
        new_context, live_server) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    context.set_offline(True)
    logbook_id = new_logbook(page)
    entry_id = new_entry(page, logbook_id)
    queue_photo(page, entry_id, PNG_BLOB)
    broken = queue_photo(page, entry_id, "async () => new Blob(['not a photo'])")
    assert [p["status"] for p in store(page, "photoQueue", entry_id)] == ["waiting", "waiting"]

    context.set_offline(False)
    sync_now(page)
    wait_until_sent(page)
    wait_until(page, """async (entryId) => {
        const store = await import('/js/store.js');
        return (await store.photoQueue(entryId)).every((p) => p.status === 'failed');
    }""", entry_id)
    [entry] = server_entries(context, logbook_id)
    assert len(entry["photos"]) == 1  # the real photo, uploaded once, after its entry
    left = store(page, "photoQueue", entry_id)
    assert [(p["id"], p["status"]) for p in left] == [(broken, "failed")]
    assert left[0]["message"]
    local = store(page, "get", "logbook_entry", entry_id)
    assert [p["id"] for p in local["data"]["photos"]] == [entry["photos"][0]["id"]]


def service_worker_registration(cdp, page, scope: str) -> str:
    found: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: found.extend(event["registrations"]))
    # `enable` reports the registrations; now and then only a closed context's old one comes
    # first, so ask again until ours is there.
    for _ in range(10):
        cdp.send("ServiceWorker.enable")
        page.wait_for_timeout(300)
        ours = [r for r in found if r["scopeURL"].startswith(scope) and not r["isDeleted"]]
        if ours:
            return ours[-1]["registrationId"]
        cdp.send("ServiceWorker.disable")
    raise AssertionError(f"no service worker registration for {scope}: {found}")


def test_background_sync_sends_the_outbox_with_no_page_open(new_context, live_server,
                                                            browser_errors) -> None:
    # Chromium's image viewer styles itself inline; that page is not ours.
    browser_errors.allow(r"inline style .*\(http://[^)]*/icons/favicon-32\.png\)")
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    wait_for_service_worker(page)
    # The page neither syncs nor registers a Background Sync itself (Chromium would fire that
    # at once: it does not know about the emulated offline): only the event below can send.
    stop_auto_sync(page)
    context.set_offline(True)
    logbook_id = new_logbook(page, "Geschreven in de trein")
    page.close()  # nothing of Houvast runs in a page any more
    context.set_offline(False)
    assert context.request.get(f"/api/logbooks/{logbook_id}").status == 404

    blank = context.new_page()  # an image of the origin: none of the app's code runs here
    blank.goto("/icons/favicon-32.png")
    cdp = context.new_cdp_session(blank)
    registration = service_worker_registration(cdp, blank, live_server.url)
    cdp.send("ServiceWorker.dispatchSyncEvent", {
        "origin": live_server.url, "registrationId": registration, "tag": "houvast-sync",
        "lastChance": False})
    for _ in range(100):
        answer = context.request.get(f"/api/logbooks/{logbook_id}")
        if answer.status == 200:
            break
        blank.wait_for_timeout(100)
    assert answer.status == 200
    assert answer.json()["title"] == "Geschreven in de trein"

    # The next page finds the outbox empty and the server's record in its store.
    page = open_app(context, account)
    assert store(page, "pendingCount") == 0
    assert store(page, "get", "logbook", logbook_id)["pending"] is False


def test_status_line_and_the_changes_that_need_the_person(new_context, live_server, shot,
                                                          check_a11y) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    expect(page.locator(STATUS)).to_have_text("Alles is opgeslagen.")
    expect(page.locator("#sync-status .sync-time")).to_contain_text("Bijgewerkt")

    context.set_offline(True)
    logbook_id = new_logbook(page)
    # Now there is something to lose: the app asked for persistent storage. Headless Chromium
    # refuses (no site engagement), and the app says so once, kindly.
    refused = page.get_by_role("status").filter(has_text="Je browser belooft niet")
    expect(refused).to_be_visible()
    assert page.evaluate("navigator.storage.persisted()") is False
    new_entry(page, logbook_id, answers={"feeling": 9})
    expect(page.locator(STATUS)).to_have_text(
        "Geen verbinding. 2 wijzigingen wachten op dit apparaat.")
    context.set_offline(False)  # 'online': sync at once
    # (A busy server answers 503 now and then: the app tries again after a few seconds.)
    expect(page.locator(STATUS)).to_have_text("1 wijziging heeft je nodig.", timeout=20_000)
    shot(page, "sync-status-problem")

    page.get_by_role("link", name="Bekijken").click()
    expect(heading(page)).to_have_text("Wijzigingen die je nodig hebben")
    problem = page.locator(".sync-problem")
    expect(problem).to_contain_text("niet aangenomen")
    expect(problem).to_contain_text("feeling")
    expect(problem.get_by_role("link", name="Aanpassen")).to_be_visible()
    shot(page, "sync-problems-rejected")
    check_a11y(page, "problems")
    problem.get_by_role("button", name="Weggooien").click()
    expect(page.get_by_text("Er is niets dat je nodig heeft.")).to_be_visible()
    expect(page.locator(STATUS)).to_have_text("Alles is opgeslagen.")


def test_logout_with_unsent_changes_warns_and_can_send_first(new_context,
                                                             live_server) -> None:
    account = create_account(live_server)
    context, page = logged_in(new_context, account)
    wait_for_service_worker(page)
    context.set_offline(True)
    logbook_id = new_logbook(page, "Niet kwijtraken")
    page.get_by_role("link", name="Account", exact=True).click()

    page.get_by_role("button", name="Uitloggen").click()
    dialog = page.get_by_role("dialog", name="Nog niet alles is verstuurd")
    expect(dialog).to_contain_text("1 wijziging staat alleen nog op dit apparaat")
    dialog.get_by_role("button", name="Niet uitloggen").click()
    expect(dialog).to_be_hidden()
    expect(heading(page)).to_have_text("Account")

    page.get_by_role("button", name="Uitloggen").click()
    dialog.get_by_role("button", name="Eerst versturen").click()  # still offline
    expect(dialog).to_contain_text("Versturen is niet (helemaal) gelukt")
    context.set_offline(False)
    dialog.get_by_role("button", name="Eerst versturen").click()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    assert page.evaluate("indexedDB.databases()") == []

    login_via_api(context, account)
    assert context.request.get(f"/api/logbooks/{logbook_id}").json()["title"] == "Niet kwijtraken"
