"""Samen: a client invites the people who help them, decides what each sees, and takes access
away at once. Over REST and sync: invites (once, expiry, limit, rate limit), links on both
sides, the help message fanned out to the helpers it is for (and taken back from those it no
longer is), removal and stopping emptying the helper's phone at its next sync, a helper of two
clients, other people's ids, encryption at rest."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from api.db import db, utcnow
from api.helpers import service
from api.helpers.models import (
    HELPER_ENTITY,
    HELPING_ENTITY,
    MESSAGE_ENTITY,
    HelperInvite,
    message_id,
)
from tests.factories import assert_error, make_client, raw_rows, sync, sync_mutation

WHO = "Sanne van de overkant"
NEED = "Boodschappen deze week, en mee naar de zitting op 12 maart"


def invite(client, name: str = WHO):
    return client.post("/api/helpers/invites", json={"name": name}, headers=client.csrf)


def link(helper, code: str):
    return helper.post("/api/helpers/link", json={"code": code}, headers=helper.csrf)


def linked_pair(client, helper, name: str = WHO) -> str:
    """Invite and link; the link's id."""
    created = invite(client, name)
    assert created.status_code == 201, created.get_json()
    answer = link(helper, created.get_json()["code"])
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["id"]


def set_message(client, **body):
    response = client.put("/api/helpers/message", json=body, headers=client.csrf)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def pulled(device, entity: str, cursor: str | None = None) -> tuple[list[dict], str]:
    answer = sync(device, cursor=cursor)
    return [c for c in answer["changes"] if c["entity"] == entity], answer["cursor"]


@pytest.fixture
def helper(app, make_user):
    return make_client(app, make_user("helper"))


def test_an_invite_is_shown_once_used_once_and_links_both_sides(app, auth_client, helper,
                                                               make_user) -> None:
    created = invite(auth_client).get_json()
    assert created["name"] == WHO and created["code"] in created["link"]
    assert "#/help-invite/" in created["link"]  # in the fragment: never sent to a server
    expires = utcnow() + timedelta(days=7)
    assert created["expires_at"].startswith(expires.date().isoformat())
    assert auth_client.get("/api/helpers/invites").get_json()[0]["name"] == WHO
    stored = raw_rows("helper_invites")
    assert WHO.encode() not in stored and created["code"].encode() not in stored

    spoken = " ".join(created["code"].replace("-", "").lower())
    answer = link(helper, spoken)
    assert answer.status_code == 200, answer.get_json()
    helping = answer.get_json()
    assert helping["name"] == auth_client.user.username and helping["help_message"] is None

    [mine] = auth_client.get("/api/helpers").get_json()
    assert (mine["id"], mine["name"]) == (helping["id"], WHO)
    assert mine["sees"] == {"help_message": False, "recovery": False}
    assert mine["last_sync_at"] is None
    assert auth_client.get("/api/helpers/invites").get_json() == []
    assert WHO.encode() not in raw_rows("helper_links")
    # Both phones get the link through sync.
    assert [c["id"] for c in pulled(auth_client, HELPER_ENTITY)[0]] == [helping["id"]]
    [theirs] = pulled(helper, HELPING_ENTITY)[0]
    assert theirs["data"]["name"] == auth_client.user.username

    # Used up: the same code again, by anyone, is the answer for a wrong code.
    again = link(make_client(app, make_user("helper")), created["code"])
    assert again.get_json() == assert_error(link(helper, "ABCD-EFGH"), 404)
    assert again.status_code == 404


def test_wrong_expired_and_used_codes_get_one_answer(app, auth_client, helper,
                                                      make_user) -> None:
    expired = invite(auth_client).get_json()
    row = db.session.get(HelperInvite, uuid.UUID(expired["id"]))
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    used = invite(auth_client, "mam").get_json()["code"]
    assert link(make_client(app, make_user("helper")), used).status_code == 200
    answers = [link(helper, code) for code in ("ABCD-EFGH", expired["code"], used)]
    assert len({(r.status_code, r.get_data()) for r in answers}) == 1
    assert answers[0].status_code == 404
    assert helper.get("/api/helping").get_json() == []


def test_at_most_five_people_and_open_invites(app, auth_client, helper) -> None:
    linked_pair(auth_client, helper, "een")
    for name in ("twee", "drie", "vier", "vijf"):
        assert invite(auth_client, name).status_code == 201
    too_many = invite(auth_client, "zes")
    assert assert_error(too_many, 409)["message"] == service.TOO_MANY
    # Taking an invite back frees its place.
    first_open = auth_client.get("/api/helpers/invites").get_json()[0]["id"]
    gone = auth_client.delete(f"/api/helpers/invites/{first_open}", headers=auth_client.csrf)
    assert gone.status_code == 204
    assert invite(auth_client, "zes").status_code == 201


def test_one_helper_links_once_per_client(auth_client, helper) -> None:
    linked_pair(auth_client, helper)
    code = invite(auth_client, "nog eens").get_json()["code"]
    assert assert_error(link(helper, code), 409)["message"] == service.ALREADY_HELPING


def test_linking_is_rate_limited_on_failures(helper) -> None:
    for _ in range(5):
        assert link(helper, "ABCD-EFGH").status_code == 404
    blocked = link(helper, "ABCD-EFGH")
    assert blocked.status_code == 429 and blocked.headers["Retry-After"]


def test_invites_are_rate_limited(auth_client) -> None:
    statuses = []
    for number in range(11):
        response = invite(auth_client, f"iemand {number}")
        statuses.append(response.status_code)
        if response.status_code == 201:
            gone = response.get_json()["id"]
            auth_client.delete(f"/api/helpers/invites/{gone}", headers=auth_client.csrf)
    assert statuses == [201] * 10 + [429]


def test_roles(auth_client, helper, staff) -> None:
    assert invite(helper).status_code == 403
    assert invite(staff).status_code == 403
    assert link(auth_client, "ABCD-EFGH").status_code == 403
    assert auth_client.get("/api/helping").status_code == 403
    assert helper.get("/api/helpers").status_code == 403


def test_the_help_message_reaches_only_the_helpers_it_is_for(app, auth_client, helper,
                                                             make_user) -> None:
    other = make_client(app, make_user("helper"))
    to_helper = linked_pair(auth_client, helper, "Sanne")
    to_other = linked_pair(auth_client, other, "mam")
    _changes, helper_cursor = pulled(helper, MESSAGE_ENTITY)
    _changes, other_cursor = pulled(other, MESSAGE_ENTITY)

    mine = set_message(auth_client, text=NEED, to_all=True)
    assert mine["id"] == str(message_id(auth_client.user.id)) and mine["version"] == 1
    assert NEED.encode() not in raw_rows("help_messages")
    [seen], helper_cursor = pulled(helper, MESSAGE_ENTITY, helper_cursor)
    assert seen["data"]["text"] == NEED and seen["data"]["helping_id"] == to_helper
    assert "helper_ids" not in seen["data"]  # who else sees it is the client's business
    [other_seen], other_cursor = pulled(other, MESSAGE_ENTITY, other_cursor)
    assert other_seen["data"]["text"] == NEED
    assert helper.get("/api/helping").get_json()[0]["help_message"]["text"] == NEED

    # Now only for Sanne: mam's phone drops it, Sanne's gets the new version.
    set_message(auth_client, text=NEED, to_all=False, helper_ids=[to_helper])
    [seen], helper_cursor = pulled(helper, MESSAGE_ENTITY, helper_cursor)
    assert seen["deleted"] is False and seen["version"] == 2
    [dropped], other_cursor = pulled(other, MESSAGE_ENTITY, other_cursor)
    assert dropped["deleted"] is True and dropped["data"] is None
    assert other.get("/api/helping").get_json()[0]["help_message"] is None
    helpers = {h["name"]: h["sees"]["help_message"]
               for h in auth_client.get("/api/helpers").get_json()}
    assert helpers == {"Sanne": True, "mam": False}
    assert to_other

    # Emptied: nobody sees a message any more.
    set_message(auth_client, text="  ")
    [dropped], _cursor = pulled(helper, MESSAGE_ENTITY, helper_cursor)
    assert dropped["deleted"] is True


def test_the_client_writes_the_message_offline_through_sync(auth_client, helper) -> None:
    linked_pair(auth_client, helper)
    records = auth_client.get("/api/me").get_json()["records"]
    own = records[MESSAGE_ENTITY]
    assert own == str(message_id(auth_client.user.id))
    written = sync(auth_client, [sync_mutation(MESSAGE_ENTITY, own, {"text": NEED})])
    assert written["results"][0]["status"] == "applied"
    [seen] = pulled(helper, MESSAGE_ENTITY)[0]  # a full snapshot: the first pull
    assert seen["data"]["text"] == NEED
    # A helper cannot write it, nor can a client write someone else's.
    assert MESSAGE_ENTITY not in helper.get("/api/me").get_json()["records"]
    by_helper = sync(helper, [sync_mutation(MESSAGE_ENTITY, own, {"text": "hoi"})])
    assert by_helper["results"][0]["status"] == "rejected"
    assert auth_client.get("/api/helpers/message").get_json()["text"] == NEED


def test_removal_empties_the_helpers_phone_at_its_next_sync(auth_client, helper) -> None:
    link_id = linked_pair(auth_client, helper)
    set_message(auth_client, text=NEED)
    first = sync(helper)
    assert {c["entity"] for c in first["changes"]} == {HELPING_ENTITY, MESSAGE_ENTITY}

    removed = auth_client.delete(f"/api/helpers/{link_id}", headers=auth_client.csrf)
    assert removed.status_code == 204
    after = sync(helper, cursor=first["cursor"])
    assert {(c["entity"], c["deleted"]) for c in after["changes"]} == {
        (HELPING_ENTITY, True), (MESSAGE_ENTITY, True)}
    assert helper.get("/api/helping").get_json() == []
    assert assert_error(helper.delete(f"/api/helping/{link_id}", headers=helper.csrf), 404)
    # A full snapshot (a phone that lost its cursor) has nothing of the client either.
    assert sync(helper)["changes"] == []
    [gone] = pulled(auth_client, HELPER_ENTITY)[0] or [{"deleted": True}]
    assert gone["deleted"] is True
    assert auth_client.get("/api/helpers").get_json() == []


def test_the_helper_stops(auth_client, helper) -> None:
    link_id = linked_pair(auth_client, helper)
    _changes, cursor = pulled(auth_client, HELPER_ENTITY)
    stopped = helper.delete(f"/api/helping/{link_id}", headers=helper.csrf)
    assert stopped.status_code == 204
    [gone], _cursor = pulled(auth_client, HELPER_ENTITY, cursor)
    assert gone["deleted"] is True
    assert auth_client.get("/api/helpers").get_json() == []


def test_a_helper_of_two_clients_sees_each_ones_own(app, auth_client, other_client,
                                                    helper) -> None:
    first = linked_pair(auth_client, helper, "Sanne")
    second = linked_pair(other_client, helper, "buurvrouw")
    set_message(auth_client, text=NEED)
    set_message(other_client, text="Even bellen op zondag")
    helping = {h["id"]: h["help_message"]["text"] for h in helper.get("/api/helping").get_json()}
    assert helping == {first: NEED, second: "Even bellen op zondag"}
    # Ending one leaves the other.
    auth_client.delete(f"/api/helpers/{first}", headers=auth_client.csrf)
    assert [h["id"] for h in helper.get("/api/helping").get_json()] == [second]


def test_other_peoples_ids_are_not_found(auth_client, other_client, helper, app,
                                         make_user) -> None:
    theirs = linked_pair(other_client, helper)
    assert_error(auth_client.delete(f"/api/helpers/{theirs}", headers=auth_client.csrf), 404)
    stranger = make_client(app, make_user("helper"))
    assert_error(stranger.delete(f"/api/helping/{theirs}", headers=stranger.csrf), 404)
    their_invite = invite(other_client, "mam").get_json()["id"]
    assert_error(auth_client.delete(f"/api/helpers/invites/{their_invite}",
                                    headers=auth_client.csrf), 404)
    wrong = auth_client.put("/api/helpers/message", json={"text": NEED, "to_all": False,
                                                          "helper_ids": [theirs]},
                            headers=auth_client.csrf)
    assert "helper_ids" in assert_error(wrong, 422)["errors"]
    assert auth_client.get("/api/helpers/message").get_json()["version"] == 0
    # Another client's message is never in a stranger's sync.
    set_message(other_client, text=NEED)
    assert [c for c in sync(stranger)["changes"] if c["entity"] == MESSAGE_ENTITY] == []
    assert [c for c in sync(auth_client)["changes"] if c["entity"] == MESSAGE_ENTITY] == []


def test_the_client_sees_when_a_helper_last_synced(auth_client, helper) -> None:
    linked_pair(auth_client, helper)
    sync(helper)
    [mine] = auth_client.get("/api/helpers").get_json()
    assert mine["last_sync_at"] is not None


def test_a_discreet_push_when_something_new_is_shared(auth_client, helper) -> None:
    from sqlalchemy import select

    from api import crypto
    from api.notifications.models import Notification, detail_aad

    link_id = linked_pair(auth_client, helper)
    set_message(auth_client, text=NEED)
    set_message(auth_client, text=NEED, to_all=True)  # nothing new for the helper: no push
    rows = list(db.session.scalars(select(Notification).where(
        Notification.user_id == helper.user.id)))
    assert [(r.kind, r.view) for r in rows] == [("helpers", f"/helping/{link_id}")]
    detail = crypto.decrypt_json(rows[0].detail, detail_aad(rows[0]))
    assert NEED not in str(detail) and auth_client.user.username in detail["body"]
    assert NEED.encode() not in raw_rows("push_outbox")
    set_message(auth_client, text="Iets anders nu")
    assert len(list(db.session.scalars(select(Notification).where(
        Notification.user_id == helper.user.id)))) == 2
