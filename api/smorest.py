"""flask-smorest, customised once for the whole project.

Routes import `Api`, `Blueprint` and `Schema` from here. `Blueprint.login_required` checks the
session token and, when given roles, the user's role; it also documents the 401/403 answers in
the OpenAPI document, so the rule and its documentation cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import marshmallow as ma
from flask import Flask, current_app, request
from flask_jwt_extended import current_user, verify_jwt_in_request
from flask_smorest import Api as _Api
from flask_smorest import Blueprint as _Blueprint
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from schemas.base import Schema

__all__ = ["Api", "Blueprint", "Schema", "abort"]


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


class Api(_Api):
    def _register_error_handlers(self) -> None:
        # api/errors.py registers one handler for every error, inside and outside the API.
        pass

    def init_app(self, app: Flask, *args: Any, **kwargs: Any) -> None:
        super().init_app(app, *args, **kwargs)
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
