"""The recovery meter's sync entities: `recovery_test` and `recovery_profile`, and
`shared_recovery` (how it is going, as a person who helps sees it: api/recovery/sharing.py).

A test is written once; sending it again changes only `shared` (a test with other answers under
the same id is a Conflict). A test's result follows from every test before it and the event
date, so when an older test arrives, one is deleted, or the event date changes, the later tests
get a new version and reach the phone again. The profile has one fixed id per person
(models.profile_id; the sync service refuses any other id); its base_version is not checked:
the last write wins, field by field.
"""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.models import User
from api.recovery import helping, service
from api.recovery.models import PROFILE_ENTITY, TEST_ENTITY, profile_id
from api.recovery.sharing import SHARED_RECOVERY_ENTITY
from api.sync.registry import AnyData, SyncEntity, no_own_records, read_only
from schemas.recovery import (
    ProfileSchema,
    ProfileUpdateSchema,
    SelfTestSchema,
    SelfTestSyncSchema,
    SharedRecoverySchema,
)

SHARED_BY_THE_CLIENT = "The person you help decides what you see of how it is going."

_test_schema = SelfTestSchema()
_profile_schema = ProfileSchema()


def upsert_test(owner: User, id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    test, _ = service.save_test(owner.id, id, {k: v for k, v in data.items() if k != "id"})
    return test.version


def delete_test(owner: User, id: uuid.UUID, _base: int | None) -> int:
    return service.delete_test(owner.id, id)


def test_snapshots(owner: User, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    return {i: _test_schema.dump(d) for i, d in service.test_dicts(owner.id, ids).items()}


def test_snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    return test_snapshots(owner, [id]).get(id)


def upsert_profile(owner: User, _id: uuid.UUID, data: dict[str, Any], _base: int | None) -> int:
    return service.update_profile(owner.id, data).version


def delete_profile(owner: User, _id: uuid.UUID, _base: int | None) -> int:
    """A profile is not deleted: forgetting the date and the reminder is an upsert of nulls."""
    return service.update_profile(owner.id, {"event_date": None, "no_date": None,
                                             "reminder": None}).version


def profile_snapshot(owner: User, id: uuid.UUID) -> dict[str, Any] | None:
    if id != profile_id(owner.id):
        return None
    return _profile_schema.dump(service.profile_dict(owner.id))


def profile_ids(owner: User) -> list[uuid.UUID]:
    """The profile once the person set something (an empty account syncs nothing)."""
    return [profile_id(owner.id)] if service.has_profile(owner.id) else []


def shared_snapshot(helper: User, id: uuid.UUID) -> dict[str, Any] | None:
    found = helping.shared_recovery(helper, id)
    return None if found is None else SharedRecoverySchema().dump(found)


# Only clients take tests, as on the REST routes (403 for helpers and staff). What a helper
# sees of them is read-only: the client switches it on or off on the Samen screen.
ENTITIES = (
    SyncEntity(PROFILE_ENTITY, ProfileUpdateSchema, upsert_profile, delete_profile,
               profile_snapshot, profile_ids, roles=("client",), fixed_id=profile_id),
    SyncEntity(TEST_ENTITY, SelfTestSyncSchema, upsert_test, delete_test, test_snapshot,
               service.test_ids_of, test_snapshots, roles=("client",)),
    SyncEntity(SHARED_RECOVERY_ENTITY, AnyData, read_only(SHARED_BY_THE_CLIENT),
               read_only(SHARED_BY_THE_CLIENT), shared_snapshot,
               helping.shared_recovery_ids, roles=(), refused=SHARED_BY_THE_CLIENT,
               own_ids=no_own_records),
)
