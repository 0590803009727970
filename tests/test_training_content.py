"""The training's content against its format (api/content/training/FORMAT.md): the real content
has no problem, and the check finds each kind of problem when it is put in."""

from __future__ import annotations

import copy

import pytest

from api.content import training


def test_the_content_has_no_problems() -> None:
    assert training.problems() == []


def test_the_lengths_the_issue_names() -> None:
    for module_id, least in training.MODULE_MIN_WORDS.items():
        steps = training.MODULES[module_id]["steps"]
        for lang in training.LANGS:
            assert sum(training.step_words(s, lang) for s in steps) >= least, (module_id, lang)
    assert len(training.MODULES["basis"]["steps"]) == 8
    assert 40 <= training.MODULES["basis"]["minutes"] <= 50
    assert 40 <= training.MODULES["communiceren"]["minutes"] <= 50
    assert 25 <= training.MODULES["er-zijn"]["minutes"] <= 35
    assert all(8 <= len(c["items"]) <= 15 for c in training.CHECKLISTS.values())


def _step() -> dict:
    return copy.deepcopy(training.MODULES["basis"]["steps"][0])


def _problems(step: dict) -> list[str]:
    return training._step_problems("basis", step, training._link_targets(), set())


def _first(step: dict, kind: str) -> dict:
    return next(s["exercise"] for s in step["screens"]
                if "exercise" in s and s["exercise"]["kind"] == kind)


def _blocks(step: dict) -> list[dict]:
    return [b for s in step["screens"] for b in s.get("blocks", [])]


def test_a_missing_language_is_found() -> None:
    step = _step()
    del next(b for b in _blocks(step) if "p" in b)["p"]["en"]
    everything = {"modules": {"basis": {"steps": [step]}}}
    assert any("no 'en' text" in p for p in training.text_problems(everything, "training",
                                                                      skip=("sources",)))


def test_formal_dutch_is_found() -> None:
    step = _step()
    next(b for b in _blocks(step) if "p" in b)["p"]["nl"] = "Heeft u even tijd?"
    assert any("'u'" in p for p in training.text_problems(step, "step", skip=("sources",)))


def test_an_answer_without_feedback_is_found() -> None:
    step = _step()
    exercise = next(s["exercise"] for s in step["screens"] if "exercise" in s)
    exercise["kind"] = "quiz"
    exercise["questions"] = [{"question": {"nl": "Vraag?", "en": "Question?"}, "options": [
        {"text": {"nl": "Ja", "en": "Yes"}, "correct": True},
        {"text": {"nl": "Nee", "en": "No"}, "correct": False,
         "feedback": {"nl": "Omdat.", "en": "Because."}}]}]
    assert any("'feedback'" in p for p in _problems(step))


def test_a_number_without_a_source_is_found() -> None:
    step = _step()
    block = next(b for b in _blocks(step) if "p" in b and "source" not in b)
    block["p"] = {"nl": "Na 3 weken gaat het beter.", "en": "After 3 weeks it gets better."}
    assert any("needs a 'source'" in p for p in _problems(step))
    block["source"] = "nobody"
    assert any("unknown source 'nobody'" in p for p in _problems(step))


def test_a_link_that_leads_nowhere_is_found() -> None:
    step = _step()
    step["screens"][0]["blocks"].append({"link": "basis/nope",
                                         "label": {"nl": "Verder", "en": "On"}})
    assert any("leads nowhere" in p for p in _problems(step))


def test_a_step_too_short_is_found() -> None:
    step = _step()
    step["screens"] = [s for s in step["screens"] if "exercise" in s] + [step["screens"][0]]
    assert any("words of text" in p for p in _problems(step))


@pytest.mark.parametrize("kind", ["selftest", "sort", "scenario"])
def test_broken_exercises_are_found(kind: str) -> None:
    found = [(m, s) for m in training.MODULES.values() for s in m["steps"]
             if any(x.get("exercise", {}).get("kind") == kind for x in s.get("screens", []))]
    assert found, f"no {kind} in the training"
    module, step = found[0]
    exercise = _first(copy.deepcopy(step), kind)
    if kind == "selftest":
        exercise["results"] = exercise["results"][:-1]
        assert any("without gaps" in p for p in training._exercise_problems(exercise, "x"))
    elif kind == "sort":
        for statement in exercise["statements"]:
            statement["helpful"] = True
        assert any("both helpful and harmful" in p
                   for p in training._exercise_problems(exercise, "x"))
    else:
        exercise["choices"][0]["verdict"] = "great"
        assert any("verdict" in p for p in training._exercise_problems(exercise, "x"))


def test_a_checklist_with_an_unknown_contact_is_found() -> None:
    checklist = copy.deepcopy(training.CHECKLISTS["stalking"])
    checklist["items"][0]["contact"] = "ghostbusters"
    assert any("unknown contact" in p
               for p in training._checklist_problems("stalking", checklist))


def test_a_referral_guide_with_a_dead_end_is_found() -> None:
    guide = copy.deepcopy(training.TOOLS["referral"])
    start = guide["nodes"][guide["start"]]
    start["options"][0] = {"text": start["options"][0]["text"], "result": "nowhere"}
    assert any("does not exist" in p for p in training._referral_problems(guide))
