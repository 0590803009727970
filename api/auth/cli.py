"""`flask users create` (the only way to make a staff account) and `flask demo ensure`."""

from __future__ import annotations

import os
import secrets

import click
from flask import current_app
from flask.cli import AppGroup

from api.auth import service
from api.auth.models import ROLES
from api.db import db
from api.domain import Invalid

users = AppGroup("users", help="Accounts.")
demo = AppGroup("demo", help="Demo accounts for development.")

DEMO_ACCOUNTS = (("demo-client", "client"), ("demo-helper", "helper"), ("demo-staff", "staff"))


def _checked(check, value: str) -> None:
    try:
        check(value)
    except Invalid as error:
        raise click.ClickException(error.message) from error


@users.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--username", required=True)
def create(role: str, username: str) -> None:
    """Create an account. The password comes from HOUVAST_PASSWORD or a hidden prompt."""
    _checked(service.check_username, username)
    if service.find_user(username) is not None:
        raise click.ClickException(f"The username {username!r} is already taken.")
    password = os.environ.get("HOUVAST_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    _checked(service.check_password, password)
    service.create_user(username, password, role)
    db.session.commit()
    click.echo(f"Created {role} account {username!r}.")


@demo.command("ensure")
def ensure() -> None:
    """Create the demo client, helper and staff member if missing; print new passwords once."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("Demo accounts are never created in production.")
    for username, role in DEMO_ACCOUNTS:
        if service.find_user(username) is not None:
            click.echo(f"{role:7} {username}: exists (its password was shown when it was made)")
            continue
        password = secrets.token_urlsafe(12)  # 16 random characters, never stored anywhere
        service.create_user(username, password, role,
                            terms_version=current_app.config["TERMS_VERSION"])
        click.echo(f"{role:7} {username}: password {password}")
    db.session.commit()


commands = [users, demo]
