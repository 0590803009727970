"""Web push rules: subscriptions, preferences, the outbox, and what the dispatcher records.

Other domains call `notify(...)` inside their own transaction; it only adds an outbox row, so a
notification exists exactly when the change that caused it was committed. Nothing here commits:
the caller (a route, or api/notifications/dispatch.py for the dispatcher) owns the transaction.

The dispatcher works in three steps so no transaction stays open while it waits on the network:
`claim_due` (lease due rows to this dispatcher), `plan` (preferences, quiet hours, one delivery
per device -> jobs), then, after push/dispatcher.py has sent the jobs, `apply` (record results,
delete subscriptions the push service called gone, schedule retries).
"""

from __future__ import annotations

import base64
import binascii
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from sqlalchemy import delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from api import crypto
from api.db import db, utcnow
from api.domain import Invalid, NotFound
from api.notifications import registry
from api.notifications.models import (
    Delivery,
    Notification,
    Preference,
    ReminderState,
    Subscription,
    detail_aad,
)
from push import payload, rules
from push.allowlist import endpoint_problem
from push.dispatcher import Job, Result

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # a claimed row is due again if its dispatcher died meanwhile
UNUSED_FOR = timedelta(days=60)
KEEP_RECORDS = timedelta(days=90)
BAD_SUBSCRIPTION = "This push subscription cannot be used. See 'errors'."


# --- the outbox API for other domains ----------------------------------------------------------

def notify(user_id: int, kind: str, view: str, detail: dict | None = None,
           topic: str | None = None, urgency: str = "normal", ttl: int = 86400) -> None:
    """Queue a push notification for every device of `user_id`, in the current transaction.

    `view` is the PWA route the notification opens. `detail` ({"title", "body"}) is stored
    encrypted and shown only to people who chose detailed notifications; everyone else sees
    "Houvast — Er is iets nieuws voor je". `topic` (default: the kind) lets a newer message
    replace an older one with the same topic on the device.

    :raise ValueError: unknown kind or urgency, a topic that is not 1..32 URL-safe base64
        characters, a TTL outside 1 s..28 days, or a view that is not a path
    """
    topic = topic or kind
    if kind not in registry.kinds():
        raise ValueError(f"kind must be one of {registry.kinds()}")
    if urgency not in payload.URGENCIES:
        raise ValueError(f"urgency must be one of {payload.URGENCIES}")
    if not payload.TOPIC.fullmatch(topic):
        raise ValueError("topic must be 1..32 characters from A-Z a-z 0-9 - _")
    if not 0 < ttl <= payload.MAX_TTL:
        raise ValueError("ttl must be between 1 second and 28 days")
    if not view.startswith("/") or len(view) > 200:
        raise ValueError("view must be a path like '/dossier'")
    row = Notification(id=uuid.uuid4(), user_id=user_id, kind=kind, view=view, topic=topic,
                       urgency=urgency, ttl=ttl, status="pending", expanded=False,
                       not_before=utcnow(), created_at=utcnow())
    if detail:
        text = {key: str(detail[key]) for key in ("title", "body") if detail.get(key)}
        row.detail = crypto.encrypt_json(text, detail_aad(row))
    db.session.add(row)


# --- subscriptions ------------------------------------------------------------------------------

def _b64decode(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def validate_subscription(endpoint: str, p256dh: str, auth: str) -> None:
    """:raise Invalid: with a message per wrong field"""
    errors: dict[str, Any] = {}
    problem = endpoint_problem(endpoint, current_app.config["PUSH_ALLOWED_HOSTS"])
    if problem:
        errors["endpoint"] = [problem]
    keys: dict[str, list[str]] = {}
    try:
        point = _b64decode(p256dh)
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
        if len(point) != 65:
            raise ValueError
    except (ValueError, binascii.Error):
        keys["p256dh"] = ["p256dh must be a URL-safe base64 uncompressed P-256 public key "
                          "(65 bytes)."]
    try:
        if len(_b64decode(auth)) != 16:
            raise ValueError
    except (ValueError, binascii.Error):
        keys["auth"] = ["auth must be a URL-safe base64 secret of 16 bytes."]
    if keys:
        errors["keys"] = keys
    if errors:
        raise Invalid(errors, BAD_SUBSCRIPTION)


def subscribe(user_id: int, endpoint: str, p256dh: str, auth: str,
              expires_at: datetime | None = None,
              session_id: uuid.UUID | None = None) -> tuple[Subscription, bool]:
    """Save this device's subscription; -> (subscription, created).

    Idempotent per endpoint. An endpoint belongs to one person: subscribing it again under
    another account moves it (the device changed hands or accounts).

    :raise Invalid: endpoint not allowed or keys not valid
    """
    validate_subscription(endpoint, p256dh, auth)
    now = utcnow()
    find = select(Subscription).where(Subscription.endpoint == endpoint)
    sub = db.session.scalar(find)
    created = sub is None
    if sub is None:
        try:
            with db.session.begin_nested():
                sub = Subscription(endpoint=endpoint, user_id=user_id, p256dh=p256dh,
                                   auth=auth, created_at=now, last_used_at=now)
                db.session.add(sub)
        except IntegrityError:  # the same device subscribed at the same moment
            sub, created = db.session.scalars(find).one(), False
    sub.user_id, sub.session_id = user_id, session_id
    sub.p256dh, sub.auth, sub.expires_at, sub.last_used_at = p256dh, auth, expires_at, now
    db.session.flush()
    return sub, created


def forget_session(session_id: uuid.UUID) -> int:
    """Remove the subscriptions made during this login (at logout); -> how many."""
    result = db.session.execute(delete(Subscription).where(
        Subscription.session_id == session_id))
    return result.rowcount or 0


def forget_devices(user_id: int) -> int:
    """Remove every subscription of the person (all their sessions ended); -> how many."""
    result = db.session.execute(delete(Subscription).where(Subscription.user_id == user_id))
    return result.rowcount or 0


def unsubscribe(user_id: int, endpoint: str) -> None:
    """Delete this person's subscription for `endpoint`. :raise NotFound: there is none"""
    result = db.session.execute(delete(Subscription).where(
        Subscription.endpoint == endpoint, Subscription.user_id == user_id))
    if result.rowcount != 1:
        raise NotFound("This device has no push subscription.")


# --- preferences --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Preferences:
    kinds: dict[str, bool]
    quiet: tuple[time, time] | None
    timezone: str
    detailed: bool

    def wants(self, kind: str) -> bool:
        return self.kinds.get(kind, True)

    def as_dict(self) -> dict[str, Any]:
        quiet = None if self.quiet is None else {"start": self.quiet[0], "end": self.quiet[1]}
        return {"kinds": {kind: self.wants(kind) for kind in registry.kinds()},
                "quiet_hours": quiet,
                "timezone": self.timezone, "detailed": self.detailed}


DEFAULTS = Preferences({}, rules.DEFAULT_QUIET, rules.DEFAULT_ZONE, detailed=False)


def _from_row(row: Preference | None) -> Preferences:
    if row is None:
        return DEFAULTS
    quiet = None if row.quiet_start is None or row.quiet_end is None else (
        row.quiet_start, row.quiet_end)
    return Preferences(dict(row.kinds or {}), quiet, row.timezone, row.detailed)


def preferences(user_ids: Iterable[int]) -> dict[int, Preferences]:
    ids = set(user_ids)
    rows = db.session.scalars(select(Preference).where(Preference.user_id.in_(ids))).all()
    found = {row.user_id: _from_row(row) for row in rows}
    return {user_id: found.get(user_id, DEFAULTS) for user_id in ids}


def get_preferences(user_id: int) -> dict[str, Any]:
    return preferences([user_id])[user_id].as_dict()


def set_preferences(user_id: int, kinds: dict[str, bool], quiet_hours: dict[str, time] | None,
                    detailed: bool, timezone: str | None = None) -> dict[str, Any]:
    """Replace the preferences; kinds not named stay as they were.

    :raise Invalid: an unknown time zone, or a kind no domain declares
    """
    unknown = sorted(set(kinds) - set(registry.kinds()))
    if unknown:
        raise Invalid({"kinds": {kind: ["Unknown field."] for kind in unknown}})
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise Invalid({"timezone": ["Unknown time zone."]}, "Unknown time zone.") from exc
    row = db.session.get(Preference, user_id)
    if row is None:
        row = Preference(user_id=user_id, kinds={}, timezone=rules.DEFAULT_ZONE)
        db.session.add(row)
    row.kinds = {**(row.kinds or {}), **kinds}
    row.quiet_start = quiet_hours["start"] if quiet_hours else None
    row.quiet_end = quiet_hours["end"] if quiet_hours else None
    row.detailed = detailed
    row.timezone = timezone or row.timezone
    db.session.flush()
    return _from_row(row).as_dict()


# --- the dispatcher's three steps ---------------------------------------------------------------

def claim_due(now: datetime, token: str, limit: int = 500) -> list[uuid.UUID]:
    """Lease up to `limit` due outbox rows to the dispatcher named `token`."""
    due = (select(Notification.id)
           .where(Notification.status == "pending", Notification.not_before <= now)
           .order_by(Notification.not_before).limit(limit))
    ids = list(db.session.scalars(due))
    if not ids:
        return []
    # The WHERE is checked again under the row lock, so two dispatchers never both win a row.
    db.session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), Notification.status == "pending",
               Notification.not_before <= now)
        .values(not_before=now + LEASE, claim=token),
        execution_options={"synchronize_session": False})
    return list(db.session.scalars(select(Notification.id).where(
        Notification.id.in_(ids), Notification.claim == token)))


def _settle(row: Notification) -> None:
    """Done when no delivery waits any more; otherwise due again at the earliest retry."""
    waiting = [d.next_attempt_at for d in row.deliveries if d.status == "pending"]
    row.claim = None
    if waiting:
        row.not_before = min(waiting)
    else:
        row.status = "done"


def plan(ids: list[uuid.UUID], now: datetime) -> list[Job]:
    """Apply preferences and quiet hours to claimed rows; -> the messages to send now."""
    rows = db.session.scalars(
        select(Notification).where(Notification.id.in_(ids))
        .options(selectinload(Notification.deliveries).selectinload(Delivery.subscription))
        # another process may have changed them since this session last loaded them
        .execution_options(populate_existing=True)
    ).all()
    prefs = preferences(row.user_id for row in rows)
    sending: list[Notification] = []
    for row in rows:
        pref = prefs[row.user_id]
        if not pref.wants(row.kind):
            row.status, row.claim = "skipped", None
            continue
        quiet_end = rules.quiet_until(now, pref.quiet, pref.timezone)
        if quiet_end is not None:
            row.not_before, row.claim = quiet_end, None
            continue
        sending.append(row)
    _expand([row for row in sending if not row.expanded], now)
    jobs: list[Job] = []
    for row in sending:
        detail = None
        if prefs[row.user_id].detailed and row.detail is not None:
            try:
                detail = crypto.decrypt_json(row.detail, detail_aad(row))
            except crypto.DecryptionError:  # e.g. its key was removed: send it discreetly
                log.warning("push: detail of outbox row %s does not decrypt", row.id)
        body = payload.build(row.kind, row.view, row.topic, detail)
        due = [d for d in row.deliveries if d.status == "pending" and d.next_attempt_at <= now]
        for delivery in due:
            sub = delivery.subscription
            if sub is None:  # removed since (gone, unsubscribed, pruned)
                delivery.status = "gone"
                continue
            jobs.append(Job(delivery.id, sub.endpoint, sub.p256dh, sub.auth, body, row.ttl,
                            row.urgency, row.topic))
        if not any(d.status == "pending" and d.next_attempt_at <= now for d in row.deliveries):
            _settle(row)
    db.session.flush()
    return jobs


def _expand(rows: list[Notification], now: datetime) -> None:
    """One delivery per device the person has subscribed (none: nothing to send, no error)."""
    if not rows:
        return
    devices: dict[int, list[Subscription]] = {}
    for sub in db.session.scalars(select(Subscription).where(
            Subscription.user_id.in_({row.user_id for row in rows}))):
        devices.setdefault(sub.user_id, []).append(sub)
    for row in rows:
        for sub in devices.get(row.user_id, ()):
            row.deliveries.append(Delivery(subscription=sub, status="pending", attempts=0,
                                           next_attempt_at=now))
        row.expanded = True
    db.session.flush()


def apply(results: list[Result], now: datetime) -> None:
    """Record what the push services answered and schedule what must be tried again."""
    if not results:
        return
    deliveries = {d.id: d for d in db.session.scalars(
        select(Delivery).where(Delivery.id.in_([r.delivery_id for r in results]))
        .options(selectinload(Delivery.notification).selectinload(Notification.deliveries),
                 selectinload(Delivery.subscription)))}
    gone: set[int] = set()
    for result in results:
        delivery = deliveries[result.delivery_id]
        status = result.status
        if result.error == "deferred":  # not attempted: the origin asked us to wait
            delivery.next_attempt_at = _at(result.retry_at, now)
            continue
        delivery.attempts += 1
        delivery.status_code = status
        if status is not None and 200 <= status < 300:
            delivery.status, delivery.sent_at = "sent", now
            if delivery.subscription is not None:
                delivery.subscription.last_used_at = now
        elif status in (404, 410):
            delivery.status = "gone"
            if delivery.subscription_id is not None:
                gone.add(delivery.subscription_id)
        elif status in (401, 403):
            delivery.status = "rejected"  # our configuration is wrong; keep the subscription
        elif delivery.attempts >= rules.MAX_ATTEMPTS:
            delivery.status = "failed"
        elif status == 429:
            delivery.next_attempt_at = _at(result.retry_at, now)
        elif (status is None and result.error != "not-allowed") or (status or 0) >= 500:
            delivery.next_attempt_at = now + rules.retry_delay(delivery.attempts)
        else:  # another 4xx, or an endpoint no longer allowed: trying again will not help
            delivery.status = "failed"
    for delivery in deliveries.values():
        _settle(delivery.notification)
    if gone:
        for delivery in deliveries.values():
            if delivery.subscription_id in gone:
                delivery.subscription = None
        db.session.flush()
        db.session.execute(delete(Subscription).where(Subscription.id.in_(gone)),
                           execution_options={"synchronize_session": False})
    db.session.flush()


def _at(timestamp: float | None, now: datetime) -> datetime:
    return now if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


# --- reminders and housekeeping -----------------------------------------------------------------

def _claim_reminder(user_id: int, topic: str, every: timedelta, now: datetime) -> bool:
    """True when no reminder with `topic` went to `user_id` in the last `every` (and note one)."""
    moved = db.session.execute(
        update(ReminderState)
        .where(ReminderState.user_id == user_id, ReminderState.topic == topic,
               ReminderState.last_at <= now - every)
        .values(last_at=now), execution_options={"synchronize_session": False})
    if moved.rowcount == 1:
        return True
    if db.session.scalar(select(exists().where(ReminderState.user_id == user_id,
                                               ReminderState.topic == topic))):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(ReminderState(user_id=user_id, topic=topic, last_at=now))
    except IntegrityError:  # another dispatcher noted one at the same moment
        return False
    return True


def send_due(now: datetime | None = None) -> int:
    """Queue the domains' reminders (api/domain.py `Reminder`): one message per person (or per
    item of theirs) and reminder for everything waiting (a newer one replaces the older: same
    topic), at most one per `every`, never in quiet hours (a later run sends it), not when the
    person switched the kind off. -> how many were queued."""
    now = now or utcnow()
    queued = 0
    for reminder in registry.reminders():
        due = {reminder.keys(key): count for key, count in reminder.due(now).items()
               if count > 0}
        prefs = preferences({user_id for user_id, _, _ in due})
        for (user_id, topic, pace_key), count in due.items():
            pref = prefs[user_id]
            if not pref.wants(reminder.kind) or rules.quiet_until(now, pref.quiet,
                                                                  pref.timezone):
                continue
            if not _claim_reminder(user_id, pace_key, reminder.every, now):
                continue
            notify(user_id, reminder.kind, reminder.view, topic=topic,
                   detail={"title": payload.DISCREET_TITLE, "body": reminder.text(count)})
            queued += 1
    return queued


def prune(now: datetime | None = None) -> dict[str, int]:
    """Remove subscriptions unused for 60 days (or expired), and records and reminder marks
    older than 90 days (a per-task mark is of no use once its date has passed)."""
    now = now or utcnow()
    subs = db.session.execute(delete(Subscription).where(or_(
        Subscription.last_used_at < now - UNUSED_FOR, Subscription.expires_at < now)),
        execution_options={"synchronize_session": False})
    old = db.session.execute(delete(Notification).where(
        Notification.status != "pending", Notification.created_at < now - KEEP_RECORDS),
        execution_options={"synchronize_session": False})
    db.session.execute(delete(ReminderState).where(ReminderState.last_at < now - KEEP_RECORDS),
                       execution_options={"synchronize_session": False})
    return {"subscriptions": subs.rowcount, "notifications": old.rowcount}
