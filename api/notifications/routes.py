"""Web push for the PWA: the server's public key, this device's subscription, preferences."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from flask import current_app
from flask_jwt_extended import current_user, get_jwt

from api.db import db
from api.notifications import service
from api.smorest import Blueprint
from schemas.push import (
    PreferencesSchema,
    SubscriptionOutSchema,
    SubscriptionSchema,
    UnsubscribeSchema,
    VapidKeySchema,
)

blp = Blueprint("push", __name__, url_prefix="/api/push", description="Web push notifications")


@blp.get("/vapid-public-key")
@blp.response(200, VapidKeySchema)
def vapid_public_key():
    """The key the PWA passes to pushManager.subscribe as applicationServerKey"""
    return {"public_key": current_app.config["VAPID_PUBLIC_KEY"]}


@blp.post("/subscriptions")
@blp.login_required()
@blp.arguments(SubscriptionSchema)
@blp.response(201, SubscriptionOutSchema)
@blp.alt_response(200, schema=SubscriptionOutSchema, description="Already subscribed")
def subscribe(data):
    """Subscribe this device (idempotent per endpoint)"""
    expires = data["expiration_time"]
    sub, created = service.subscribe(
        current_user.id, data["endpoint"], data["keys"]["p256dh"], data["keys"]["auth"],
        None if expires is None else datetime.fromtimestamp(expires / 1000, UTC),
        session_id=uuid.UUID(get_jwt()["sid"]))
    db.session.commit()
    return sub, 201 if created else 200


@blp.delete("/subscriptions")
@blp.login_required()
@blp.arguments(UnsubscribeSchema)
@blp.response(204)
def unsubscribe(data):
    """Stop notifications on this device"""
    service.unsubscribe(current_user.id, data["endpoint"])
    db.session.commit()


@blp.get("/preferences")
@blp.login_required()
@blp.response(200, PreferencesSchema)
def get_preferences():
    """Which notifications, quiet hours, discreet or detailed"""
    return service.get_preferences(current_user.id)


@blp.put("/preferences")
@blp.login_required()
@blp.arguments(PreferencesSchema)
@blp.response(200, PreferencesSchema)
def put_preferences(data):
    """Change the notification preferences"""
    prefs = service.set_preferences(current_user.id, **data)
    db.session.commit()
    return prefs
