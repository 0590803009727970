"""`flask users create` and `flask demo ensure`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.auth import service
from tests.factories import fresh_app

PASSWORD = "a long staff password"


def test_users_create_staff_from_environment(app) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "--role", "staff", "--username", "Desk.1"],
                           env={"HOUVAST_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    user = service.authenticate("desk.1", PASSWORD)
    assert user is not None and user.role == "staff"


def test_users_create_prompts_hidden_and_confirmed(app) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "--role", "staff", "--username", "desk-2"],
                           input=f"{PASSWORD}\n{PASSWORD}\n", env={"HOUVAST_PASSWORD": ""})
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden input is not echoed
    assert service.authenticate("desk-2", PASSWORD) is not None


def test_users_create_applies_the_rules(app, make_user) -> None:
    runner = app.test_cli_runner()
    make_user(username="taken-name")
    for username, password, words in (("desk-3", "short", "at least"),
                                       ("desk-3", "qwertyuiop", "very many people"),
                                       ("no", PASSWORD, "3 to 32"),
                                       ("TAKEN-name", PASSWORD, "already taken")):
        result = runner.invoke(args=["users", "create", "--role", "staff", "--username",
                                     username], env={"HOUVAST_PASSWORD": password})
        assert result.exit_code != 0
        assert words in result.output
    assert service.find_user("desk-3") is None


def test_demo_ensure_creates_once_and_prints_passwords_once(app) -> None:
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "ensure"])
    assert first.exit_code == 0, first.output
    passwords = dict(re.findall(r"(demo-\w+): password (\S+)", first.output))
    assert set(passwords) == {"demo-client", "demo-helper", "demo-staff"}
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        user = service.authenticate(username, password)
        assert user is not None and user.role == username.removeprefix("demo-")
    second = runner.invoke(args=["demo", "ensure"])
    assert second.exit_code == 0
    assert "password" not in second.output.replace("its password was shown", "")
    assert not any(p in second.output for p in passwords.values())
    assert not any(password in path.read_text(errors="ignore")
                   for path in Path(app.instance_path).rglob("*") if path.is_file()
                   for password in passwords.values())


@pytest.mark.usefixtures("production_env")
def test_demo_ensure_refuses_in_production(app) -> None:
    with fresh_app(app, HOUVAST_ENV="production") as other, other.app_context():
        assert other.config["PRODUCTION"]
        result = other.test_cli_runner().invoke(args=["demo", "ensure"])
    assert result.exit_code != 0
    assert "production" in result.output
    assert service.find_user("demo-client") is None
