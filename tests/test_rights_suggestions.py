"""The contact person suggests a right; the client sees it as a suggestion with their name and
decides. Staff never see the client's answers or choices; a client cannot suggest through sync."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from api.db import db
from api.notifications.models import Notification
from tests.factories import assert_error, make_client, make_dossier, sync, sync_mutation


def suggest(staff, dossier_id, right="R13"):
    return staff.post(f"/api/staff/dossiers/{dossier_id}/rights-suggestions",
                      json={"right": right}, headers=staff.csrf)


def client_rights(client) -> dict[str, dict]:
    return {r["id"]: r for r in client.get("/api/rights").get_json()}


def test_a_suggestion_shows_with_the_contacts_name_and_the_client_decides(
        staff, auth_client, app, make_user) -> None:
    dossier = make_dossier(staff, contact_name="Sanne")
    auth_client.post("/api/dossier/link", json={"code": dossier["invite_code"]},
                     headers=auth_client.csrf)
    auth_client.put("/api/rights/situation", json={"suspect": "onbekend"},
                    headers=auth_client.csrf)  # so R13 (needs a known suspect) does not fit
    created = suggest(staff, dossier["id"])
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["right"] == "R13"

    found = client_rights(auth_client)
    assert found["R13"]["suggested_by"] == "Sanne"
    assert found["R13"]["applies"] == "no"  # the answers say it does not fit: still shown
    assert found["R13"]["choice"] is None  # nothing is chosen for the client
    assert found["R07"]["suggested_by"] is None
    kinds = [n.kind for n in db.session.scalars(
        select(Notification).where(Notification.user_id == auth_client.user.id))]
    assert kinds == ["dossier"]

    assert_error(suggest(staff, dossier["id"]), 409)  # once
    listed = staff.get(f"/api/staff/dossiers/{dossier['id']}/rights-suggestions").get_json()
    assert [s["right"] for s in listed] == ["R13"]
    assert "choice" not in str(listed)

    other = make_client(app, make_user("staff"))
    assert_error(suggest(other, dossier["id"]), 404)
    assert_error(other.delete(f"/api/staff/dossiers/{dossier['id']}/rights-suggestions/"
                              f"{created.get_json()['id']}", headers=other.csrf), 404)

    gone = staff.delete(f"/api/staff/dossiers/{dossier['id']}/rights-suggestions/"
                        f"{created.get_json()['id']}", headers=staff.csrf)
    assert gone.status_code == 204
    assert "R13" not in client_rights(auth_client)
    assert suggest(staff, dossier["id"]).status_code == 201  # suggested again


def test_no_suggestion_before_the_client_linked_the_dossier(staff) -> None:
    dossier = make_dossier(staff)
    assert "linked" in assert_error(suggest(staff, dossier["id"]), 409)["message"]


def test_an_unknown_right_is_refused(staff, linked) -> None:
    assert "right" in assert_error(suggest(staff, linked["id"], "R99"), 422)["errors"]


def test_suggestions_reach_the_phone_and_cannot_be_written_there(staff, auth_client,
                                                                 linked) -> None:
    first = sync(auth_client)
    created = suggest(staff, linked["id"], "R16").get_json()
    answer = sync(auth_client, cursor=first["cursor"])
    change = next(c for c in answer["changes"] if c["entity"] == "rights_suggestion")
    assert change["id"] == created["id"] and change["data"]["right"] == "R16"
    refused = sync(auth_client, [sync_mutation("rights_suggestion", uuid.uuid4(),
                                               {"right": "R01"})])
    assert refused["results"][0]["status"] == "rejected"
    staff.delete(f"/api/staff/dossiers/{linked['id']}/rights-suggestions/{created['id']}",
                 headers=staff.csrf)
    later = sync(auth_client, cursor=answer["cursor"])
    assert [c.get("deleted") for c in later["changes"]
            if c["entity"] == "rights_suggestion"] == [True]
