"""flask-smorest, customised once for the whole project.

Routes import `Api`, `Blueprint` and `Schema` from here. `Blueprint.login_required` checks the
session token and, when given roles, the user's role; it also documents the 401/403 answers in
the OpenAPI document, so the rule and its documentation cannot drift apart.

Request JSON is parsed here once for every endpoint (`load_json`, also behind Flask's
`request.get_json`): more than MAX_JSON_DEPTH levels of nesting, or a number too long to read,
is 400 before any schema sees it (deep JSON would otherwise end in a RecursionError). The
schemas (schemas/base.py) then refuse unstorable text and out-of-range values with a 422.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import marshmallow as ma
from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider
from flask_jwt_extended import current_user, verify_jwt_in_request
from flask_smorest import Api as _Api
from flask_smorest import Blueprint as _Blueprint
from flask_smorest import abort
from webargs import core as webargs_core
from webargs.flaskparser import FlaskParser, is_json_request

from schemas.base import MAX_JSON_DEPTH, Schema

__all__ = ["Api", "Blueprint", "Schema", "abort"]

TOO_DEEP = (f"The request body is nested too deeply: at most {MAX_JSON_DEPTH} levels of "
            "objects and lists.")
UNREADABLE_NUMBER = "The request body holds a number too long to read."


_DOC = "(request body)"  # webargs treats an error with an empty `doc` as "no body"


class JSONTooDeep(json.JSONDecodeError):
    def __init__(self) -> None:
        super().__init__(TOO_DEEP, _DOC, 0)


def _too_deep(value: Any) -> bool:
    """More than MAX_JSON_DEPTH levels of objects and lists (counted without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > MAX_JSON_DEPTH:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def load_json(data: str | bytes) -> Any:
    """Parse a request body: raise json.JSONDecodeError (a ValueError; 400) for invalid JSON,
    for nesting deeper than MAX_JSON_DEPTH and for a number too long to read."""
    try:
        value = webargs_core.parse_json(data)  # UTF-8 only; bytes that are not: 400
    except RecursionError:
        raise JSONTooDeep() from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise json.JSONDecodeError(UNREADABLE_NUMBER, _DOC, 0) from None
    if isinstance(value, dict | list) and _too_deep(value):
        raise JSONTooDeep()
    return value


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, with the request limits of `load_json` (request.get_json uses it)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return load_json(s)


class StrictParser(FlaskParser):
    # A query string with a field the endpoint does not know is answered 422, like a body.
    DEFAULT_UNKNOWN_BY_LOCATION = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
        "query": ma.RAISE,
        "querystring": ma.RAISE,
        "json": ma.RAISE,
        "form": ma.RAISE,
        "files": ma.RAISE,
    }

    def _raw_load_json(self, req: Any) -> Any:
        if not is_json_request(req):
            return webargs_core.missing
        return load_json(req.get_data(cache=True))

    def _handle_invalid_json_error(self, error: Any, req: Any, *args: Any, **kwargs: Any):
        message = error.msg if isinstance(error, json.JSONDecodeError) and error.msg in (
            TOO_DEEP, UNREADABLE_NUMBER) else "The request body is not valid JSON."
        abort(400, message=message, errors={"json": [message]})


class Api(_Api):
    def _register_error_handlers(self) -> None:
        # api/errors.py registers one handler for every error, inside and outside the API.
        pass

    def init_app(self, app: Flask, *args: Any, **kwargs: Any) -> None:
        super().init_app(app, *args, **kwargs)
        app.json = JSONProvider(app)
        app.before_request(reject_undeclared_query)


def reject_undeclared_query() -> None:
    """A query string on an endpoint that declares none is answered 422 naming the fields.

    Endpoints with a query schema are checked by StrictParser; this covers the rest, so
    `?anything` is never silently ignored.
    """
    if not request.args or not request.path.startswith("/api/"):
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or not hasattr(view, "_apidoc"):
        return
    parameters = view._apidoc.get("arguments", {}).get("parameters", [])
    if any(p.get("in") in ("query", "querystring") for p in parameters):
        return
    names = sorted(request.args)
    abort(422, message="Unknown field(s): " + ", ".join(names) + ".",
          errors={name: ["Unknown field."] for name in names})


class Blueprint(_Blueprint):
    ARGUMENTS_PARSER = StrictParser()

    def login_required(
        self, roles: Iterable[str] | None = None, *, refresh: bool = False
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Require a valid session (and one of `roles`, when given) for a view.

        :raise 401: no valid, unrevoked token
        :raise 403: the user's role is not allowed here
        """
        allowed = frozenset(roles or ())

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            @wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                verify_jwt_in_request(refresh=refresh)
                if allowed and current_user.role not in allowed:
                    abort(403, message="This part of Houvast is not available for your account.")
                return func(*args, **kwargs)

            doc = getattr(wrapper, "_apidoc", {})
            doc.setdefault("manual_doc", {}).setdefault("responses", {})
            responses = doc["manual_doc"]["responses"]
            responses["401"] = {"description": "Not logged in, or the session has ended"}
            if allowed:
                responses["403"] = {"description": f"Only for: {', '.join(sorted(allowed))}"}
            doc["manual_doc"].setdefault("security", [{"cookieAuth": []}, {"bearerAuth": []}])
            wrapper._apidoc = doc  # type: ignore[attr-defined]
            return wrapper

        return decorator
