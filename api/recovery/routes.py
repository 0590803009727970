"""Recovery meter endpoints: /api/recovery/... for the client (only clients take tests), the
instruments for anyone, and /api/staff/recovery/... for the contact person.

Another person's test is 404, exactly like one that does not exist. The service raises the
domain errors; api/errors.py answers them and rolls back.
"""

from __future__ import annotations

import uuid

from flask import Response
from flask_jwt_extended import current_user

from api.content.recovery import INSTRUMENTS, TEXTS
from api.db import db
from api.recovery import pdf, service
from api.smorest import Blueprint
from schemas.recovery import (
    CallbackSchema,
    CallbackStateSchema,
    InstrumentsSchema,
    ProfileSchema,
    ProfileUpdateSchema,
    SelfTestCreateSchema,
    SelfTestSchema,
    SelfTestUpdateSchema,
    StaffRecoverySchema,
    StaffRecoverySummarySchema,
    SummaryArgsSchema,
)

blp = Blueprint("recovery", __name__, url_prefix="/api",
                description="The recovery meter (Herstelmeter): self-tests and their trend")
client_only = blp.login_required(roles=["client"])
staff_only = blp.login_required(roles=["staff"])


def _me() -> int:
    return current_user.id


@blp.get("/recovery/instruments")
@blp.response(200, InstrumentsSchema)
def instruments():
    """The instruments (questions, answer options, time window, source and licence), every
    text around them, and the scoring rules; no login needed. The phone scores and explains a
    test from these same data, offline."""
    return {"version": service.RULES["version"], "rules": service.SERVED_RULES,
            "instruments": INSTRUMENTS, "texts": TEXTS}


@blp.get("/recovery/profile")
@client_only
@blp.response(200, ProfileSchema)
def get_profile():
    """When it happened (or why there is no date), your reminder and when it is next due"""
    return service.profile_dict(_me())


@blp.put("/recovery/profile")
@client_only
@blp.arguments(ProfileUpdateSchema)
@blp.response(200, ProfileSchema)
def put_profile(body: dict):
    """Set the date it happened and your reminder; fields you leave out stay as they are"""
    service.update_profile(_me(), body)
    db.session.commit()
    return service.profile_dict(_me())


@blp.get("/recovery/tests")
@client_only
@blp.response(200, SelfTestSchema(many=True))
def list_tests():
    """Your self-tests with their results, oldest first: the trend"""
    return service.list_tests(_me())


@blp.post("/recovery/tests")
@client_only
@blp.arguments(SelfTestCreateSchema)
@blp.response(201, SelfTestSchema)
@blp.alt_response(200, schema=SelfTestSchema,
                  description="The same test (id, moment and answers) was saved before")
def create_test(body: dict):
    """Save a self-test taken on your phone; the result is scored with the published rules.
    An answer out of range is 422 naming the item (`answers.phq4.2` is PHQ-4's third)."""
    test, created = service.save_test(_me(), body.pop("id", None), body)
    db.session.commit()
    return service.get_test(_me(), test.id), 201 if created else 200


@blp.get("/recovery/tests/<uuid:test_id>")
@client_only
@blp.response(200, SelfTestSchema)
def get_test(test_id: uuid.UUID):
    """One self-test with its result"""
    return service.get_test(_me(), test_id)


@blp.patch("/recovery/tests/<uuid:test_id>")
@client_only
@blp.arguments(SelfTestUpdateSchema)
@blp.response(200, SelfTestSchema)
def update_test(body: dict, test_id: uuid.UUID):
    """Share this result's bands (not your answers) with your contact person, or stop sharing"""
    service.set_shared(_me(), test_id, body["shared"])
    db.session.commit()
    return service.get_test(_me(), test_id)


@blp.delete("/recovery/tests/<uuid:test_id>")
@client_only
@blp.response(204)
def delete_test(test_id: uuid.UUID):
    """Delete a self-test for good"""
    service.delete_test(_me(), test_id)
    db.session.commit()


@blp.get("/recovery/summary.pdf")
@client_only
@blp.arguments(SummaryArgsSchema, location="query")
@blp.response(200, description="A one-page PDF: dates, instruments, scores and bands")
def summary_pdf(args: dict):
    """A summary of your trend for your huisarts (no answers, no notes)"""
    data = pdf.export(_me(), args["lang"])
    return Response(data, mimetype="application/pdf", headers={
        "Cache-Control": "no-store",
        "Content-Disposition": 'attachment; filename="houvast-herstelmeter.pdf"'})


@blp.post("/recovery/callback")
@client_only
@blp.arguments(CallbackSchema)
@blp.response(200, CallbackStateSchema)
def request_callback(body: dict):
    """Ask your contact person to call you back ("Bel mij terug"); 404 without a dossier"""
    profile = service.request_callback(_me(), body["note"])
    db.session.commit()
    return {"callback_requested_at": profile.callback_requested_at}


@blp.delete("/recovery/callback")
@client_only
@blp.response(204)
def cancel_callback():
    """Take back your call-back request (nothing to take back is fine)"""
    service.clear_callback(_me())
    db.session.commit()


@blp.get("/staff/recovery")
@staff_only
@blp.response(200, StaffRecoverySummarySchema(many=True))
def staff_summaries():
    """Per linked dossier of yours: a call-back request and how many results were shared"""
    return service.staff_summaries(current_user)


@blp.get("/staff/dossiers/<uuid:dossier_id>/recovery")
@staff_only
@blp.response(200, StaffRecoverySchema)
def staff_recovery(dossier_id: uuid.UUID):
    """The call-back request and the results the client shared with you (bands only)"""
    return service.staff_recovery(current_user, dossier_id)


@blp.delete("/staff/dossiers/<uuid:dossier_id>/recovery/callback")
@staff_only
@blp.response(204)
def staff_clear_callback(dossier_id: uuid.UUID):
    """You called the client back: the request is done"""
    service.staff_clear_callback(current_user, dossier_id)
    db.session.commit()
