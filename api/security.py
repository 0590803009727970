"""Security headers on every response, and no-store on API answers with personal data."""

from __future__ import annotations

from flask import Flask, Response, current_app, request

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Swagger UI and our own CSS need no inline styles except the docs page's library.
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(self), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"
)

# API answers that carry nothing personal and may be cached by the browser and service worker.
PUBLIC_API_PREFIXES = ("/api/openapi.json", "/api/docs", "/api/content", "/api/logbook-templates",
                       "/api/recovery/instruments", "/api/rights/questions", "/api/training",
                       "/api/push/vapid-public-key")


def set_security_headers(response: Response) -> Response:
    headers = response.headers
    csp = DOCS_CSP if request.path.startswith("/api/docs") else CSP
    headers.setdefault("Content-Security-Policy", csp)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    if current_app.config["PRODUCTION"]:
        headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
    if request.path.startswith("/api/") and not request.path.startswith(PUBLIC_API_PREFIXES):
        headers["Cache-Control"] = "no-store"
        headers.setdefault("Pragma", "no-cache")
    return response


def init_app(app: Flask) -> None:
    app.after_request(set_security_headers)
