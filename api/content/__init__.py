"""Content written for Houvast (Dutch first, plain B1; English second): data, not code."""

import re
from typing import Any


def for_the_phone(value: Any) -> Any:
    """Rules as the phone needs them: the documentation keys (about, source, note) stay in the
    file, which is where people read them; the phone gets every number and condition."""
    if isinstance(value, dict):
        return {k: for_the_phone(v) for k, v in value.items()
                if k not in ("about", "source", "note")}
    if isinstance(value, list):
        return [for_the_phone(v) for v in value]
    return value


FORMAL_YOU = re.compile(r"\b(u|uw|U|Uw)\b")


def texts_in(value: Any, path: str, skip: tuple[str, ...] = ()) -> list[tuple[str, dict]]:
    """Every text ({"nl", "en"} dict) under `value`, with its path; keys in `skip` hold no
    user-facing text (a legal reference, a translation status) and are not entered."""
    if isinstance(value, dict):
        if "nl" in value or "en" in value:
            return [(path, value)]
        return [found for key, item in value.items() if key not in skip
                for found in texts_in(item, f"{path}.{key}", skip)]
    if isinstance(value, list):
        return [found for i, item in enumerate(value)
                for found in texts_in(item, f"{path}.{i}", skip)]
    return []


def text_problems(value: Any, path: str, skip: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with the texts under `value`: a language missing or empty, or Dutch that
    says "u" or "uw" (our Dutch is always "je")."""
    problems = []
    for where, text in texts_in(value, path, skip):
        for lang in ("nl", "en"):
            if not isinstance(text.get(lang), str) or not text[lang].strip():
                problems.append(f"{where}: no {lang!r} text")
        if isinstance(text.get("nl"), str) and FORMAL_YOU.search(text["nl"]):
            problems.append(f"{where}: the Dutch says 'u' or 'uw' (use 'je'): {text['nl']!r}")
    return problems
