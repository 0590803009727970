"""The recovery meter in the PWA, in real Chromium at 390×844: a test taken offline, its result
and the crisis block shown offline (computed on the phone), synced when online, and the trend
with three tests."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from tests.e2e.conftest import create_account, heading, login_via_api, wait_for_service_worker
from tests.e2e.test_logbook import check_screen, no_sideways_scroll, wait_for_sync

PHONE = {"viewport": {"width": 390, "height": 844}}


def post_test(context, days_ago: int, who5: list[int]) -> None:
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "csrf_access_token")
    taken = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    response = context.request.post("/api/recovery/tests", headers={"X-CSRF-TOKEN": csrf}, data={
        "id": str(uuid.uuid4()), "taken_at": taken,
        "answers": {"phq4": [1, 1, 1, 1], "who5": who5, "safety": 0}})
    assert response.status == 201, response.text()


def test_a_test_offline_its_result_and_the_trend(new_context, live_server, check_a11y,
                                                 shot) -> None:
    context = new_context(**PHONE)
    login_via_api(context, create_account(live_server))
    post_test(context, 40, [1, 1, 1, 1, 1])
    post_test(context, 20, [2, 2, 2, 2, 2])
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    page.get_by_role("link", name="Herstelmeter").click()
    expect(heading(page)).to_have_text("Herstelmeter")
    expect(page.locator(".trend-charts figure").first).to_be_visible()
    wait_for_sync(page)
    wait_for_service_worker(page)

    context.set_offline(True)
    page.get_by_role("link", name="Doe de zelftest").click()
    expect(heading(page)).to_have_text("Zelftest")
    check_screen(page, check_a11y, shot, "recovery-test-start-nl")
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Weet ik niet precies").click()
    expect(page.get_by_text("Vraag 1 van 10")).to_be_visible()
    expect(page.get_by_text("In de afgelopen 2 weken")).to_be_visible()
    check_screen(page, check_a11y, shot, "recovery-question-nl")
    no_sideways_scroll(page, "recovery-question")
    answers = page.locator(".answer-buttons .answer")
    answers.nth(1).click()  # question 1
    expect(page.get_by_text("Vraag 2 van 10")).to_be_visible()
    page.get_by_role("button", name="Vorige").click()
    expect(page.get_by_text("Vraag 1 van 10")).to_be_visible()
    expect(answers.nth(1)).to_have_attribute("aria-pressed", "true")
    answers.nth(1).click()
    page.get_by_role("button", name="Overslaan").click()  # question 2 skipped
    for number in range(3, 10):
        expect(page.get_by_text(f"Vraag {number} van 10")).to_be_visible()
        answers.nth(3).click()
    expect(page.get_by_text("Vraag 10 van 10")).to_be_visible()
    answers.nth(1).click()  # the safety question: "several days"

    expect(heading(page)).to_have_text("Je uitslag")
    crisis = page.locator(".crisis")
    expect(crisis).to_be_visible()
    expect(crisis.get_by_role("link", name=re.compile("113"))).to_have_count(2)
    box = crisis.bounding_box()
    first_facet = page.locator(".facets").bounding_box()
    assert box and first_facet and box["y"] < first_facet["y"]  # the crisis block first
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_be_visible()
    check_screen(page, check_a11y, shot, "recovery-result-offline-nl")
    no_sideways_scroll(page, "recovery-result")

    context.set_offline(False)
    wait_for_sync(page)
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_have_count(0)
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "csrf_access_token")
    stored = context.request.get("/api/recovery/tests", headers={"X-CSRF-TOKEN": csrf}).json()
    assert len(stored) == 3 and stored[-1]["safety"] is True
    assert stored[-1]["scores"]["phq4"]["status"] == "incomplete"

    page.get_by_role("link", name="Naar je lijn").click()
    expect(heading(page)).to_have_text("Herstelmeter")
    expect(page.locator(".tests > li")).to_have_count(3)
    page.get_by_text("Dezelfde cijfers als tabel").click()
    expect(page.locator(".trend-table tbody tr")).to_have_count(3)
    check_screen(page, check_a11y, shot, "recovery-trend-nl")
    no_sideways_scroll(page, "recovery-trend")


def api_call(context, method: str, path: str, body: dict | None = None):
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "csrf_access_token")
    response = context.request.fetch(path, method=method, headers={"X-CSRF-TOKEN": csrf},
                                     data=body)
    assert response.ok, response.text()
    return response.json() if response.status != 204 else None


def test_due_banner_sharing_and_bel_mij_terug_reach_the_contact_person(
        new_context, live_server, check_a11y, shot) -> None:
    staff = new_context(**PHONE)
    login_via_api(staff, create_account(live_server, "staff"))
    dossier = api_call(staff, "POST", "/api/staff/dossiers", {"label": "Mevr. K."})
    client = new_context(**PHONE)
    login_via_api(client, create_account(live_server))
    api_call(client, "POST", "/api/dossier/link", {"code": dossier["invite_code"]})
    post_test(client, 15, [3, 3, 3, 3, 3])
    api_call(client, "PUT", "/api/recovery/profile", {"reminder": "2w"})

    page = client.new_page()
    page.goto("/#/home")
    banner = page.get_by_role("link", name=re.compile("Wil je kijken of er iets veranderd is"))
    expect(banner).to_be_visible()
    check_screen(page, check_a11y, shot, "recovery-home-banner-nl")
    banner.click()
    expect(heading(page)).to_have_text("Herstelmeter")
    expect(page.get_by_text("Vanaf ", exact=False).first).to_be_visible()  # one test: when
    page.locator(".tests a").first.click()
    expect(heading(page)).to_have_text("Je uitslag")
    page.get_by_label("Laat mijn contactpersoon de uitkomst van deze zelftest zien").check()
    wait_for_sync(page)
    page.get_by_role("link", name="Naar je lijn").click()
    page.get_by_label("Wanneer kun je gebeld worden? (mag leeg blijven)").fill("Na 17:00")
    page.get_by_role("button", name="Vraag om terugbellen").click()
    expect(page.get_by_text(re.compile("gevraagd om teruggebeld"))).to_be_visible()
    check_screen(page, check_a11y, shot, "recovery-callback-nl")

    staff_page = staff.new_page()
    staff_page.goto("/#/staff-clients")
    expect(staff_page.get_by_text("Wil teruggebeld worden")).to_be_visible()
    expect(staff_page.get_by_text("Gedeelde uitslagen: 1")).to_be_visible()
    staff_page.get_by_role("link", name="Mevr. K.").click()
    expect(staff_page.get_by_text("Na 17:00")).to_be_visible()
    expect(staff_page.get_by_role("heading", name="Herstelmeter")).to_be_visible()
    check_screen(staff_page, check_a11y, shot, "recovery-staff-nl")
    staff_page.get_by_role("button", name="Ik heb teruggebeld").click()
    expect(staff_page.get_by_text("Na 17:00")).to_have_count(0)
