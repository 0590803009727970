"""The training: public content in one language (no login, cacheable), and a person's
progress and checklist ticks over REST and sync, merged entry by entry: two phones, a guest's
progress adopted at login, owner scoping, encryption at rest, ids checked against the content."""

from __future__ import annotations

import uuid

from api.content import training as content
from api.training import service
from api.training.models import CHECKLIST_ENTITY, PROGRESS_ENTITY, record_id
from tests.factories import assert_error, make_client, raw_rows, sync, sync_mutation

STEP = next(key for key, exercises in service.STEPS.items() if exercises)
EXERCISE = sorted(service.STEPS[STEP])[0]
OTHER_STEP = next(key for key in service.STEPS if key != STEP)
MORNING, NOON, EVENING = ("2026-12-02T08:00:00+00:00", "2026-12-02T12:00:00+00:00",
                          "2026-12-02T18:00:00+01:00")
SECRET = "Ik merk dat ik zelf slecht slaap sinds de inbraak bij mijn zus"


def put(client, path, body):
    return client.put(path, json=body, headers=client.csrf)


def progress(client, body) -> dict:
    response = put(client, "/api/progress/training", body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_content_is_public_in_one_language_and_cacheable(client) -> None:
    outline = client.get("/api/training?lang=en")
    assert outline.status_code == 200
    assert outline.headers["Cache-Control"] == "public, max-age=3600"
    body = outline.get_json()
    assert [m["id"] for m in body["modules"]] == list(content.MODULE_IDS)
    basis = body["modules"][0]
    assert basis["title"] == "Helping better in 8 steps"
    assert basis["minutes"] == sum(step["minutes"] or 0 for step in basis["steps"])
    assert client.get("/api/training").get_json()["modules"][0]["title"] == (
        "In 8 stappen beter helpen")

    module = client.get("/api/training/basis?lang=nl").get_json()
    first = module["steps"][0]
    assert isinstance(first["title"], str) and first["number"] == 1
    assert "file" not in first

    bundle = client.get("/api/training/bundle?lang=nl").get_json()
    assert [m["id"] for m in bundle["modules"]] == list(content.MODULE_IDS)
    assert bundle["version"] == body["version"] == content.VERSION
    assert bundle["contacts"]["csg"]["tel"]

    assert_error(client.get("/api/training/nothing"), 404)
    assert_error(client.get("/api/training/checklists/nothing"), 404)
    assert_error(client.get("/api/training/tools/nothing"), 404)
    errors = assert_error(client.get("/api/training?lang=fr"), 422)["errors"]
    assert "lang" in errors


def test_progress_is_personal_and_merged_entry_by_entry(auth_client) -> None:
    empty = auth_client.get("/api/progress/training")
    assert empty.headers["Cache-Control"].startswith("no-store")
    assert empty.get_json()["version"] == 0
    assert empty.get_json()["id"] == str(record_id(PROGRESS_ENTITY, auth_client.user.id))

    progress(auth_client, {"steps": {STEP: {"done_at": MORNING, "at": MORNING,
                                            "answers": {EXERCISE: [SECRET]}}},
                           "last": {"step": STEP, "screen": 2, "at": MORNING}})
    # Later, opened again on another phone: not done there. A step once done stays done.
    later = progress(auth_client, {"steps": {STEP: {"done_at": None, "at": NOON, "answers": {}},
                                             OTHER_STEP: {"at": NOON}},
                                   "last": {"step": OTHER_STEP, "at": NOON}})
    assert later["steps"][STEP]["done_at"] == MORNING
    assert later["steps"][STEP]["answers"] == {EXERCISE: [SECRET]}
    assert later["steps"][OTHER_STEP]["done_at"] is None
    assert later["last"]["step"] == OTHER_STEP
    # An older "last" from a phone that was offline does not move the person back.
    older = progress(auth_client, {"last": {"step": STEP, "at": "2026-12-01T09:00:00+00:00"}})
    assert older["last"]["step"] == OTHER_STEP
    assert older["version"] == later["version"]  # nothing changed: no new version

    assert SECRET.encode() not in raw_rows("training_records")
    assert STEP.encode() not in raw_rows("training_records")


def test_unknown_ids_and_overlong_answers_are_422_naming_them(auth_client) -> None:
    body = assert_error(put(auth_client, "/api/progress/training",
                            {"steps": {"basis/nope": {"at": NOON}}}), 422)
    assert "basis/nope" in body["errors"]["steps"]
    body = assert_error(put(auth_client, "/api/progress/training", {"steps": {STEP: {
        "at": NOON, "answers": {EXERCISE: ["x" * 5000]}}}}), 422)
    assert body["errors"]["steps"][STEP]["answers"][EXERCISE]
    body = assert_error(put(auth_client, "/api/progress/checklists",
                            {"checked": {"nope-1": {"done": True, "at": NOON}}}), 422)
    assert "nope-1" in body["errors"]["checked"]
    assert_error(put(auth_client, "/api/progress/training", {"steps": {STEP: {}}}), 422)
    assert auth_client.get("/api/progress/training").get_json()["version"] == 0


def test_checklist_ticks_later_wins_per_item(app, make_user) -> None:
    helper = make_client(app, make_user("helper"))
    items = sorted(service.ITEMS)[:2]
    put(helper, "/api/progress/checklists", {"checked": {
        items[0]: {"done": True, "at": MORNING}, items[1]: {"done": True, "at": MORNING}}})
    answer = put(helper, "/api/progress/checklists", {"checked": {
        items[0]: {"done": False, "at": EVENING},  # 17:00 UTC: later
        items[1]: {"done": False, "at": "2026-12-02T07:00:00+00:00"}}}).get_json()
    assert answer["checked"][items[0]]["done"] is False
    assert answer["checked"][items[1]]["done"] is True


def test_two_phones_and_a_guest_adopted_through_sync(app, make_user) -> None:
    user = make_user("helper")
    first, second = make_client(app, user), make_client(app, user)
    records = first.get("/api/me").get_json()["records"]
    progress_id = records[PROGRESS_ENTITY]
    assert records[CHECKLIST_ENTITY] == str(record_id(CHECKLIST_ENTITY, user.id))

    # The first phone did step 1 as a guest; at login its progress goes out under the fixed id.
    done = sync_mutation(PROGRESS_ENTITY, progress_id, {
        "steps": {STEP: {"done_at": MORNING, "at": MORNING}},
        "last": {"step": STEP, "at": MORNING}})
    assert sync(first, [done], client_id="one")["results"][0]["status"] == "applied"
    # The second phone, with no base version, adds another step: merged, never a conflict.
    other = sync_mutation(PROGRESS_ENTITY, progress_id, {
        "steps": {OTHER_STEP: {"done_at": NOON, "at": NOON}}, "last": {"step": OTHER_STEP,
                                                                      "at": NOON}})
    assert sync(second, [other], client_id="two")["results"][0]["status"] == "applied"

    pulled = sync(first, client_id="one")
    [record] = [c for c in pulled["changes"] if c["entity"] == PROGRESS_ENTITY]
    assert set(record["data"]["steps"]) == {STEP, OTHER_STEP}
    assert record["data"]["last"]["step"] == OTHER_STEP


def test_a_record_is_its_owners(app, make_user, auth_client) -> None:
    helper = make_client(app, make_user("helper"))
    theirs = record_id(PROGRESS_ENTITY, auth_client.user.id)
    mutation = sync_mutation(PROGRESS_ENTITY, theirs, {"steps": {STEP: {"at": NOON}}})
    result = sync(helper, [mutation])["results"][0]
    assert result["status"] == "rejected"
    assert auth_client.get("/api/progress/training").get_json()["version"] == 0
    random_id = sync_mutation(CHECKLIST_ENTITY, uuid.uuid4(), {"checked": {}})
    assert sync(helper, [random_id])["results"][0]["status"] == "rejected"


def test_forgetting_empties_the_record(auth_client) -> None:
    progress(auth_client, {"steps": {STEP: {"done_at": NOON, "at": NOON}}})
    own = record_id(PROGRESS_ENTITY, auth_client.user.id)
    result = sync(auth_client, [sync_mutation(PROGRESS_ENTITY, own, op="delete")])
    assert result["results"][0]["status"] == "applied"
    assert auth_client.get("/api/progress/training").get_json()["steps"] == {}
