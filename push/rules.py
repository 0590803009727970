"""Timing rules: quiet hours, retry back-off, and the open-tasks reminder hook.

Quiet hours are wall-clock times in the person's own zone (Europe/Amsterdam by default), so
"21:00–08:00" stays right across daylight-saving changes. A window whose start is later than
its end runs past midnight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Europe/Amsterdam"
DEFAULT_QUIET = (time(21, 0), time(8, 0))

MAX_ATTEMPTS = 6  # then a delivery is marked failed
RETRY_BASE = timedelta(seconds=30)
RETRY_CAP = timedelta(hours=1)

REMINDER_TOPIC = "open-tasks"
REMINDER_AFTER = timedelta(days=3)  # a task open this long is worth a reminder
REMINDER_EVERY = timedelta(days=3)  # at most one reminder per person in this period

OpenTasksCounter = Callable[[], Iterable[tuple[int, int, datetime]]]
_counters: list[OpenTasksCounter] = []


def register_open_tasks_counter(fn: OpenTasksCounter) -> None:
    """Register `fn() -> [(user_id, open task count, oldest open since), ...]` for `send-due`.

    The dossier registers its counter at import; registering the same function twice is a no-op.
    """
    if fn not in _counters:
        _counters.append(fn)


def unregister_open_tasks_counter(fn: OpenTasksCounter) -> None:
    if fn in _counters:
        _counters.remove(fn)


def open_tasks() -> dict[int, tuple[int, datetime]]:
    """{user_id: (open tasks, oldest open since)} summed over every registered counter."""
    totals: dict[int, tuple[int, datetime]] = {}
    for counter in _counters:
        for user_id, count, since in counter():
            if count <= 0:
                continue
            old = totals.get(user_id)
            totals[user_id] = (count, since) if old is None else (old[0] + count,
                                                                  min(old[1], since))
    return totals


def quiet_until(now: datetime, window: tuple[time, time] | None, zone: str) -> datetime | None:
    """When the quiet hours around `now` end (UTC), or None when `now` is not quiet."""
    if window is None or window[0] == window[1]:
        return None
    start, end = window
    local = now.astimezone(ZoneInfo(zone))
    clock = local.time().replace(tzinfo=None)
    quiet = start <= clock < end if start < end else (clock >= start or clock < end)
    if not quiet:
        return None
    day = local.date() if clock < end else local.date() + timedelta(days=1)
    ends = datetime.combine(day, end, tzinfo=ZoneInfo(zone))
    return ends.astimezone(UTC)


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off after `attempts` failed tries: 30 s, 1 min, 2 min, … up to 1 h."""
    return min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_CAP)
