"""Samen's pushes, kind `helpers` (a person can switch it off; quiet hours as for every push).
The discreet text is the default; the detailed one (for those who chose it) names only the
person, never what was shared or which task."""

from __future__ import annotations

from api.crypto import decrypt_text
from api.helpers.models import HelperLink, name_aad
from api.notifications.service import notify

PUSH_KIND = "helpers"


def _topic(prefix: str, link: HelperLink) -> str:
    return f"{prefix}-{link.id.hex[:16]}"


def tell_helper(link: HelperLink, client_name: str) -> None:
    """Something new is shared with a helper (a help message, a task)."""
    notify(link.helper_id, PUSH_KIND, f"/helping/{link.id}", topic=_topic("helpers", link),
           detail={"title": "Houvast", "body": f"{client_name} heeft iets nieuws met je gedeeld."})


def tell_client(link: HelperLink, what: str) -> None:
    """A helper took a task on (`what` "helping") or ticked it done ("done"); the client's
    detailed text names the helper by the name the client gave them."""
    name = decrypt_text(link.name, name_aad(link)) or ""
    body = {"helping": f"{name} helpt je met een taak.",
            "done": f"{name} heeft een taak afgevinkt."}[what]
    notify(link.client_id, PUSH_KIND, "/tasks", topic=_topic("helped", link),
           detail={"title": "Houvast", "body": body})
