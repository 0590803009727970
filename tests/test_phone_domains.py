"""The phone's list of domains (pwa/js/domains.js) and the server's agree: the entities the phone
writes are sync entities the server registered, and the push kinds are the ones it declares."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from api.notifications import registry as notifications
from api.sync import registry as sync

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
const m = await import(process.argv[1]);
const kinds = m.DOMAINS.flatMap((d) => (d.push || []).map((p) => p.kind));
console.log(JSON.stringify({entities: m.writtenEntities(), kinds}));
"""


@pytest.fixture(scope="module")
def phone() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing (make test installs it)")
    out = subprocess.run([node, "--input-type=module", "-e", SCRIPT,
                          (ROOT / "pwa/js/domains.js").as_uri()],
                         capture_output=True, text=True, check=True, timeout=30)
    return json.loads(out.stdout)


def test_the_phone_writes_only_entities_the_server_syncs(app, phone) -> None:
    assert phone["entities"]
    assert set(phone["entities"]) <= set(sync.entities())


def test_the_phone_knows_every_push_kind_the_server_sends(app, phone) -> None:
    assert sorted(phone["kinds"]) == sorted(notifications.kinds())
