"""The service worker caches only API answers that need no login.

pwa/sw.js keeps a copy of some API answers for offline use: the paths of one list of
'/api/...' strings, and everything under them. Anything in that list is stored on the phone
for anyone holding it to read, so each API endpoint the list covers must be one that answers
without a login. The list is found by its contents (wherever in pwa/ it lives), and the
endpoints by the app's URL map: `login_required` documents 401 in the view's `_apidoc`.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from werkzeug.exceptions import HTTPException

PWA = Path(__file__).resolve().parent.parent / "pwa"

_STRING = r"""(?:'/api/[^'\\\n]*'|"/api/[^"\\\n]*"|`/api/[^`\\$\n]*`)"""
_GAP = r"(?:\s|//[^\n]*\n|/\*.*?\*/)*"  # white space and comments between the items
# An array literal whose items are all string literals starting with /api/.
_API_PATH_LIST = re.compile(rf"\[{_GAP}({_STRING}(?:{_GAP},{_GAP}{_STRING})*){_GAP},?{_GAP}\]",
                            re.DOTALL)


def cacheable_api_paths() -> tuple[list[str], str]:
    """(the paths of the list, where it was found). Fails when there is not exactly one."""
    found = []
    for path in sorted([PWA / "sw.js", *PWA.joinpath("js").rglob("*.js")]):
        source = path.read_text(encoding="utf-8")
        for match in _API_PATH_LIST.finditer(source):
            items = re.findall(_STRING, match.group(1))
            found.append((str(path.relative_to(PWA)), [item[1:-1] for item in items]))
    assert len(found) == 1, (
        "expected one list of '/api/...' paths in pwa/ (the service worker's cacheable API "
        f"paths); found {found}: teach this test which one the service worker uses")
    (where, paths), = found
    return paths, where


def needs_login(app: Flask, endpoint: str) -> bool:
    view = app.view_functions[endpoint]
    responses = getattr(view, "_apidoc", {}).get("manual_doc", {}).get("responses", {})
    return "401" in responses or 401 in responses


def covered(rule: str, prefix: str) -> bool:
    """Whether the service worker's test (`path === p || path.startsWith(p + '/')`) can be
    true for a URL of this rule."""
    return rule == prefix or rule.startswith(f"{prefix}/")


def endpoints_under(app: Flask, prefixes: list[str]) -> dict[str, str]:
    """{endpoint: rule} of every GET endpoint a URL the service worker may cache reaches."""
    found = {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()
             if "GET" in (rule.methods or ()) and any(covered(rule.rule, p) for p in prefixes)}
    adapter = app.url_map.bind("localhost")
    for prefix in prefixes:  # also a rule with a variable part that matches the path itself
        try:
            rule, _args = adapter.match(prefix, method="GET", return_rule=True)
        except HTTPException:  # not found, another method, or a redirect
            continue
        if rule.rule.startswith("/api"):  # not the PWA's catch-all (a 404 for /api/ paths)
            found.setdefault(rule.endpoint, rule.rule)
    return found


def test_the_service_worker_caches_only_answers_that_need_no_login(app: Flask, client) -> None:
    paths, where = cacheable_api_paths()
    assert paths, f"the list of cacheable API paths in {where} is empty"
    assert all(p.startswith("/api/") and not p.endswith("/") for p in paths), paths
    served = endpoints_under(app, paths)
    personal = sorted(rule for endpoint, rule in served.items() if needs_login(app, endpoint))
    assert personal == [], f"{where} lets the service worker cache personal answers: {personal}"
    assert served, f"no API endpoint is under the paths {paths} of {where}"
    # The documentation agrees with what the endpoints do: without a login they answer.
    for rule in served.values():
        if "<" not in rule:
            response = client.get(rule)
            assert response.status_code != 401, rule
            response.close()


def test_the_login_check_is_seen_where_it_is(app: Flask) -> None:
    """The check above would pass for anything if it could not see a login requirement."""
    rules = {rule.rule: rule.endpoint for rule in app.url_map.iter_rules()}
    assert needs_login(app, rules["/api/me"])
    assert needs_login(app, rules["/api/logbooks"])
    assert not needs_login(app, rules["/api/logbook-templates"])
