"""One JSON shape for every error: {"code", "status", "message", "errors"}.

The one place where errors become answers: HTTP errors (routing, parsing, `abort`), the domain
errors that services raise (api/domain.py), marshmallow ValidationError (422), a database
constraint (IntegrityError, 409) and a database that is busy or down (503 with Retry-After).
Every one of them rolls the transaction back first, so nothing is half-written. The message is
written for a person. Internal details (exception text, SQL) never reach the client; in tests
an unexpected exception is re-raised so the test that caused it fails.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from flask import Flask, current_app, jsonify, request
from marshmallow import ValidationError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from api.db import db
from api.domain import DomainError

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5  # after a 503: the device sends its outbox again this much later

# Messages for errors raised without one of their own (e.g. a 404 from the router).
DEFAULT_MESSAGES = {
    400: "The request could not be read. Check that it is valid JSON.",
    401: "Please log in again.",
    403: "You are not allowed to do this.",
    404: "This was not found. It may have been deleted, or the address is wrong.",
    405: "This address does not accept this kind of request.",
    409: "This conflicts with something that already exists.",
    413: "This is too large to accept.",
    415: "This type of file or content is not accepted.",
    422: "Some fields are not valid. See 'errors' for what to change.",
    429: "Too many attempts. Please wait a moment and try again.",
    500: "Something went wrong on our side. Please try again later.",
    503: "Houvast is briefly unavailable. Please try again in a moment.",
}


def error_response(code: int, message: str | None = None, errors: Any = None,
                   headers: dict[str, str] | None = None):
    status = _status_name(code)
    payload: dict[str, Any] = {
        "code": code,
        "status": status,
        "message": message or DEFAULT_MESSAGES.get(code, status),
        "errors": errors or {},
    }
    response = jsonify(payload)
    response.status_code = code
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _status_name(code: int) -> str:
    return HTTP_STATUS_CODES.get(code, "Error")


def handle_http_exception(error: HTTPException):
    code = error.code or 500
    data = getattr(error, "data", None) or {}
    message = data.get("message")
    errors = data.get("errors") or data.get("messages")
    # webargs nests errors by location ({"json": {...}}); a person wants the fields.
    if isinstance(errors, dict) and len(errors) == 1:
        (location, inner), = errors.items()
        if location in {"json", "query", "querystring", "form", "files"} and isinstance(
            inner, dict
        ):
            errors = inner
    if message is None and code == 400 and "json" in (error.description or "").lower():
        message = "The request body is not valid JSON."
    if message is None and code == 422 and isinstance(errors, dict):
        unknown = [k for k, v in errors.items() if v == ["Unknown field."]]
        if unknown:
            message = "Unknown field(s): " + ", ".join(sorted(unknown)) + "."
    headers = dict(data.get("headers") or {})
    if code == 405 and error.get_headers():
        headers.update({k: v for k, v in error.get_headers() if k == "Allow"})
    response = error_response(code, message, errors, headers)
    if code == 429 and "Retry-After" not in response.headers:
        response.headers["Retry-After"] = str(_seconds_until_limit_resets())
    return response


def _seconds_until_limit_resets() -> int:
    from api.extensions import limiter

    current = limiter.current_limit
    if current is None:
        return 60
    return max(1, int(current.reset_at - time.time()) + 1)


def handle_domain_error(error: DomainError):
    db.session.rollback()
    return error_response(error.status, error.message, error.errors, error.headers)


def handle_validation_error(error: ValidationError):
    db.session.rollback()
    return error_response(422, errors=error.messages)


def handle_integrity_error(error: IntegrityError):
    # A unique or foreign key the rules did not foresee (two requests at the same moment).
    db.session.rollback()
    log.info("integrity error on %s %s", request.method, request.path)
    return error_response(409)


def handle_database_unavailable(error: OperationalError | PoolTimeout):
    # Lost connection, lock timeout, database restarting: worth retrying, never a 500.
    try:
        db.session.rollback()
    except Exception:  # the connection may be gone; the session is discarded at teardown
        log.warning("rollback after a database error failed too")
    log.warning("database unavailable on %s %s: %s", request.method, request.path,
                type(getattr(error, "orig", None) or error).__name__)
    return error_response(503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def handle_unexpected(error: Exception):
    if current_app.testing:
        raise error
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(IntegrityError, handle_integrity_error)
    app.register_error_handler(OperationalError, handle_database_unavailable)
    app.register_error_handler(PoolTimeout, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected)
    app.register_error_handler(InternalServerError, handle_http_exception)
