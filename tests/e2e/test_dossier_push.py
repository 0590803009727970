"""Dossier and web push in real Chromium: staff make a dossier and its code, a client links it,
reads the timeline and ticks a task off offline; the notifications switch, the service worker's
push and notificationclick handlers, and removing the subscription at logout."""

from __future__ import annotations

import base64
import json
import re
import secrets
import sqlite3

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from playwright.sync_api import expect

from tests.e2e.conftest import (
    create_account,
    heading,
    login_via_api,
    wait_for_service_worker,
)

DISCREET = {"title": "Houvast", "body": "Er is iets nieuws voor je"}
CALL_SUMMARY = "We spraken over de aangifte.\nJe krijgt binnen twee weken een brief.\n\nBel gerust."


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def browser_keys() -> dict[str, str]:
    """Keys like a browser's subscription has (the server checks them)."""
    key = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        Encoding.X962, PublicFormat.UncompressedPoint)
    return {"p256dh": b64url(key), "auth": b64url(secrets.token_bytes(16))}


def fake_subscription_script(endpoint: str, subscribed: bool = False) -> str:
    """Headless Chromium has no push service, so pushManager.subscribe is refused. This stands
    in for that call (and getSubscription, which must then return what subscribe gave; with
    `subscribed`, a subscription the browser already has). Everything else is the real browser."""
    keys = browser_keys()
    return """(() => {
      if (!self.PushManager) return;
      let current = null;
      const make = (options) => ({ endpoint: ENDPOINT, expirationTime: null, options,
          toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: KEYS }; },
          async unsubscribe() { current = null; return true; } });
      if (SUBSCRIBED) current = make({});
      window.__subscribeCalls = [];
      PushManager.prototype.subscribe = async function (options) {
        window.__subscribeCalls.push({ userVisibleOnly: options.userVisibleOnly,
          keyBytes: new Uint8Array(options.applicationServerKey).length });
        current = make(options);
        return current;
      };
      PushManager.prototype.getSubscription = async function () { return current; };
    })();""".replace("ENDPOINT", json.dumps(endpoint)).replace("KEYS", json.dumps(keys)).replace(
        "SUBSCRIBED", json.dumps(subscribed))


def subscriptions(live_server, username: str) -> list[str]:
    with sqlite3.connect(live_server.instance / "e2e.sqlite3") as db:
        rows = db.execute("SELECT s.endpoint FROM push_subscriptions s JOIN users u "
                          "ON u.id = s.user_id WHERE u.username = ?", (username,)).fetchall()
    return [row[0] for row in rows]


def logged_in_page(new_context, account: dict, path: str, **options):
    context = new_context(**options)
    login_via_api(context, account)
    page = context.new_page()
    page.goto(path)
    expect(heading(page)).to_be_visible()
    return context, page


def assert_fits_320(page) -> None:
    """Nothing sticks out sideways on a 320 px wide phone."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(size)


def add_event(page, kind: str, title: str, when: str, body: str = "", link: str = "") -> None:
    page.get_by_label("Soort bericht").select_option(label=kind)
    page.locator("#f-title").fill(title)
    page.locator("#f-body").fill(body)
    page.locator("#f-occurred_at").fill(when)
    page.locator("#f-link").fill(link)
    page.get_by_role("button", name="Bericht toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("staat in de tijdlijn")
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def test_staff_dossier_client_links_reads_and_ticks_off_offline(
        new_context, live_server, shot, check_a11y) -> None:
    staff = create_account(live_server, "staff")
    staff_context, staff_page = logged_in_page(new_context, staff, "/#/home")
    staff_page.get_by_role("link", name="Mijn cliënten").click()
    expect(heading(staff_page)).to_have_text("Mijn cliënten")
    expect(staff_page.get_by_text("Je hebt nog geen dossiers.")).to_be_visible()
    check_a11y(staff_page, "staff clients")

    # A missing label is said at the field; nothing is created.
    staff_page.get_by_role("button", name="Dossier maken").click()
    expect(staff_page.get_by_text("Geef het dossier een naam of kenmerk.")).to_be_visible()
    staff_page.get_by_label("Naam of kenmerk").fill("Mevr. J. — aangifte inbraak")
    staff_page.get_by_label("Je voornaam").fill("Sanne")
    staff_page.get_by_label("Wanneer ben je bereikbaar?").fill("ma–do 9:00–17:00")
    staff_page.get_by_role("button", name="Dossier maken").click()
    expect(heading(staff_page)).to_have_text("Mevr. J. — aangifte inbraak")
    dossier_id = re.search(r"#/staff-dossier/([0-9a-f-]{36})$", staff_page.url).group(1)
    code = staff_page.locator(".invite-code .code").text_content()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code)
    spelled = staff_page.locator(".code-spelled li")
    expect(spelled).to_have_count(2)
    first_letter = next(c for c in code if c.isalpha())
    expect(staff_page.locator(".code-spelled")).to_contain_text(f"{first_letter} van ")
    shot(staff_page, "staff-dossier-code-nl")
    assert_fits_320(staff_page)
    check_a11y(staff_page, "staff dossier with code")

    # The client: no dossier yet, a wrong code, then the right one (typed loosely).
    client = create_account(live_server, "client")
    client_context, page = logged_in_page(new_context, client, "/#/home")
    wait_for_service_worker(page)
    page.get_by_role("link", name="Dossier").click()
    expect(heading(page)).to_have_text("Dossier")
    check_a11y(page, "dossier not linked")
    page.get_by_label("Code van je contactpersoon").fill("2222-2222")
    page.get_by_role("button", name="Dossier koppelen").click()
    expect(page.locator("#f-code-error")).to_have_text(re.compile("klopt niet of is verlopen"))
    page.get_by_label("Code van je contactpersoon").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Dossier koppelen").click()
    expect(page.get_by_role("heading", name="Je contactpersoon")).to_be_visible()
    expect(page.get_by_text("Sanne, van")).to_be_visible()
    expect(page.get_by_text("Bereikbaar: ma–do 9:00–17:00")).to_be_visible()
    expect(page.get_by_text("Er staat nog niets in je dossier.")).to_be_visible()

    # Staff: the dossier is linked now; add two events and a task.
    staff_page.reload()
    expect(staff_page.get_by_text("De cliënt heeft dit dossier gekoppeld op")).to_be_visible()
    expect(staff_page.locator(".invite-code")).to_have_count(0)  # the code was shown once
    add_event(staff_page, "Bericht van de politie", "Aangifte is verwerkt", "2026-11-20T10:00")
    add_event(staff_page, "Verslag van ons gesprek", "Ons gesprek van vandaag",
              "2026-11-22T15:30", CALL_SUMMARY, "https://example.org/uitleg")
    staff_page.locator("#f-task_title").fill("Stuur de bonnetjes op")
    staff_page.get_by_label("Uitleg").fill("Van de nieuwe sloten en de deur.")
    staff_page.get_by_label("Graag klaar op").fill("2026-12-01")
    staff_page.get_by_role("button", name="Taak toevoegen").click()
    expect(staff_page.get_by_role("status")).to_contain_text("De taak is toegevoegd")
    # Delete: asked first, then gone.
    add_event(staff_page, "Afspraak", "Per ongeluk", "2026-11-21T09:00")
    staff_page.once("dialog", lambda dialog: dialog.accept())
    staff_page.get_by_role("button", name="Verwijderen: Per ongeluk").click()
    expect(staff_page.get_by_role("heading", name="Per ongeluk")).to_have_count(0)
    expect(staff_page.get_by_role("heading", name="Tijdlijn")).to_be_focused()
    shot(staff_page, "staff-dossier-nl")
    check_a11y(staff_page, "staff dossier")

    # The client syncs (on load): the timeline, grouped by source, the newest group first.
    page.reload()
    expect(page.get_by_role("heading", name="Ons gesprek van vandaag")).to_be_visible()
    expect(page.locator(".dossier-group h3")).to_have_text(
        ["Houvast Slachtofferhulp (demo)", "Politie"])
    expect(page.get_by_text("Per ongeluk")).to_have_count(0)
    summary = page.locator(".dossier-event", has_text="Ons gesprek").locator(".dossier-body")
    assert summary.inner_text().splitlines()[:2] == CALL_SUMMARY.splitlines()[:2]
    expect(page.get_by_role("link", name="Meer lezen")).to_have_attribute(
        "href", "https://example.org/uitleg")
    shot(page, "dossier-nl")
    assert_fits_320(page)
    check_a11y(page, "dossier")
    page.get_by_role("button", name="English").click()
    expect(heading(page)).to_have_text("Case file")
    expect(page.locator(".dossier-group h3")).to_have_text(
        ["Houvast Slachtofferhulp (demo)", "Police"])
    expect(page.get_by_text("Summary of our call")).to_be_visible()
    shot(page, "dossier-en")
    page.get_by_role("button", name="Nederlands").click()
    expect(heading(page)).to_have_text("Dossier")

    page.get_by_role("link", name="Je hebt 1 taak die nog open staat").click()
    expect(heading(page)).to_have_text("Taken")
    task = page.get_by_role("checkbox", name="Stuur de bonnetjes op")
    expect(task).not_to_be_checked()
    expect(page.get_by_text("Van de nieuwe sloten en de deur.")).to_be_visible()
    check_a11y(page, "tasks")

    # Offline: ticked off on the device; the server does not know yet.
    client_context.set_offline(True)
    task.check()
    expect(page.get_by_text("1 van 1 klaar")).to_be_visible()
    page.get_by_text("Klaar (1)").click()  # done tasks fold away
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_be_visible()
    shot(page, "tasks-offline-nl")
    server = staff_context.request.get(f"/api/staff/dossiers/{dossier_id}").json()
    assert [t["done"] for t in server["tasks"]] == [False]
    # The dossier reads from the device offline too.
    page.get_by_role("link", name="Start").click()
    page.get_by_role("link", name="Dossier").click()
    expect(page.get_by_role("heading", name="Ons gesprek van vandaag")).to_be_visible()
    expect(page.get_by_role("link", name="Je hebt geen open taken")).to_be_visible()

    # Online again: it is sent by itself.
    client_context.set_offline(False)
    page.get_by_role("link", name="Je hebt geen open taken").click()
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_have_count(0)
    server = staff_context.request.get(f"/api/staff/dossiers/{dossier_id}").json()
    assert [t["done"] for t in server["tasks"]] == [True]
    expect(page.get_by_role("checkbox", name="Stuur de bonnetjes op")).to_be_checked()

    # Staff screens say they need the internet.
    staff_context.set_offline(True)
    staff_page.get_by_role("link", name="Terug naar mijn cliënten").click()
    expect(staff_page.get_by_text("Je bent offline.")).to_be_visible()


def test_notifications_switch_asks_after_the_tap_and_logout_removes_it(
        new_context, live_server, shot, check_a11y) -> None:
    client = create_account(live_server, "client")
    endpoint = f"https://fcm.googleapis.com/fcm/send/test-{secrets.token_hex(8)}"
    context = new_context()
    context.add_init_script(fake_subscription_script(endpoint))
    login_via_api(context, client)
    page = context.new_page()
    page.goto("/#/account")
    expect(heading(page)).to_have_text("Account")
    wait_for_service_worker(page)
    switch = page.get_by_role("switch", name="Meldingen op dit apparaat")
    expect(switch).not_to_be_checked()
    discreet_text = "Je ziet alleen: „Houvast — Er is iets nieuws voor je”"
    expect(page.get_by_text(discreet_text)).to_be_visible()
    assert page.evaluate("window.__permissionRequests") == []

    context.grant_permissions(["notifications"])
    switch.check()
    expect(page.get_by_role("status")).to_have_text("Meldingen staan aan op dit apparaat.")
    assert len(page.evaluate("window.__permissionRequests")) == 1
    assert page.evaluate("window.__subscribeCalls") == [{"userVisibleOnly": True,
                                                         "keyBytes": 65}]
    assert subscriptions(live_server, client["username"]) == [endpoint]
    expect(page.get_by_text("Tussen 21:00 en 08:00 krijg je geen meldingen.")).to_be_visible()

    detailed = page.get_by_role("switch", name="Laat zien waar een melding over gaat")
    detailed.check()
    expect(page.get_by_role("status")).to_contain_text("laten nu zien waar ze over gaan")
    assert context.request.get("/api/push/preferences").json()["detailed"] is True
    shot(page, "account-notifications-nl")
    assert_fits_320(page)
    check_a11y(page, "account with notifications")

    switch.uncheck()
    expect(page.get_by_role("status")).to_have_text("Meldingen staan uit op dit apparaat.")
    assert subscriptions(live_server, client["username"]) == []
    expect(detailed).to_have_count(0)

    switch.check()
    expect(page.get_by_role("status")).to_have_text("Meldingen staan aan op dit apparaat.")
    assert subscriptions(live_server, client["username"]) == [endpoint]
    page.get_by_role("button", name="Uitloggen").click()
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    assert subscriptions(live_server, client["username"]) == []


def test_notifications_refused_by_the_browser_are_explained(new_context, live_server) -> None:
    client = create_account(live_server, "client")
    context, page = logged_in_page(new_context, client, "/#/account")
    page.evaluate("Notification.requestPermission = async () => 'denied'")
    # click, not check(): the switch turns itself off again at once.
    page.get_by_role("switch", name="Meldingen op dit apparaat").click()
    expect(page.get_by_role("status")).to_contain_text("staat meldingen van Houvast niet toe")
    expect(page.get_by_role("switch", name="Meldingen op dit apparaat")).not_to_be_checked()
    assert subscriptions(live_server, client["username"]) == []


def test_ios_in_the_browser_says_to_install_first(new_context, live_server) -> None:
    client = create_account(live_server, "client")
    ios = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
           "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")
    context, page = logged_in_page(new_context, client, "/#/account", user_agent=ios)
    expect(page.get_by_text("alleen als Houvast op je beginscherm staat")).to_be_visible()
    expect(page.get_by_role("switch", name="Meldingen op dit apparaat")).to_be_disabled()


def registration_id(cdp, page, scope: str) -> str:
    """The DevTools id of the activated worker's registration at `scope`."""
    registrations: list[dict] = []
    versions: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda e: registrations.extend(e["registrations"]))
    cdp.on("ServiceWorker.workerVersionUpdated", lambda e: versions.extend(e["versions"]))
    cdp.send("ServiceWorker.enable")
    for _ in range(50):  # events arrive while Playwright waits
        ids = {r["registrationId"] for r in registrations
               if r["scopeURL"] == scope and not r["isDeleted"]}
        active = [v["registrationId"] for v in versions
                  if v["registrationId"] in ids and v["status"] == "activated"]
        if active:
            return active[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no active service worker at {scope}: {registrations} {versions}")


def shown_notifications(page) -> list[dict]:
    return page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => (
            {title: n.title, body: n.body, tag: n.tag, data: n.data, icon: n.icon}));
    }""")


def wait_for_notifications(page, count: int) -> list[dict]:
    shown: list[dict] = []
    for _ in range(100):
        shown = shown_notifications(page)
        if len(shown) == count:
            break
        page.wait_for_timeout(100)
    return shown


def test_service_worker_push_shows_discreet_notification_and_click_opens_view(
        new_context, live_server) -> None:
    client = create_account(live_server, "client")
    context = new_context()
    context.grant_permissions(["notifications"])
    login_via_api(context, client)
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(f"Hallo {client['username']}")
    wait_for_service_worker(page)
    cdp = context.new_cdp_session(page)
    registration = registration_id(cdp, page, live_server.url + "/")

    message = {**DISCREET, "view": "/dossier", "topic": "dossier", "kind": "dossier"}
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": live_server.url, "registrationId": registration, "data": json.dumps(message)})
    [shown] = wait_for_notifications(page, 1)
    assert shown["title"] == "Houvast"
    assert shown["body"] == "Er is iets nieuws voor je"
    assert shown["tag"] == "dossier"
    assert shown["data"] == {"view": "/dossier"}
    assert shown["icon"].endswith("/icons/icon-192.png")

    # No CDP command clicks a notification: dispatch the event in the worker itself.
    worker = context.service_workers[0]
    entries = page.evaluate("history.length")
    worker.evaluate("""async () => {
        const [notification] = await self.registration.getNotifications({tag: 'dossier'});
        self.dispatchEvent(new NotificationEvent('notificationclick', {notification}));
    }""")
    expect(heading(page)).to_have_text("Dossier")
    assert page.url.endswith("/#/dossier")
    assert wait_for_notifications(page, 0) == []
    # The page's router opened the view itself: no history entry was added (see router.js).
    assert page.evaluate("history.length") == entries

    # Not JSON (or nothing usable): still a notification, with the discreet words.
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": live_server.url, "registrationId": registration, "data": "geen json {"})
    [fallback] = wait_for_notifications(page, 1)
    assert (fallback["title"], fallback["body"]) == ("Houvast", "Er is iets nieuws voor je")
    assert fallback["data"] == {"view": "/home"}
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": live_server.url, "registrationId": registration,
        "data": json.dumps({"title": 42, "view": "javascript:alert(1)"})})
    shown = wait_for_notifications(page, 2)
    assert {n["title"] for n in shown} == {"Houvast"}


def test_renewed_subscription_is_sent_by_the_service_worker(new_context, live_server) -> None:
    client = create_account(live_server, "client")
    context, page = logged_in_page(new_context, client, "/#/home")
    wait_for_service_worker(page)
    old = f"https://fcm.googleapis.com/fcm/send/test-old-{secrets.token_hex(8)}"
    new = f"https://fcm.googleapis.com/fcm/send/test-new-{secrets.token_hex(8)}"
    keys = browser_keys()
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "csrf_access_token")
    answer = context.request.post("/api/push/subscriptions", headers={"X-CSRF-TOKEN": csrf},
                                  data={"endpoint": old, "keys": keys})
    assert answer.status == 201, answer.text()

    # The browser's event, as the push service would cause it (Chromium cannot be made to).
    context.service_workers[0].evaluate("""([endpoint, keys, previous]) => {
        const event = new ExtendableEvent('pushsubscriptionchange');
        Object.defineProperty(event, 'oldSubscription', {value: {endpoint: previous}});
        Object.defineProperty(event, 'newSubscription', {value: {endpoint,
            toJSON: () => ({endpoint, expirationTime: null, keys})}});
        self.dispatchEvent(event);
    }""", [new, keys, old])
    for _ in range(50):
        if subscriptions(live_server, client["username"]) == [new]:
            break
        page.wait_for_timeout(100)
    assert subscriptions(live_server, client["username"]) == [new]


def test_start_sends_a_subscription_the_server_does_not_know(new_context, live_server) -> None:
    # What the browser renewed while no page was open (and the worker could not send).
    client = create_account(live_server, "client")
    endpoint = f"https://fcm.googleapis.com/fcm/send/test-{secrets.token_hex(8)}"
    context = new_context()
    context.grant_permissions(["notifications"])
    context.add_init_script(fake_subscription_script(endpoint, subscribed=True))
    login_via_api(context, client)
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(f"Hallo {client['username']}")
    wait_for_service_worker(page)
    for _ in range(50):
        if subscriptions(live_server, client["username"]):
            break
        page.wait_for_timeout(100)
    assert subscriptions(live_server, client["username"]) == [endpoint]
    assert page.evaluate("window.__permissionRequests") == []
