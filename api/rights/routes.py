"""Rights endpoints: /api/rights/... The questions and every right's words for anyone (the
phone works out which rights apply offline from them); the situation, the rights that apply and
the choices for the client; the contact person's suggestions for staff.

Only clients have a situation (403 for helpers and staff, as for the recovery meter). The
service raises the domain errors; api/errors.py answers them and rolls back.
"""

from __future__ import annotations

import uuid

from flask_jwt_extended import current_user

from api.content.contacts import CONTACTS
from api.content.rights import ASK, FLAGS, QUESTIONS, RIGHTS, TEXTS
from api.db import db
from api.rights import service
from api.smorest import Blueprint
from schemas.rights import (
    ChoiceSchema,
    RightSchema,
    RightsContentSchema,
    SituationSchema,
    SituationUpdateSchema,
    SuggestionCreateSchema,
    SuggestionSchema,
)

blp = Blueprint("rights", __name__, url_prefix="/api",
                description="Hulp bij mijn strafzaak: the rights that fit your situation")
client_only = blp.login_required(roles=["client"])
staff_only = blp.login_required(roles=["staff"])


def _me() -> int:
    return current_user.id


@blp.get("/rights/questions")
@blp.response(200, RightsContentSchema)
def questions():
    """The situation's questions, every right's words (explanation, to-dos, source), the
    contacts and the decision rules; no login needed. The phone asks the questions and works out
    which rights apply from these same data, offline."""
    return {"version": service.RULES["version"], "rules": service.SERVED_RULES,
            "questions": QUESTIONS, "rights": RIGHTS, "asks": ASK, "flags": FLAGS,
            "texts": TEXTS, "contacts": CONTACTS}


@blp.get("/rights/situation")
@client_only
@blp.response(200, SituationSchema)
def get_situation():
    """Your answers (null: weet ik niet) and your choice per right"""
    return service.situation_dict(_me())


@blp.put("/rights/situation")
@client_only
@blp.arguments(SituationUpdateSchema)
@blp.response(200, SituationSchema)
def put_situation(body: dict):
    """Answer or change questions; the ones you leave out stay as they are. Answers that cannot
    all be true (a hearing planned, but no report) are a 422 naming the fields."""
    service.update_situation(_me(), body)
    db.session.commit()
    return service.situation_dict(_me())


@blp.get("/rights")
@client_only
@blp.response(200, RightSchema(many=True))
def list_rights():
    """The rights that fit your situation today ("yes") or may fit ("maybe", with what to find
    out), with their deadline computed from your dates and your choice"""
    return service.rights_for(_me())


@blp.put("/rights/choice")
@client_only
@blp.arguments(ChoiceSchema)
@blp.response(200, SituationSchema)
def put_choice(body: dict):
    """Zet op mijn lijst, Later or Niet voor mij for one right; you can change it any time"""
    service.set_choice(_me(), body["right"], body["choice"])
    db.session.commit()
    return service.situation_dict(_me())


@blp.get("/staff/dossiers/<uuid:dossier_id>/rights-suggestions")
@staff_only
@blp.response(200, SuggestionSchema(many=True))
def list_suggestions(dossier_id: uuid.UUID):
    """The rights you suggested to this dossier's client (never their choice)"""
    return service.staff_suggestions(current_user, dossier_id)


@blp.post("/staff/dossiers/<uuid:dossier_id>/rights-suggestions")
@staff_only
@blp.arguments(SuggestionCreateSchema)
@blp.response(201, SuggestionSchema)
def suggest(body: dict, dossier_id: uuid.UUID):
    """Suggest a right to the client: it shows as your suggestion, and the client decides"""
    row = service.suggest(current_user, dossier_id, body["right"])
    db.session.commit()
    return service.suggestion_dict(row)


@blp.delete("/staff/dossiers/<uuid:dossier_id>/rights-suggestions/<uuid:suggestion_id>")
@staff_only
@blp.response(204)
def withdraw(dossier_id: uuid.UUID, suggestion_id: uuid.UUID):
    """Withdraw a suggestion"""
    service.withdraw(current_user, dossier_id, suggestion_id)
    db.session.commit()
