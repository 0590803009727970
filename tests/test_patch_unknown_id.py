"""An update never creates (issue 9, part 3): PATCH or PUT on an id that does not exist (or is
someone else's) is 404 and writes nothing, on every such route of the app's URL map. Creating
with an id of the phone's own is POST's (and sync's) documented upsert.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from api.db import Base, db
from tests.factories import FEELING, WHEN, assert_error, make_entry, make_logbook

# Every PATCH/PUT route with an id in its path: the role that may call it and a body that would
# create the record if the route upserted. A new such route fails the first test until it is
# added here.
UPDATES = {
    "/api/logbooks/<uuid:logbook_id>": ("client", {"type": "wellbeing", "title": "Nieuw"}),
    "/api/entries/<uuid:entry_id>": ("client", {"occurred_at": WHEN, "answers": FEELING}),
    "/api/tasks/<uuid:task_id>": ("client", {"done": True}),
    "/api/shared-tasks/<uuid:task_id>": ("helper", {"helping": True, "note": "Ik help"}),
    "/api/helpers/<uuid:link_id>": ("client", {"shares_recovery": True}),
    "/api/staff/dossiers/<uuid:dossier_id>": ("staff", {"label": "Nieuw dossier"}),
    "/api/recovery/tests/<uuid:test_id>": ("client", {"shared": False}),
}


def row_counts() -> dict[str, int]:
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables}


def test_every_update_route_with_an_id_is_listed(app) -> None:
    found = {rule.rule for rule in app.url_map.iter_rules()
             if rule.methods & {"PATCH", "PUT"} and "<uuid:" in rule.rule}
    assert found == set(UPDATES)


def _path(rule: str, record_id: uuid.UUID) -> str:
    start, end = rule.index("<"), rule.index(">")
    return rule[:start] + str(record_id) + rule[end + 1:]


def _method(app, rule: str) -> str:
    (methods,) = [r.methods for r in app.url_map.iter_rules() if r.rule == rule and
                  r.methods & {"PATCH", "PUT"}]
    return "PATCH" if "PATCH" in methods else "PUT"


@pytest.mark.parametrize("rule", sorted(UPDATES))
def test_update_of_an_unknown_id_is_404_and_creates_nothing(app, make_user, rule: str) -> None:
    from tests.factories import make_client

    role, body = UPDATES[rule]
    device = make_client(app, make_user(role))
    before = row_counts()
    record_id = uuid.uuid4()
    response = device.open(_path(rule, record_id), method=_method(app, rule), json=body,
                           headers=device.csrf)
    assert_error(response, 404)
    assert row_counts() == before


def test_patch_of_someone_elses_logbook_is_404(auth_client, other_client) -> None:
    logbook = make_logbook(other_client)
    response = auth_client.patch(f"/api/logbooks/{logbook['id']}", json={"title": "Van mij"},
                                 headers=auth_client.csrf)
    assert_error(response, 404)
    assert other_client.get(f"/api/logbooks/{logbook['id']}").get_json()["title"] == \
        logbook["title"]


def test_patch_of_a_known_logbook_still_updates(auth_client) -> None:
    logbook = make_logbook(auth_client)
    response = auth_client.patch(f"/api/logbooks/{logbook['id']}", json={"title": "Anders"},
                                 headers=auth_client.csrf)
    assert response.status_code == 200
    assert response.get_json()["title"] == "Anders"
    assert response.get_json()["version"] == logbook["version"] + 1


def test_post_with_the_phones_own_id_still_creates_then_updates(auth_client) -> None:
    logbook_id = str(uuid.uuid4())
    first = auth_client.post("/api/logbooks", json={"id": logbook_id, "type": "wellbeing",
                                                    "title": "Eerst"}, headers=auth_client.csrf)
    assert first.status_code == 201 and first.get_json()["id"] == logbook_id
    again = auth_client.post("/api/logbooks", json={"id": logbook_id, "type": "wellbeing",
                                                    "title": "Daarna"}, headers=auth_client.csrf)
    assert again.status_code == 201 and again.get_json()["title"] == "Daarna"
    entry_id = str(uuid.uuid4())
    entry = make_entry(auth_client, logbook_id, id=entry_id)
    assert entry["id"] == entry_id
