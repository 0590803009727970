"""The helpers' training in Chromium at 390x844, as a visitor without an account: open the
training, go offline, do step 1 with its exercise, reload offline and resume at step 2, tick
checklist items offline, then make an account and find the progress kept (and on the server).
Every kind of screen is checked with axe and photographed."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from api.content import training
from tests.e2e.conftest import (
    PASSWORD,
    heading,
    keep_recovery_code,
    unique_username,
    wait_for_service_worker,
    wait_until,
)
from tests.e2e.test_logbook import check_screen, no_sideways_scroll, wait_for_sync

PHONE = {"viewport": {"width": 390, "height": 844}}
BASIS = training.MODULES["basis"]
STEP1, STEP2 = BASIS["steps"][0], BASIS["steps"][1]
STALKING = training.CHECKLISTS["stalking"]


def nl(text: dict) -> str:
    return text["nl"]


def do_step_one(page, check_a11y, shot) -> None:
    """Every screen of step 1: text, then its quiz (each question answered, feedback shown)."""
    for number, screen in enumerate(STEP1["screens"]):
        expect(page.get_by_text(re.compile(rf"^Scherm {number + 1} van "))).to_be_visible()
        if "exercise" in screen:
            exercise = screen["exercise"]
            expect(page.get_by_role("heading", name=nl(exercise["title"]))).to_be_visible()
            for question in exercise.get("questions", []):
                wrong = next(o for o in question["options"] if not o["correct"])
                group = page.get_by_role("group", name=nl(question["question"]))
                group.get_by_label(nl(wrong["text"]), exact=True).check()
                expect(group.locator("xpath=following-sibling::div[1]")).to_contain_text(
                    nl(wrong["feedback"])[:40])
            check_screen(page, check_a11y, shot, f"training-{exercise['kind']}-nl")
        else:
            expect(page.get_by_role("heading", name=nl(screen["title"]), exact=True)
                   ).to_be_visible()
            if number == 0:
                check_screen(page, check_a11y, shot, "training-lesson-nl")
                no_sideways_scroll(page, "training-lesson")
        page.get_by_role("link", name=re.compile("^(Volgende|Afronden)$")).click()
    expect(page.get_by_role("heading", name="Dit neem je mee")).to_be_visible()
    expect(page.get_by_text(nl(STEP1["takeaways"][0]))).to_be_visible()
    check_screen(page, check_a11y, shot, "training-takeaways-nl")


def test_a_visitor_learns_offline_and_keeps_it_in_a_new_account(new_context, check_a11y,
                                                                 shot) -> None:
    context = new_context(**PHONE)
    page = context.new_page()
    page.goto("/")
    expect(heading(page)).to_have_text("Welkom bij Houvast")
    page.get_by_role("link", name="Naar de lessen voor wie helpt").click()
    expect(heading(page)).to_have_text("Voor wie helpt")
    expect(page.get_by_text("Ook offline beschikbaar")).to_be_visible()
    wait_for_service_worker(page)
    check_screen(page, check_a11y, shot, "training-home-nl")
    no_sideways_scroll(page, "training-home")

    context.set_offline(True)
    page.get_by_role("link", name="Begin met stap 1").first.click()
    expect(heading(page)).to_have_text(f"Stap 1: {nl(STEP1['title'])}")
    do_step_one(page, check_a11y, shot)

    page.reload()  # offline: the shell from the service worker, the training from the device
    expect(page.get_by_role("heading", name="Dit neem je mee")).to_be_visible()
    page.goto("/#/training")
    resume = page.get_by_role("link", name=f"Verder met stap 2: {nl(STEP2['title'])}")
    expect(resume).to_be_visible()
    expect(page.get_by_text("1 van 8 stappen klaar", exact=False)).to_be_visible()
    resume.click()
    expect(heading(page)).to_have_text(f"Stap 2: {nl(STEP2['title'])}")

    # A checklist, offline: two items ticked.
    page.goto("/#/training")
    page.get_by_role("link", name="Checklists per gebeurtenis").click()
    expect(heading(page)).to_have_text(re.compile("Checklists"))
    check_screen(page, check_a11y, shot, "checklists-nl")
    page.get_by_role("link", name=nl(STALKING["title"])).click()
    expect(heading(page)).to_have_text(nl(STALKING["title"]))
    first, second = STALKING["items"][0], STALKING["items"][1]
    page.get_by_label(nl(first["text"]), exact=True).check()
    page.get_by_label(nl(second["text"]), exact=True).check()
    # The tick is written to the device a moment after the click: a reload before that loses it.
    wait_until(page, """async (ids) => {
        const training = await import('/js/training-data.js');
        const state = await training.checklistState();
        return ids.every((id) => state.checked[id]?.done === true);
    }""", [first["id"], second["id"]])
    page.reload()
    expect(page.get_by_label(nl(first["text"]), exact=True)).to_be_checked()
    expect(page.get_by_label(nl(second["text"]), exact=True)).to_be_checked()
    check_screen(page, check_a11y, shot, "checklist-nl")
    no_sideways_scroll(page, "checklist")

    # Online again: an account for a helper; what was done on this device comes along.
    context.set_offline(False)
    username = unique_username("helper")
    page.goto("/#/register")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Ik help iemand").check()
    page.get_by_label("Ik heb de afspraken gelezen en ga akkoord").check()
    page.get_by_role("button", name="Account maken").click()
    keep_recovery_code(page)
    expect(heading(page)).to_have_text(f"Hallo {username}")
    # A helper's home: the helpers' parts, no logbook.
    expect(page.get_by_role("link", name="Logboek", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Checklists", exact=True)).to_be_visible()
    check_screen(page, check_a11y, shot, "helper-home-nl")
    wait_for_sync(page)

    on_server = context.request.get("/api/progress/training").json()
    assert on_server["steps"][f"basis/{STEP1['id']}"]["done_at"]
    ticks = context.request.get("/api/progress/checklists").json()["checked"]
    assert ticks[first["id"]]["done"] is True and ticks[second["id"]]["done"] is True

    page.get_by_role("link", name="Training", exact=True).click()
    expect(page.get_by_text("1 van 8 stappen klaar", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name=f"Verder met stap 2: {nl(STEP2['title'])}")
           ).to_be_visible()


def first_exercise(kind: str) -> tuple[str, dict, int, dict]:
    """(module id, step, screen index, exercise) of the first exercise of this kind."""
    return next((module_id, step, number, screen["exercise"])
                for module_id, module in training.MODULES.items() for step in module["steps"]
                for number, screen in enumerate(step["screens"])
                if screen.get("exercise", {}).get("kind") == kind)


def en(text: dict) -> str:
    return text["en"]


def test_every_kind_of_exercise_and_the_tools_in_english(new_context, check_a11y, shot) -> None:
    """Scenario, sort, self-test and reflection answer with feedback and keep their answer over a
    reload; the referral guide leads to a number to tap; the self-scan gives its advice."""
    context = new_context(**PHONE)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="English").click()
    expect(heading(page)).to_have_text("Welcome to Houvast")

    module_id, step, number, exercise = first_exercise("scenario")
    page.goto(f"/#/training-step/{module_id}/{step['id']}/{number}")
    expect(page.get_by_role("heading", name=en(exercise["title"]))).to_be_visible()
    hurts = next(c for c in exercise["choices"] if c["verdict"] == "hurts")
    page.get_by_label(en(hurts["text"]), exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("This does not help")
    expect(page.get_by_role("status")).to_contain_text(en(hurts["consequence"])[:40])
    check_screen(page, check_a11y, shot, "training-scenario-en")
    page.reload()
    expect(page.get_by_label(en(hurts["text"]), exact=True)).to_be_checked()

    module_id, step, number, exercise = first_exercise("sort")
    page.goto(f"/#/training-step/{module_id}/{step['id']}/{number}")
    for statement in exercise["statements"]:
        group = page.get_by_role("group", name=en(statement["text"]), exact=True)
        group.get_by_label("Helps", exact=True).check()
    right = sum(1 for s in exercise["statements"] if s["helpful"])
    expect(page.get_by_text(f"You got {right} of the {len(exercise['statements'])} right."))\
        .to_be_visible()
    harmful = next(s for s in exercise["statements"] if not s["helpful"])
    expect(page.get_by_text(en(harmful["feedback"])[:40], exact=False)).to_be_visible()
    check_screen(page, check_a11y, shot, "training-sort-en")
    no_sideways_scroll(page, "training-sort")

    module_id, step, number, exercise = first_exercise("selftest")
    page.goto(f"/#/training-step/{module_id}/{step['id']}/{number}")
    for item in exercise["items"]:
        group = page.get_by_role("group", name=en(item["text"]), exact=True)
        group.get_by_label(en(exercise["scale"][0]), exact=True).check()  # "often": all points
    top = 2 * len(exercise["items"])
    expect(page.get_by_role("status")).to_contain_text(f"Your score: {top} of {top}")
    band = next(r for r in exercise["results"] if r["min"] <= top <= r["max"])
    expect(page.get_by_role("status")).to_contain_text(en(band["text"])[:40])
    check_screen(page, check_a11y, shot, "training-selftest-en")

    module_id, step, number, exercise = first_exercise("reflection")
    page.goto(f"/#/training-step/{module_id}/{step['id']}/{number}")
    first_prompt = page.get_by_label(en(exercise["prompts"][0]), exact=True)
    first_prompt.fill("That I listened without fixing it.")
    page.wait_for_timeout(800)  # the answer is saved shortly after typing stops
    page.reload()
    expect(page.get_by_label(en(exercise["prompts"][0]), exact=True)).to_have_value(
        "That I listened without fixing it.")
    check_screen(page, check_a11y, shot, "training-reflection-en")

    guide = training.TOOLS["referral"]
    page.goto("/#/referral")
    expect(heading(page)).to_have_text(en(guide["title"]))
    start = guide["nodes"][guide["start"]]
    expect(page.get_by_role("link", name="Call 112")).to_have_attribute("href", "tel:112")
    sexual = next(o for o in start["options"] if o.get("next") == "seksueel")
    page.get_by_role("button", name=en(sexual["text"])).click()
    recent = guide["nodes"]["seksueel"]["options"][0]
    page.get_by_role("button", name=en(recent["text"])).click()
    result = guide["results"][recent["result"]]
    expect(page.get_by_role("heading", name=en(result["title"]))).to_be_visible()
    expect(page.locator('main a[href="tel:08000188"]')).to_be_visible()
    check_screen(page, check_a11y, shot, "referral-result-en")
    page.get_by_role("link", name="Previous question").click()
    expect(page.get_by_role("button", name=en(recent["text"]))).to_be_visible()

    scan = training.TOOLS["selfscan"]
    page.goto("/#/selfscan")
    expect(heading(page)).to_have_text(en(scan["title"]))
    for question in scan["questions"]:
        group = page.get_by_role("group", name=en(question["text"]), exact=True)
        group.get_by_label(en(question["options"][-1]["text"]), exact=True).check()
    expect(page.get_by_role("heading", name="Tips for you")).to_be_visible()
    check_screen(page, check_a11y, shot, "selfscan-en")
    no_sideways_scroll(page, "selfscan")
