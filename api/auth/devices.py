"""A coarse name for the device of a session ("Chrome op Android"), for the list of where a
person is logged in: enough to tell one's own phone from a stranger's laptop, too little to
identify anyone. Read from the User-Agent header at login; the header itself and the address
are never kept. Order matters: Edge and Samsung Internet also say "Chrome", Chrome also says
"Safari", iOS browsers say "Mac OS X".
"""

from __future__ import annotations

BROWSERS = (("Edg", "Edge"), ("SamsungBrowser", "Samsung Internet"), ("Firefox", "Firefox"),
            ("FxiOS", "Firefox"), ("OPR", "Opera"), ("CriOS", "Chrome"), ("Chrome", "Chrome"),
            ("Safari", "Safari"))
SYSTEMS = (("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
           ("Windows", "Windows"), ("Macintosh", "Mac"), ("CrOS", "ChromeOS"),
           ("Linux", "Linux"))
UNKNOWN = "?"


def describe(user_agent: str | None) -> str:
    """"<browser>|<system>", each "?" when unknown: the phone words it in its language."""
    agent = user_agent or ""
    browser = next((name for mark, name in BROWSERS if mark in agent), UNKNOWN)
    system = next((name for mark, name in SYSTEMS if mark in agent), UNKNOWN)
    return f"{browser}|{system}"
