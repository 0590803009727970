"""The push kinds and reminders the domains declare; create_app registers them from each
domain's `Domain` (api/domain.py). The push layer names no domain: it reads these.
"""

from __future__ import annotations

from api.domain import Reminder

_kinds: dict[str, None] = {}  # a dict keeps the order the domains were listed in
_reminders: dict[str, Reminder] = {}  # by topic


def register_kind(kind: str) -> None:
    _kinds[kind] = None


def kinds() -> tuple[str, ...]:
    """Every kind of notification a person can switch on or off, in the domains' order."""
    return tuple(_kinds)


def register_reminder(reminder: Reminder) -> None:
    """Registering a reminder with the same pace key (by default its topic) again replaces it."""
    if reminder.kind not in _kinds:
        raise ValueError(f"reminder {reminder.topic!r}: register its kind {reminder.kind!r} first")
    _reminders[reminder.pace_key or reminder.topic] = reminder


def unregister_reminder(reminder: Reminder) -> None:
    if _reminders.get(reminder.pace_key or reminder.topic) is reminder:
        del _reminders[reminder.pace_key or reminder.topic]


def reminders() -> tuple[Reminder, ...]:
    return tuple(_reminders.values())
