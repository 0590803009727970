"""Web push for the PWA (subscriptions, preferences, the outbox and its dispatcher): what it
brings to the app (see api/domain.py). The kinds and reminders come from the other domains."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from api.auth.models import User
from api.db import db
from api.domain import Domain
from api.notifications import cli, models, routes, service


def export_notifications(user: User, _lang: str) -> Iterator[tuple[str, Any]]:
    """For the person's export: their notification choices and the devices that get them
    (when subscribed and last used; not the push address, which is the device's key)."""
    devices = db.session.scalars(select(models.Subscription).where(
        models.Subscription.user_id == user.id).order_by(models.Subscription.created_at)).all()
    yield "notifications.json", {
        "preferences": service.get_preferences(user.id),
        "devices": [{"subscribed_at": found.created_at, "last_used_at": found.last_used_at,
                     "expires_at": found.expires_at} for found in devices],
    }


domain = Domain(
    name="notifications",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    exports=(export_notifications,),
    models=(models,),
)
