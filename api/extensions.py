"""Extension objects, created unbound and initialised in `create_app`."""

from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

jwt = JWTManager()
# Limits are declared per route (login, register); nothing is limited by default.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
