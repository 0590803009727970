"""Account rules: usernames, passwords, hashing, sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from api.auth import service
from api.auth.models import AuthSession
from api.db import db, utcnow
from api.domain import DomainError
from tests.factories import DEFAULT_PASSWORD


@pytest.mark.parametrize("name", ["abc", "A.b_c-9", "x" * 32])
def test_usernames_that_fit(name: str) -> None:
    service.check_username(name)


@pytest.mark.parametrize("name", ["ab", "x" * 33, "an@mail.nl", "two words", "naïve", ""])
def test_usernames_refused(name: str) -> None:
    with pytest.raises(DomainError) as caught:
        service.check_username(name)
    assert (caught.value.status, list(caught.value.errors)) == (422, ["username"])


@pytest.mark.parametrize("password", ["x" * 9, "x" * 129, "qwertyuiop", "PassWord123",
                                      "1q2w3e4r5t"])
def test_passwords_refused(password: str) -> None:
    with pytest.raises(DomainError) as caught:
        service.check_password(password)
    assert (caught.value.status, list(caught.value.errors)) == (422, ["password"])


def test_passwords_accepted_without_composition_rules() -> None:
    for password in ("x" * 10, "y" * 128, "alllowercasewords", DEFAULT_PASSWORD):
        service.check_password(password)


def test_common_password_list_is_shipped_and_large() -> None:
    common = service.common_passwords()
    assert 9_000 <= len(common) <= 10_000
    assert {"password", "123456", "qwertyuiop"} <= common
    assert not any(p.startswith("#") for p in common)


def test_hash_uses_argon2id_with_strong_parameters(make_user) -> None:
    user = make_user()
    params = user.password_hash.split("$")
    assert params[1] == "argon2id"
    assert params[3] == "m=19456,t=2,p=1"


def test_weaker_hash_is_upgraded_at_login(make_user) -> None:
    user = make_user()
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    user.password_hash = weak.hash(DEFAULT_PASSWORD)
    db.session.commit()
    assert service.authenticate(user.username.upper(), DEFAULT_PASSWORD) is user
    assert "m=19456,t=2,p=1" in user.password_hash
    assert service.hasher.verify(user.password_hash, DEFAULT_PASSWORD)


def test_authenticate_unknown_user_and_wrong_password(make_user) -> None:
    user = make_user()
    assert service.authenticate("nobody-here", DEFAULT_PASSWORD) is None
    assert service.authenticate(user.username, "wrong password!") is None


def test_register_refuses_a_taken_name_case_insensitively(make_user) -> None:
    make_user(username="River.Walker")
    with pytest.raises(DomainError) as caught:
        service.register("river.walker", DEFAULT_PASSWORD, "client", "v1")
    assert caught.value.status == 409


def test_session_ends_when_idle_or_too_old(make_user, monkeypatch) -> None:
    session = service.start_session(make_user())
    sid, jti = str(session.id), session.refresh_jti
    start = session.created_at
    assert service.check_access(sid)
    monkeypatch.setattr(service, "clock", lambda: start + timedelta(minutes=29))
    assert service.check_access(sid)  # and this counts as activity
    assert session.last_seen_at == start + timedelta(minutes=29)
    monkeypatch.setattr(service, "clock", lambda: start + timedelta(minutes=59, seconds=1))
    assert not service.check_access(sid)
    assert not service.check_refresh(sid, jti)
    session.last_seen_at = start + timedelta(hours=12, minutes=-1)
    monkeypatch.setattr(service, "clock", lambda: start + timedelta(hours=12))
    assert not service.check_access(sid)


def test_reused_refresh_token_revokes_the_session(make_user) -> None:
    session = service.start_session(make_user())
    sid, first = str(session.id), session.refresh_jti
    assert service.rotate(sid, first) is session
    second = session.refresh_jti
    assert second != first
    assert service.rotate(sid, first) is None
    assert session.revoked_at is not None
    assert not service.check_refresh(sid, second)
    assert not service.check_access(sid)


def test_end_session(make_user) -> None:
    session = service.start_session(make_user())
    service.end_session(str(session.id))
    assert db.session.get(AuthSession, session.id).revoked_at <= utcnow()
    assert not service.check_access(str(session.id))


def test_sign_ins_are_kept_30_days_and_20_at_most_but_live_ones_always(make_user) -> None:
    user = make_user()
    month_old = service.start_session(user)
    month_old.created_at = utcnow() - timedelta(days=31)
    ended = [service.start_session(user) for _ in range(20)]
    for session in ended[:-1]:
        service.end_session(str(session.id))
    idle = ended[-1]
    idle.last_seen_at = utcnow() - timedelta(minutes=31)
    live = service.start_session(user)
    db.session.flush()
    newest = service.start_session(user)
    left = set(db.session.scalars(select(AuthSession.id).where(AuthSession.user_id == user.id)))
    assert month_old.id not in left and {live.id, newest.id} <= left
    assert len(left) == service.SIGN_INS_LISTED
    assert ended[0].id not in left and idle.id in left  # the oldest ended ones go first
    assert [s.id for s in service.sessions(user)][:2] == [newest.id, live.id]


def test_register_race_on_the_name_is_409(make_user, monkeypatch) -> None:
    make_user(username="same-name")
    monkeypatch.setattr(service, "find_user", lambda _name: None)  # the other one was faster
    with pytest.raises(DomainError) as caught:
        service.register("Same-Name", DEFAULT_PASSWORD, "client", "v1")
    assert caught.value.status == 409


def test_logging_out_everywhere_reaches_past_the_listed_twenty(make_user) -> None:
    user = make_user()
    live = [service.start_session(user) for _ in range(service.SIGN_INS_LISTED + 5)]
    ended = service.end_other_sessions(user, keep=str(live[-1].id))
    assert len(ended) == len(live) - 1
    assert [service.check_access(str(s.id)) for s in live] == [False] * (len(live) - 1) + [True]
