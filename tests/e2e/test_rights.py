"""Hulp bij mijn strafzaak in Chromium at 390x844: the questions answered offline (one per
screen, an impossible answer explained and not saved), the rights worked out on the phone with
their deadline, two choices made offline, and all of it on the server after coming online."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.e2e.conftest import create_account, heading, login_via_api, wait_for_service_worker
from tests.e2e.test_logbook import check_screen, no_sideways_scroll, wait_for_sync
from tests.e2e.test_recovery import api_call

PHONE = {"viewport": {"width": 390, "height": 844}}


def rights_deadline(event: str) -> str:
    """The stalking klacht's deadline: 3 calendar months after the event."""
    from api.rights.rules import add_to_date

    return add_to_date(event, months=3)

SCHADEFONDS = "Een uitkering van het Schadefonds vragen"


def test_answer_offline_see_the_rights_choose_two_then_sync(new_context, live_server,
                                                             check_a11y, shot) -> None:
    context = new_context(**PHONE)
    login_via_api(context, create_account(live_server))
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    page.get_by_role("link", name="Hulp bij mijn strafzaak").click()
    expect(heading(page)).to_have_text("Hulp bij mijn strafzaak")
    expect(page.get_by_role("link", name="Beantwoord de vragen")).to_be_visible()
    wait_for_sync(page)
    wait_for_service_worker(page)
    check_screen(page, check_a11y, shot, "rights-start-nl")

    context.set_offline(True)
    page.get_by_role("link", name="Beantwoord de vragen").click()
    expect(heading(page)).to_have_text("Jouw situatie")
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_text("Vraag 1 van 12")).to_be_visible()
    check_screen(page, check_a11y, shot, "rights-question-nl")
    no_sideways_scroll(page, "rights-question")
    page.get_by_role("button", name=re.compile("^Stalking")).click()
    expect(page.get_by_text("Vraag 2 van 13")).to_be_visible()  # the klacht now matters
    page.get_by_role("button", name="Het is mij zelf overkomen").click()
    page.get_by_role("button", name="Nee", exact=True).click()  # not reported
    expect(page.get_by_role("heading", name=re.compile("een klacht"))).to_be_visible()
    page.get_by_role("button", name="Nee", exact=True).click()  # no klacht yet
    page.get_by_role("button", name="Ja, er is een verdachte").click()

    # A stage that needs a report: explained, not saved, a way to the other answer.
    page.get_by_role("button", name=re.compile("^Er is aangifte gedaan en de politie")).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("geen aangifte hebt gedaan")
    expect(alert.get_by_role("link", name=re.compile("aangifte gedaan bij de politie"))) \
        .to_be_visible()
    check_screen(page, check_a11y, shot, "rights-question-clash-nl")
    page.get_by_role("button", name="Er is nog geen aangifte gedaan").click()

    ten_days_ago = (date.today() - timedelta(days=10)).isoformat()
    page.get_by_label("Datum").fill(ten_days_ago)
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Weet ik niet").click()  # injury
    page.get_by_role("button", name="Sla over").click()  # material damage
    page.get_by_role("button", name="Sla over").click()  # immaterial damage
    page.get_by_role("button", name="Nee", exact=True).click()  # language help
    page.get_by_role("button", name="Ja", exact=True).click()  # afraid of the suspect
    page.get_by_role("button", name="Nee", exact=True).click()  # under 18

    expect(heading(page)).to_have_text("Hulp bij mijn strafzaak")
    klacht = page.get_by_role("link", name="Een klacht indienen bij stalking")
    expect(klacht).to_be_visible()
    expect(page.get_by_text(re.compile("^Uiterlijk ")).first).to_be_visible()
    expect(page.get_by_role("link", name="Gratis hulp van Slachtofferhulp")).to_be_visible()
    check_screen(page, check_a11y, shot, "rights-list-nl")
    no_sideways_scroll(page, "rights-list")

    klacht.click()
    expect(heading(page)).to_have_text("Een klacht indienen bij stalking")
    expect(page.get_by_role("heading", name="Wat je kunt doen")).to_be_visible()
    expect(page.get_by_role("link", name="0900-0101").first).to_have_attribute(
        "href", "tel:09000101")
    page.get_by_role("button", name="Zet op mijn lijst").click()
    expect(page.get_by_role("button", name="Zet op mijn lijst")).to_have_attribute(
        "aria-pressed", "true")
    check_screen(page, check_a11y, shot, "right-page-nl")
    no_sideways_scroll(page, "right-page")

    page.get_by_role("link", name="Terug naar je rechten").first.click()
    listed = page.get_by_role("region", name="Op je lijst")
    expect(listed.get_by_role("link", name="Een klacht indienen bij stalking")).to_be_visible()
    page.get_by_role("link", name="Vraag om bescherming").click()
    page.get_by_role("button", name="Later").click()
    expect(page.get_by_role("button", name="Later")).to_have_attribute("aria-pressed", "true")

    # The right on the list is two to-dos in the task list; a step is ticked, still offline.
    page.goto("/#/tasks")
    expect(heading(page)).to_have_text("Taken")
    expect(page.get_by_text("0 van 2 klaar")).to_be_visible()
    first = page.get_by_role("region", name="Eerst dit")
    expect(first.get_by_label("Dien je klacht in bij de politie")).to_be_visible()
    step = page.get_by_label("Maak een afspraak met de politie via 0900-8844.")
    step.check()
    expect(page.get_by_text("Stappen: 1 van 4")).to_be_visible()
    check_screen(page, check_a11y, shot, "tasks-rights-nl")
    no_sideways_scroll(page, "tasks-rights")

    context.set_offline(False)
    wait_for_sync(page)
    server_tasks = {t["todo_key"]: t for t in api_call(context, "GET", "/api/tasks")}
    assert set(server_tasks) == {"R03-1", "R03-2"}
    assert [s["done"] for s in server_tasks["R03-1"]["steps"]] == [True, False, False, False]
    assert server_tasks["R03-1"]["due_date"] == rights_deadline(ten_days_ago)
    server = api_call(context, "GET", "/api/rights/situation")
    assert (server["crime"], server["reported"], server["klacht_filed"], server["phase"]) == (
        "stalking", False, False, "geen_aangifte")
    assert (server["event_date"], server["injury"], server["fears_suspect"]) == (
        ten_days_ago, None, True)
    assert server["choices"] == {"R03": "list", "R21": "later"}
    rights = {r["id"]: r for r in api_call(context, "GET", "/api/rights")}
    assert rights["R03"]["choice"] == "list" and rights["R03"]["deadline"]


def test_the_contact_person_suggests_a_right_and_the_client_sees_whose(new_context, live_server,
                                                                        check_a11y, shot) -> None:
    staff = new_context(**PHONE)
    login_via_api(staff, create_account(live_server, "staff"))
    dossier = api_call(staff, "POST", "/api/staff/dossiers",
                       {"label": "Dhr. B.", "contact_name": "Sanne"})
    client = new_context(**PHONE)
    login_via_api(client, create_account(live_server))
    api_call(client, "POST", "/api/dossier/link", {"code": dossier["invite_code"]})

    staff_page = staff.new_page()
    staff_page.goto(f"/#/staff-dossier/{dossier['id']}")
    expect(staff_page.get_by_role("heading", name="Rechten voorstellen")).to_be_visible()
    staff_page.get_by_label("Recht", exact=True).select_option(label=SCHADEFONDS)
    staff_page.get_by_role("button", name="Stel voor").click()
    expect(staff_page.get_by_role("button", name=f"Trek in: {SCHADEFONDS}")).to_be_visible()
    check_screen(staff_page, check_a11y, shot, "rights-staff-nl")

    page = client.new_page()
    page.goto("/#/rights")
    suggested = page.get_by_role("region", name="Voorgesteld door je contactpersoon")
    expect(suggested.get_by_role("link", name=SCHADEFONDS)).to_be_visible()
    suggested.get_by_role("link", name=SCHADEFONDS).click()
    expect(page.get_by_text("Je contactpersoon Sanne stelt dit voor.")).to_be_visible()
    check_screen(page, check_a11y, shot, "right-suggested-nl")
    page.get_by_role("button", name="Niet voor mij").click()
    wait_for_sync(page)
    assert api_call(client, "GET", "/api/rights/situation")["choices"] == {"R16": "not_for_me"}
