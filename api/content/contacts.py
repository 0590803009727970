"""Who to call or visit: the organisations the rights task list (api/content/rights.py) and the
PWA point to. Data, not code.

`CONTACTS` is keyed by a short id that the rights refer to. Each contact has a `name`, the `phone`
number as people write it and `tel` (digits only, for a tel: link), both None when the
organisation has no phone line we can vouch for, a home page `url` (never a deep link), `when`
to contact them and what it `cost`s to call (None when our research found nothing on the cost).
Every number and cost comes from content.md § 1.5 "Dutch crisis and help numbers (checked)" and
§ Feature 2 (../shared/research/content.md); `source` names where the research found it. Dutch
is B1 and always "je", never "u". `_check()` at import makes sure every text has both
languages and every `tel` is digits only and matches `phone`.
"""

from __future__ import annotations

import re
from typing import Any

from api.content import text_problems

Text = dict[str, str]


def _t(nl: str, en: str) -> Text:
    return {"nl": nl, "en": en}


def _contact(name: str, phone: str | None, tel: str | None, url: str | None, when: Text,
             cost: Text | None, source: str) -> dict[str, Any]:
    return {"name": name, "phone": phone, "tel": tel, "url": url, "when": when, "cost": cost,
            "source": source}


CONTACTS: dict[str, dict[str, Any]] = {
    "emergency": _contact(
        "Alarmnummer 112", "112", "112", None,
        _t("Bel 112 als je in direct gevaar bent, of als er op dit moment iemand gewond is.",
           "Call 112 if you are in direct danger, or if someone is hurt right now."),
        None,
        "rijksoverheid.nl, vragen over huiselijk geweld ('In direct gevaar: bel 112')",
    ),
    "suicide_prevention": _contact(
        "113 Zelfmoordpreventie", "113", "113", "https://www.113.nl",
        _t("Bel of chat met 113 als je aan de dood denkt, of eraan om jezelf pijn te doen. Het "
           "kan dag en nacht. Je kunt ook het nummer 0800-0113 bellen.",
           "Call or chat with 113 if you are thinking about death, or about hurting yourself. "
           "You can do this day and night. You can also call 0800-0113."),
        _t("Gratis. Sinds oktober 2025 is ook bellen naar 113 gratis. 0800-0113 is gratis en "
           "komt niet op je telefoonrekening te staan.",
           "Free. Since October 2025 calling 113 is free as well. 0800-0113 is free and does not "
           "show up on your phone bill."),
        "113.nl; nu.nl 2020-07 (113 works directly); upday.com 2025-10-03 (ANP: 113 free from "
        "October 2025); hartvannederland.nl 2020 (0800-0113 free, anonymous on the bill)",
    ),
    "shn": _contact(
        "Slachtofferhulp Nederland", "0900-0101", "09000101", "https://www.slachtofferhulp.nl",
        _t("Bel als je steun wilt na een misdrijf, of hulp bij je aangifte, je strafzaak of "
           "schadevergoeding. Bij een crisis kun je ook buiten kantoortijd bellen.",
           "Call if you want support after a crime, or help with your report, your criminal "
           "case or compensation. In a crisis you can also call outside office hours."),
        _t("Je betaalt het gewone lokale tarief. De hulp zelf is gratis.",
           "You pay the normal local rate. The help itself is free."),
        "politie.nl/themas/slachtofferhulp",
    ),
    "veilig_thuis": _contact(
        "Veilig Thuis", "0800-2000", "08002000", "https://www.veiligthuis.nl",
        _t("Bel bij geweld of misbruik thuis of in het gezin, ook als je twijfelt. Noem je "
           "woonplaats, dan kom je bij Veilig Thuis in jouw regio. Je mag anoniem bellen, en "
           "chatten kan ook.",
           "Call about violence or abuse at home or in the family, also when you are not sure. "
           "Say which town you live in and you reach Veilig Thuis in your region. You may call "
           "anonymously, and you can also chat."),
        _t("Gratis. Elke dag bereikbaar, dag en nacht.",
           "Free. Open every day, day and night."),
        "rijksoverheid.nl; scherpenzeel.nl; Veilig Thuis sites",
    ),
    "csg": _contact(
        "Centrum Seksueel Geweld", "0800-0188", "08000188", "https://centrumseksueelgeweld.nl",
        _t("Bel na seksueel geweld. Is het minder dan 7 dagen geleden, bel dan zo snel mogelijk, "
           "het liefst binnen 72 uur (3 dagen). Er zijn 16 centra in heel Nederland.",
           "Call after sexual violence. If it was less than 7 days ago, call as soon as you "
           "can, preferably within 72 hours (3 days). There are 16 centres across the "
           "Netherlands."),
        _t("Gratis. Dag en nacht bereikbaar.", "Free. Open day and night."),
        "centrumseksueelgeweld.nl; metronieuws.nl 2022 (Bicanic)",
    ),
    "police": _contact(
        "Politie (geen spoed)", "0900-8844", "09008844", "https://www.politie.nl",
        _t("Bel om aangifte te doen, een afspraak te maken of iets te vragen over je zaak, als "
           "het geen spoed heeft. Gaat het om seksueel geweld? Vraag dan naar de zedenpolitie.",
           "Call to report a crime, make an appointment or ask about your case, when it is not "
           "an emergency. Is it about sexual violence? Then ask for the vice police "
           "(zedenpolitie)."),
        None,
        "politie.nl, voor professionals, seksueel misbruik",
    ),
    "schadefonds": _contact(
        "Schadefonds Geweldsmisdrijven", "070-414 20 00", "0704142000",
        "https://www.schadefonds.nl",
        _t("Bel als je vragen hebt over een uitkering na een geweldsmisdrijf, of als je twijfelt "
           "of je een aanvraag kunt doen.",
           "Call if you have questions about a payment after a violent crime, or if you are not "
           "sure whether you can apply."),
        None,
        "schadefonds.nl FAQ",
    ),
    "cjib_sis": _contact(
        "CJIB, Slachtoffer Informatiepunt Schadevergoedingsmaatregelen", "0900-7537537",
        "09007537537", "https://www.cjib.nl",
        _t("Bel als de rechter een schadevergoedingsmaatregel oplegde en je vragen hebt over de "
           "betaling. Of als je 8 maanden nadat de uitspraak vaststaat nog geen brief hebt.",
           "Call if the court imposed a compensation order and you have questions about the "
           "payment. Or if you have had no letter 8 months after the judgment became final."),
        _t("Je betaalt het gewone lokale tarief.", "You pay the normal local rate."),
        "cjib.nl, voorschotregeling",
    ),
    "juridisch_loket": _contact(
        "Het Juridisch Loket", "0900-8020", "09008020", "https://www.juridischloket.nl",
        _t("Bel voor uitleg over je rechten, of als je een advocaat zoekt en wilt weten of je "
           "die betaald kunt krijgen.",
           "Call for an explanation of your rights, or if you are looking for a lawyer and want "
           "to know whether it can be paid for you."),
        _t("Bellen kost €0,25 per minuut, hoogstens €12,50 per gesprek. Langsgaan bij een "
           "kantoor is gratis.",
           "Calling costs €0.25 a minute, at most €12.50 a call. Visiting an office is free."),
        "juridischloket.nl, werkwijze",
    ),
    "helpwanted": _contact(
        "Helpwanted", "020-261 52 75", "0202615275", "https://www.helpwanted.nl",
        _t("Neem contact op als er online iets seksueels met je gebeurde. Bijvoorbeeld als "
           "iemand naaktfoto's of filmpjes van je deelt, of ermee dreigt. Bellen, chatten en "
           "mailen kan.",
           "Get in touch if something sexual happened to you online. For example if someone "
           "shares nude photos or videos of you, or threatens to. You can call, chat or email."),
        _t("De hulp is gratis en je kunt anoniem blijven.",
           "The help is free and you can stay anonymous."),
        "helpwanted.nl/en",
    ),
    "bank_cards": _contact(
        "Bankpassen Meldcentrale", "0800-0313", "08000313", None,
        _t("Bel meteen als je bankpas of creditcard is gestolen of kwijt is, bijvoorbeeld na "
           "een overval of beroving. Dan wordt je pas geblokkeerd.",
           "Call straight away if your bank card or credit card was stolen or lost, for example "
           "after a robbery or mugging. Your card is then blocked."),
        None,
        "Slachtofferhulp Nederland, checklist overval en beroving",
    ),
    "om_slachtofferloket": _contact(
        "Slachtofferloket van het OM", None, None, "https://www.om.nl",
        _t("Neem contact op als je zaak bij het OM (het Openbaar Ministerie, de aanklager) ligt. "
           "Bijvoorbeeld over het wensenformulier, stukken uit het dossier, spreekrecht of "
           "bericht over je zaak. Mailen kan ook, bijvoorbeeld als je meer tijd nodig hebt.",
           "Get in touch when your case is with the OM (the Public Prosecution Service). For "
           "example about the wishes form, case documents, the right to speak or news about "
           "your case. You can also email, for example when you need more time."),
        None,
        "Aanwijzing slachtoffers in het strafproces (2024A001); om.nl",
    ),
    "mijnslachtofferzaak": _contact(
        "MijnSlachtofferzaak", None, None, "https://www.mijnslachtofferzaak.nl",
        _t("Log in met DigiD als je na je aangifte online wilt zien hoe het met je zaak staat.",
           "Log in with DigiD if you want to see online how your case is going after your "
           "report."),
        None,
        "victim_apps § 2.9 (content.md, R23)",
    ),
    "perspectief": _contact(
        "Perspectief Herstelbemiddeling", None, None,
        "https://www.perspectiefherstelbemiddeling.nl",
        _t("Neem contact op als je met hulp van een bemiddelaar met de dader wilt praten, of "
           "eerst wilt horen wat dat inhoudt.",
           "Get in touch if you want to talk with the offender with the help of a mediator, or "
           "first want to hear what that involves."),
        None,
        "hetccv.nl, nazorg overvallen 3b",
    ),
    "waarborgfonds": _contact(
        "Waarborgfonds Motorverkeer", None, None, "https://www.waarborgfonds.nl",
        _t("Neem contact op na een verkeersongeluk als de bestuurder onbekend is, niet verzekerd "
           "was of in een gestolen voertuig reed. Doe dat snel: binnen 14 dagen.",
           "Get in touch after a traffic accident if the driver is unknown, was not insured or "
           "drove a stolen vehicle. Do it quickly: within 14 days."),
        None,
        "bewustlsa.nl 2020; achmearechtsbijstand.nl",
    ),
}


# -- the self-check at import ------------------------------------------------------------------

FIELDS = ("name", "phone", "tel", "url", "when", "cost", "source")


def _check() -> None:
    """Raise ValueError when a contact is not what the rights and the PWA rely on."""
    problems: list[str] = []
    for key, contact in CONTACTS.items():
        if tuple(contact) != FIELDS:
            problems.append(f"{key}: fields are {list(contact)}, not {list(FIELDS)}")
        for field in ("name", "source"):
            if not isinstance(contact.get(field), str) or not contact[field].strip():
                problems.append(f"{key}: no {field}")
        if not isinstance(contact.get("when"), dict):
            problems.append(f"{key}.when: not a text")
        problems += text_problems({"when": contact.get("when"), "cost": contact.get("cost")},
                                  key)
        phone, tel = contact.get("phone"), contact.get("tel")
        if (phone is None) != (tel is None):
            problems.append(f"{key}: phone and tel must both be set or both be None")
        if tel is not None and (not tel.isdigit() or tel != re.sub(r"\D", "", phone or "")):
            problems.append(f"{key}: tel {tel!r} is not the digits of {phone!r}")
        url = contact.get("url")
        if url is not None and not url.startswith("https://"):
            problems.append(f"{key}: url {url!r} is not https")
        if phone is None and url is None:
            problems.append(f"{key}: neither a phone number nor a url")
    if problems:
        raise ValueError("api/content/contacts.py: " + "; ".join(problems))


_check()
