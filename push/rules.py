"""Timing rules: quiet hours and retry back-off.

Quiet hours are wall-clock times in the person's own zone (Europe/Amsterdam by default), so
"21:00–08:00" stays right across daylight-saving changes. A window whose start is later than
its end runs past midnight.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Europe/Amsterdam"
DEFAULT_QUIET = (time(21, 0), time(8, 0))

MAX_ATTEMPTS = 6  # then a delivery is marked failed
RETRY_BASE = timedelta(seconds=30)
RETRY_CAP = timedelta(hours=1)

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
