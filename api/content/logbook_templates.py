"""The three logbook types and their guided questions, in Dutch (B1) and English.

Every question has: `key`, `type`, `required`, `step` (the PWA asks one step per screen),
`label` and `help` ({"nl", "en"}), and for closed questions `options` ([{value, label}]).
Question types and the answer value the API accepts for them:

| type         | answer value                                                        |
|--------------|---------------------------------------------------------------------|
| scale        | integer from `min` to `max`; every value has words in `options`     |
| choice       | one `options` value (a string)                                      |
| multi_choice | a non-empty list of distinct `options` values                       |
| text         | a string of at most `max_length` characters                         |
| boolean      | true or false                                                       |
| money        | integer euro cents, 0 or more (never a float): 12,34 euro -> 1234     |
| report_number| a police report number, `pattern` (e.g. PL0900-2026123456)          |

Rules that the phone and the server both apply are data here, served as they are by
GET /api/logbook-templates, and read by api/logbook/answers.py and the PWA (pwa/js/rules/):

- `shown_if` `{"key", "equals"}`: the question is asked only when the answer to question `key`
  equals `equals` (a string, number or boolean). Otherwise the form hides it and the API
  refuses an answer to it.
- `at_most` (money only): the key of another money question this answer may not exceed.

The lengths outside the questions (the note, the title) are `LIMITS` in schemas/logbook.py,
which validates them; the same answer serves them as `limits`.

When something happened is the entry's own `occurred_at`, described per type in `occurred_at`.
Receipt photos and other photos are attached to an entry with POST /api/entries/{id}/photos.
"""

from __future__ import annotations

from typing import Any

from schemas.logbook import TYPES as LOGBOOK_TYPES

NO_NAMES = {
    "nl": "Schrijf geen namen of andere gegevens van andere mensen op.",
    "en": "Do not write down names or other details of other people.",
}


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _options(*items: tuple[Any, str, str]) -> list[dict[str, Any]]:
    return [{"value": value, "label": _t(nl, en)} for value, nl, en in items]


def _q(key: str, type_: str, step: int, label: dict, help_: dict, *, required: bool = False,
       **extra: Any) -> dict[str, Any]:
    return {"key": key, "type": type_, "required": required, "step": step,
            "label": label, "help": help_, **extra}


def _if(key: str, equals: Any) -> dict[str, Any]:
    """For `shown_if`: asked only when question `key` was answered `equals`."""
    return {"key": key, "equals": equals}


FEELING = _options(
    (1, "Heel slecht", "Very bad"),
    (2, "Slecht", "Bad"),
    (3, "Gaat wel", "So-so"),
    (4, "Goed", "Good"),
    (5, "Heel goed", "Very good"),
)
SLEEP = _options(
    (1, "Bijna niet geslapen", "Hardly slept"),
    (2, "Slecht geslapen", "Slept badly"),
    (3, "Een beetje", "Slept a little"),
    (4, "Goed geslapen", "Slept well"),
    (5, "Heel goed geslapen", "Slept very well"),
)

WELLBEING = {
    "type": "wellbeing",
    "title": _t("Hoe gaat het met je", "How are you doing"),
    "description": _t(
        "Schrijf op hoe je je voelt. Zo zie je later wat er verandert en wat je helpt.",
        "Write down how you feel. Later you can see what changes and what helps you.",
    ),
    "occurred_at": {"type": "date", "label": _t("Over welke dag gaat dit?",
                                                 "Which day is this about?")},
    "photos": None,
    "questions": [
        _q("feeling", "scale", 1, _t("Hoe voel je je vandaag?", "How do you feel today?"),
           _t("Kies het getal dat het beste past.", "Choose the number that fits best."),
           required=True, min=1, max=5, options=FEELING),
        _q("sleep", "scale", 1, _t("Hoe heb je geslapen?", "How did you sleep?"),
           _t("Deze vraag mag je overslaan.", "You may skip this question."),
           min=1, max=5, options=SLEEP),
        _q("what_happened", "text", 2, _t("Wat is er gebeurd?", "What happened?"),
           _t("Schrijf zoveel of zo weinig als je wilt.",
              "Write as much or as little as you like."),
           max_length=5000),
        _q("what_helped", "text", 3, _t("Wat hielp je vandaag?", "What helped you today?"),
           _t("Bijvoorbeeld een wandeling, een gesprek of rust.",
              "For example a walk, a talk or some rest."),
           max_length=5000),
    ],
}

DAMAGE_CATEGORIES = _options(
    ("medical", "Medische kosten", "Medical costs"),
    ("material", "Spullen kapot of weg", "Things broken or lost"),
    ("travel", "Reiskosten", "Travel costs"),
    ("loss_of_income", "Minder inkomen", "Loss of income"),
    ("legal", "Juridische kosten", "Legal costs"),
    ("other", "Iets anders", "Something else"),
)
PAYERS = _options(
    ("insurer", "Verzekering", "Insurance"),
    ("employer", "Werkgever", "Employer"),
    ("offender", "Dader", "Offender"),
    ("schadefonds", "Schadefonds Geweldsmisdrijven", "Violent Offences Compensation Fund"),
    ("other", "Iemand anders", "Someone else"),
)

DAMAGES = {
    "type": "damages",
    "title": _t("Schade en kosten", "Damages and costs"),
    "description": _t(
        "Houd bij welke kosten je hebt door wat er is gebeurd. Dat helpt als je later "
        "je geld terugvraagt.",
        "Keep track of the costs you have because of what happened. This helps when you "
        "ask for your money back later.",
    ),
    "occurred_at": {"type": "date", "label": _t("Wanneer had je deze kosten?",
                                                 "When did you have these costs?")},
    "photos": {"label": _t("Foto van de bon", "Photo of the receipt"),
               "help": _t("Maak een foto van de bon of rekening, als je die hebt.",
                          "Take a photo of the receipt or bill, if you have one.")},
    "questions": [
        _q("category", "choice", 1,
           _t("Wat voor kosten zijn het?", "What kind of costs are these?"),
           _t("Kies wat het beste past.", "Choose what fits best."),
           required=True, options=DAMAGE_CATEGORIES),
        _q("amount_cents", "money", 1, _t("Hoeveel was het?", "How much was it?"),
           _t("Het bedrag in euro's, met centen.", "The amount in euros, with cents."),
           required=True, min=0, max=100_000_000),
        _q("reimbursed", "boolean", 2, _t("Heb je dit geld terug gekregen?",
                                          "Did you get this money back?"),
           _t("Kies nee als je nog wacht.", "Choose no if you are still waiting."),
           required=True),
        _q("reimbursed_cents", "money", 2, _t("Hoeveel heb je terug gekregen?",
                                              "How much did you get back?"),
           _t("Laat leeg als je alles terug kreeg.", "Leave empty if you got all of it back."),
           min=0, max=100_000_000, shown_if=_if("reimbursed", True), at_most="amount_cents"),
        _q("reimbursed_by", "choice", 2, _t("Wie heeft het betaald?", "Who paid it back?"),
           _t("Deze vraag mag je overslaan.", "You may skip this question."), options=PAYERS,
           shown_if=_if("reimbursed", True)),
        _q("description", "text", 3, _t("Wat was het?", "What was it?"),
           _t("Bijvoorbeeld: nieuwe bril, taxi naar het ziekenhuis.",
              "For example: new glasses, taxi to the hospital."),
           max_length=2000),
    ],
}

STALKING_ACTS = _options(
    ("followed", "Ik werd gevolgd", "I was followed"),
    ("messages", "Berichten", "Messages"),
    ("calls", "Telefoontjes", "Phone calls"),
    ("at_door", "Bij mijn deur", "At my door"),
    ("at_work", "Bij mijn werk of school", "At my work or school"),
    ("online", "Op internet", "Online"),
    ("property_damage", "Iets van mij kapot gemaakt", "Something of mine damaged"),
    ("threat", "Bedreiging", "A threat"),
    ("other", "Iets anders", "Something else"),
)
PLACES = _options(
    ("home", "Thuis", "At home"),
    ("near_home", "Bij mijn huis", "Near my home"),
    ("work_or_school", "Werk of school", "Work or school"),
    ("street", "Op straat", "In the street"),
    ("public_transport", "In het openbaar vervoer", "On public transport"),
    ("shop_or_public_place", "In een winkel of andere openbare plek", "In a shop or public place"),
    ("phone_or_online", "Telefoon of internet", "Phone or online"),
    ("other", "Ergens anders", "Somewhere else"),
)

STALKING = {
    "type": "stalking",
    "title": _t("Stalking", "Stalking"),
    "description": _t(
        "Schrijf elke keer op wat er gebeurt. Een lijst met data en tijden helpt de politie. "
        "Je kiest vooral uit lijstjes: zo komen er geen gegevens van andere mensen in.",
        "Write down every time something happens. A list of dates and times helps the police. "
        "You mostly choose from lists: that way no details of other people end up in it.",
    ),
    "occurred_at": {"type": "datetime", "label": _t("Wanneer gebeurde het? (datum en tijd)",
                                                     "When did it happen? (date and time)")},
    "photos": {"label": _t("Foto of schermafbeelding", "Photo or screenshot"),
               "help": _t("Bijvoorbeeld van een bericht of van schade.",
                          "For example of a message or of damage.")},
    "questions": [
        _q("what", "multi_choice", 1, _t("Wat gebeurde er?", "What happened?"),
           _t("Je kunt meer dan één ding kiezen.", "You can choose more than one."),
           required=True, options=STALKING_ACTS),
        _q("where", "choice", 1, _t("Waar gebeurde het?", "Where did it happen?"),
           _t("Kies wat het beste past.", "Choose what fits best."),
           required=True, options=PLACES),
        _q("witnesses", "boolean", 2, _t("Was er iemand anders bij?", "Was anyone else there?"),
           _t("Alleen ja of nee. Namen zijn niet nodig.", "Only yes or no. No names needed."),
           required=True),
        _q("reported", "boolean", 2, _t("Heb je het gemeld bij de politie?",
                                        "Did you report it to the police?"),
           _t("Ook een melding zonder aangifte telt.", "A report without charges counts too."),
           required=True),
        _q("report_number", "report_number", 2, _t("Wat is het nummer van je melding?",
                                                   "What is the number of your report?"),
           _t("Het staat op je bewijs van aangifte, bijvoorbeeld PL0900-2026123456.",
              "It is on your proof of report, for example PL0900-2026123456."),
           pattern=r"^[A-Z]{2}\d{4}-\d{6,12}$", shown_if=_if("reported", True)),
        _q("feeling", "scale", 3, _t("Hoe voelde je je daarna?", "How did you feel afterwards?"),
           _t("Kies het getal dat het beste past.", "Choose the number that fits best."),
           required=True, min=1, max=5, options=FEELING),
        _q("details", "text", 3, _t("Wil je er nog iets over kwijt?",
                                    "Anything else you want to write?"),
           NO_NAMES, max_length=2000, warning=NO_NAMES),
    ],
}

TEMPLATES: dict[str, dict[str, Any]] = {t["type"]: t for t in (WELLBEING, DAMAGES, STALKING)}
TYPES = tuple(TEMPLATES)
if TYPES != LOGBOOK_TYPES:  # the schemas accept exactly the types that have questions
    raise RuntimeError(f"logbook templates {TYPES} differ from schemas.logbook.TYPES")
