"""What a domain is made of, and the errors its rules raise.

A domain (the logbook, the dossier, later the recovery meter) is a package under api/ with a
`domain.py` that builds one `Domain`: its blueprints, commands, sync entities, push kinds,
reminders and models. `api/domains.py` lists the domains once; `create_app` wires what each
declares. Nothing here imports Flask: services raise these errors, and one handler in
api/errors.py turns them into the JSON error shape (and rolls the transaction back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

from marshmallow import ValidationError

if TYPE_CHECKING:
    import click
    from flask_smorest import Blueprint

    from api.sync.registry import SyncEntity


# --- errors ---------------------------------------------------------------------------------


class DomainError(Exception):
    """A rule said no. `message` is for a person (None: the status's default message);
    `errors` maps field names to messages."""

    status: ClassVar[int] = 400

    def __init__(self, message: str | None = None, errors: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message or type(self).__name__)
        self.message = message
        self.errors: dict[str, Any] = dict(errors or {})
        self.headers: dict[str, str] = dict(headers or {})


class NotFound(DomainError):
    """Missing, or not the caller's: never says which (others get 404, not 403)."""

    status = 404


class Forbidden(DomainError):
    status = 403


class Conflict(DomainError):
    """A stale base version, or a state that excludes the change. `version` is the server's
    current version when there is one (the sync sends the current record with it)."""

    status = 409

    def __init__(self, message: str | None = None, errors: Mapping[str, Any] | None = None,
                 *, version: int | None = None) -> None:
        super().__init__(message, errors)
        self.version = version


class Gone(DomainError):
    status = 410


class TooLarge(DomainError):
    status = 413


class Unsupported(DomainError):
    """A type of file or content that is not accepted."""

    status = 415


class Invalid(DomainError, ValidationError):
    """Field values break a rule: 422 with `errors` naming every field.

    Also a marshmallow ValidationError, so a schema's errors and a rule's errors are one kind
    for callers (the sync answers both as a rejected mutation).
    """

    status = 422

    def __init__(self, errors: Mapping[str, Any], message: str | None = None) -> None:
        DomainError.__init__(self, message, errors)  # through the MRO, a ValidationError too
        ValidationError.__init__(self, dict(errors))  # so `messages` are the field messages


# --- what a domain declares -------------------------------------------------------------------


# Whom a reminder is for: a person (one message for all that waits), or a person and one item
# of theirs (a message per item, e.g. per task: its own push topic and its own pace).
ReminderKey = int | tuple[int, str]


@dataclass(frozen=True)
class Reminder:
    """A push reminder a domain offers, sent by `flask push send-due` and the dispatcher.

    `due(now)` -> {key: count} of what is waiting now. A key is a user id (e.g. open tasks
    older than 3 days: one message with the count) or `(user id, item)`, where the item is a
    short URL-safe name: then the push topic is `topic-item` (a newer message about the item
    replaces the older on the device) and the pace is kept per item. `text(count)` is the
    detailed wording, shown only to people who chose detailed notifications (everyone else sees
    the discreet default). At most one reminder per key per `every`, never in quiet hours.
    Reminders that share a `topic` keep their pace apart by their `pace_key` (default: the
    topic), e.g. a week and a day before a due date.
    """

    kind: str  # the push kind a person can switch off (one of the domain's push_kinds)
    topic: str  # a newer message with the same topic replaces the older on the device
    view: str  # the PWA route the notification opens
    due: Callable[[datetime], Mapping[ReminderKey, int]]
    text: Callable[[int], str]
    every: timedelta
    pace_key: str = ""

    def keys(self, key: ReminderKey) -> tuple[int, str, str]:
        """-> (user id, push topic, the key its pace is kept under)."""
        if isinstance(key, int):
            return key, self.topic, self.pace_key or self.topic
        user_id, item = key
        return user_id, f"{self.topic}-{item}", f"{self.pace_key or self.topic}-{item}"


@dataclass(frozen=True)
class Domain:
    name: str
    blueprints: tuple[Blueprint, ...] = ()
    commands: tuple[click.Command, ...] = ()
    sync_entities: tuple[SyncEntity, ...] = ()
    push_kinds: tuple[str, ...] = ()  # kinds of notification a person can switch on or off
    reminders: tuple[Reminder, ...] = ()
    # (user) -> None, run in the transaction of each of that person's sync requests, after
    # their mutations (e.g. to note when a helper's phone last synced)
    on_sync: tuple[Callable[[Any], None], ...] = ()
    # (user) -> None, run in the transaction that deletes that person's account, before the
    # row goes (api/auth/erasure.py): tell the people on the other side of what cascades away
    on_erase: tuple[Callable[[Any], None], ...] = ()
    # (user, lang) -> (path, content) one file at a time: what the domain adds to the person's
    # "Download al mijn gegevens" beyond its sync records, e.g. a logbook's PDF and photos
    # (api/export/service.py: content is bytes, a JSON value or an iterator of JSON values;
    # read ids first, then each file in its own short read)
    exports: tuple[Callable[[Any], Any], ...] = ()
    models: tuple[ModuleType, ...] = field(default=())  # imported: the schema sees their tables
