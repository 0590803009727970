"""The recovery meter (Herstelmeter): what it brings to the app (see api/domain.py)."""

from collections.abc import Iterator
from typing import Any

from api.auth.models import User
from api.domain import Domain
from api.recovery import cli, models, pdf, routes, service, sync
from schemas.recovery import SelfTestSchema


def export_results(user: User, lang: str) -> Iterator[tuple[str, Any]]:
    """For the person's export: every self-test with its scores, and the summary PDF."""
    owner_id = user.id
    tests = service.list_tests(owner_id)
    if tests:
        yield "recovery/results.json", SelfTestSchema(many=True).dump(tests)
        yield "recovery/summary.pdf", pdf.export(owner_id, lang)


domain = Domain(
    name="recovery",
    blueprints=(routes.blp,),
    commands=tuple(cli.commands),
    sync_entities=sync.ENTITIES,
    push_kinds=(service.PUSH_KIND,),
    reminders=(service.NEXT_TEST_REMINDER,),
    exports=(export_results,),
    models=(models,),
)
