"""The helpers' training "In 8 stappen beter helpen", its two deepening modules, the ten
checklists and the two tools (the referral guide and the self-scan of time spent helping):
data in api/content/training/ (its FORMAT.md describes every file), loaded here once.

`MODULES`, `CHECKLISTS` and `TOOLS` hold the content with {"nl", "en"} texts; `localized()`
gives one language, as the API serves it. `problems()` lists everything that breaks the format:
a missing language, "u" in the Dutch, an exercise answer without feedback, a text with a number
but no source, a link or source that does not resolve, a step that is too short. The test suite
fails on any problem; `python -m api.content.training check` prints them, and
`python -m api.content.training words` counts the words per step.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from api.content import text_problems, texts_in
from api.content.contacts import CONTACTS

ROOT = Path(__file__).with_name("training")
MODULE_IDS = ("basis", "communiceren", "er-zijn")
CHECKLIST_IDS = ("algemeen", "fraude", "geweld", "zelfdoding", "online-intimidatie", "overval",
                 "seksueel-misbruik", "stalking", "verkeersongeval", "woninginbraak")
TOOL_IDS = ("referral", "selfscan")
LANGS = ("nl", "en")

# The fewest Dutch (and English) words of text a module has, and a basic step's range.
MODULE_MIN_WORDS = {"basis": 4500, "communiceren": 3500, "er-zijn": 2500}
BASIC_STEP_WORDS = (400, 900)
STEP_MINUTES = (4, 7)
TEXT_BLOCKS = ("p", "list", "say", "dont_say")
BLOCK_KINDS = (*TEXT_BLOCKS, "link")
EXERCISE_KINDS = ("quiz", "scenario", "sort", "selftest", "reflection")
VERDICTS = ("helps", "partly", "hurts")
CHECKLIST_GROUPS = ("first_days", "call", "deadlines")
# The training's own name holds a number that is not a fact.
NOT_A_FACT = re.compile(r"\b(in )?8 (stappen|steps)\b", re.IGNORECASE)


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _load_module(module_id: str) -> dict[str, Any]:
    folder = ROOT / module_id
    module = _read(folder / "module.json")
    steps = []
    for number, name in enumerate(module["steps"], start=1):
        path = folder / f"{name}.json"
        step = _read(path) if path.exists() else {"id": name.split("-", 1)[-1], "missing": True}
        steps.append({**step, "number": number, "file": name})
    return {**module, "steps": steps,
            "minutes": sum(step.get("minutes", 0) for step in steps)}


def _load_dir(folder: str, ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    found = {}
    for item_id in ids:
        path = ROOT / folder / f"{item_id}.json"
        found[item_id] = _read(path) if path.exists() else {"id": item_id, "missing": True}
    return found


MODULES: dict[str, dict[str, Any]] = {module_id: _load_module(module_id)
                                      for module_id in MODULE_IDS}
CHECKLISTS = _load_dir("checklists", CHECKLIST_IDS)
TOOLS = _load_dir("tools", TOOL_IDS)
VERSION = hashlib.sha256(json.dumps([MODULES, CHECKLISTS, TOOLS], sort_keys=True)
                         .encode()).hexdigest()[:16]


# --- one language, as served ---------------------------------------------------------------


def localized(value: Any, lang: str) -> Any:
    """`value` with every {"nl", "en"} text replaced by its `lang` text; the maintainers' notes
    (a source's `where`) stay in the files."""
    if isinstance(value, dict):
        if set(value) <= set(LANGS) and value:
            return value.get(lang) or value.get("nl")
        return {key: localized(item, lang) for key, item in value.items()
                if key not in ("where", "file")}
    if isinstance(value, list):
        return [localized(item, lang) for item in value]
    return value


def outline(lang: str) -> dict[str, Any]:
    """The modules with their steps and minutes, and the checklists' and tools' titles."""
    return {
        "version": VERSION, "lang": lang,
        "modules": [localized({
            "id": m["id"], "kind": m["kind"], "title": m["title"], "summary": m["summary"],
            "minutes": m["minutes"],
            "steps": [{"id": s["id"], "number": s["number"], "title": s.get("title"),
                       "minutes": s.get("minutes")} for s in m["steps"]]}, lang)
            for m in MODULES.values()],
        "checklists": [{"id": c["id"], "title": localized(c.get("title"), lang)}
                       for c in CHECKLISTS.values()],
        "tools": [{"id": tool_id, "title": localized(t.get("title"), lang)}
                  for tool_id, t in TOOLS.items()],
    }


def module(module_id: str, lang: str) -> dict[str, Any] | None:
    found = MODULES.get(module_id)
    return None if found is None else localized(found, lang)


def checklist(checklist_id: str, lang: str) -> dict[str, Any] | None:
    found = CHECKLISTS.get(checklist_id)
    return None if found is None else localized(found, lang)


def tool(tool_id: str, lang: str) -> dict[str, Any] | None:
    found = TOOLS.get(tool_id)
    return None if found is None else {"id": tool_id, **localized(found, lang)}


def bundle(lang: str) -> dict[str, Any]:
    """Everything for offline use in one answer: the phone downloads the training once."""
    return {"version": VERSION, "lang": lang,
            "modules": [module(module_id, lang) for module_id in MODULE_IDS],
            "checklists": [checklist(checklist_id, lang) for checklist_id in CHECKLIST_IDS],
            "tools": {tool_id: tool(tool_id, lang) for tool_id in TOOL_IDS},
            "contacts": localized(CONTACTS, lang)}


# --- the checks ------------------------------------------------------------------------------


def words(text: str) -> int:
    return len(text.split())


def step_words(step: dict[str, Any], lang: str = "nl") -> int:
    """The words of a step's text blocks (not its exercises, goals or takeaways)."""
    count = 0
    for screen in step.get("screens", []):
        for block in screen.get("blocks", []):
            for kind in TEXT_BLOCKS:
                if kind in block:
                    items = block[kind] if kind == "list" else [block[kind]]
                    count += sum(words(item.get(lang, "")) for item in items
                                 if isinstance(item, dict))
    return count


def _link_targets() -> set[str]:
    targets = {f"checklist:{c}" for c in CHECKLIST_IDS} | {f"tool:{t}" for t in TOOL_IDS}
    targets |= {f"contact:{c}" for c in CONTACTS}
    for module_id, found in MODULES.items():
        targets.add(module_id)
        targets |= {f"{module_id}/{step['id']}" for step in found["steps"]}
    return targets


def _source_problems(value: Any, where: str, sources: dict[str, Any],
                     covered: bool = False) -> list[str]:
    """A text with a digit must sit under a `source`; every source id must be in `sources`."""
    problems = []
    if isinstance(value, dict):
        if set(value) <= set(LANGS) and value:
            if not covered and any(re.search(r"\d", NOT_A_FACT.sub("", str(value.get(lang, ""))))
                                   for lang in LANGS):
                problems.append(f"{where}: a text with a number needs a 'source': "
                                f"{value.get('nl')!r}")
            return problems
        if "source" in value:
            ids = value["source"] if isinstance(value["source"], list) else [value["source"]]
            problems += [f"{where}: unknown source {i!r}" for i in ids if i not in sources]
            covered = True
        for key, item in value.items():
            if key not in ("sources", "source", "id", "where"):
                problems += _source_problems(item, f"{where}.{key}", sources, covered)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            problems += _source_problems(item, f"{where}.{i}", sources, covered)
    return problems


def _sources_problems(found: dict[str, Any], where: str) -> list[str]:
    sources = found.get("sources")
    if not isinstance(sources, dict) or not sources:
        return [f"{where}: no 'sources'"]
    return [f"{where}.sources.{key}: needs a title and 'checked'" for key, source in
            sources.items() if not (isinstance(source, dict) and source.get("title")
                                    and source.get("checked"))]


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip()
                                           for lang in LANGS)


def _need_texts(found: dict[str, Any], where: str, *keys: str) -> list[str]:
    return [f"{where}: '{key}' must be a text in nl and en" for key in keys
            if not _is_text(found.get(key))]


def _exercise_problems(exercise: dict[str, Any], where: str) -> list[str]:
    kind = exercise.get("kind")
    problems = _need_texts(exercise, where, "title")
    if kind == "quiz":
        questions = exercise.get("questions") or []
        if not questions:
            problems.append(f"{where}: a quiz without questions")
        for i, question in enumerate(questions):
            at = f"{where}.questions.{i}"
            options = question.get("options") or []
            problems += _need_texts(question, at, "question")
            if not 2 <= len(options) <= 4:
                problems.append(f"{at}: 2 to 4 options, not {len(options)}")
            if sum(1 for o in options if o.get("correct") is True) != 1:
                problems.append(f"{at}: exactly one option must be correct")
            for j, option in enumerate(options):
                problems += _need_texts(option, f"{at}.options.{j}", "text", "feedback")
    elif kind == "scenario":
        problems += _need_texts(exercise, where, "situation", "question")
        choices = exercise.get("choices") or []
        if not 2 <= len(choices) <= 4:
            problems.append(f"{where}: 2 to 4 choices, not {len(choices)}")
        for j, choice in enumerate(choices):
            problems += _need_texts(choice, f"{where}.choices.{j}", "text", "consequence")
            if choice.get("verdict") not in VERDICTS:
                problems.append(f"{where}.choices.{j}: verdict must be one of {VERDICTS}")
        if not any(c.get("verdict") == "helps" for c in choices):
            problems.append(f"{where}: no choice that helps")
    elif kind == "sort":
        problems += _need_texts(exercise, where, "prompt")
        statements = exercise.get("statements") or []
        if not 6 <= len(statements) <= 10:
            problems.append(f"{where}: 6 to 10 statements, not {len(statements)}")
        if {s.get("helpful") for s in statements} != {True, False}:
            problems.append(f"{where}: statements must be both helpful and harmful")
        for j, statement in enumerate(statements):
            problems += _need_texts(statement, f"{where}.statements.{j}", "text", "feedback")
    elif kind == "selftest":
        problems += _need_texts(exercise, where, "prompt")
        items = exercise.get("items") or []
        scale = exercise.get("scale") or []
        if len(scale) != 3 or not all(_is_text(s) for s in scale):
            problems.append(f"{where}: the scale is three texts (often, sometimes, rarely)")
        if not 5 <= len(items) <= 8:
            problems.append(f"{where}: 5 to 8 items, not {len(items)}")
        for j, item in enumerate(items):
            problems += _need_texts(item, f"{where}.items.{j}", "text", "feedback")
        problems += _band_problems(exercise.get("results") or [], 2 * len(items), where)
    elif kind == "reflection":
        problems += _need_texts(exercise, where, "question", "hint")
        for j, prompt in enumerate(exercise.get("prompts") or []):
            if not _is_text(prompt):
                problems.append(f"{where}.prompts.{j}: must be a text in nl and en")
    else:
        problems.append(f"{where}: unknown exercise kind {kind!r}")
    return problems


def _band_problems(bands: list[dict[str, Any]], top: int, where: str) -> list[str]:
    """Result bands must cover every total from 0 to `top` once, each with a text."""
    covered: list[int] = []
    problems = []
    for j, band in enumerate(bands):
        problems += _need_texts(band, f"{where}.results.{j}", "text")
        low, high = band.get("min"), band.get("max")
        if isinstance(low, int) and isinstance(high, int) and low <= high:
            covered += range(low, high + 1)
        else:
            problems.append(f"{where}.results.{j}: min and max must be whole numbers, min <= max")
    if sorted(covered) != list(range(top + 1)):
        problems.append(f"{where}: the results must cover 0..{top} without gaps or overlap")
    return problems


def _step_problems(module_id: str, step: dict[str, Any], targets: set[str],
                   exercise_ids: set[str]) -> list[str]:
    where = f"{module_id}/{step.get('file', step.get('id'))}"
    if step.get("missing"):
        return [f"{where}: the file is missing"]
    problems = _need_texts(step, where, "title")
    if step.get("file", "").split("-", 1)[-1] != step.get("id"):
        problems.append(f"{where}: the id must be the file name after its number")
    low, high = STEP_MINUTES
    if not (isinstance(step.get("minutes"), int) and low <= step["minutes"] <= high):
        problems.append(f"{where}: minutes must be {low} to {high}")
    if not 2 <= len(step.get("goals") or []) <= 3:
        problems.append(f"{where}: 2 or 3 goals")
    if not 3 <= len(step.get("takeaways") or []) <= 5:
        problems.append(f"{where}: 3 to 5 takeaways")
    screens = step.get("screens") or []
    exercises = [s["exercise"] for s in screens if "exercise" in s]
    if not exercises:
        problems.append(f"{where}: no exercise")
    if not any("blocks" in s for s in screens):
        problems.append(f"{where}: no text screen")
    for i, screen in enumerate(screens):
        at = f"{where}.screens.{i}"
        if "exercise" in screen:
            exercise = screen["exercise"]
            if exercise.get("id") in exercise_ids or not exercise.get("id"):
                problems.append(f"{at}: exercise id {exercise.get('id')!r} missing or used twice")
            exercise_ids.add(exercise.get("id"))
            problems += _exercise_problems(exercise, at)
            continue
        problems += _need_texts(screen, at, "title")
        for j, block in enumerate(screen.get("blocks") or []):
            kinds = [k for k in BLOCK_KINDS if k in block]
            if len(kinds) != 1:
                problems.append(f"{at}.blocks.{j}: one of {BLOCK_KINDS}, not {sorted(block)}")
            elif kinds == ["link"]:
                if block["link"] not in targets:
                    problems.append(f"{at}.blocks.{j}: link {block['link']!r} leads nowhere")
                problems += _need_texts(block, f"{at}.blocks.{j}", "label")
    if module_id == "basis":
        low, high = BASIC_STEP_WORDS
        for lang in LANGS:
            count = step_words(step, lang)
            if not low <= count <= high:
                problems.append(f"{where}: {count} {lang} words of text, not {low}-{high}")
    problems += _sources_problems(step, where)
    problems += _source_problems(step, where, step.get("sources") or {})
    return problems


def _checklist_problems(checklist_id: str, found: dict[str, Any]) -> list[str]:
    where = f"checklists/{checklist_id}"
    if found.get("missing"):
        return [f"{where}: the file is missing"]
    problems = _need_texts(found, where, "title", "intro")
    if found.get("id") != checklist_id:
        problems.append(f"{where}: the id must be the file name")
    items = found.get("items") or []
    if not 8 <= len(items) <= 15:
        problems.append(f"{where}: 8 to 15 items, not {len(items)}")
    if {item.get("group") for item in items} != set(CHECKLIST_GROUPS):
        problems.append(f"{where}: items must use exactly the groups {CHECKLIST_GROUPS}")
    if len({item.get("id") for item in items}) != len(items):
        problems.append(f"{where}: item ids must be unique")
    for i, item in enumerate(items):
        problems += _need_texts(item, f"{where}.items.{i}", "text")
        if "detail" in item and not _is_text(item["detail"]):
            problems.append(f"{where}.items.{i}: 'detail' must be a text in nl and en")
        if item.get("contact") is not None and item["contact"] not in CONTACTS:
            problems.append(f"{where}.items.{i}: unknown contact {item['contact']!r}")
    return problems + _sources_problems(found, where) + _source_problems(
        found, where, found.get("sources") or {})


def _referral_problems(found: dict[str, Any]) -> list[str]:
    where = "tools/referral"
    problems = _need_texts(found, where, "title", "intro")
    nodes, results = found.get("nodes") or {}, found.get("results") or {}
    reached, queue = set(), [found.get("start")]
    while queue:
        node_id = queue.pop()
        if node_id in reached:
            continue
        if node_id not in nodes:
            problems.append(f"{where}: node {node_id!r} does not exist")
            continue
        reached.add(node_id)
        node = nodes[node_id]
        problems += _need_texts(node, f"{where}.nodes.{node_id}", "question")
        for j, option in enumerate(node.get("options") or []):
            at = f"{where}.nodes.{node_id}.options.{j}"
            problems += _need_texts(option, at, "text")
            if "next" in option:
                queue.append(option["next"])
            elif option.get("result") not in results:
                problems.append(f"{at}: result {option.get('result')!r} does not exist")
    problems += [f"{where}: node {n!r} cannot be reached" for n in nodes if n not in reached]
    for result_id, result in results.items():
        at = f"{where}.results.{result_id}"
        problems += _need_texts(result, at, "title", "text")
        problems += [f"{at}: unknown contact {c!r}" for c in result.get("contacts") or []
                     if c not in CONTACTS]
    return problems


def _selfscan_problems(found: dict[str, Any]) -> list[str]:
    where = "tools/selfscan"
    problems = _need_texts(found, where, "title", "intro")
    questions = found.get("questions") or []
    top = 0
    for i, question in enumerate(questions):
        at = f"{where}.questions.{i}"
        problems += _need_texts(question, at, "text")
        points = [option.get("points") for option in question.get("options") or []]
        if sorted(points) != [0, 1, 2]:
            problems.append(f"{at}: three options scored 0, 1 and 2")
        for j, option in enumerate(question.get("options") or []):
            problems += _need_texts(option, f"{at}.options.{j}", "text")
        top += 2
    if not questions:
        problems.append(f"{where}: no questions")
    problems += _band_problems(found.get("results") or [], top, where)
    for j, advice in enumerate(found.get("advice") or []):
        problems += _need_texts(advice, f"{where}.advice.{j}", "title", "text")
    if not found.get("advice"):
        problems.append(f"{where}: no advice")
    return problems


def problems() -> list[str]:
    """Everything in the training's content that breaks its format (FORMAT.md)."""
    found: list[str] = []
    targets = _link_targets()
    for module_id, found_module in MODULES.items():
        found += _need_texts(found_module, module_id, "title", "summary")
        exercise_ids: set[str] = set()
        for step in found_module["steps"]:
            found += _step_problems(module_id, step, targets, exercise_ids)
        for lang in LANGS:
            total = sum(step_words(step, lang) for step in found_module["steps"])
            if total < MODULE_MIN_WORDS[module_id]:
                found.append(f"{module_id}: {total} {lang} words of text, at least "
                             f"{MODULE_MIN_WORDS[module_id]}")
    for checklist_id, found_checklist in CHECKLISTS.items():
        found += _checklist_problems(checklist_id, found_checklist)
    for tool_id, found_tool in TOOLS.items():
        if found_tool.get("missing"):
            found.append(f"tools/{tool_id}: the file is missing")
            continue
        found += _referral_problems(found_tool) if tool_id == "referral" else (
            _selfscan_problems(found_tool))
        found += _sources_problems(found_tool, f"tools/{tool_id}")
        found += _source_problems(found_tool, f"tools/{tool_id}", found_tool.get("sources") or {})
    everything = {"modules": MODULES, "checklists": CHECKLISTS, "tools": TOOLS}
    found += text_problems(everything, "training", skip=("sources",))
    return found


def all_texts() -> list[tuple[str, dict]]:
    return texts_in({"modules": MODULES, "checklists": CHECKLISTS, "tools": TOOLS}, "training",
                    skip=("sources",))


def _main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "words":
        for module_id, found in MODULES.items():
            for step in found["steps"]:
                print(f"{module_id}/{step['file']}: nl {step_words(step, 'nl')}, "
                      f"en {step_words(step, 'en')}")
            print(f"{module_id}: nl {sum(step_words(s, 'nl') for s in found['steps'])}, "
                  f"en {sum(step_words(s, 'en') for s in found['steps'])}")
        return 0
    found = problems()
    print("\n".join(found) or "no problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
