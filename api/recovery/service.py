"""The recovery meter's rules on the server: profiles, self-tests, sharing, call-back requests,
the reminder, and the organisation's figures.

Only clients take tests. Another person's test is NotFound, exactly like one that does not exist.
Scores are never stored: every answer is computed from the stored (encrypted) answers with the
same rules the phone runs (api/recovery/rules.py, `results`), so the server's answer is the truth
and a changed event date or an older test synced later is reflected in every result after it.
Writes start with `lock_owner` and append to the change log; nothing here commits.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from api.auth.models import User
from api.content import for_the_phone
from api.content.recovery import TEXTS
from api.crypto import decrypt_json, decrypt_text, encrypt_json, encrypt_text
from api.db import db, utcnow
from api.domain import Conflict, Invalid, NotFound, Reminder
from api.dossier.models import Dossier
from api.dossier.service import NO_DOSSIER, staff_dossier
from api.helpers.locks import lock_circle
from api.notifications.models import Notification, ReminderState
from api.recovery import rules, sharing
from api.recovery.models import (
    PROFILE_ENTITY,
    TEST_ENTITY,
    RecoveryProfile,
    RecoveryTest,
    answers_aad,
    profile_aad,
    profile_id,
)
from api.sync.changelog import record_change, transaction_cache

RULES = rules.load_rules()
SERVED_RULES = for_the_phone(RULES)
INSTRUMENTS = ("phq4", "who5", "pcl5")

PUSH_KIND = "recovery"
PUSH_VIEW = "/recovery"
REMINDER_TOPIC = "recovery"
FOLLOWED_WITHIN = timedelta(days=7)  # a test this soon after a reminder counts as following it
FUTURE_SLACK = timedelta(minutes=5)  # a phone's clock may run a little ahead
SMALL_COUNT = 10  # the stats print any count below this as "<10"

TEST_NOT_FOUND = "This self-test was not found. It may have been deleted."
TEST_CHANGED = ("This self-test was saved before with other answers. A saved test is never "
                "changed: take a new test instead.")
IN_FUTURE = "This moment is in the future. Check the date and time on your phone."
EVENT_IN_FUTURE = "This date is in the future. Give the day it happened, or leave it empty."
NEEDS_DOSSIER = ("You can share a result once your contact person has linked your dossier. "
                 "Ask them for a code.")
ANSWER_COUNT = "Give {n} answers, with null for a question you skipped."
ANSWER_RANGE = "Give a whole number from {low} to {high}, or null to skip this question."
NOT_A_LIST = "Give a list of answers."


# -- answers ---------------------------------------------------------------------------------


def _item_error(value: Any, spec: dict[str, Any]) -> str | None:
    if value is None:
        return None
    if type(value) is not int or not spec["min"] <= value <= spec["max"]:
        return ANSWER_RANGE.format(low=spec["min"], high=spec["max"])
    return None


def check_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers in their stored shape ({phq4, who5, safety[, pcl5]}), checked against the
    rules' item counts and ranges.

    :raise Invalid: naming each wrong item, 0-based (`answers.phq4.2`), or a list's length
    """
    specs = RULES["instruments"]
    errors: dict[str, Any] = {}
    clean: dict[str, Any] = {}
    for key in INSTRUMENTS:
        values = answers.get(key)
        if values is None and key == "pcl5":
            continue
        spec = specs[key]
        if len(values) != spec["items"]:
            errors[key] = [ANSWER_COUNT.format(n=spec["items"])]
            continue
        wrong = {str(i): [msg] for i, v in enumerate(values) if (msg := _item_error(v, spec))}
        if wrong:
            errors[key] = wrong
        clean[key] = list(values)
    if (msg := _item_error(answers.get("safety"), specs["safety"])) is not None:
        errors["safety"] = [msg]
    clean["safety"] = answers.get("safety")
    if errors:
        raise Invalid({"answers": errors})
    return clean


# -- profile ---------------------------------------------------------------------------------


def _writing(user_id: int) -> None:
    """Every write starts here: the owner's lock (with the people who help them, who may see the
    bands), and the results computed so far forgotten."""
    lock_circle(user_id)
    transaction_cache("recovery_results").pop(user_id, None)


def _profile_row(user_id: int) -> RecoveryProfile | None:
    return db.session.get(RecoveryProfile, user_id)


def has_profile(user_id: int) -> bool:
    return _profile_row(user_id) is not None


def _event(profile: RecoveryProfile | None) -> dict[str, Any]:
    if profile is None or profile.event is None:
        return {"date": None, "no_date": None}
    return decrypt_json(profile.event, profile_aad(profile, "event"))


def _new_profile(user_id: int) -> RecoveryProfile:
    profile = RecoveryProfile(user_id=user_id, id=profile_id(user_id), version=0)
    db.session.add(profile)
    return profile


def _bump(row: RecoveryProfile | RecoveryTest) -> None:
    row.version += 1
    row.updated_at = utcnow()


def profile_dict(user_id: int) -> dict[str, Any]:
    """The profile as the phone keeps it (defaults when the person never set anything)."""
    profile = _profile_row(user_id)
    event = _event(profile)
    last = db.session.scalar(select(func.max(RecoveryTest.taken_at))
                             .where(RecoveryTest.owner_id == user_id))
    reminder = profile.reminder if profile else None
    due = rules.due_date(RULES, reminder, last.isoformat() if last else None)
    return {
        "id": profile_id(user_id), "no_date": event["no_date"], "reminder": reminder,
        "event_date": date.fromisoformat(event["date"]) if event["date"] else None,
        "weeks_since_event": rules.weeks_since(event["date"], utcnow().isoformat()),
        "next_due": date.fromisoformat(due) if due else None,
        "callback_requested_at": profile.callback_requested_at if profile else None,
        "version": profile.version if profile else 0,
        "updated_at": profile.updated_at if profile else None,
    }


def update_profile(user_id: int, data: dict[str, Any]) -> RecoveryProfile:
    """Set the event date (or why there is none) and the reminder; fields not sent stay.

    :raise Invalid: an event date after tomorrow (UTC: tomorrow is today somewhere)
    """
    _writing(user_id)
    profile = _profile_row(user_id) or _new_profile(user_id)
    event = _event(profile)
    new_event = dict(event)
    if "event_date" in data:
        day: date | None = data["event_date"]
        if day is not None and day > utcnow().date() + timedelta(days=1):
            raise Invalid({"event_date": [EVENT_IN_FUTURE]})
        new_event["date"] = day.isoformat() if day else None
        if day is not None:
            new_event["no_date"] = None
    if "no_date" in data:
        new_event["no_date"] = data["no_date"]
        if data["no_date"] is not None:
            new_event["date"] = None
    changed = new_event != event or profile.version == 0
    if new_event != event:
        profile.event = encrypt_json(new_event, profile_aad(profile, "event"))
    if "reminder" in data and data["reminder"] != profile.reminder:
        profile.reminder = data["reminder"]
        changed = True
    if changed:
        _bump(profile)
        db.session.flush()
        record_change(user_id, PROFILE_ENTITY, profile.id, profile.version)
    if new_event["date"] != event["date"]:
        _touch_tests(user_id, None)  # the weeks, phase and advice of every test change
    return profile


# -- tests -----------------------------------------------------------------------------------


def _answers(test: RecoveryTest) -> dict[str, Any]:
    return decrypt_json(test.answers, answers_aad(test))


def _owned(user_id: int, test_id: uuid.UUID) -> RecoveryTest:
    test = db.session.get(RecoveryTest, test_id)
    if test is None or test.owner_id != user_id:
        raise NotFound(TEST_NOT_FOUND)
    return test


def _has_dossier(user_id: int) -> bool:
    return db.session.scalar(select(Dossier.id).where(Dossier.client_id == user_id)) is not None


def _touch_tests(user_id: int, after: datetime | None, skip: uuid.UUID | None = None) -> None:
    """A new version for every test from `after` on (None: all): their results changed."""
    stmt = select(RecoveryTest).where(RecoveryTest.owner_id == user_id)
    if after is not None:
        stmt = stmt.where(RecoveryTest.taken_at >= after)
    for test in db.session.scalars(stmt):
        if test.id != skip:
            _bump(test)
            record_change(user_id, TEST_ENTITY, test.id, test.version)
    transaction_cache("recovery_results").pop(user_id, None)


def _after_reminder(user_id: int, taken_at: datetime) -> bool:
    """Whether a reminder went out in the 7 days before `taken_at`, after the test before it."""
    reminded = db.session.scalar(select(ReminderState.last_at).where(
        ReminderState.user_id == user_id, ReminderState.topic == REMINDER_TOPIC))
    if reminded is None or not taken_at - FOLLOWED_WITHIN <= reminded <= taken_at:
        return False
    before = db.session.scalar(select(func.max(RecoveryTest.taken_at)).where(
        RecoveryTest.owner_id == user_id, RecoveryTest.taken_at < taken_at))
    return before is None or before < reminded


def _set_shared(user_id: int, test: RecoveryTest, shared: bool) -> bool:
    if shared == (test.shared_at is not None):
        return False
    if shared and not _has_dossier(user_id):
        raise Invalid({"shared": [NEEDS_DOSSIER]})
    test.shared_at = utcnow() if shared else None
    _bump(test)
    record_change(user_id, TEST_ENTITY, test.id, test.version)
    return True


def save_test(user_id: int, test_id: uuid.UUID | None,
              data: dict[str, Any]) -> tuple[RecoveryTest, bool]:
    """Store a test taken on the phone (maybe days ago, offline) -> (test, created).

    Sending the same test again (same id, moment and answers) changes nothing but `shared`: a
    phone that lost the answer to its first attempt may retry.

    :raise Invalid: answers out of range or of the wrong count, a moment in the future, sharing
        without a dossier
    :raise Conflict: the id holds a test with other answers
    :raise NotFound: the id is someone else's
    """
    _writing(user_id)
    taken_at: datetime = data["taken_at"].astimezone(UTC)
    if taken_at > utcnow() + FUTURE_SLACK:
        raise Invalid({"taken_at": [IN_FUTURE]})
    answers = check_answers(data["answers"])
    shared = bool(data.get("shared", False))
    if test_id is not None and (test := db.session.get(RecoveryTest, test_id)) is not None:
        if test.owner_id != user_id:
            raise NotFound(TEST_NOT_FOUND)
        if test.taken_at != taken_at or _answers(test) != answers:
            raise Conflict(TEST_CHANGED, version=test.version)
        _set_shared(user_id, test, shared)
        return test, False
    if shared and not _has_dossier(user_id):
        raise Invalid({"shared": [NEEDS_DOSSIER]})
    now = utcnow()
    test = RecoveryTest(id=test_id or uuid.uuid4(), owner_id=user_id, taken_at=taken_at,
                        shared_at=now if shared else None, version=1, created_at=now,
                        updated_at=now, after_reminder=_after_reminder(user_id, taken_at))
    test.answers = encrypt_json(answers, answers_aad(test))
    db.session.add(test)
    db.session.flush()
    record_change(user_id, TEST_ENTITY, test.id, test.version)
    _touch_tests(user_id, taken_at, skip=test.id)  # a later test's change and `early` follow
    sharing.changed(user_id)
    return test, True


def set_shared(user_id: int, test_id: uuid.UUID, shared: bool) -> RecoveryTest:
    """Share a test's bands with the contact person, or take that back.

    :raise NotFound: not the caller's test
    :raise Invalid: sharing without a linked dossier
    """
    _writing(user_id)
    test = _owned(user_id, test_id)
    _set_shared(user_id, test, shared)
    db.session.flush()
    return test


def delete_test(user_id: int, test_id: uuid.UUID) -> int:
    """Remove a test for good (answers and all) -> the version of its tombstone change.

    :raise NotFound: not the caller's test
    """
    _writing(user_id)
    test = _owned(user_id, test_id)
    version, taken_at = test.version + 1, test.taken_at
    db.session.delete(test)
    db.session.flush()
    record_change(user_id, TEST_ENTITY, test_id, version, deleted=True)
    _touch_tests(user_id, taken_at)
    sharing.changed(user_id)
    return version


def _results(user_id: int) -> dict[uuid.UUID, dict[str, Any]]:
    """Every test of the person with its result, in time order (computed once a transaction)."""
    cache = transaction_cache("recovery_results")
    if user_id not in cache:
        tests = list(db.session.scalars(select(RecoveryTest).where(
            RecoveryTest.owner_id == user_id).order_by(RecoveryTest.taken_at)))
        answers = {t.id: _answers(t) for t in tests}
        event = _event(_profile_row(user_id))
        computed = rules.results(RULES, [
            {"id": str(t.id), "taken_at": t.taken_at.isoformat(), "answers": answers[t.id]}
            for t in tests], event["date"])
        by_id = {t.id: t for t in tests}
        cache[user_id] = {uuid.UUID(r["id"]): {**r, "test": by_id[uuid.UUID(r["id"])],
                                               "answers": answers[uuid.UUID(r["id"])]}
                          for r in computed}
    return cache[user_id]


def _test_dict(item: dict[str, Any]) -> dict[str, Any]:
    test: RecoveryTest = item["test"]
    return {
        "id": test.id, "version": test.version, "taken_at": test.taken_at,
        "answers": item["answers"], "weeks_since_event": item["weeks_since_event"],
        "phase": item["phase"], "early": item["early"], "scores": item["scores"],
        "safety": item["safety"], "facets": item["facets"], "advice": item["advice"],
        "shared": test.shared_at is not None, "shared_at": test.shared_at,
        "created_at": test.created_at, "updated_at": test.updated_at,
    }


def list_tests(user_id: int) -> list[dict[str, Any]]:
    """The trend: every test with its result, oldest first."""
    return [_test_dict(item) for item in _results(user_id).values()]


def get_test(user_id: int, test_id: uuid.UUID) -> dict[str, Any]:
    """:raise NotFound: not the caller's test"""
    item = _results(user_id).get(test_id)
    if item is None:
        raise NotFound(TEST_NOT_FOUND)
    return _test_dict(item)


def test_dicts(user_id: int, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    results = _results(user_id)
    return {i: _test_dict(results[i]) for i in ids if i in results}


def test_ids_of(owner: User) -> list[uuid.UUID]:
    return list(db.session.scalars(select(RecoveryTest.id)
                                   .where(RecoveryTest.owner_id == owner.id)))


TREND_TESTS = 12  # what a helper sees: the latest tests, enough for a trend, not a history


def band_trend(user_id: int) -> list[dict[str, Any]]:
    """What a person who helps sees (api/recovery/sharing.py): per test, oldest first, its
    bands and which way WHO-5 and PCL-5 moved since the test before. No answers, no safety
    question, no notes, no advice."""
    rows = []
    for item in list(_results(user_id).values())[-TREND_TESTS:]:
        scores = item["scores"]
        rows.append({"taken_at": item["test"].taken_at, "phq4_band": scores["phq4"]["band"],
                     "who5_low": scores["who5"]["low_wellbeing"],
                     "pcl5_band": scores["pcl5"]["band"],
                     "who5_change": (scores["who5"]["change"] or {}).get("direction"),
                     "pcl5_change": (scores["pcl5"]["change"] or {}).get("direction")})
    return rows


def summary_rows(user_id: int) -> list[dict[str, Any]]:
    """What the one-page summary for the huisarts shows: dates and figures, no free text."""
    return [{"taken_at": i["test"].taken_at, "weeks": i["weeks_since_event"], "early": i["early"],
             "scores": i["scores"], "safety": i["safety"]} for i in _results(user_id).values()]


# -- the contact person ------------------------------------------------------------------------


def request_callback(user_id: int, note: str) -> RecoveryProfile:
    """Ask the contact person to call back ("Bel mij terug"); asking again updates the note.

    :raise NotFound: no linked dossier (nobody to call back)
    """
    _writing(user_id)
    if not _has_dossier(user_id):
        raise NotFound(NO_DOSSIER)
    profile = _profile_row(user_id) or _new_profile(user_id)
    profile.callback_requested_at = utcnow()
    profile.callback_note = encrypt_text(note.strip() or None,
                                         profile_aad(profile, "callback_note"))
    _bump(profile)
    db.session.flush()
    record_change(user_id, PROFILE_ENTITY, profile.id, profile.version)
    return profile


def clear_callback(user_id: int) -> None:
    """Take the request back, or (staff) mark it done. Nothing to clear is fine."""
    _writing(user_id)
    profile = _profile_row(user_id)
    if profile is None or profile.callback_requested_at is None:
        return
    profile.callback_requested_at = None
    profile.callback_note = None
    _bump(profile)
    db.session.flush()
    record_change(user_id, PROFILE_ENTITY, profile.id, profile.version)


def _shared_result(item: dict[str, Any]) -> dict[str, Any]:
    """What the contact person sees of a shared test: bands and the safety flag, no answers."""
    scores = item["scores"]
    return {"id": item["test"].id, "taken_at": item["test"].taken_at,
            "shared_at": item["test"].shared_at, "weeks_since_event": item["weeks_since_event"],
            "phq4_band": scores["phq4"]["band"], "who5_low": scores["who5"]["low_wellbeing"],
            "pcl5_band": scores["pcl5"]["band"], "safety": item["safety"]}


def staff_recovery(staff: User, dossier_id: uuid.UUID) -> dict[str, Any]:
    """A dossier's call-back request and the results its client shared, newest first.

    :raise NotFound: not the staff member's dossier
    """
    dossier = staff_dossier(staff, dossier_id)
    out: dict[str, Any] = {"dossier_id": dossier.id, "callback_requested_at": None,
                           "callback_note": None, "shared": []}
    if dossier.client_id is None:
        return out
    profile = _profile_row(dossier.client_id)
    if profile is not None and profile.callback_requested_at is not None:
        out["callback_requested_at"] = profile.callback_requested_at
        out["callback_note"] = decrypt_text(profile.callback_note,
                                            profile_aad(profile, "callback_note"))
    shared = [i for i in _results(dossier.client_id).values() if i["test"].shared_at]
    out["shared"] = [_shared_result(i) for i in reversed(shared)]
    return out


def staff_summaries(staff: User) -> list[dict[str, Any]]:
    """Per linked dossier of the staff member: the call-back request and shared results."""
    dossiers = dict(db.session.execute(select(Dossier.client_id, Dossier.id).where(
        Dossier.staff_id == staff.id, Dossier.client_id.is_not(None))).all())
    if not dossiers:
        return []
    callbacks = dict(db.session.execute(select(
        RecoveryProfile.user_id, RecoveryProfile.callback_requested_at).where(
        RecoveryProfile.user_id.in_(dossiers))).all())
    shared = {user_id: (count, last) for user_id, count, last in db.session.execute(
        select(RecoveryTest.owner_id, func.count(), func.max(RecoveryTest.shared_at))
        .where(RecoveryTest.owner_id.in_(dossiers), RecoveryTest.shared_at.is_not(None))
        .group_by(RecoveryTest.owner_id))}
    return [{"dossier_id": dossier_id, "callback_requested_at": callbacks.get(user_id),
             "shared_results": shared.get(user_id, (0, None))[0],
             "last_shared_at": shared.get(user_id, (0, None))[1]}
            for user_id, dossier_id in dossiers.items()]


def staff_clear_callback(staff: User, dossier_id: uuid.UUID) -> None:
    """Staff called back: the request is done. :raise NotFound: not their dossier"""
    dossier = staff_dossier(staff, dossier_id, lock=True)
    if dossier.client_id is not None:
        clear_callback(dossier.client_id)


# -- the reminder ------------------------------------------------------------------------------


def due_for_a_test(now: datetime) -> dict[int, int]:
    """{user id: 1} for people whose chosen reminder is due today and who were not reminded
    for that due date yet (at most one reminder per due date; a new test moves it on)."""
    rows = db.session.execute(
        select(RecoveryProfile.user_id, RecoveryProfile.reminder, func.max(RecoveryTest.taken_at),
               ReminderState.last_at)
        .join(RecoveryTest, RecoveryTest.owner_id == RecoveryProfile.user_id)
        .outerjoin(ReminderState, (ReminderState.user_id == RecoveryProfile.user_id)
                   & (ReminderState.topic == REMINDER_TOPIC))
        .where(RecoveryProfile.reminder.is_not(None))
        .group_by(RecoveryProfile.user_id, RecoveryProfile.reminder, ReminderState.last_at))
    today = now.astimezone(UTC).date()
    due: dict[int, int] = {}
    for user_id, reminder, last_test, reminded in rows:
        day = date.fromisoformat(rules.due_date(RULES, reminder, last_test.isoformat()))
        if day <= today and (reminded is None
                             or reminded < datetime.combine(day, time(), UTC)):
            due[user_id] = 1
    return due


def reminder_text(_count: int) -> str:
    return TEXTS["reminder"]["push"]["nl"]


# `every` is zero: due_for_a_test itself allows one per due date, and quiet hours only delay it.
NEXT_TEST_REMINDER = Reminder(kind=PUSH_KIND, topic=REMINDER_TOPIC, view=PUSH_VIEW,
                              due=due_for_a_test, text=reminder_text, every=timedelta(0))


# -- the organisation's figures ----------------------------------------------------------------


def _count(n: int) -> str:
    return str(n) if n >= SMALL_COUNT else f"<{SMALL_COUNT}"


def stats(now: datetime | None = None) -> dict[str, Any]:
    """Figures without personal data: how many people took 1, 2, 3 and 4+ tests, the median
    days between tests, how many chose a reminder, how many reminders were followed by a test
    within 7 days. Every count under 10 is "<10" (as is a median over fewer than 10 gaps)."""
    per_person: dict[int, list[datetime]] = {}
    for owner, taken in db.session.execute(select(RecoveryTest.owner_id, RecoveryTest.taken_at)
                                           .order_by(RecoveryTest.taken_at)):
        per_person.setdefault(owner, []).append(taken)
    buckets = {"1": 0, "2": 0, "3": 0, "4+": 0}
    gaps: list[float] = []
    for moments in per_person.values():
        buckets["4+" if len(moments) >= 4 else str(len(moments))] += 1
        gaps += [(b - a).total_seconds() / 86400 for a, b in zip(moments, moments[1:],
                                                                  strict=False)]
    chose = db.session.scalar(select(func.count()).select_from(RecoveryProfile).where(
        RecoveryProfile.reminder.is_not(None), RecoveryProfile.user_id.in_(per_person))) or 0
    sent = db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.kind == PUSH_KIND, Notification.topic == REMINDER_TOPIC)) or 0
    followed = db.session.scalar(select(func.count()).select_from(RecoveryTest).where(
        RecoveryTest.after_reminder.is_(True))) or 0
    return {
        "people": _count(len(per_person)),
        "tests": {key: _count(n) for key, n in buckets.items()},
        "median_days_between_tests": (f"{statistics.median(gaps):.1f}"
                                      if len(gaps) >= SMALL_COUNT else f"<{SMALL_COUNT} gaps"),
        "chose_a_reminder": _count(chose),
        "reminders_sent": _count(sent),
        "reminders_followed_within_7_days": _count(followed),
    }
