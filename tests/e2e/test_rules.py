"""The phone follows the rules the server serves, in real Chromium: which follow-up question
shows, the note and title lengths (GET /api/logbook-templates), and the dossier's event kinds
with whether their time matters (GET /api/content/dossier). Each answer is changed on its way
to the browser: what the screens do then can only come from the data, not from the PWA's code.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tests.e2e.conftest import create_account, heading, login_via_api


def rewrite(context, path: str, change) -> None:
    """Answer GET `path` with the server's answer as `change(body)` leaves it."""
    def handle(route):
        response = route.fetch()
        body = response.json()
        change(body)
        route.fulfill(response=response, body=json.dumps(body))

    context.route(f"**{path}", handle)


def other_rules(body: dict) -> None:
    body["limits"] = {"note_max_length": 123, "title_max_length": 77}
    damages = next(t for t in body["templates"] if t["type"] == "damages")
    by_key = {q["key"]: q for q in damages["questions"]}
    # Who paid is now asked after a "no" (and how much still after a "yes").
    by_key["reimbursed_by"]["shown_if"] = {"key": "reimbursed", "equals": False}


def test_the_entry_form_follows_the_served_rules(new_context, live_server) -> None:
    context = new_context(service_workers="block")  # no cached copy: every answer is ours
    rewrite(context, "/api/logbook-templates", other_rules)
    login_via_api(context, create_account(live_server))
    page = context.new_page()
    page.goto("/#/logbook-new")
    expect(heading(page)).to_have_text("Nieuw logboek")
    title = page.get_by_label("Naam van het logboek (niet verplicht)")
    expect(title).to_have_attribute("maxlength", "77")
    page.get_by_label("Schade en kosten").check()
    page.get_by_role("button", name="Logboek maken").click()
    expect(heading(page)).to_have_text("Schade en kosten")

    page.get_by_role("link", name="Nieuwe notitie").click()
    page.get_by_label("Medische kosten").check()
    page.get_by_label("Hoeveel was het?").fill("12,50")
    page.get_by_role("button", name="Volgende").click()
    how_much = page.locator('[data-field="reimbursed_cents"]')
    who = page.locator('[data-field="reimbursed_by"]')
    expect(how_much).to_be_hidden()
    expect(who).to_be_hidden()
    back = page.get_by_role("group", name="Heb je dit geld terug gekregen?")
    back.get_by_label("Nee").check()
    expect(who).to_be_visible()
    expect(how_much).to_be_hidden()
    back.get_by_label("Ja").check()
    expect(how_much).to_be_visible()
    expect(who).to_be_hidden()
    # "Not more than the amount" comes from the question's `at_most`.
    page.get_by_label("Hoeveel heb je terug gekregen? (niet verplicht)").fill("13")
    page.get_by_role("button", name="Volgende").click()
    expect(how_much.locator(".field-error")).not_to_be_empty()
    page.get_by_label("Hoeveel heb je terug gekregen? (niet verplicht)").fill("2,50")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("textarea[name=note]")).to_have_attribute("maxlength", "123")


def kinds_reversed_police_timed(body: dict) -> None:
    body["event_kinds"].reverse()
    for kind in body["event_kinds"]:
        kind["has_time"] = kind["kind"] == "from_police"


def test_the_staff_dossier_follows_the_served_event_kinds(new_context, live_server) -> None:
    context = new_context(service_workers="block")
    rewrite(context, "/api/content/dossier", kinds_reversed_police_timed)
    login_via_api(context, create_account(live_server, "staff"))
    csrf = {"X-CSRF-TOKEN": next(c["value"] for c in context.cookies()
                                 if c["name"] == "csrf_access_token")}
    dossier = context.request.post("/api/staff/dossiers", data={"label": "Regels"},
                                   headers=csrf).json()
    served = context.request.get("/api/content/dossier").json()["event_kinds"]
    for kind, title in (("from_police", "Van de politie"), ("court_date", "De zitting")):
        answer = context.request.post(f"/api/staff/dossiers/{dossier['id']}/events", headers=csrf,
                                      data={"kind": kind, "title": title,
                                            "occurred_at": "2026-11-20T10:15:00+00:00"})
        assert answer.status == 201, answer.text()

    page = context.new_page()
    page.goto(f"/#/staff-dossier/{dossier['id']}")
    expect(heading(page)).to_have_text("Regels")
    values = page.locator('select[name="kind"] option').evaluate_all(
        "(options) => options.map((option) => option.value)")
    assert values == [k["kind"] for k in reversed(served)]  # the server's list, as rewritten
    with_time = re.compile(r"\d{1,2}:\d{2}")
    police = page.locator(".dossier-event", has_text="Van de politie").locator(".dossier-meta")
    court = page.locator(".dossier-event", has_text="De zitting").locator(".dossier-meta")
    expect(police).to_have_text(with_time)
    expect(court).not_to_have_text(with_time)
