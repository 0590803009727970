"""Houvast busy or down is not "your session has ended": the person stays logged in and is told
that Houvast cannot be reached for a moment (docs/offline.md, issue 9 part 1).

The server's outage is played by Playwright: /api/me (and /api/sync, and in one case the
refresh) answer 503 with Retry-After, as api/errors.py does for a busy or lost database, or get
no answer at all while the device is online.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tests.e2e.conftest import create_account, heading, login_via_api

STATUS = "#sync-status .sync-state"
MESSAGE = "Houvast is even niet bereikbaar"
UNAVAILABLE = {"status": 503, "headers": {"Retry-After": "5", "Content-Type": "application/json"},
               "body": json.dumps({"code": 503, "status": "Service Unavailable",
                                   "message": "Houvast is briefly unavailable."})}


def logged_in_home(new_context, live_server, browser_errors):
    # The browser logs every failed request, and the app logs the error it reports.
    browser_errors.allow(r"status of 50[34]|ApiError|Failed to fetch|ERR_FAILED")
    context = new_context()
    login_via_api(context, create_account(live_server, role="client"))
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    return context, page


def expect_still_logged_in(page) -> None:
    expect(page.locator("#status")).to_contain_text(MESSAGE)
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    assert "#/home" in page.url
    assert page.evaluate("localStorage.getItem('houvast.user')") is not None


def test_a_503_keeps_the_person_logged_in_and_says_houvast_cannot_be_reached(
        new_context, live_server, browser_errors, shot) -> None:
    context, page = logged_in_home(new_context, live_server, browser_errors)
    context.route("**/api/me", lambda route: route.fulfill(**UNAVAILABLE))
    context.route("**/api/sync", lambda route: route.fulfill(**UNAVAILABLE))
    page.reload()
    expect_still_logged_in(page)
    expect(page.locator(STATUS)).to_contain_text(MESSAGE)
    shot(page, "unreachable-503")

    # Back again: the same session works, nothing to log in again for.
    context.unroute("**/api/me")
    context.unroute("**/api/sync")
    page.reload()
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    expect(page.locator(STATUS)).not_to_contain_text(MESSAGE, timeout=15_000)


def test_a_refresh_answered_503_is_not_a_logout(new_context, live_server,
                                                browser_errors) -> None:
    context, page = logged_in_home(new_context, live_server, browser_errors)
    # The access token expired (401) and renewing it meets a busy database (503).
    context.route("**/api/me", lambda route: route.fulfill(
        status=401, content_type="application/json",
        body=json.dumps({"code": 401, "status": "Unauthorized",
                         "message": "Your session has expired. Please log in again."})))
    context.route("**/api/auth/refresh", lambda route: route.fulfill(**UNAVAILABLE))
    page.reload()
    expect_still_logged_in(page)


def test_no_answer_while_online_keeps_the_person_logged_in(new_context, live_server,
                                                           browser_errors) -> None:
    context, page = logged_in_home(new_context, live_server, browser_errors)
    context.route("**/api/me", lambda route: route.abort("failed"))
    page.reload()
    expect_still_logged_in(page)
