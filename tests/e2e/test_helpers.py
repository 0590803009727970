"""Samen in Chromium at 390x844, two phones: a client invites "Sanne"; Sanne opens the link
without an account, makes a helper account on the spot and comes back to the invite, starts
helping; the client writes "Waar ik hulp bij kan gebruiken" offline and it reaches Sanne's
phone after sync, where it also reads offline; the client removes Sanne with one tap, and
Sanne's phone is empty of the client's data after its next sync, saying only "Je hebt geen
toegang meer". A shared task taken on and ticked offline by the helper, seen by the client;
how it is going, shown to the helper only while the client has it switched on. axe on every
screen, screenshots."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import (
    PASSWORD,
    heading,
    keep_recovery_code,
    register_via_api,
    unique_username,
)
from tests.e2e.test_logbook import check_screen, no_sideways_scroll, wait_for_sync

PHONE = {"viewport": {"width": 390, "height": 844}}
NEED = "Boodschappen deze week, en mee naar de zitting"

EVERYTHING_ON_THE_DEVICE = """async () => {
    const store = await import('/js/store.js');
    const out = [];
    for (const entity of ['helping', 'help_message']) out.push(...await store.list(entity));
    return JSON.stringify(out);
}"""


def test_invite_share_and_remove_on_two_phones(new_context, check_a11y, shot) -> None:
    client_context = new_context(**PHONE)
    client = client_context.new_page()
    account = register_via_api(client_context)
    client.goto("/#/home")
    client.get_by_role("link", name="Mensen die je helpen").click()
    expect(heading(client)).to_have_text("Mensen die je helpen")
    expect(client.get_by_text("Er helpt nog niemand mee.")).to_be_visible()
    client.get_by_label("Hoe noem je deze persoon?").fill("Sanne")
    client.get_by_role("button", name="Maak een code").click()
    code = client.locator(".invite .code").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    link = client.locator(".invite a").get_attribute("href")
    assert link.endswith(f"#/help-invite/{code}")
    expect(client.get_by_text("Voor Sanne, geldig tot")).to_be_visible()
    check_screen(client, check_a11y, shot, "helpers-invite-nl")
    no_sideways_scroll(client, "helpers")

    # Sanne's phone: the link, no account yet; a helper account on the spot, then back.
    helper_context = new_context(**PHONE)
    helper = helper_context.new_page()
    helper.goto(link)
    expect(heading(helper)).to_have_text("Iemand vraagt je om te helpen")
    check_screen(helper, check_a11y, shot, "help-invite-guest-nl")
    helper.get_by_role("link", name="Account maken als helper").click()
    expect(heading(helper)).to_have_text("Account maken")
    expect(helper.get_by_label("Ik help iemand")).to_be_checked()
    helper.get_by_label("Gebruikersnaam").fill(unique_username("sanne"))
    helper.get_by_label("Wachtwoord").fill(PASSWORD)
    helper.get_by_label("Ik heb de afspraken gelezen en ga akkoord").check()
    helper.get_by_role("button", name="Account maken").click()
    keep_recovery_code(helper)
    expect(heading(helper)).to_have_text("Iemand vraagt je om te helpen")
    expect(helper.get_by_label("Code")).to_have_value(code)
    helper.get_by_role("button", name="Meehelpen").click()
    expect(heading(helper)).to_have_text("Wie je helpt")
    expect(helper.get_by_role("heading", name=account["username"])).to_be_visible()
    expect(helper.get_by_text("deelt nu niets met je")).to_be_visible()
    helping_url = helper.url

    # The client sees Sanne, and writes what they could use help with, offline.
    client.reload()
    expect(client.get_by_role("heading", name="Sanne")).to_be_visible()
    expect(client.get_by_text("nog niets. Je deelt nu niets met deze persoon.")).to_be_visible()
    client_context.set_offline(True)
    client.get_by_label("Je bericht").fill(NEED)
    client.get_by_role("button", name="Bericht opslaan").click()
    expect(client.get_by_text("je bericht ‘Waar ik hulp bij kan gebruiken’.")).to_be_visible()
    client_context.set_offline(False)
    wait_for_sync(client)
    check_screen(client, check_a11y, shot, "helpers-nl")

    # Sanne's phone gets it with its next sync, and keeps it for reading offline.
    wait_for_sync(helper)
    expect(helper.get_by_text(NEED)).to_be_visible()
    helper_context.set_offline(True)
    helper.reload()
    expect(helper.get_by_text(NEED)).to_be_visible()
    check_screen(helper, check_a11y, shot, "helping-nl")
    no_sideways_scroll(helper, "helping")
    helper_context.set_offline(False)

    # One tap, and Sanne has no access: her phone drops everything of the client.
    client.get_by_role("button", name="Sanne weghalen").click()
    expect(client.get_by_role("status").filter(has_text="Sanne heeft geen toegang meer.")
           ).to_be_visible()
    expect(client.get_by_text("Er helpt nog niemand mee.")).to_be_visible()
    helper.goto("/#/helping")
    wait_for_sync(helper)
    expect(helper.get_by_text("Je helpt nog niemand in Houvast.")).to_be_visible()
    assert NEED not in helper.evaluate(EVERYTHING_ON_THE_DEVICE)
    assert helper.evaluate(EVERYTHING_ON_THE_DEVICE) == "[]"
    helper.goto(helping_url)
    expect(helper.get_by_text("Je hebt geen toegang meer.")).to_be_visible()
    expect(helper.locator("main")).not_to_contain_text(account["username"])
    check_screen(helper, check_a11y, shot, "helping-no-access-nl")


SHARED_TASK_ON_THE_DEVICE = """async () => JSON.stringify(
    await (await import('/js/store.js')).list('shared_task'))"""
TASK = "Slot laten vervangen"
NOTE = "Ik bel zaterdag de slotenmaker"


def api_post(context, path: str, data: dict) -> dict:
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "csrf_access_token")
    response = context.request.post(path, headers={"X-CSRF-TOKEN": csrf}, data=data)
    assert response.status in (200, 201), response.text()
    return response.json()


def test_a_shared_task_is_taken_on_offline_and_the_client_sees_it(new_context, check_a11y,
                                                                    shot) -> None:
    client_context = new_context(**PHONE)
    client = client_context.new_page()
    register_via_api(client_context)
    helper_context = new_context(**PHONE)
    helper = helper_context.new_page()
    register_via_api(helper_context, role="helper")
    code = api_post(client_context, "/api/helpers/invites", {"name": "Sanne"})["code"]
    api_post(helper_context, "/api/helpers/link", {"code": code})
    api_post(client_context, "/api/tasks", {"title": TASK, "steps": [
        {"text": "Slotenmaker bellen", "done": False},
        {"text": "Sleutels ophalen", "done": False}]})

    # The client shares the task with everyone who helps, and lets them tick it off.
    client.goto("/#/tasks")
    expect(heading(client)).to_have_text("Taken")
    wait_for_sync(client)
    card = client.locator(".task").filter(has_text=TASK)
    card.get_by_text("Delen met …").click()
    card.get_by_label("Met iedereen die je helpt").check()
    card.get_by_label("Ze mogen stappen en de taak afvinken").check()
    card.get_by_role("button", name="Opslaan").click()
    expect(card.get_by_text("Gedeeld met iedereen die je helpt.")).to_be_visible()
    wait_for_sync(client)
    check_screen(client, check_a11y, shot, "tasks-shared-nl")
    no_sideways_scroll(client, "tasks")

    # Sanne's phone gets it, and she takes it on offline: a tick and a short note.
    helper.goto("/#/helping")
    expect(heading(helper)).to_have_text("Wie je helpt")
    wait_for_sync(helper)
    expect(helper.get_by_role("heading", name=re.compile("^Taken die"))).to_be_visible()
    shared = helper.locator(".task").filter(has_text=TASK)
    expect(shared).to_be_visible()
    helper_context.set_offline(True)
    shared.get_by_label("Ik help hiermee").check()
    shared.get_by_label("Slotenmaker bellen").check()
    shared.get_by_label(re.compile("^Een kort bericht voor")).fill(NOTE)
    shared.get_by_role("button", name="Bericht opslaan").click()
    expect(shared.get_by_label("Slotenmaker bellen")).to_be_checked()
    expect(shared.get_by_label("Ik help hiermee")).to_be_checked()
    check_screen(helper, check_a11y, shot, "helping-task-offline-nl")
    no_sideways_scroll(helper, "helping with a task")
    helper_context.set_offline(False)
    wait_for_sync(helper)

    # The client sees who took it on, her note and her tick after the next sync.
    wait_for_sync(client)
    card = client.locator(".task").filter(has_text=TASK)
    expect(card.get_by_text("Sanne helpt hiermee.")).to_be_visible()
    expect(card.get_by_text(NOTE)).to_be_visible()
    expect(card.get_by_label("Slotenmaker bellen")).to_be_checked()
    check_screen(client, check_a11y, shot, "tasks-helped-nl")

    # The client's card of Sanne says plainly what she sees; one tap, and it is gone.
    client.goto("/#/helpers")
    expect(client.get_by_text(f"1 taak: ‘{TASK}’.")).to_be_visible()
    client.get_by_role("button", name="Sanne weghalen").click()
    expect(client.get_by_text("Er helpt nog niemand mee.")).to_be_visible()
    wait_for_sync(helper)
    assert helper.evaluate(SHARED_TASK_ON_THE_DEVICE) == "[]"
    expect(helper.locator("main")).not_to_contain_text(TASK)


def test_how_it_is_going_is_shown_only_when_switched_on(new_context, check_a11y, shot) -> None:
    client_context = new_context(**PHONE)
    client = client_context.new_page()
    account = register_via_api(client_context)
    helper_context = new_context(**PHONE)
    helper = helper_context.new_page()
    register_via_api(helper_context, role="helper")
    code = api_post(client_context, "/api/helpers/invites", {"name": "Sanne"})["code"]
    api_post(helper_context, "/api/helpers/link", {"code": code})
    for day, answers in (("01", {"phq4": [3, 3, 3, 3], "who5": [0, 1, 0, 1, 0], "safety": 3}),
                         ("15", {"phq4": [1, 1, 1, 1], "who5": [3, 3, 3, 3, 3], "safety": 0})):
        api_post(client_context, "/api/recovery/tests", {
            "taken_at": f"2026-11-{day}T20:00:00+01:00", "answers": answers})

    helper.goto("/#/helping")
    expect(heading(helper)).to_have_text("Wie je helpt")
    wait_for_sync(helper)
    expect(helper.get_by_text("deelt nu niets met je")).to_be_visible()

    client.goto("/#/helpers")
    expect(client.get_by_role("heading", name="Sanne")).to_be_visible()
    switch = client.get_by_role("switch", name="Laat Sanne zien hoe het met je gaat")
    expect(switch).not_to_be_checked()
    switch.check()
    expect(client.get_by_role("status").filter(has_text="Sanne ziet nu hoe het met je gaat.")
           ).to_be_visible()
    expect(client.get_by_text("hoe het met je gaat: de uitkomst van je tests")).to_be_visible()
    check_screen(client, check_a11y, shot, "helpers-recovery-on-nl")

    wait_for_sync(helper)
    name = account["username"]
    expect(helper.get_by_role("heading", name=f"Hoe het met {name} gaat")).to_be_visible()
    expect(helper.get_by_text("wat klachten")).to_be_visible()
    expect(helper.get_by_text("Zich goed voelen: beter dan bij de vorige test.")).to_be_visible()
    expect(helper.get_by_text("Eerdere tests (1)")).to_be_visible()
    check_screen(helper, check_a11y, shot, "helping-recovery-nl")
    no_sideways_scroll(helper, "helping with how it goes")
    # 320 px and 200 % text: the bands go under their labels, nothing scrolls sideways.
    helper.set_viewport_size({"width": 320, "height": 640})
    helper.evaluate("document.documentElement.style.fontSize = '200%'")
    no_sideways_scroll(helper, "helping at 320 px and 200 % text")
    helper.evaluate("document.documentElement.style.fontSize = ''")
    helper.set_viewport_size(PHONE["viewport"])

    switch.uncheck()
    expect(client.get_by_role("status").filter(has_text="Sanne ziet niet meer")).to_be_visible()
    wait_for_sync(helper)
    expect(helper.get_by_role("heading", name=f"Hoe het met {name} gaat")).to_have_count(0)
    assert helper.evaluate("""async () => (await (await import('/js/store.js'))
        .list('shared_recovery')).length""") == 0
