"""`flask dossier demo`: a filled-in dossier for the demo client (development only)."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from api.auth.service import find_user
from api.db import db, utcnow
from api.dossier import service

dossier_cli = AppGroup("dossier", help="Case dossiers.")

# Written for the demo; any likeness to a real case is accidental.
DEMO_EVENTS = (
    ("from_police", -20, "Je aangifte is ontvangen",
     "De politie heeft je aangifte in behandeling. Je krijgt bericht als er nieuws is."),
    ("call_summary", -12, "Gesprek met Sanne",
     "We spraken over je aangifte en over je slaap. Afspraak: Sanne vraagt bij de politie "
     "hoe het staat en belt je deze week terug."),
    ("from_prosecutor", -5, "De officier van justitie bekijkt de zaak",
     "De officier beslist of de zaak naar de rechter gaat. Dat kan een paar maanden duren."),
    ("court_date", 40, "Zitting bij de rechtbank",
     "De zitting is gepland. Je mag erbij zijn, maar het hoeft niet. Wij kunnen met je "
     "meegaan."),
)
DEMO_TASKS = (
    ("Schrijf je kosten op", "Welke kosten had je door wat er gebeurde? Bewaar de bonnetjes.",
     14),
    ("Denk na over spreekrecht", "Je mag op de zitting vertellen wat het met je deed. Het mag "
     "ook in een brief. Bespreek het met Sanne.", 30),
)


@dossier_cli.command("demo")
def demo() -> None:
    """Give demo-client a dossier from demo-staff with events and tasks (after `demo ensure`)."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("Demo data is never created in production.")
    staff, client = find_user("demo-staff"), find_user("demo-client")
    if staff is None or client is None:
        raise click.ClickException("Run `flask --app wsgi demo ensure` first.")
    if service.client_dossier(client) is not None:
        click.echo("demo-client already has a dossier")
        return
    dossier, code = service.create_dossier(staff, {
        "label": "Demo-dossier", "contact_name": "Sanne", "contact_hours": "ma-vr 9.00-17.00"})
    service.link(client, code)
    now = utcnow()
    for kind, days, title, body in DEMO_EVENTS:
        service.add_event(staff, dossier.id, {"kind": kind, "title": title, "body": body,
                                              "occurred_at": now + timedelta(days=days)})
    for title, explanation, days in DEMO_TASKS:
        service.add_task(staff, dossier.id, {"title": title, "explanation": explanation,
                                             "due_date": (now + timedelta(days=days)).date()})
    db.session.commit()
    click.echo(f"demo-client now has a dossier with {len(DEMO_EVENTS)} events and "
               f"{len(DEMO_TASKS)} tasks")


commands = [dossier_cli]
