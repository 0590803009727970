"""The words of the rights task list ("Hulp bij mijn strafzaak"): every right a victim of crime
can use in the Netherlands, the questions that find out which rights fit someone, and the few
fixed texts around them. Data, not code.

This file holds only the words. Which right fits whom, and when a deadline counts as passed, are
decision rules that live in api/content/rights_rules.json (rules D01-D24, written separately);
they refer to the ids and field names used here.

`RIGHTS` holds the rights R01-R23 and W01 (Waarborgfonds Motorverkeer) from content.md § Feature 2
(../shared/research/content.md). Each has a short `title` and a one-line `summary` for a list, an
`explanation`, who it `fits`, the `effort` it costs, its `deadline` and what to do when that has
`deadline_passed` (both None when there is no deadline), one to three `todos` with small steps,
the `contacts` (ids in api/content/contacts.py), the legal `source` with the date we checked it,
and `unverified`: an English note for maintainers naming a point the research could not confirm
(the text then says plainly that it is not certain). `QUESTIONS` holds the situation questions in
the order the wizard asks them, `ASK` where to find out when the answer is "weet ik niet",
`FLAGS` the two warnings the rules can raise and `TEXTS` the fixed words.

All text is Houvast's own. The Dutch is plain B1 and always "je", never "u"; every text has an
English version that is just as plain. Facts (articles, deadlines, amounts, numbers) come only
from the research file. A passed deadline always leads to "ask advice", never to "too late".
`_check()` at import makes sure of all this and of the shape the API relies on.
"""

from __future__ import annotations

import re
from typing import Any

from api.content import text_problems
from api.content.contacts import CONTACTS

Text = dict[str, str]

CHECKED = "2026-12-02"

SV = "https://wetten.overheid.nl/BWBR0001903"
SR = "https://wetten.overheid.nl/BWBR0001854"
INFO_REGELING = "https://wetten.overheid.nl/BWBR0039405"
ZAAKINFO_REGELING = "https://wetten.overheid.nl/BWBR0039404"
AFFECTIESCHADE_BESLUIT = "https://wetten.overheid.nl/BWBR0040907"


def _t(nl: str, en: str) -> Text:
    return {"nl": nl, "en": en}


def _todo(key: str, title: Text, *steps: Text) -> dict[str, Any]:
    return {"key": key, "title": title, "steps": list(steps)}


def _source(law: str, url: str) -> dict[str, str]:
    return {"law": law, "url": url, "checked": CHECKED}


def _right(*, title: Text, summary: Text, explanation: Text, fits: Text, effort: Text,
           deadline: Text | None, deadline_passed: Text | None, todos: list[dict[str, Any]],
           contacts: list[str], source: dict[str, str],
           unverified: str | None = None) -> dict[str, Any]:
    return {"title": title, "summary": summary, "explanation": explanation, "fits": fits,
            "effort": effort, "deadline": deadline, "deadline_passed": deadline_passed,
            "todos": todos, "contacts": contacts, "source": source, "unverified": unverified}


# The claim for damages (R13) and for affectieschade (R14) share one form and one deadline.
CLAIM_DEADLINE = _t(
    "Het liefst vóór de zitting, via de officier van justitie. Uiterlijk op de zitting zelf, "
    "voordat de officier van justitie zijn of haar eis uitspreekt (het requisitoir).",
    "Preferably before the hearing, through the public prosecutor. At the latest at the hearing "
    "itself, before the prosecutor gives the closing speech with the sentence they ask for "
    "(the requisitoir).",
)
CLAIM_DEADLINE_PASSED = _t(
    "Is de zitting al begonnen of voorbij? Vraag dan meteen advies bij Slachtofferhulp of het "
    "Juridisch Loket. Misschien kun je je schade nog op een andere manier vergoed krijgen.",
    "Has the hearing already started or finished? Ask Victim Support or the Juridisch Loket for "
    "advice straight away. You may still be able to get your damage paid in another way.",
)


RIGHTS: dict[str, dict[str, Any]] = {
    "R01": _right(
        title=_t("Lees de informatie over je rechten", "Read the information about your rights"),
        summary=_t(
            "Bij je eerste contact met de politie krijg je op papier welke rechten je hebt.",
            "At your first contact with the police you get your rights on paper.",
        ),
        explanation=_t(
            "Als je voor het eerst contact hebt met de politie, krijg je meteen uitleg over je "
            "rechten als slachtoffer. Die uitleg krijg je op papier, en het is gratis. Er staat "
            "bijvoorbeeld in waar je hulp kunt krijgen, hoe je schadevergoeding kunt vragen en "
            "hoe je op de hoogte blijft van je zaak. Is het slachtoffer jonger dan 12 jaar? Dan "
            "krijgen de ouders of de voogd deze informatie. Begrijp je iets niet? Vraag dan om "
            "uitleg. Dat mag altijd. Lees je liever Engels, Frans of Duits? Vraag dan om de "
            "informatie in die taal. Heb je hulp nodig met de taal? Zeg dat dan ook.",
            "When you are first in contact with the police, you get an explanation of your "
            "rights as a victim straight away. You get it on paper, and it is free. It tells "
            "you, for example, where to find help, how to ask for compensation and how to stay "
            "informed about your case. Is the victim younger than 12? Then the parents or the "
            "guardian get this information. Is something unclear? Ask for an explanation. You "
            "may always do that. Would you rather read it in English, French or German? Ask for "
            "it in that language. Do you need help with the language? Say so as well.",
        ),
        fits=_t(
            "Dit is voor je als je aangifte hebt gedaan of contact hebt gehad met de politie.",
            "This is for you if you have reported a crime or have been in contact with the "
            "police.",
        ),
        effort=_t(
            "Het kost je niets. Het is veel informatie in een moeilijke tijd. Je hoeft het niet "
            "in één keer te lezen.",
            "It costs you nothing. It is a lot of information at a hard time. You do not have to "
            "read it all at once.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R01-1", _t("Lees je rechten na", "Read through your rights"),
                _t("Zoek de papieren die je van de politie kreeg.",
                   "Find the papers the police gave you."),
                _t("Lees ze in je eigen tempo, in stukjes als je dat prettiger vindt.",
                   "Read them at your own pace, in small parts if you prefer."),
                _t("Schrijf op wat je niet begrijpt, en vraag de politie of Slachtofferhulp om "
                   "uitleg.",
                   "Write down what you do not understand, and ask the police or Victim "
                   "Support to explain."),
                _t("Kreeg je niets op papier? Vraag de politie om de informatie.",
                   "Did you get nothing on paper? Ask the police for the information."),
            ),
        ],
        contacts=["police", "shn"],
        source=_source("Regeling algemene informatievoorziening slachtoffers, art. 2–3",
                       INFO_REGELING),
    ),
    "R02": _right(
        title=_t("Aangifte doen bij de politie", "Report the crime to the police"),
        summary=_t(
            "Met een aangifte vertel je de politie officieel wat er is gebeurd, zodat zij de "
            "zaak kan onderzoeken.",
            "When you report a crime, you officially tell the police what happened, so they "
            "can investigate.",
        ),
        explanation=_t(
            "Aangifte doen betekent dat je de politie officieel vertelt welk misdrijf er is "
            "gebeurd. Daarna kan de politie de zaak onderzoeken. Je kunt aangifte doen op het "
            "politiebureau, via het nummer 0900-8844 of online. Hoe eerder je het doet, hoe "
            "beter: sporen en herinneringen zijn dan nog vers. Na heel lange tijd kan een zaak "
            "verjaren. Dan mag de dader niet meer worden vervolgd. Gaat het om seksueel geweld? "
            "Dan kun je eerst een informatief gesprek hebben met de zedenpolitie. Daarin hoor "
            "je wat een aangifte inhoudt, zonder dat je meteen aangifte doet. Je mag iemand "
            "meenemen die je steunt.",
            "Reporting a crime (aangifte) means you officially tell the police which crime took "
            "place. The police can then investigate. You can report at a police station, by "
            "calling 0900-8844 or online. The sooner you do it, the better: traces and memories "
            "are still fresh. After a very long time a case can expire under the statute of "
            "limitations. Then the offender can no longer be prosecuted. Is it about sexual "
            "violence? Then you can first have an information talk (informatief gesprek) with "
            "the vice police. You hear what a report involves, without reporting straight away. "
            "You may bring someone who supports you.",
        ),
        fits=_t(
            "Dit is voor je als er nog geen aangifte is gedaan van wat er is gebeurd.",
            "This is for you if what happened has not been reported to the police yet.",
        ),
        effort=_t(
            "Aangifte doen is gratis. Reken op een lang gesprek. Je vertelt wat er gebeurde, en "
            "dat kan zwaar zijn. Neem iemand mee, of bereid het voor met Slachtofferhulp.",
            "Reporting is free. Expect a long conversation. You tell what happened, and that "
            "can be hard. Bring someone along, or prepare with Victim Support.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R02-1", _t("Bereid je aangifte voor", "Prepare your report"),
                _t("Schrijf op wat er gebeurde, wanneer en waar.",
                   "Write down what happened, when and where."),
                _t("Verzamel wat je hebt: foto's, berichten en namen van getuigen.",
                   "Collect what you have: photos, messages and names of witnesses."),
                _t("Bedenk wie je mee wilt nemen naar de politie.",
                   "Think about who you want to take with you to the police."),
                _t("Wil je hulp bij de voorbereiding? Bel Slachtofferhulp: 0900-0101.",
                   "Do you want help to prepare? Call Victim Support: 0900-0101."),
            ),
            _todo(
                "R02-2", _t("Doe aangifte", "Make your report"),
                _t("Kies hoe: op het politiebureau, via 0900-8844 of online.",
                   "Choose how: at a police station, by calling 0900-8844 or online."),
                _t("Gaat het om seksueel geweld? Vraag dan eerst om een informatief gesprek met "
                   "de zedenpolitie.",
                   "Is it about sexual violence? Then first ask for an information talk with "
                   "the vice police."),
                _t("Vraag aan het eind om een kopie van je aangifte.",
                   "At the end, ask for a copy of your report."),
            ),
        ],
        contacts=["police", "shn"],
        source=_source("art. 161 e.v. Wetboek van Strafvordering; werkwijze van de politie", SV),
    ),
    "R03": _right(
        title=_t("Een klacht indienen bij stalking", "File a complaint about stalking"),
        summary=_t(
            "Bij stalking kan de dader alleen worden vervolgd als jij zegt dat je dat wilt.",
            "With stalking, the offender can only be prosecuted if you say you want that.",
        ),
        explanation=_t(
            "Stalking heet in de wet 'belaging'. Het is een klachtdelict. Dat betekent: de "
            "officier van justitie (de aanklager) mag de dader alleen vervolgen als jij daar "
            "zelf om vraagt. Dat heet een klacht indienen. Een gewone aangifte is dus niet "
            "genoeg. Je zegt er duidelijk bij: 'Ik wil dat de dader vervolgd wordt.' Een "
            "hulpofficier van justitie, een politieagent met een speciale taak, neemt je klacht "
            "op en tekent die. Je hebt hiervoor 3 maanden. Wanneer die 3 maanden beginnen, is "
            "niet helemaal zeker. Een advocatenkantoor rekent vanaf de dag van de daad. Volgens "
            "de wet begint de termijn misschien pas als je ervan wist. Reken daarom voor de "
            "zekerheid vanaf de dag dat het gebeurde. Vraag het na bij Slachtofferhulp of de "
            "politie.",
            "In Dutch law stalking is called 'belaging'. It is a complaint offence "
            "(klachtdelict). That means the public prosecutor may only prosecute if you ask for "
            "it yourself. This is called filing a complaint. A normal report is not enough. You "
            "say clearly: 'I want the offender to be prosecuted.' An assistant public "
            "prosecutor (hulpofficier van justitie), a police officer with a special role, takes "
            "your complaint and signs it. You have 3 months for this. When those 3 months start "
            "is not fully certain. A law firm counts from the day of the act. Under the law the "
            "period may only start when you knew about it. To be safe, count from the day it "
            "happened. Check with Victim Support or the police.",
        ),
        fits=_t(
            "Dit is voor je als je wordt gestalkt: iemand blijft je lastigvallen, volgen of "
            "berichten sturen terwijl je dat niet wilt. Ook bij een paar andere misdrijven is "
            "een klacht nodig; de politie kan zeggen of dat bij jou zo is.",
            "This is for you if you are being stalked: someone keeps bothering you, following "
            "you or sending you messages when you do not want that. A few other crimes also need "
            "a complaint; the police can tell you if yours is one of them.",
        ),
        effort=_t(
            "Het kost je niets. Je doet het bij de politie, vaak samen met je aangifte. Het kan "
            "spannend voelen om te zeggen dat je vervolging wilt. Je mag iemand meenemen.",
            "It costs you nothing. You do it at the police, often together with your report. "
            "Saying that you want prosecution can feel scary. You may bring someone along.",
        ),
        deadline=_t(
            "Binnen 3 maanden. Reken voor de zekerheid vanaf de dag dat het gebeurde.",
            "Within 3 months. To be safe, count from the day it happened.",
        ),
        deadline_passed=_t(
            "Zijn de 3 maanden voorbij, of is het bijna zover? Vraag dan meteen advies bij "
            "Slachtofferhulp of het Juridisch Loket. Misschien kan het nog, bijvoorbeeld als de "
            "termijn pas begon toen je ervan wist.",
            "Have the 3 months passed, or nearly? Ask Victim Support or the Juridisch Loket for "
            "advice straight away. It may still be possible, for example if the period only "
            "started when you knew about it.",
        ),
        todos=[
            _todo(
                "R03-1", _t("Dien je klacht in bij de politie",
                            "File your complaint with the police"),
                _t("Maak een afspraak met de politie via 0900-8844.",
                   "Make an appointment with the police on 0900-8844."),
                _t("Zeg duidelijk: 'Ik wil dat de dader vervolgd wordt.'",
                   "Say clearly: 'I want the offender to be prosecuted.'"),
                _t("Vraag of een hulpofficier van justitie je klacht opneemt en tekent.",
                   "Ask for an assistant public prosecutor to take and sign your complaint."),
                _t("Vraag een kopie en bewaar die goed.", "Ask for a copy and keep it safe."),
            ),
            _todo(
                "R03-2", _t("Houd bij wat er gebeurt", "Keep track of what happens"),
                _t("Schrijf elke keer op wat er gebeurde, met datum en tijd.",
                   "Each time, write down what happened, with the date and time."),
                _t("Bewaar berichten, mails en schermafbeeldingen.",
                   "Keep messages, emails and screenshots."),
            ),
        ],
        contacts=["police", "shn", "juridisch_loket"],
        source=_source("art. 285b lid 2 Wetboek van Strafrecht (klachtdelict); art. 66 Wetboek "
                       "van Strafrecht (klachttermijn van 3 maanden)", SR),
        unverified=(
            "Start of the 3-month klachttermijn (art. 66 Sr): a law firm counts from the act, the "
            "statute may count from when the victim knew of the act. The text advises counting "
            "from the act and asking advice."
        ),
    ),
    "R04": _right(
        title=_t("Vraag een kopie van je aangifte", "Ask for a copy of your report"),
        summary=_t(
            "Je kunt een kopie krijgen van wat je bij de politie hebt verteld.",
            "You can get a copy of what you told the police.",
        ),
        explanation=_t(
            "Als je aangifte doet, schrijft de politie op wat je vertelt. Je kunt een kopie van "
            "die aangifte vragen. Die kopie is handig. Je verzekeraar kan erom vragen als je "
            "schade meldt. Ook het Schadefonds Geweldsmisdrijven wil die graag zien als je daar "
            "een aanvraag doet. En je kunt later teruglezen wat je precies hebt gezegd. Dat "
            "helpt als je er weer over moet vertellen. Bij seksueel geweld geldt een "
            "uitzondering: dan krijg je niet altijd een kopie mee. Vraag de politie wat in "
            "jouw zaak wel kan.",
            "When you report a crime, the police write down what you tell them. You can ask for "
            "a copy of that report. The copy is useful. Your insurer may ask for it when you "
            "claim for damage. The Schadefonds Geweldsmisdrijven (the Violent Offences "
            "Compensation Fund) also likes to see it when you apply there. And later you can "
            "read back exactly what you said. That helps when you have to talk about it again. "
            "There is an exception for sexual violence: then you do not always get a copy. Ask "
            "the police what is possible in your case.",
        ),
        fits=_t("Dit is voor je als je aangifte hebt gedaan.",
                "This is for you if you have reported a crime."),
        effort=_t(
            "Het kost je niets en het is snel geregeld. Vraag er meteen om als je aangifte doet. "
            "Later vragen kan ook.",
            "It costs you nothing and is quickly done. Ask for it straight away when you make "
            "your report. You can also ask later.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R04-1", _t("Zorg dat je een kopie hebt", "Make sure you have a copy"),
                _t("Vraag bij je aangifte om een kopie.",
                   "Ask for a copy when you make your report."),
                _t("Kreeg je die niet mee? Vraag er later om bij de politie via 0900-8844.",
                   "Did you not get one? Ask the police for it later on 0900-8844."),
                _t("Bewaar de kopie op een veilige plek, bij je andere papieren.",
                   "Keep the copy in a safe place, with your other papers."),
                _t("Stuur een kopie mee als je verzekeraar of het Schadefonds erom vraagt.",
                   "Send a copy when your insurer or the Schadefonds asks for it."),
            ),
        ],
        contacts=["police"],
        source=_source("Geen wetsartikel: vaste werkwijze van de politie (rechtenlijst van "
                       "Slachtofferhulp Nederland)", "https://www.slachtofferhulp.nl"),
    ),
    "R05": _right(
        title=_t("Houd je adres uit het dossier", "Keep your address out of the case file"),
        summary=_t(
            "Vraag de politie om je adres en andere gegevens niet in de stukken van de zaak te "
            "zetten.",
            "Ask the police not to put your address and other details in the case papers.",
        ),
        explanation=_t(
            "In een strafzaak maakt de politie een dossier: alle papieren over de zaak. Ook de "
            "verdachte kan die stukken te zien krijgen. Wil je niet dat de verdachte weet waar "
            "je woont of hoe die je kan bereiken? Vraag dan of de politie je adres, "
            "telefoonnummer, e-mailadres en BSN (je burgerservicenummer) weglaat. Je kunt ook "
            "een ander adres kiezen waar post voor jou naartoe gaat, bijvoorbeeld het adres "
            "van je advocaat. Dat heet domicilie kiezen. Er is een nieuwe regel die dit beter "
            "regelt. Het is niet helemaal zeker of die regel al geldt. Vraag het na bij de "
            "politie of Slachtofferhulp. Vragen kan in elk geval altijd.",
            "In a criminal case the police make a case file: all the papers about the case. The "
            "suspect may also get to see those papers. Do you not want the suspect to know where "
            "you live or how to reach you? Then ask the police to leave out your address, phone "
            "number, email address and BSN (citizen service number). You can also choose another "
            "address for your post, for example your lawyer's address. This is called choosing a "
            "domicile (domicilie). There is a new rule that arranges this better. It is not "
            "fully certain whether that rule applies yet. Check with the police or Victim "
            "Support. You can always ask.",
        ),
        fits=_t(
            "Dit is voor ieder slachtoffer. Het is extra belangrijk als je de verdachte kent, "
            "bang voor die persoon bent, of bij geweld, seksueel geweld of stalking.",
            "This is for every victim. It matters most if you know the suspect or are afraid of "
            "them, or with violence, sexual violence or stalking.",
        ),
        effort=_t(
            "Het kost je niets. Je hoeft het alleen te vragen, het liefst als je aangifte doet. "
            "Later vragen kan ook.",
            "It costs you nothing. You only have to ask, preferably when you report the crime. "
            "You can also ask later.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R05-1", _t("Vraag om je gegevens weg te laten",
                            "Ask for your details to be left out"),
                _t("Zeg bij je aangifte dat je adres niet in het dossier mag komen.",
                   "When you report, say that your address must not go into the case file."),
                _t("Noem ook je telefoonnummer, e-mailadres en BSN.",
                   "Also mention your phone number, email address and BSN."),
                _t("Heb je een advocaat? Vraag of je het adres van je advocaat mag gebruiken "
                   "voor post.",
                   "Do you have a lawyer? Ask whether you may use your lawyer's address for "
                   "post."),
                _t("Heb je al aangifte gedaan? Vraag het dan alsnog aan de politie of de "
                   "officier van justitie.",
                   "Have you already reported? Then ask the police or the public prosecutor "
                   "now."),
            ),
        ],
        contacts=["police", "om_slachtofferloket", "shn"],
        source=_source("art. 149a lid 3 Wetboek van Strafvordering; Besluit bescherming "
                       "slachtoffergegevens in processtukken (Stb. 2025, 29)", SV),
        unverified=(
            "Whether the Besluit bescherming slachtoffergegevens in processtukken (Stb. 2025, 29) "
            "is in force yet; its entry into force is set by royal decree. The text says asking "
            "is always possible."
        ),
    ),
    "R06": _right(
        title=_t("Blijf op de hoogte van je zaak", "Stay informed about your case"),
        summary=_t(
            "Je kunt vragen om bericht over belangrijke stappen in je zaak.",
            "You can ask to be told about important steps in your case.",
        ),
        explanation=_t(
            "Je hebt het recht om te horen wat er met je zaak gebeurt. Bijvoorbeeld of de zaak "
            "naar de rechter gaat, wanneer de zitting is en wat de uitspraak is. Je moet er wel "
            "zelf om vragen. Dat kan altijd: bij je aangifte, later bij de politie, of op het "
            "wensenformulier van het OM (het Openbaar Ministerie, de aanklager). Heb je erom "
            "gevraagd? Dan moeten de politie of de officier van justitie je schriftelijk laten "
            "weten wat er nieuw is. Dat moet binnen 14 dagen nadat zij het zelf weten. Je kunt "
            "je zaak ook online volgen via MijnSlachtofferzaak.",
            "You have the right to hear what happens with your case. For example whether it goes "
            "to court, when the hearing is and what the judgment is. You do have to ask for it "
            "yourself. You can do that at any time: when you report, later at the police, or on "
            "the wishes form from the OM (the Public Prosecution Service). Once you have asked, "
            "the police or the public prosecutor must tell you in writing what is new. They must "
            "do so within 14 days of knowing it themselves. You can also follow your case online "
            "on MijnSlachtofferzaak.",
        ),
        fits=_t(
            "Dit is voor je als je aangifte hebt gedaan en wilt weten hoe het verder gaat.",
            "This is for you if you have reported a crime and want to know what happens next.",
        ),
        effort=_t(
            "Het kost je niets. Je vraagt het één keer. Berichten over je zaak kunnen veel "
            "losmaken. Wil je liever niets horen? Dan vraag je er niet om.",
            "It costs you nothing. You ask once. News about your case can stir up a lot. Would "
            "you rather not hear anything? Then you do not ask for it.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R06-1", _t("Vraag om bericht over je zaak", "Ask for news about your case"),
                _t("Zeg tegen de politie dat je op de hoogte wilt blijven.",
                   "Tell the police you want to stay informed."),
                _t("Krijg je het wensenformulier van het OM? Kruis dan 'informatie' aan.",
                   "Do you get the wishes form from the OM? Then tick 'information'."),
                _t("Verhuis je of krijg je een ander telefoonnummer? Geef het door aan het "
                   "Slachtofferloket.",
                   "Are you moving or getting a new phone number? Tell the Slachtofferloket "
                   "(victims' desk)."),
            ),
        ],
        contacts=["police", "om_slachtofferloket", "mijnslachtofferzaak"],
        source=_source("art. 51ac Wetboek van Strafvordering; Regeling verstrekken "
                       "zaaksinformatie aan slachtoffers, art. 2", ZAAKINFO_REGELING),
    ),
    "R07": _right(
        title=_t("Gratis hulp van Slachtofferhulp", "Free help from Victim Support"),
        summary=_t(
            "Slachtofferhulp Nederland helpt je gratis, met je gevoelens, met praktische zaken "
            "en met je strafzaak.",
            "Victim Support Netherlands helps you for free, with your feelings, with practical "
            "matters and with your criminal case.",
        ),
        explanation=_t(
            "Slachtofferhulp Nederland helpt mensen die iets ergs is overkomen. De hulp is "
            "gratis. Je kunt er terecht als slachtoffer, maar ook als familielid, getuige of "
            "nabestaande (iemand van wie een dierbare door een misdrijf is overleden). Een "
            "medewerker luistert naar je verhaal en helpt met wat jij nodig hebt. Bijvoorbeeld "
            "met formulieren, met het vragen van schadevergoeding of met het voorbereiden van "
            "de zitting. Je hoeft daarvoor geen aangifte te hebben gedaan. Vaak geeft de "
            "politie je gegevens door aan Slachtofferhulp. Dan bellen zij jou. Je kunt ook zelf "
            "bellen: 0900-0101. In een crisis zijn ze ook buiten kantoortijd bereikbaar.",
            "Victim Support Netherlands (Slachtofferhulp Nederland) helps people something bad "
            "has happened to. The help is free. You can go to them as a victim, but also as a "
            "family member, a witness or a bereaved relative (someone whose loved one died "
            "because of a crime). A staff member listens to your story and helps with what you "
            "need. For example with forms, with asking for compensation or with preparing for "
            "the hearing. You do not need to have reported the crime. Often the police pass "
            "your details to Victim Support. Then they call you. You can also call them "
            "yourself: 0900-0101. In a crisis you can reach them outside office hours too.",
        ),
        fits=_t(
            "Dit is voor iedereen die slachtoffer, nabestaande, naaste of getuige is van een "
            "misdrijf.",
            "This is for anyone who is a victim, bereaved relative, loved one or witness of a "
            "crime.",
        ),
        effort=_t(
            "De hulp is gratis. Bellen kost het gewone lokale tarief. Jij bepaalt hoeveel hulp "
            "je wilt.",
            "The help is free. Calling costs the normal local rate. You decide how much help you "
            "want.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R07-1", _t("Neem contact op met Slachtofferhulp",
                            "Get in touch with Victim Support"),
                _t("Belt Slachtofferhulp jou na je aangifte? Neem op, of bel terug.",
                   "Does Victim Support call you after your report? Answer, or call back."),
                _t("Je kunt ook zelf bellen: 0900-0101.", "You can also call them: 0900-0101."),
                _t("Schrijf vooraf op waar je hulp bij wilt: een luisterend oor, papieren of je "
                   "strafzaak.",
                   "Write down beforehand what you want help with: someone to listen, "
                   "paperwork or your criminal case."),
            ),
        ],
        contacts=["shn"],
        source=_source("Geen wetsartikel: de politie verwijst slachtoffers door naar "
                       "Slachtofferhulp Nederland (politie.nl/themas/slachtofferhulp)",
                       "https://www.slachtofferhulp.nl"),
    ),
    "R08": _right(
        title=_t("Neem iemand mee die je steunt", "Bring someone who supports you"),
        summary=_t(
            "Bij de politie, het OM en de rechter mag je een advocaat of iemand anders "
            "meenemen.",
            "At the police, the OM and in court you may bring a lawyer or someone else.",
        ),
        explanation=_t(
            "Je hoeft het niet alleen te doen. Bij je aangifte, bij een verhoor en bij de "
            "zitting mag je iemand meenemen. Dat kan een advocaat zijn, of iemand die je zelf "
            "kiest, zoals een vriend, een familielid of een medewerker van Slachtofferhulp. Is "
            "het slachtoffer minderjarig? Dan kan een ouder of de voogd mee. Je advocaat kan "
            "bij de zitting ook namens jou optreden. Bijvoorbeeld om je vraag om "
            "schadevergoeding toe te lichten. De politie of de officier van justitie mag je "
            "begeleider alleen weigeren als daar een goede reden voor is. Die reden moeten ze "
            "je dan uitleggen.",
            "You do not have to do this alone. When you report, at an interview and at the "
            "hearing you may bring someone. That can be a lawyer, or someone you choose "
            "yourself, such as a friend, a family member or someone from Victim Support. Is the "
            "victim a minor? Then a parent or the guardian can come along. At the hearing your "
            "lawyer can also act on your behalf, for example to explain your claim for "
            "compensation. The police or the public prosecutor may only refuse the person with "
            "you if there is a good reason. They must then explain that reason to you.",
        ),
        fits=_t(
            "Dit is voor je als je nog te maken krijgt met politie, OM of rechter, en daar niet "
            "alleen heen wilt.",
            "This is for you if you will still deal with the police, the OM or the court, and do "
            "not want to go alone.",
        ),
        effort=_t(
            "Iemand meenemen kost niets. Een advocaat kan geld kosten. Kijk bij 'Een gratis "
            "advocaat' of dat voor jou gratis kan. Kies iemand bij wie je je veilig voelt.",
            "Bringing someone costs nothing. A lawyer may cost money. See 'A free lawyer' to "
            "find out whether it can be free for you. Choose someone you feel safe with.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R08-1", _t("Kies wie met je meegaat", "Choose who comes with you"),
                _t("Bedenk bij welke afspraken je steun wilt: aangifte, verhoor of zitting.",
                   "Think about which appointments you want support at: report, interview or "
                   "hearing."),
                _t("Vraag iemand die je vertrouwt of die mee wil.",
                   "Ask someone you trust whether they will come."),
                _t("Laat de politie of het OM vooraf weten wie er meekomt.",
                   "Tell the police or the OM beforehand who is coming with you."),
                _t("Wil je een advocaat? Vraag Slachtofferhulp of het Juridisch Loket om hulp "
                   "bij het zoeken.",
                   "Do you want a lawyer? Ask Victim Support or the Juridisch Loket to help you "
                   "find one."),
            ),
        ],
        contacts=["shn", "juridisch_loket"],
        source=_source("art. 51c lid 1–4 Wetboek van Strafvordering", SV),
    ),
    "R09": _right(
        title=_t("Een gratis advocaat na ernstig geweld", "A free lawyer after serious violence"),
        summary=_t(
            "Na ernstig geweld of een zedenmisdrijf kun je een advocaat krijgen die je niets "
            "kost.",
            "After serious violence or a sexual offence you can get a lawyer who costs you "
            "nothing.",
        ),
        explanation=_t(
            "Ben je slachtoffer van een ernstig geweldsmisdrijf of een zedenmisdrijf? Of ben je "
            "nabestaande? Dan kun je een advocaat krijgen zonder dat je daarvoor betaalt. Er "
            "wordt niet gekeken naar je inkomen. De Raad voor Rechtsbijstand betaalt. De Raad "
            "kijkt wel of het letsel ernstig genoeg is: zwaarder dan de laagste groep van het "
            "Schadefonds. Valt je zaak daar niet onder? Dan kun je soms toch gratis hulp "
            "krijgen, als je inkomen laag genoeg is. Zo'n advocaat helpt bijvoorbeeld met "
            "schadevergoeding, spreekrecht of een klacht als de dader niet wordt vervolgd. "
            "Vanaf wanneer je de gratis advocaat krijgt, is niet helemaal zeker. Sommige "
            "bronnen zeggen vanaf de aangifte, andere pas als de verdachte vervolgd wordt. "
            "Vraag het na bij de advocaat of het Juridisch Loket.",
            "Are you the victim of a serious violent crime or a sexual offence? Or are you a "
            "bereaved relative? Then you can get a lawyer without paying for it. Your income is "
            "not checked. The Legal Aid Board (Raad voor Rechtsbijstand) pays. The Board does "
            "check whether the injury is serious enough: heavier than the lowest category of the "
            "Schadefonds. Does your case not fall under this? Then you can sometimes still get "
            "free help, if your income is low enough. Such a lawyer helps you, for example, "
            "with compensation, speaking in court or a complaint when the offender is not "
            "prosecuted. From when you get the free lawyer is not fully certain. Some sources "
            "say from the report, others only once the suspect is prosecuted. Check with the "
            "lawyer or the Juridisch Loket.",
        ),
        fits=_t(
            "Dit is voor je als je slachtoffer of nabestaande bent van ernstig geweld, een "
            "zedenmisdrijf of een misdrijf waarbij iemand overleed.",
            "This is for you if you are a victim or bereaved relative after serious violence, a "
            "sexual offence or a crime in which someone died.",
        ),
        effort=_t(
            "Het kost je niets. De advocaat vraagt het geld zelf aan bij de Raad voor "
            "Rechtsbijstand. Dat heet een toevoeging. Jij kiest een advocaat en vertelt je "
            "verhaal.",
            "It costs you nothing. The lawyer applies for the money to the Legal Aid Board "
            "themselves. This is called a toevoeging. You choose a lawyer and tell your story.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R09-1", _t("Zoek een advocaat voor slachtoffers", "Find a lawyer for victims"),
                _t("Vraag Slachtofferhulp of het Juridisch Loket naar een slachtofferadvocaat, "
                   "bijvoorbeeld van het netwerk LANGZS.",
                   "Ask Victim Support or the Juridisch Loket for a victims' lawyer, for "
                   "example from the LANGZS network."),
                _t("Vertel de advocaat wat er is gebeurd en welk letsel er is.",
                   "Tell the lawyer what happened and what the injuries are."),
                _t("Vraag de advocaat om een toevoeging aan te vragen bij de Raad voor "
                   "Rechtsbijstand.",
                   "Ask the lawyer to apply for legal aid (a toevoeging) from the Legal Aid "
                   "Board."),
                _t("Vraag vanaf welk moment de hulp voor jou gratis is.",
                   "Ask from what moment the help is free for you."),
            ),
        ],
        contacts=["shn", "juridisch_loket"],
        source=_source("art. 44 lid 3 en lid 4 Wet op de rechtsbijstand",
                       "https://www.juridischloket.nl"),
        unverified=(
            "From when the free lawyer under art. 44 lid 4 Wrb is available: from the aangifte "
            "(slachtofferadvocaat.nu) or only after prosecution (slachtofferdesk.nl). Also "
            "whether traffic cases are covered (left out of the rules)."
        ),
    ),
    "R10": _right(
        title=_t("Vraag om een tolk of vertaling", "Ask for an interpreter or translation"),
        summary=_t(
            "Spreek je niet goed Nederlands? Dan kun je een tolk vragen en vertaling van "
            "belangrijke stukken.",
            "Do you not speak Dutch well? Then you can ask for an interpreter and for "
            "translation of important papers.",
        ),
        explanation=_t(
            "Spreek of begrijp je niet goed genoeg Nederlands? Dan mag je om een tolk vragen. "
            "Bijvoorbeeld bij je aangifte, bij een verhoor of bij de zitting. Zo kun je alles "
            "goed vertellen en begrijpen. Je kunt ook om vertaling vragen. Dat gaat over de "
            "informatie die je krijgt over je zaak, en over stukken uit het dossier. Voor een "
            "vertaling stuur je een brief of mail. Schrijf daarin welke stukken je vertaald "
            "wilt hebben en waarom je ze nodig hebt. Sinds 1 januari 2023 staat het recht op "
            "vertaling apart in de wet.",
            "Do you not speak or understand Dutch well enough? Then you may ask for an "
            "interpreter. For example when you report, at an interview or at the hearing. That "
            "way you can say and understand everything. You can also ask for translation. That "
            "covers the information you get about your case, and papers from the case file. For "
            "a translation you send a letter or email. Write which papers you want translated "
            "and why you need them. Since 1 January 2023 the right to translation has its own "
            "article in the law.",
        ),
        fits=_t(
            "Dit is voor je als Nederlands niet je eigen taal is, of als je het niet goed genoeg "
            "begrijpt voor een gesprek met politie of rechter.",
            "This is for you if Dutch is not your own language, or if you do not understand it "
            "well enough to talk with the police or the court.",
        ),
        effort=_t(
            "Zeg op tijd dat je een tolk nodig hebt, zodat die geregeld kan worden. Voor een "
            "vertaling schrijf je zelf een korte brief. Slachtofferhulp kan je daarbij helpen.",
            "Say in good time that you need an interpreter, so one can be arranged. For a "
            "translation you write a short letter yourself. Victim Support can help you with "
            "it.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R10-1", _t("Vraag om een tolk", "Ask for an interpreter"),
                _t("Zeg tegen de politie welke taal je spreekt.",
                   "Tell the police which language you speak."),
                _t("Vraag voor elk gesprek en voor de zitting opnieuw om een tolk.",
                   "Ask again for an interpreter for each interview and for the hearing."),
            ),
            _todo(
                "R10-2", _t("Vraag om vertaling van stukken", "Ask for papers to be translated"),
                _t("Schrijf een brief of mail aan de officier van justitie.",
                   "Write a letter or email to the public prosecutor."),
                _t("Noem welke stukken je vertaald wilt hebben.",
                   "Say which papers you want translated."),
                _t("Leg uit waarom je ze nodig hebt.", "Explain why you need them."),
                _t("Bewaar een kopie van je brief of mail.",
                   "Keep a copy of your letter or email."),
            ),
        ],
        contacts=["police", "om_slachtofferloket", "shn"],
        source=_source("art. 51c lid 5 en art. 51ca Wetboek van Strafvordering (51ca sinds "
                       "1 januari 2023)", SV),
    ),
    "R11": _right(
        title=_t("Stukken uit het dossier inzien of toevoegen",
                 "See or add papers in the case file"),
        summary=_t(
            "Je kunt vragen om stukken uit het dossier te lezen, en zelf stukken laten "
            "toevoegen.",
            "You can ask to read papers from the case file, and have your own papers added.",
        ),
        explanation=_t(
            "Het dossier is de verzameling papieren over de strafzaak. Als slachtoffer of "
            "nabestaande kun je de officier van justitie vragen om stukken te lezen die voor "
            "jou belangrijk zijn. Je kunt ook om een kopie vragen. De officier mag dat "
            "weigeren. Je kunt ook zelf stukken laten toevoegen. Bijvoorbeeld een brief van je "
            "huisarts, rekeningen of foto's van je letsel. Dan ziet de rechter die ook. Wordt "
            "de verdachte niet vervolgd? Dan zijn er volgens de Hoge Raad (de hoogste rechter) "
            "geen processtukken. Dan kun je dit recht dus niet gebruiken.",
            "The case file is the set of papers about the criminal case. As a victim or "
            "bereaved relative you can ask the public prosecutor to read papers that matter to "
            "you. You can also ask for a copy. The prosecutor may refuse. You can also have your "
            "own papers added. For example a letter from your GP, bills or photos of your "
            "injuries. Then the judge sees them too. Is the suspect not prosecuted? Then "
            "according to the Supreme Court (Hoge Raad) there are no case documents. So you "
            "cannot use this right then.",
        ),
        fits=_t(
            "Dit is voor je als de officier van justitie heeft besloten de zaak voor de rechter "
            "te brengen.",
            "This is for you if the public prosecutor has decided to take the case to court.",
        ),
        effort=_t(
            "Vragen kost niets. Je stuurt een brief of mail. Stukken lezen kan pijnlijk zijn, "
            "want er staan details in over wat er gebeurde. Lees ze liever samen met iemand.",
            "Asking costs nothing. You send a letter or email. Reading the papers can be "
            "painful, because they contain details of what happened. It may be better to read "
            "them with someone.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R11-1", _t("Vraag om stukken te lezen", "Ask to read papers"),
                _t("Schrijf een brief of mail aan het Slachtofferloket of de officier van "
                   "justitie.",
                   "Write a letter or email to the Slachtofferloket or the public prosecutor."),
                _t("Noem je naam, het nummer van je zaak en welke stukken je wilt zien.",
                   "Give your name, your case number and which papers you want to see."),
                _t("Doe dit ruim voor de zitting.", "Do this well before the hearing."),
            ),
            _todo(
                "R11-2", _t("Stuur stukken die de rechter moet zien",
                            "Send papers the judge should see"),
                _t("Verzamel stukken die laten zien wat de gevolgen voor jou zijn.",
                   "Collect papers that show what the consequences are for you."),
                _t("Stuur ze naar de officier van justitie en vraag of ze bij het dossier "
                   "komen.",
                   "Send them to the public prosecutor and ask for them to be added to the "
                   "file."),
                _t("Houd een kopie voor jezelf.", "Keep a copy for yourself."),
            ),
        ],
        contacts=["om_slachtofferloket", "shn"],
        source=_source("art. 51b Wetboek van Strafvordering; HR 18 december 2018, "
                       "ECLI:NL:HR:2018:2334", SV),
    ),
    "R12": _right(
        title=_t("Stuur het wensenformulier terug", "Send back the wishes form"),
        summary=_t(
            "Op dit formulier van het OM kies je welke rechten je wilt gebruiken.",
            "On this form from the OM you choose which rights you want to use.",
        ),
        explanation=_t(
            "Gaat je zaak naar de rechter? Dan stuurt het OM (het Openbaar Ministerie, de "
            "aanklager) je een brief met een wensenformulier. Daarop kruis je aan wat je wilt. "
            "Bijvoorbeeld: informatie krijgen over de zaak, schadevergoeding vragen, of spreken "
            "bij de zitting. Je stuurt het terug samen met het formulier 'Gegevens "
            "slachtoffer'. Zo weet het OM wat je wensen zijn en kan het daar rekening mee "
            "houden. Stuur het formulier binnen 14 dagen terug. Heb je meer tijd nodig? Mail "
            "dan het Slachtofferloket.",
            "Is your case going to court? Then the OM (the Public Prosecution Service) sends you "
            "a letter with a wishes form (wensenformulier). On it you tick what you want. For "
            "example: getting information about the case, asking for compensation, or speaking "
            "at the hearing. You send it back together with the form 'Gegevens slachtoffer' "
            "(victim details). That way the OM knows your wishes and can take them into account. "
            "Send the form back within 14 days. Do you need more time? Then email the "
            "Slachtofferloket (victims' desk).",
        ),
        fits=_t(
            "Dit is voor je als er een verdachte is en het OM je een wensenformulier heeft "
            "gestuurd, of dat binnenkort doet.",
            "This is for you if there is a suspect and the OM has sent you a wishes form, or "
            "will soon.",
        ),
        effort=_t(
            "Het kost je niets. Toch kan het zwaar zijn om te kiezen, in een korte tijd. Je kunt "
            "Slachtofferhulp vragen om het samen met je in te vullen.",
            "It costs you nothing. Still, choosing in a short time can be hard. You can ask "
            "Victim Support to fill it in with you.",
        ),
        deadline=_t("Binnen 14 dagen nadat je het formulier kreeg.",
                    "Within 14 days after you got the form."),
        deadline_passed=_t(
            "Zijn de 14 dagen voorbij? Mail het Slachtofferloket, vraag om meer tijd en vraag of "
            "je het formulier nog kunt sturen. Slachtofferhulp kan je daarbij helpen.",
            "Have the 14 days passed? Email the Slachtofferloket, ask for more time and ask "
            "whether you can still send the form. Victim Support can help you with this.",
        ),
        todos=[
            _todo(
                "R12-1", _t("Vul het wensenformulier in", "Fill in the wishes form"),
                _t("Zoek de brief van het OM met het wensenformulier.",
                   "Find the letter from the OM with the wishes form."),
                _t("Lees welke keuzes er zijn, en vraag Slachtofferhulp om uitleg als je "
                   "twijfelt.",
                   "Read which choices there are, and ask Victim Support to explain if you are "
                   "not sure."),
                _t("Kruis aan wat je wilt, zoals informatie, schadevergoeding of spreekrecht.",
                   "Tick what you want, such as information, compensation or the right to "
                   "speak."),
                _t("Vul ook het formulier 'Gegevens slachtoffer' in.",
                   "Also fill in the form 'Gegevens slachtoffer'."),
                _t("Maak een foto of kopie van beide formulieren voor jezelf.",
                   "Take a photo or copy of both forms for yourself."),
                _t("Stuur beide formulieren binnen 14 dagen terug.",
                   "Send both forms back within 14 days."),
            ),
        ],
        contacts=["om_slachtofferloket", "shn"],
        source=_source("Werkwijze van het OM: Aanwijzing slachtoffers in het strafproces "
                       "(2024A001), in werking sinds 1 maart 2024", "https://www.om.nl"),
    ),
    "R13": _right(
        title=_t("Schadevergoeding vragen in de strafzaak",
                 "Claim compensation in the criminal case"),
        summary=_t(
            "Je kunt in de strafzaak vragen dat de dader je schade betaalt.",
            "In the criminal case you can ask for the offender to pay for your damage.",
        ),
        explanation=_t(
            "Heb je schade door het misdrijf? Dan kun je in de strafzaak vragen dat de dader die "
            "betaalt. Dat heet 'je voegen als benadeelde partij'. Het gaat om schade die je "
            "direct door het misdrijf hebt. Dat kan materiële schade zijn, zoals een kapotte "
            "telefoon, rekeningen van de dokter of loon dat je misliep. Het kan ook immateriële "
            "schade zijn: pijn, angst en verdriet. De rechter beslist over je vraag in dezelfde "
            "zaak. Je hoeft dus geen aparte rechtszaak te beginnen. Je vraag mag de strafzaak "
            "wel niet te zwaar maken. Anders kan de rechter je vraag niet behandelen. Je vult het "
            "formulier 'Verzoek tot schadevergoeding' in, op papier of online. Slachtofferhulp "
            "helpt je daarbij.",
            "Has the crime caused you damage? Then in the criminal case you can ask for the "
            "offender to pay for it. This is called joining the case as an injured party "
            "(benadeelde partij). It is about damage caused directly by the crime. That can be "
            "material damage, such as a broken phone, doctor's bills or wages you missed. It "
            "can also be immaterial damage: pain, fear and grief. The judge decides on your "
            "claim in the same case. So you do not have to start a separate court case. Your "
            "claim must not make the criminal case too heavy, though. Otherwise the judge cannot "
            "deal with it. You fill in the form 'Verzoek tot schadevergoeding' (request for "
            "compensation), on paper or online. Victim Support helps you with it.",
        ),
        fits=_t(
            "Dit is voor je als er een verdachte is, de zaak naar de rechter gaat en je schade "
            "hebt.",
            "This is for you if there is a suspect, the case is going to court and you have "
            "suffered damage.",
        ),
        effort=_t(
            "Het kost je geen geld, wel tijd. Je zet je schade op een rij en verzamelt bewijs. "
            "Terugdenken aan wat je kwijt bent, kan moeilijk zijn. Slachtofferhulp helpt je "
            "gratis met het formulier.",
            "It costs you no money, but it takes time. You list your damage and collect proof. "
            "Thinking back on what you lost can be hard. Victim Support helps you with the form "
            "for free.",
        ),
        deadline=CLAIM_DEADLINE,
        deadline_passed=CLAIM_DEADLINE_PASSED,
        todos=[
            _todo(
                "R13-1", _t("Zet je schade op een rij", "List your damage"),
                _t("Schrijf op welke schade je hebt: spullen, kosten en gemist loon.",
                   "Write down what damage you have: belongings, costs and missed wages."),
                _t("Schrijf ook op wat het misdrijf met je deed: pijn, angst of verdriet.",
                   "Also write down what the crime did to you: pain, fear or grief."),
                _t("Verzamel bonnen, rekeningen en andere bewijzen.",
                   "Collect receipts, bills and other proof."),
                _t("Bewaar alles samen in één map.", "Keep everything together in one folder."),
            ),
            _todo(
                "R13-2", _t("Vul het formulier in en stuur het op", "Fill in the form and send it"),
                _t("Zoek de barcode op de brief van het OM.",
                   "Find the barcode on the letter from the OM."),
                _t("Vul het formulier 'Verzoek tot schadevergoeding' in, op papier of online met "
                   "de cijfers van de barcode.",
                   "Fill in the form 'Verzoek tot schadevergoeding', on paper or online with the "
                   "digits of the barcode."),
                _t("Vraag Slachtofferhulp om hulp bij het invullen.",
                   "Ask Victim Support to help you fill it in."),
                _t("Stuur het formulier met je bewijzen vóór de zitting naar de officier van "
                   "justitie.",
                   "Send the form with your proof to the public prosecutor before the "
                   "hearing."),
            ),
        ],
        contacts=["shn", "om_slachtofferloket", "juridisch_loket"],
        source=_source("art. 51f en art. 51g Wetboek van Strafvordering (art. 51g lid 3: "
                       "uiterlijk vóór het requisitoir; ECLI:NL:PHR:2018:604)", SV),
    ),
    "R14": _right(
        title=_t("Affectieschade vragen als naaste", "Claim for grief as a loved one"),
        summary=_t(
            "Is een dierbare door een misdrijf overleden of ernstig gewond? Dan kun je een vast "
            "bedrag vragen voor je verdriet.",
            "Has a loved one died or been seriously injured because of a crime? Then you can "
            "claim a fixed amount for your grief.",
        ),
        explanation=_t(
            "Affectieschade is een vergoeding voor het verdriet dat je hebt omdat iemand van "
            "wie je houdt door een misdrijf is overleden of ernstig en blijvend gewond is. Je "
            "kunt dit vragen als partner, kind of ouder, of als iemand die heel nauw met het "
            "slachtoffer verbonden is. Het gaat om vaste bedragen tussen €12.500 en €20.000. "
            "Bijvoorbeeld €20.000 voor de partner, een minderjarig kind of een ouder van iemand "
            "die door een misdrijf is overleden. Je vraagt het in de strafzaak, met hetzelfde "
            "formulier als voor andere schade. Een advocaat kan het ook voor je doen. Geld "
            "maakt het verlies niet goed. Maar het is wel een erkenning van je verdriet.",
            "Affectieschade is compensation for the grief you feel because someone you love has "
            "died or been seriously and permanently injured because of a crime. You can claim "
            "it as a partner, child or parent, or as someone with very close ties to the victim. "
            "It is a fixed amount between €12,500 and €20,000. For example €20,000 for the "
            "partner, a minor child or a parent of someone who died because of a crime. You "
            "claim it in the criminal case, with the same form as for other damage. A lawyer "
            "can also do it for you. Money does not make up for the loss. But it is a "
            "recognition of your grief.",
        ),
        fits=_t(
            "Dit is voor je als je partner, kind, ouder of iemand die heel dicht bij je staat "
            "door een misdrijf is overleden of ernstig gewond is, en er een verdachte is.",
            "This is for you if your partner, child, parent or someone very close to you died "
            "or was seriously injured because of a crime, and there is a suspect.",
        ),
        effort=_t(
            "Het kost je geen geld. Het bedrag staat vast. Je hoeft dus niet uit te leggen "
            "hoeveel verdriet je hebt, wel wat je band met het slachtoffer is. Praten over geld "
            "kan vreemd voelen. Dat is normaal.",
            "It costs you no money. The amount is fixed. So you do not have to explain how much "
            "grief you feel, only what your bond with the victim is. Talking about money can "
            "feel strange. That is normal.",
        ),
        deadline=CLAIM_DEADLINE,
        deadline_passed=CLAIM_DEADLINE_PASSED,
        todos=[
            _todo(
                "R14-1", _t("Vraag affectieschade aan", "Claim for grief (affectieschade)"),
                _t("Pak het formulier 'Verzoek tot schadevergoeding', of vul het online in met "
                   "de barcode op de brief van het OM.",
                   "Take the form 'Verzoek tot schadevergoeding', or fill it in online with the "
                   "barcode on the letter from the OM."),
                _t("Kies affectieschade en schrijf op wat je band met het slachtoffer is.",
                   "Choose affectieschade and write down your bond with the victim."),
                _t("Vraag Slachtofferhulp of een advocaat om te helpen.",
                   "Ask Victim Support or a lawyer to help."),
                _t("Stuur het vóór de zitting naar de officier van justitie.",
                   "Send it to the public prosecutor before the hearing."),
            ),
        ],
        contacts=["shn", "om_slachtofferloket", "juridisch_loket"],
        source=_source("art. 51f lid 2 Wetboek van Strafvordering; art. 6:107 en 6:108 "
                       "Burgerlijk Wetboek; Besluit vergoeding affectieschade, art. 1 (sinds "
                       "1 januari 2019)", AFFECTIESCHADE_BESLUIT),
    ),
    "R15": _right(
        title=_t("Het CJIB int je schadevergoeding", "The CJIB collects your compensation"),
        summary=_t(
            "Legde de rechter een schadevergoedingsmaatregel op? Dan int de Staat het geld. "
            "Betaalt de dader niet alles, dan krijg je na 8 maanden een voorschot.",
            "Did the court impose a compensation order? Then the State collects the money. If "
            "the offender does not pay it all, you get an advance payment after 8 months.",
        ),
        explanation=_t(
            "Soms legt de rechter de dader een schadevergoedingsmaatregel op. Dan moet de dader "
            "de schadevergoeding aan de Staat betalen, en de Staat geeft het geld aan jou. Het "
            "CJIB (het Centraal Justitieel Incassobureau) int het geld. Jij hoeft de dader dus "
            "niet zelf achterna te gaan. Heeft de dader 8 maanden nadat de uitspraak vaststaat "
            "nog niet alles betaald? Dan betaalt de Staat je een voorschot. Bij geweld of een "
            "zedenmisdrijf is daar geen maximum voor. Bij andere misdrijven is het voorschot "
            "hoogstens €5.000. Dat geldt voor uitspraken die vanaf 1 januari 2016 vaststaan. Je "
            "hoeft niets aan te vragen: het CJIB stuurt je een brief.",
            "Sometimes the court imposes a compensation order (schadevergoedingsmaatregel) on "
            "the offender. Then the offender must pay the compensation to the State, and the "
            "State gives the money to you. The CJIB (the Central Judicial Collection Agency) "
            "collects it. So you do not have to chase the offender yourself. Has the offender "
            "still not paid everything 8 months after the judgment became final? Then the State "
            "pays you an advance. For violence or a sexual offence there is no maximum. For "
            "other crimes the advance is at most €5,000. This applies to judgments that became "
            "final from 1 January 2016. You do not have to apply: the CJIB sends you a letter.",
        ),
        fits=_t(
            "Dit is voor je als de rechter een schadevergoedingsmaatregel oplegde en de "
            "uitspraak vaststaat (onherroepelijk is). Het geldt voor mensen, niet voor "
            "bedrijven.",
            "This is for you if the court imposed a compensation order and the judgment is "
            "final. It applies to people, not to companies.",
        ),
        effort=_t(
            "Het kost je niets en je hoeft niets aan te vragen. Wel heb je soms geduld nodig. "
            "Verhuis je of krijg je een ander rekeningnummer? Geef dat door aan het CJIB.",
            "It costs you nothing and you do not have to apply. You may need some patience. Are "
            "you moving or changing bank account? Tell the CJIB.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R15-1", _t("Let op de brief van het CJIB", "Watch for the letter from the CJIB"),
                _t("Kijk in het vonnis of er een schadevergoedingsmaatregel in staat.",
                   "Check in the judgment whether it includes a compensation order."),
                _t("Wacht op de brief van het CJIB. Die komt vanzelf.",
                   "Wait for the letter from the CJIB. It comes by itself."),
                _t("Zet in je agenda: 8 maanden na de dag dat de uitspraak vaststaat.",
                   "Put a note in your diary: 8 months after the day the judgment became "
                   "final."),
                _t("Heb je dan nog geen brief of geld? Bel het Slachtoffer Informatiepunt van "
                   "het CJIB: 0900-7537537.",
                   "Still no letter or money by then? Call the CJIB's victim information point: "
                   "0900-7537537."),
            ),
        ],
        contacts=["cjib_sis"],
        source=_source("art. 36f Wetboek van Strafrecht (schadevergoedingsmaatregel); "
                       "voorschotregeling (Wet versterking positie slachtoffer, sinds 1 januari "
                       "2011)", SR),
    ),
    "R16": _right(
        title=_t("Een uitkering van het Schadefonds vragen",
                 "Apply to the Violent Offences Compensation Fund"),
        summary=_t(
            "Na een geweldsmisdrijf met ernstig letsel kun je geld krijgen van het Schadefonds "
            "Geweldsmisdrijven.",
            "After a violent crime with serious injury you can get money from the Schadefonds "
            "Geweldsmisdrijven.",
        ),
        explanation=_t(
            "Het Schadefonds Geweldsmisdrijven geeft geld aan mensen met ernstig lichamelijk of "
            "psychisch letsel door een opzettelijk geweldsmisdrijf. Het is een erkenning van "
            "wat je is overkomen. Het fonds werkt met 6 groepen, met bedragen van €1.000 tot "
            "€35.000. Hoe ernstiger het letsel, hoe hoger het bedrag. Ben je nabestaande van "
            "iemand die door geweld of door schuld is gedood? Of naaste van iemand met ernstig "
            "en blijvend letsel? Dan krijg je een vast bedrag van €5.000. Nabestaanden kunnen "
            "daarnaast met bewijs de kosten van de uitvaart en gemist levensonderhoud vergoed "
            "krijgen. Aanvragen kan terwijl de strafzaak loopt, als de dader onbekend is, en "
            "zelfs als de verdachte is vrijgesproken. Aangifte is niet verplicht, maar helpt "
            "wel.",
            "The Schadefonds Geweldsmisdrijven (Violent Offences Compensation Fund) gives money "
            "to people with serious physical or psychological injury from an intentional violent "
            "crime. It is a recognition of what happened to you. The fund uses 6 categories, "
            "with amounts from €1,000 to €35,000. The more serious the injury, the higher the "
            "amount. Are you the bereaved relative of someone killed by violence or by someone's "
            "fault (dood door schuld)? Or a loved one of someone with serious, lasting injury? "
            "Then you get a fixed amount of €5,000. With proof, bereaved relatives can also get "
            "funeral costs and lost financial support paid. You can apply while the criminal "
            "case is running, when the offender is unknown, and even when the suspect was "
            "acquitted. A police report is not required, but it helps.",
        ),
        fits=_t(
            "Dit is voor je als je ernstig gewond bent door geweld of een zedenmisdrijf, of als "
            "nabestaande of naaste. Bij stalking of online misbruik is het niet zeker. Het kan "
            "misschien als er ook geweld of een zedenmisdrijf was en het letsel ernstig is. "
            "Vraag het na bij het Schadefonds.",
            "This is for you if you were seriously injured by violence or a sexual offence, or "
            "as a bereaved relative or loved one. With stalking or online abuse it is not "
            "certain. It may be possible if there was also violence or a sexual offence and the "
            "injury is serious. Check with the Schadefonds.",
        ),
        effort=_t(
            "Je vult een aanvraag in, online of op papier. Medische informatie en je aangifte, "
            "als je die hebt, helpen daarbij. Je beschrijft wat er gebeurde en wat het met je "
            "deed. Dat kan zwaar zijn. Slachtofferhulp kan je helpen.",
            "You fill in an application, online or on paper. Medical information and your "
            "police report, if you have one, help with it. You describe what happened and what "
            "it did to you. That can be hard. Victim Support can help you.",
        ),
        deadline=_t("Binnen 3 jaar na het misdrijf.", "Within 3 years after the crime."),
        deadline_passed=_t(
            "Zijn de 3 jaar voorbij, of bijna? Vraag Slachtofferhulp of het Schadefonds of een "
            "late aanvraag nog mogelijk is.",
            "Have the 3 years passed, or nearly? Ask Victim Support or the Schadefonds whether a "
            "late application is still possible.",
        ),
        todos=[
            _todo(
                "R16-1", _t("Doe de sneltest van het Schadefonds",
                            "Take the Schadefonds quick test"),
                _t("Ga naar schadefonds.nl en doe de sneltest.",
                   "Go to schadefonds.nl and take the quick test."),
                _t("Twijfel je? Bel het Schadefonds: 070-414 20 00.",
                   "Not sure? Call the Schadefonds: 070-414 20 00."),
            ),
            _todo(
                "R16-2", _t("Vraag de uitkering aan", "Apply for the payment"),
                _t("Zoek de kopie van je aangifte, als je die hebt.",
                   "Find the copy of your police report, if you have one."),
                _t("Vraag medische informatie op bij je huisarts, het ziekenhuis of je "
                   "behandelaar.",
                   "Ask your GP, the hospital or your therapist for medical information."),
                _t("Vul de aanvraag in, online of op papier.",
                   "Fill in the application, online or on paper."),
                _t("Vraag Slachtofferhulp om hulp als je dat prettig vindt.",
                   "Ask Victim Support for help if you would like that."),
                _t("Stuur de aanvraag binnen 3 jaar na het misdrijf op.",
                   "Send the application within 3 years after the crime."),
            ),
        ],
        contacts=["schadefonds", "shn"],
        source=_source("Wet schadefonds geweldsmisdrijven, art. 3", "https://www.schadefonds.nl"),
        unverified=(
            "Whether stalking or online sexual abuse qualifies: only with violence or a sexual "
            "offence and serious injury (not in the rules by default). The fits text says so and "
            "sends the user to the Schadefonds."
        ),
    ),
    "R17": _right(
        title=_t("Spreken bij de zitting (spreekrecht)", "Speak at the hearing (right to speak)"),
        summary=_t(
            "Bij ernstige misdrijven mag je in de rechtszaal vertellen wat het misdrijf met je "
            "heeft gedaan.",
            "With serious crimes you may tell the court what the crime has done to you.",
        ),
        explanation=_t(
            "Spreekrecht betekent dat je bij de zitting mag vertellen wat het misdrijf met jou "
            "heeft gedaan. De rechter, de officier van justitie en de verdachte horen dan jouw "
            "verhaal. Dit mag bij misdrijven waar 8 jaar cel of meer op staat. En bij een "
            "aantal andere misdrijven, zoals stalking, mishandeling met zwaar letsel, en een "
            "verkeersongeluk door schuld met een dode of zwaargewonde. Ook nabestaanden hebben "
            "spreekrecht. Sinds 1 januari 2023 geldt dat ook voor stieffamilie en pleegfamilie. "
            "Je mag zelf spreken, of je tekst laten voorlezen door je advocaat of iemand anders. "
            "Ben je naaste van iemand die nog leeft? Dan mag je misschien spreken als het "
            "slachtoffer dat zelf niet kan. Dit is niet helemaal zeker. Vraag het na bij "
            "Slachtofferhulp of de officier van justitie.",
            "The right to speak (spreekrecht) means you may say at the hearing what the crime "
            "has done to you. The judge, the public prosecutor and the suspect then hear your "
            "story. You may do this for crimes that carry 8 years in prison or more. And for "
            "some other crimes, such as stalking, assault causing serious injury, and a traffic "
            "accident caused by someone's fault in which someone died or was seriously injured. "
            "Bereaved relatives also have the right to speak. Since 1 January 2023 this includes "
            "step-family and foster family. You may speak yourself, or have your lawyer or "
            "someone else read out your text. Are you a loved one of a victim who is still "
            "alive? Then you may be allowed to speak if the victim cannot do it. This is not "
            "fully certain. Check with Victim Support or the public prosecutor.",
        ),
        fits=_t(
            "Dit is voor je als je slachtoffer of nabestaande bent, de zaak naar de rechter gaat "
            "en het om een ernstig misdrijf gaat.",
            "This is for you if you are a victim or bereaved relative, the case is going to "
            "court and it is about a serious crime.",
        ),
        effort=_t(
            "Het kost je niets. Je schrijft je verhaal op, en Slachtofferhulp helpt je daar "
            "gratis bij. Spreken in de rechtszaal kan zwaar zijn. In sommige ernstige zaken "
            "moet de verdachte in de zaal zijn. Je mag ook iemand anders je tekst laten "
            "voorlezen, of toch niet spreken. Jij kiest.",
            "It costs you nothing. You write down your story, and Victim Support helps you with "
            "it for free. Speaking in the courtroom can be hard. In some serious cases the "
            "suspect must be in the room. You may also let someone else read your text, or "
            "decide not to speak after all. You choose.",
        ),
        deadline=_t("Laat het de officier van justitie schriftelijk weten, vóór de zitting.",
                    "Tell the public prosecutor in writing, before the hearing."),
        deadline_passed=_t(
            "Is de zitting al heel dichtbij? Neem meteen contact op met het Slachtofferloket of "
            "Slachtofferhulp en vraag wat nog kan.",
            "Is the hearing very close already? Get in touch with the Slachtofferloket or Victim "
            "Support straight away and ask what is still possible.",
        ),
        todos=[
            _todo(
                "R17-1", _t("Besluit of je wilt spreken", "Decide whether you want to speak"),
                _t("Vraag de officier van justitie of Slachtofferhulp of je spreekrecht hebt in "
                   "jouw zaak.",
                   "Ask the public prosecutor or Victim Support whether you have the right to "
                   "speak in your case."),
                _t("Denk na: wil je zelf spreken, iemand laten voorlezen, of liever niet?",
                   "Think about it: do you want to speak yourself, have someone read it, or "
                   "rather not?"),
                _t("Laat de officier van justitie vóór de zitting schriftelijk weten dat je wilt "
                   "spreken.",
                   "Before the hearing, tell the public prosecutor in writing that you want to "
                   "speak."),
            ),
            _todo(
                "R17-2", _t("Schrijf je verhaal", "Write your story"),
                _t("Schrijf op wat het misdrijf met je leven heeft gedaan.",
                   "Write down what the crime has done to your life."),
                _t("Vraag Slachtofferhulp om mee te lezen.",
                   "Ask Victim Support to read it with you."),
                _t("Oefen het hardop, of spreek af wie het voorleest.",
                   "Practise it out loud, or agree who will read it."),
                _t("Neem iemand mee naar de zitting die je steunt.",
                   "Bring someone who supports you to the hearing."),
            ),
        ],
        contacts=["om_slachtofferloket", "shn"],
        source=_source("art. 51e Wetboek van Strafvordering: misdrijven met 8 jaar "
                       "gevangenisstraf of meer, en onder meer art. 285b, 300 lid 2–3, 301 lid "
                       "2–3, 306–308, 318 en 372 Wetboek van Strafrecht en art. 6 "
                       "Wegenverkeerswet 1994", SV),
        unverified=(
            "Whether a naaste of a living victim may speak only when the victim cannot use the "
            "right (not included in the rules). The text says this is not certain."
        ),
    ),
    "R18": _right(
        title=_t("Schrijf een slachtofferverklaring", "Write a victim statement"),
        summary=_t(
            "In een schriftelijke verklaring vertel je wat het misdrijf met je heeft gedaan.",
            "In a written statement you tell what the crime has done to you.",
        ),
        explanation=_t(
            "Een schriftelijke slachtofferverklaring is een tekst waarin je zelf vertelt wat het "
            "misdrijf met jou en je leven heeft gedaan. Bijvoorbeeld met je gezondheid, je werk, "
            "je gezin of je gevoel van veiligheid. De verklaring komt bij het dossier. Zo kan "
            "de rechter er rekening mee houden als die beslist. Dat geldt ook voor de officier "
            "van justitie als die een strafbeschikking geeft: een straf die de officier zelf "
            "oplegt, zonder rechter. Je hoeft er niet voor naar de zitting. Dit kan bij elk "
            "misdrijf waarvoor een zitting komt of een strafbeschikking. Je kunt het dus ook "
            "doen als je geen spreekrecht hebt.",
            "A written victim statement (schriftelijke slachtofferverklaring) is a text in which "
            "you yourself tell what the crime has done to you and your life. For example to your "
            "health, your work, your family or your sense of safety. The statement goes into "
            "the case file. That way the judge can take it into account when deciding. The same "
            "goes for the public prosecutor when issuing a strafbeschikking: a penalty the "
            "prosecutor imposes without a judge. You do not have to go to the hearing for it. "
            "This is possible for every crime that goes to a hearing or gets a "
            "strafbeschikking. So you can also do it if you do not have the right to speak.",
        ),
        fits=_t(
            "Dit is voor je als de zaak naar de rechter gaat, of als de officier van justitie de "
            "zaak met een strafbeschikking afhandelt.",
            "This is for you if the case is going to court, or if the public prosecutor settles "
            "it with a strafbeschikking.",
        ),
        effort=_t(
            "Het kost je niets. Schrijven over de gevolgen kan pijn doen. Neem er de tijd voor "
            "en schrijf in stukjes. Slachtofferhulp kan meelezen en helpen.",
            "It costs you nothing. Writing about the consequences can hurt. Take your time and "
            "write in small parts. Victim Support can read it with you and help.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R18-1", _t("Schrijf je verklaring", "Write your statement"),
                _t("Schrijf op wat er sinds het misdrijf is veranderd in je leven.",
                   "Write down what has changed in your life since the crime."),
                _t("Denk aan je gezondheid, je werk, geld, je relaties en je gevoel van "
                   "veiligheid.",
                   "Think of your health, your work, money, your relationships and your sense "
                   "of safety."),
                _t("Laat Slachtofferhulp meelezen als je dat wilt.",
                   "Let Victim Support read it with you if you want."),
                _t("Stuur de verklaring ruim vóór de zitting naar de officier van justitie, en "
                   "vraag of die bij het dossier komt.",
                   "Send the statement to the public prosecutor well before the hearing, and ask "
                   "for it to be added to the case file."),
            ),
        ],
        contacts=["om_slachtofferloket", "shn"],
        source=_source("art. 51e Wetboek van Strafvordering; werkwijze van het OM "
                       "(schriftelijke slachtofferverklaring, om.nl)", "https://www.om.nl"),
    ),
    "R19": _right(
        title=_t("Klagen als de dader niet wordt vervolgd",
                 "Complain when the offender is not prosecuted"),
        summary=_t(
            "Ben je het niet eens met een sepot of een strafbeschikking? Dan kun je klagen bij "
            "het gerechtshof.",
            "Do you disagree with a decision not to prosecute or with a strafbeschikking? Then "
            "you can complain to the court of appeal.",
        ),
        explanation=_t(
            "Soms besluit de officier van justitie de verdachte niet te vervolgen. Dat heet een "
            "sepot. Of de officier legt zelf een straf op, zonder rechter: een strafbeschikking. "
            "Ben je het daar niet mee eens? Dan kun je een klacht sturen naar het gerechtshof. "
            "Dat heet een artikel 12-procedure. Het hof kan dan beslissen dat de verdachte toch "
            "vervolgd moet worden. Je kunt dit doen als het misdrijf jou direct raakt, "
            "bijvoorbeeld als slachtoffer of nabestaande. Vraag eerst aan de officier van "
            "justitie waarom de zaak zo is afgehandeld. Daarna stuur je een brief naar het "
            "gerechtshof: een klaagschrift. Kreeg je een brief over de beslissing, of gaat het "
            "om een strafbeschikking? Dan heb je 3 maanden nadat je van de beslissing hoorde. "
            "Anders is er geen vaste termijn.",
            "Sometimes the public prosecutor decides not to prosecute the suspect. This is "
            "called a sepot. Or the prosecutor imposes a penalty without a judge: a "
            "strafbeschikking. Do you disagree? Then you can send a complaint to the court of "
            "appeal (gerechtshof). This is called an article 12 procedure. The court can then "
            "decide that the suspect must be prosecuted after all. You can do this if the crime "
            "affects you directly, for example as a victim or bereaved relative. First ask the "
            "prosecutor why the case was handled this way. Then you send a letter to the court "
            "of appeal: a klaagschrift. Did you get a letter about the decision, or is it a "
            "strafbeschikking? Then you have 3 months after you heard about the decision. "
            "Otherwise there is no fixed time limit.",
        ),
        fits=_t(
            "Dit is voor je als de officier van justitie de verdachte niet vervolgt (sepot) of "
            "de zaak met een strafbeschikking heeft afgehandeld, en je dat niet terecht vindt.",
            "This is for you if the public prosecutor dropped your case or settled it with a "
            "strafbeschikking, and you think that is not right.",
        ),
        effort=_t(
            "Je schrijft een brief met uitleg. Slachtofferhulp kan helpen. Na ernstig geweld of "
            "een zedenmisdrijf kan een gratis advocaat het voor je doen. Het kan teleurstellend "
            "zijn als het hof je klacht afwijst. Praat vooraf met iemand over wat je verwacht.",
            "You write a letter explaining why. Victim Support can help. After serious violence "
            "or a sexual offence a free lawyer can do it for you. It can be disappointing if the "
            "court turns down your complaint. Talk with someone beforehand about what you "
            "expect.",
        ),
        deadline=_t(
            "Binnen 3 maanden nadat je van de beslissing hoorde. Dit geldt als je er een brief "
            "over kreeg, of bij een strafbeschikking.",
            "Within 3 months after you heard about the decision. This applies if you got a "
            "letter about it, or with a strafbeschikking.",
        ),
        deadline_passed=_t(
            "Zijn de 3 maanden voorbij? Vraag toch advies bij Slachtofferhulp of het Juridisch "
            "Loket. Kreeg je geen brief over de beslissing? Dan geldt er geen vaste termijn.",
            "Have the 3 months passed? Still ask Victim Support or the Juridisch Loket for "
            "advice. Did you get no letter about the decision? Then no fixed time limit "
            "applies.",
        ),
        todos=[
            _todo(
                "R19-1", _t("Vraag waarom", "Ask why"),
                _t("Zoek de brief van het OM over de beslissing.",
                   "Find the letter from the OM about the decision."),
                _t("Vraag de officier van justitie waarom de zaak zo is afgehandeld.",
                   "Ask the public prosecutor why the case was handled this way."),
            ),
            _todo(
                "R19-2", _t("Stuur een klaagschrift naar het gerechtshof",
                            "Send a complaint to the court of appeal"),
                _t("Schrijf een brief aan het gerechtshof.",
                   "Write a letter to the court of appeal."),
                _t("Zet erin: het parketnummer (het nummer bij het OM) of het mutatienummer (het "
                   "nummer bij de politie).",
                   "Put in it: the parketnummer (the OM's case number) or the mutatienummer "
                   "(the police's number)."),
                _t("Schrijf om welk misdrijf het gaat en wie volgens jou vervolgd moet worden.",
                   "Write which crime it is about and who you think should be prosecuted."),
                _t("Leg uit waarom je het niet eens bent met de beslissing.",
                   "Explain why you disagree with the decision."),
                _t("Vraag Slachtofferhulp of een advocaat om mee te lezen.",
                   "Ask Victim Support or a lawyer to read it with you."),
                _t("Verstuur de brief binnen 3 maanden en bewaar een kopie.",
                   "Send the letter within 3 months and keep a copy."),
            ),
        ],
        contacts=["shn", "juridisch_loket", "om_slachtofferloket"],
        source=_source("art. 12 Wetboek van Strafvordering", SV),
    ),
    "R20": _right(
        title=_t("Bericht als de dader vrijkomt", "Be told when the offender is released"),
        summary=_t(
            "Je kunt vragen om bericht als de verdachte of dader vrijkomt of ontsnapt.",
            "You can ask to be told when the suspect or offender is released or escapes.",
        ),
        explanation=_t(
            "Bij ernstige misdrijven kun je vragen om bericht als de verdachte of veroordeelde "
            "vrijkomt. Ook als die persoon ontsnapt. Zo word je niet overvallen als je hem of "
            "haar ineens tegenkomt. En je kunt je erop voorbereiden, bijvoorbeeld samen met "
            "Slachtofferhulp. Dit geldt bij misdrijven waar 8 jaar cel of meer op staat, en bij "
            "een aantal andere. Je moet er zelf om vragen. Dat kan op het wensenformulier of "
            "bij het Slachtofferloket. In welk wetsartikel dit precies staat, is niet helemaal "
            "zeker. Het Slachtofferloket kan je vertellen of het in jouw zaak kan.",
            "With serious crimes you can ask to be told when the suspect or convicted person is "
            "released. Also when that person escapes. That way you are not caught off guard if "
            "you suddenly run into them. And you can prepare, for example with Victim Support. "
            "This applies to crimes that carry 8 years in prison or more, and some others. You "
            "have to ask for it yourself. You can do that on the wishes form or at the "
            "Slachtofferloket. Exactly which article of the law covers this is not fully "
            "certain. The Slachtofferloket can tell you whether it is possible in your case.",
        ),
        fits=_t(
            "Dit is voor je als er een verdachte is van een ernstig misdrijf, en je wilt weten "
            "wanneer die vrijkomt.",
            "This is for you if there is a suspect of a serious crime, and you want to know when "
            "they are released.",
        ),
        effort=_t(
            "Het kost je niets. Je vraagt het één keer. Zo'n bericht kan een schok zijn, ook als "
            "je het verwacht. Spreek af met wie je erover kunt praten.",
            "It costs you nothing. You ask once. Such news can be a shock, even when you expect "
            "it. Agree with someone that you can talk to them about it.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R20-1", _t("Vraag om bericht bij vrijlating", "Ask to be told about a release"),
                _t("Kruis dit aan op het wensenformulier, als je dat krijgt.",
                   "Tick this on the wishes form, if you get one."),
                _t("Of laat het Slachtofferloket weten dat je bericht wilt.",
                   "Or tell the Slachtofferloket that you want to be told."),
                _t("Geef een nieuw adres of telefoonnummer altijd door.",
                   "Always pass on a new address or phone number."),
            ),
        ],
        contacts=["om_slachtofferloket", "shn"],
        source=_source("art. 51ab/51ac Wetboek van Strafvordering (welk lid precies is niet "
                       "zeker); Regeling verstrekken zaaksinformatie aan slachtoffers",
                       ZAAKINFO_REGELING),
        unverified=(
            "The exact legal paragraph (art. 51ab or 51ac Sv) for release and escape "
            "information. Which offences qualify follows SHN (at least 8 years and some others)."
        ),
    ),
    "R21": _right(
        title=_t("Vraag om bescherming", "Ask for protection"),
        summary=_t(
            "Ben je bang voor de verdachte? Dan kun je om bescherming vragen, zoals een "
            "contactverbod.",
            "Are you afraid of the suspect? Then you can ask for protection, such as a no-contact "
            "order.",
        ),
        explanation=_t(
            "Ben je bang dat de verdachte je opnieuw iets aandoet of je lastigvalt? Vertel dat "
            "aan de politie of de officier van justitie. Zij kunnen maatregelen nemen om je te "
            "beschermen. Bijvoorbeeld een contactverbod: de verdachte mag dan geen contact met "
            "je zoeken. Of een gebiedsverbod: de verdachte mag niet in een bepaald gebied komen, "
            "zoals jouw straat. Zo'n verbod kan via de officier van justitie, of via de "
            "burgerlijke rechter (de rechter voor zaken tussen mensen). Je kunt ook een "
            "veiligheidsplan maken: afspraken over wat je doet als je je onveilig voelt. "
            "Slachtofferhulp vroeg in 2023 meer dan 11.000 keer om bescherming voor "
            "slachtoffers. Je bent dus niet de enige. Ben je in direct gevaar? Bel dan 112.",
            "Are you afraid that the suspect will hurt or bother you again? Tell the police or "
            "the public prosecutor. They can take steps to protect you. For example a no-contact "
            "order (contactverbod): the suspect may then not contact you. Or an area ban "
            "(gebiedsverbod): the suspect may not enter a certain area, such as your street. "
            "Such a ban can come through the public prosecutor, or through the civil court (the "
            "court for disputes between people). You can also make a safety plan: agreements on "
            "what you do when you feel unsafe. In 2023 Victim Support asked for protection for "
            "victims more than 11,000 times. So you are not the only one. Are you in direct "
            "danger? Call 112.",
        ),
        fits=_t(
            "Dit is voor je als je bang bent voor de verdachte of dader, op elk moment in de "
            "zaak.",
            "This is for you if you are afraid of the suspect or offender, at any point in the "
            "case.",
        ),
        effort=_t(
            "Het kost je niets. Je vertelt waar je bang voor bent, en soms waarom. Dat kan "
            "moeilijk zijn. Schrijf op wat er gebeurde, dan hoef je niet alles te onthouden.",
            "It costs you nothing. You say what you are afraid of, and sometimes why. That can "
            "be hard. Write down what happened, so you do not have to remember it all.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R21-1", _t("Vertel wat je bang maakt", "Say what makes you afraid"),
                _t("Ben je in direct gevaar? Bel 112.", "Are you in direct danger? Call 112."),
                _t("Schrijf op wat je bang maakt, zoals berichten, bezoekjes of bedreigingen, "
                   "met de datum.",
                   "Write down what makes you afraid, such as messages, visits or threats, with "
                   "the date."),
                _t("Vertel het de politie (0900-8844) of de officier van justitie.",
                   "Tell the police (0900-8844) or the public prosecutor."),
                _t("Vraag om een contactverbod of een gebiedsverbod.",
                   "Ask for a no-contact order or an area ban."),
            ),
            _todo(
                "R21-2", _t("Maak een veiligheidsplan", "Make a safety plan"),
                _t("Vraag Slachtofferhulp om samen een veiligheidsplan te maken.",
                   "Ask Victim Support to make a safety plan with you."),
                _t("Spreek af wie je belt als je je onveilig voelt.",
                   "Agree who you will call when you feel unsafe."),
                _t("Gaat het om geweld thuis? Bel Veilig Thuis: 0800-2000.",
                   "Is it about violence at home? Call Veilig Thuis: 0800-2000."),
            ),
        ],
        contacts=["emergency", "police", "shn", "veilig_thuis", "om_slachtofferloket"],
        source=_source("Aanwijzing slachtoffers in het strafproces (2024A001), onderdeel "
                       "bescherming; contact- of gebiedsverbod via de officier van justitie of "
                       "de burgerlijke rechter", "https://www.om.nl"),
    ),
    "R22": _right(
        title=_t("Praten met de dader (herstelbemiddeling)",
                 "Talk with the offender (mediation)"),
        summary=_t(
            "Als jij dat wilt, kun je met hulp van een bemiddelaar in gesprek met de dader.",
            "If you want to, you can talk with the offender with the help of a mediator.",
        ),
        explanation=_t(
            "Sommige slachtoffers willen de dader iets vragen of iets vertellen. Bijvoorbeeld: "
            "waarom deed je dit? Of: dit heb je met mij gedaan. Herstelbemiddeling helpt "
            "daarbij. Een bemiddelaar van Perspectief Herstelbemiddeling bereidt het contact "
            "met jou voor en begeleidt het. Dat kan in elke fase: voor, tijdens of na de "
            "strafzaak. Het is altijd vrijwillig. Je beslist zelf of je het wilt, en de dader "
            "ook. Je hoeft het niet te doen. Het is alleen een mogelijkheid, voor als jij dat "
            "wilt. Ook een eerste gesprek met de bemiddelaar verplicht je tot niets.",
            "Some victims want to ask or tell the offender something. For example: why did you "
            "do this? Or: this is what you did to me. Mediation (herstelbemiddeling) helps with "
            "that. A mediator from Perspectief Herstelbemiddeling prepares the contact with you "
            "and guides it. This can happen at any stage: before, during or after the criminal "
            "case. It is always voluntary. You decide whether you want it, and so does the "
            "offender. You do not have to do it. It is only an option, for when you want it. "
            "Even a first talk with the mediator does not commit you to anything.",
        ),
        fits=_t(
            "Dit is voor je als bekend is wie het deed, en je zelf iets met de dader wilt "
            "bespreken. Niemand mag je ertoe dwingen.",
            "This is for you if it is known who did it, and you want to discuss something with "
            "the offender yourself. No one may push you into it.",
        ),
        effort=_t(
            "Je hebt eerst een of meer gesprekken met de bemiddelaar. Vraag vooraf of er kosten "
            "zijn. Contact met de dader kan veel losmaken, ook als je het zelf wilt. Neem je "
            "tijd.",
            "You first have one or more talks with the mediator. Ask beforehand whether there "
            "are any costs. Contact with the offender can stir up a lot, even when you want it. "
            "Take your time.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R22-1", _t("Ontdek of herstelbemiddeling iets voor je is",
                            "Find out whether mediation is for you"),
                _t("Bedenk wat je de dader zou willen vragen of zeggen.",
                   "Think about what you would want to ask or tell the offender."),
                _t("Kijk op perspectiefherstelbemiddeling.nl wat er mogelijk is.",
                   "Look at perspectiefherstelbemiddeling.nl to see what is possible."),
                _t("Neem contact op voor een eerste gesprek met een bemiddelaar.",
                   "Get in touch for a first talk with a mediator."),
                _t("Beslis pas daarna of je verder wilt.",
                   "Only decide after that whether you want to go on."),
            ),
        ],
        contacts=["perspectief", "shn"],
        source=_source("art. 51h Wetboek van Strafvordering", SV),
    ),
    "R23": _right(
        title=_t("Volg je zaak online", "Follow your case online"),
        summary=_t(
            "Op MijnSlachtofferzaak zie je met DigiD hoe het met je zaak staat.",
            "On MijnSlachtofferzaak you can see with DigiD how your case is going.",
        ),
        explanation=_t(
            "MijnSlachtofferzaak is een website waar je je strafzaak kunt volgen. Je logt in "
            "met DigiD. Het is een dienst van het ministerie van Justitie en Veiligheid en de "
            "organisaties die aan je zaak werken, zoals politie en OM. Het is geen recht uit de "
            "wet, maar een handig hulpmiddel naast de brieven die je krijgt. Je kunt kijken "
            "wanneer het jou uitkomt. Zo hoef je niet steeds te bellen om te vragen hoe het "
            "gaat. Kun je niet inloggen, of zie je je zaak niet? Dan kun je nog steeds het "
            "Slachtofferloket of Slachtofferhulp vragen. Wil je even liever niet kijken? Dat is "
            "ook goed.",
            "MijnSlachtofferzaak is a website where you can follow your criminal case. You log "
            "in with DigiD. It is a service of the Ministry of Justice and Security and the "
            "organisations working on your case, such as the police and the OM. It is not a "
            "right under the law, but a handy tool next to the letters you get. You can look "
            "whenever it suits you. That way you do not have to keep calling to ask how things "
            "are going. Can you not log in, or do you not see your case? Then you can still ask "
            "the Slachtofferloket or Victim Support. Would you rather not look for a while? "
            "That is fine too.",
        ),
        fits=_t(
            "Dit is voor je als je aangifte hebt gedaan en een DigiD hebt.",
            "This is for you if you have reported a crime and have a DigiD.",
        ),
        effort=_t(
            "Het kost je niets. Je hebt een DigiD nodig. Nieuws over je zaak kan schrikken "
            "zijn. Kijk op een moment dat je je rustig voelt.",
            "It costs you nothing. You need a DigiD. News about your case can be a shock. Look "
            "at a moment when you feel calm.",
        ),
        deadline=None,
        deadline_passed=None,
        todos=[
            _todo(
                "R23-1", _t("Log in op MijnSlachtofferzaak", "Log in to MijnSlachtofferzaak"),
                _t("Zorg dat je een DigiD hebt.", "Make sure you have a DigiD."),
                _t("Ga naar mijnslachtofferzaak.nl en log in.",
                   "Go to mijnslachtofferzaak.nl and log in."),
                _t("Kijk of je zaak erin staat.", "Check whether your case is there."),
                _t("Zie je je zaak niet? Vraag het Slachtofferloket of Slachtofferhulp.",
                   "Do you not see your case? Ask the Slachtofferloket or Victim Support."),
            ),
        ],
        contacts=["mijnslachtofferzaak", "om_slachtofferloket", "shn"],
        source=_source("Geen wettelijk recht: online dienst van het ministerie van Justitie en "
                       "Veiligheid en de ketenpartners", "https://www.mijnslachtofferzaak.nl"),
    ),
    "W01": _right(
        title=_t("Het Waarborgfonds bij een onbekende bestuurder",
                 "The Waarborgfonds when the driver is unknown"),
        summary=_t(
            "Is de bestuurder onbekend, onverzekerd of reed die in een gestolen voertuig? Dan "
            "kun je bij het Waarborgfonds Motorverkeer terecht.",
            "Is the driver unknown or uninsured, or were they driving a stolen vehicle? Then "
            "you can turn to the Waarborgfonds Motorverkeer.",
        ),
        explanation=_t(
            "Bij een verkeersongeluk betaalt meestal de verzekering van de veroorzaker je "
            "schade. Maar soms rijdt de bestuurder door en weet niemand wie het was. Of de "
            "bestuurder was niet verzekerd, of reed in een gestolen auto of op een gestolen "
            "motor. Dan kun je terecht bij het Waarborgfonds Motorverkeer. Het fonds kan je "
            "schade dan vergoeden. Je moet wel laten zien dat je hebt geprobeerd uit te zoeken "
            "wie de bestuurder was. Doe daarom meteen aangifte bij de politie. Wacht er niet "
            "mee: kom binnen 14 dagen in actie, het liefst meteen.",
            "After a traffic accident, the insurance of whoever caused it usually pays for your "
            "damage. But sometimes the driver drives off and no one knows who it was. Or the "
            "driver was not insured, or was driving a stolen car or motorbike. Then you can "
            "turn to the Waarborgfonds Motorverkeer (the Motor Traffic Guarantee Fund). The "
            "fund can then pay for your damage. You do have to show that you tried to find out "
            "who the driver was. So report it to the police straight away. Do not wait: act "
            "within 14 days, preferably at once.",
        ),
        fits=_t(
            "Dit is voor je als je gewond raakte bij een verkeersongeluk, of een dierbare "
            "verloor, en niet bekend is wie de bestuurder was.",
            "This is for you if you were injured in a traffic accident, or lost a loved one, "
            "and it is not known who the driver was.",
        ),
        effort=_t(
            "Aangifte doen is gratis. Je moet snel in actie komen, terwijl je misschien nog "
            "herstelt of rouwt. Vraag iemand om je te helpen, of bel Slachtofferhulp.",
            "Reporting to the police is free. You have to act quickly, while you may still be "
            "recovering or grieving. Ask someone to help you, or call Victim Support.",
        ),
        deadline=_t(
            "Kom binnen 14 dagen in actie: doe meteen aangifte en probeer uit te zoeken wie de "
            "bestuurder was.",
            "Act within 14 days: report to the police at once and try to find out who the "
            "driver was.",
        ),
        deadline_passed=_t(
            "Zijn de 14 dagen voorbij? Neem toch contact op met het Waarborgfonds Motorverkeer, "
            "of vraag Slachtofferhulp om advies. Vertel wat je al hebt gedaan om de bestuurder "
            "te vinden.",
            "Have the 14 days passed? Still get in touch with the Waarborgfonds Motorverkeer, or "
            "ask Victim Support for advice. Tell them what you have already done to find the "
            "driver.",
        ),
        todos=[
            _todo(
                "W01-1", _t("Doe meteen aangifte", "Report to the police at once"),
                _t("Doe zo snel mogelijk aangifte bij de politie.",
                   "Report to the police as soon as you can."),
                _t("Schrijf op wat je nog weet: plaats, tijd, kleur en soort voertuig, en een "
                   "deel van het kenteken.",
                   "Write down what you remember: place, time, colour and type of vehicle, and "
                   "part of the number plate."),
                _t("Vraag getuigen om hun naam en telefoonnummer.",
                   "Ask witnesses for their name and phone number."),
            ),
            _todo(
                "W01-2", _t("Meld je bij het Waarborgfonds", "Contact the Waarborgfonds"),
                _t("Kijk op waarborgfonds.nl hoe je je schade meldt.",
                   "Look at waarborgfonds.nl to see how to report your damage."),
                _t("Stuur de kopie van je aangifte mee.",
                   "Include the copy of your police report."),
                _t("Bewaar bewijs van wat je deed om de bestuurder te vinden.",
                   "Keep proof of what you did to find the driver."),
            ),
        ],
        contacts=["police", "waarborgfonds", "shn"],
        source=_source("Regels van het Waarborgfonds Motorverkeer (geen recht uit het Wetboek "
                       "van Strafvordering)", "https://www.waarborgfonds.nl"),
    ),
}


# -- the situation questions -------------------------------------------------------------------

def _question(text: Text, why: Text, help_: Text | None,
              options: dict[str, Text] | None = None) -> dict[str, Any]:
    question: dict[str, Any] = {"text": text, "why": why, "help": help_}
    if options is not None:
        question["options"] = options
    return question


QUESTIONS: dict[str, dict[str, Any]] = {
    "crime": _question(
        _t("Wat is er gebeurd?", "What happened?"),
        _t("Welke rechten je hebt, hangt af van het soort misdrijf. Bijvoorbeeld voor het "
           "Schadefonds, een gratis advocaat of spreekrecht.",
           "Which rights you have depends on the kind of crime. For example for the "
           "Schadefonds, a free lawyer or the right to speak."),
        _t("Kies wat het best past. Past er meer dan één? Kies dan het ernstigste.",
           "Choose what fits best. Does more than one fit? Then choose the most serious."),
        {
            "geweld": _t("Geweld, zoals mishandeling", "Violence, such as assault"),
            "zeden": _t("Seksueel geweld of misbruik", "Sexual violence or abuse"),
            "stalking": _t("Stalking: iemand blijft je lastigvallen of volgen",
                           "Stalking: someone keeps bothering or following you"),
            "woninginbraak": _t("Inbraak in je huis", "A break-in at your home"),
            "overval_beroving": _t("Overval of beroving", "Robbery or mugging"),
            "fraude": _t("Oplichting of fraude", "Scam or fraud"),
            "verkeer_letsel": _t("Verkeersongeluk met letsel", "Traffic accident with injury"),
            "verkeer_dood": _t("Verkeersongeluk waarbij iemand is overleden",
                               "Traffic accident in which someone died"),
            "online_seksueel": _t("Online seksueel misbruik, zoals het delen van naaktbeelden",
                                  "Online sexual abuse, such as sharing nude images"),
            "doodslag_moord": _t("Iemand is door een misdrijf overleden (moord of doodslag)",
                                 "Someone died because of a crime (murder or manslaughter)"),
            "anders": _t("Iets anders", "Something else"),
        },
    ),
    "role": _question(
        _t("Wie ben jij in deze zaak?", "Who are you in this case?"),
        _t("Nabestaanden en naasten hebben soms andere rechten dan het slachtoffer zelf, zoals "
           "affectieschade of een vast bedrag van het Schadefonds.",
           "Bereaved relatives and loved ones sometimes have different rights from the victim, "
           "such as affectieschade or a fixed amount from the Schadefonds."),
        _t("Nabestaande: iemand die heel dicht bij je stond, zoals je partner, kind of ouder, is "
           "door het misdrijf overleden. Naaste: zo iemand leeft nog, maar is ernstig gewond.",
           "Bereaved relative: someone very close to you, such as your partner, child or parent, "
           "died because of the crime. Loved one: that person is alive, but seriously injured."),
        {
            "slachtoffer": _t("Het is mij zelf overkomen", "It happened to me"),
            "nabestaande": _t("Ik ben nabestaande: iemand die heel dicht bij me stond, is "
                              "overleden",
                              "I am a bereaved relative: someone very close to me died"),
            "naaste_ernstig_letsel": _t("Iemand die heel dicht bij me staat, is ernstig gewond "
                                        "geraakt",
                                        "Someone very close to me was seriously injured"),
        },
    ),
    "reported": _question(
        _t("Is er aangifte gedaan bij de politie?", "Has the crime been reported to the police?"),
        _t("Veel rechten beginnen pas na de aangifte. Is er nog geen aangifte, dan laten we zien "
           "hoe je dat doet.",
           "Many rights only start after the report. If there is no report yet, we show you how "
           "to make one."),
        _t("Aangifte doen betekent dat je de politie officieel vertelt wat er is gebeurd. Een "
           "melding of een gewoon gesprek is nog geen aangifte.",
           "Reporting (aangifte) means officially telling the police what happened. A notice or "
           "an ordinary conversation is not yet a report."),
    ),
    "klacht_filed": _question(
        _t("Heb je bij de politie gezegd dat je wilt dat de dader vervolgd wordt (een klacht)?",
           "Have you told the police that you want the offender to be prosecuted (a "
           "complaint)?"),
        _t("Bij stalking kan de dader alleen worden vervolgd als je een klacht indient. Daar heb "
           "je 3 maanden voor.",
           "With stalking, the offender can only be prosecuted if you file a complaint. You have "
           "3 months for that."),
        _t("Een klacht is meer dan een aangifte: je zegt er duidelijk bij dat je vervolging "
           "wilt. Een hulpofficier van justitie, een politieagent met een speciale taak, tekent "
           "die.",
           "A complaint (klacht) is more than a report: you say clearly that you want "
           "prosecution. An assistant public prosecutor, a police officer with a special role, "
           "signs it."),
    ),
    "suspect": _question(
        _t("Is bekend wie het gedaan heeft?", "Is it known who did it?"),
        _t("Schadevergoeding in de strafzaak en herstelbemiddeling kunnen alleen als er een "
           "verdachte is. Bij een verkeersongeluk met een onbekende bestuurder is het "
           "Waarborgfonds belangrijk.",
           "Compensation in the criminal case and mediation are only possible when there is a "
           "suspect. After a traffic accident with an unknown driver, the Waarborgfonds "
           "matters."),
        _t("De verdachte is de persoon van wie politie en justitie denken dat die het deed. Die "
           "persoon is nog niet veroordeeld.",
           "The suspect is the person the police and prosecution think did it. That person has "
           "not been convicted yet."),
        {
            "onbekend": _t("Nee, dat is (nog) niet bekend", "No, that is not known (yet)"),
            "bekend": _t("Ja, er is een verdachte", "Yes, there is a suspect"),
        },
    ),
    "phase": _question(
        _t("Hoe ver is je zaak?", "How far along is your case?"),
        _t("In elke fase kun je andere dingen doen. Bijvoorbeeld het wensenformulier "
           "terugsturen, schadevergoeding vragen of klagen als de zaak niet doorgaat.",
           "At each stage you can do different things. For example send back the wishes form, "
           "claim compensation or complain when the case is dropped."),
        _t("Weet je het niet precies? Kijk in de brieven van politie en OM, of in "
           "MijnSlachtofferzaak.",
           "Not sure? Look at the letters from the police and the OM, or in "
           "MijnSlachtofferzaak."),
        {
            "geen_aangifte": _t("Er is nog geen aangifte gedaan",
                                "No report has been made yet"),
            "opsporing": _t("Er is aangifte gedaan en de politie onderzoekt de zaak",
                            "The crime was reported and the police are investigating"),
            "om_beslist_vervolgen": _t("De officier van justitie (de aanklager) brengt de zaak "
                                       "naar de rechter",
                                       "The public prosecutor is taking the case to court"),
            "zitting_gepland": _t("Er is een datum voor de rechtszaak (de zitting)",
                                  "There is a date for the court hearing"),
            "uitspraak": _t("De rechter heeft een uitspraak gedaan, maar er kan nog hoger "
                            "beroep komen",
                            "The court has given its judgment, but there may still be an "
                            "appeal"),
            "onherroepelijk": _t("De uitspraak staat vast: er kan geen hoger beroep meer komen "
                                 "(onherroepelijk)",
                                 "The judgment is final: no more appeal is possible"),
            "sepot": _t("De officier van justitie vervolgt de verdachte niet (sepot)",
                        "The public prosecutor is not prosecuting the suspect (sepot)"),
            "strafbeschikking": _t("De officier van justitie heeft zelf een straf opgelegd, "
                                   "zonder rechter (strafbeschikking)",
                                   "The public prosecutor imposed a penalty without a judge "
                                   "(strafbeschikking)"),
        },
    ),
    "event_date": _question(
        _t("Wanneer is het gebeurd?", "When did it happen?"),
        _t("Sommige termijnen tellen vanaf die dag: 3 maanden voor een klacht bij stalking, "
           "3 jaar voor het Schadefonds en 14 dagen voor het Waarborgfonds. Na seksueel geweld "
           "is snelle hulp belangrijk.",
           "Some time limits count from that day: 3 months for a complaint about stalking, "
           "3 years for the Schadefonds and 14 days for the Waarborgfonds. After sexual "
           "violence, quick help matters."),
        _t("Duurde het langer, of gebeurde het vaker? Kies dan de eerste dag die je weet. Dan "
           "mis je geen termijn.",
           "Did it go on for a while, or happen more than once? Then choose the first day you "
           "know. That way you do not miss a time limit."),
    ),
    "injury": _question(
        _t("Is de persoon die het overkwam gewond geraakt?",
           "Was the person it happened to injured?"),
        _t("Een gratis advocaat en geld van het Schadefonds hangen af van hoe ernstig het "
           "letsel is.",
           "A free lawyer and money from the Schadefonds depend on how serious the injury is."),
        _t("Letsel kan lichamelijk zijn, maar ook psychisch: bijvoorbeeld veel angst, "
           "nachtmerries of niet meer kunnen werken. Gaat het om iemand anders dan jij? Antwoord "
           "dan voor die persoon.",
           "An injury can be physical, but also psychological: for example a lot of fear, "
           "nightmares or no longer being able to work. Is it about someone other than you? "
           "Then answer for that person."),
        {
            "geen": _t("Geen letsel", "No injury"),
            "licht": _t("Licht letsel, dat weer overgaat", "Minor injury that heals"),
            "ernstig_lichamelijk": _t("Ernstig lichamelijk letsel, zoals een botbreuk of "
                                      "blijvende schade",
                                      "Serious physical injury, such as a broken bone or "
                                      "lasting damage"),
            "ernstig_psychisch": _t("Ernstige psychische klachten, waarvoor hulp nodig is",
                                    "Serious psychological problems that need help"),
        },
    ),
    "damage_material": _question(
        _t("Heb je door het misdrijf schade aan spullen, of extra kosten?",
           "Has the crime caused you damage to belongings, or extra costs?"),
        _t("Dan kun je in de strafzaak vragen dat de dader die schade betaalt.",
           "Then in the criminal case you can ask for the offender to pay for that damage."),
        _t("Dit heet materiële schade. Bijvoorbeeld kapotte of gestolen spullen, rekeningen van "
           "de dokter, reiskosten of loon dat je misliep.",
           "This is called material damage. For example broken or stolen belongings, doctor's "
           "bills, travel costs or wages you missed."),
    ),
    "damage_immaterial": _question(
        _t("Heb je door het misdrijf pijn, angst, verdriet of andere gevolgen die je niet met "
           "een bon kunt laten zien?",
           "Has the crime caused you pain, fear, grief or other effects you cannot show with a "
           "receipt?"),
        _t("Ook voor deze schade kun je in de strafzaak een vergoeding vragen.",
           "You can also claim compensation for this damage in the criminal case."),
        _t("Dit heet immateriële schade: schade die geen spullen of kosten zijn, zoals pijn, "
           "angst en verdriet.",
           "This is called immaterial damage: damage that is not belongings or costs, such as "
           "pain, fear and grief."),
    ),
    "maatregel_awarded": _question(
        _t("Heeft de rechter een schadevergoedingsmaatregel opgelegd?",
           "Did the court impose a compensation order?"),
        _t("Dan int de Staat het geld voor je. Heeft de dader 8 maanden nadat de uitspraak "
           "vaststaat nog niet alles betaald? Dan krijg je een voorschot.",
           "Then the State collects the money for you. Has the offender not paid everything 8 "
           "months after the judgment became final? Then you get an advance."),
        _t("Een schadevergoedingsmaatregel betekent: de dader moet de schadevergoeding aan de "
           "Staat betalen, en de Staat geeft het aan jou. Het staat in het vonnis, de uitspraak "
           "van de rechter.",
           "A compensation order (schadevergoedingsmaatregel) means the offender must pay the "
           "compensation to the State, and the State gives it to you. It is in the judgment "
           "(vonnis)."),
    ),
    "decision_date": _question(
        _t("Wanneer hoorde je dat de zaak niet wordt vervolgd, of dat er een strafbeschikking "
           "is?",
           "When did you hear that the case will not be prosecuted, or that there is a "
           "strafbeschikking?"),
        _t("Wil je daarover klagen bij het gerechtshof? Dan heb je vaak 3 maanden vanaf die "
           "dag.",
           "Do you want to complain to the court of appeal about it? Then you often have "
           "3 months from that day."),
        _t("Sepot: de officier van justitie vervolgt niet. Strafbeschikking: de officier legt "
           "zelf een straf op, zonder rechter. Kies de dag dat je het hoorde of de brief kreeg.",
           "Sepot: the public prosecutor does not prosecute. Strafbeschikking: the prosecutor "
           "imposes a penalty without a judge. Choose the day you heard or got the letter."),
    ),
    "wensenformulier_received": _question(
        _t("Wanneer kreeg je het wensenformulier van het OM?",
           "When did you get the wishes form from the OM?"),
        _t("Je stuurt het formulier binnen 14 dagen terug. Met de datum kunnen we zien hoeveel "
           "tijd je nog hebt.",
           "You send the form back within 14 days. With the date we can see how much time you "
           "have left."),
        _t("Op het wensenformulier van het OM (de aanklager) kies je welke rechten je wilt "
           "gebruiken, zoals informatie of schadevergoeding. Nog niet gekregen? Sla deze vraag "
           "dan over.",
           "On the wishes form from the OM (the prosecution) you choose which rights you want "
           "to use, such as information or compensation. Not received it yet? Then skip this "
           "question."),
    ),
    "needs_language": _question(
        _t("Heb je hulp nodig met de Nederlandse taal, bijvoorbeeld een tolk?",
           "Do you need help with the Dutch language, for example an interpreter?"),
        _t("Dan kun je een tolk vragen, en vertaling van stukken over je zaak.",
           "Then you can ask for an interpreter, and for translation of papers about your "
           "case."),
        None,
    ),
    "fears_suspect": _question(
        _t("Ben je bang voor de verdachte of de dader?",
           "Are you afraid of the suspect or the offender?"),
        _t("Dan laten we zien hoe je om bescherming vraagt en hoe je je adres uit het dossier "
           "houdt.",
           "Then we show you how to ask for protection and how to keep your address out of the "
           "case file."),
        _t("Bijvoorbeeld omdat die persoon je bedreigt, je opzoekt of weet waar je woont.",
           "For example because that person threatens you, seeks you out or knows where you "
           "live."),
    ),
    "minor": _question(
        _t("Is de persoon die het overkwam jonger dan 18 jaar?",
           "Is the person it happened to younger than 18?"),
        _t("Voor kinderen gaat soms iets anders. Bij kinderen jonger dan 12 krijgen de ouders "
           "of de voogd de informatie over de rechten.",
           "Some things work differently for children. For children under 12, the parents or "
           "the guardian get the information about rights."),
        _t("Ben jij het zelf? Dan gaat het om jouw leeftijd.",
           "Is it you? Then it is about your own age."),
    ),
}


# -- where to find out when the answer is "weet ik niet" ---------------------------------------

ASK: dict[str, Text] = {
    "crime": _t(
        "Weet je niet goed welk soort misdrijf het is? Vraag het de politie of Slachtofferhulp. "
        "Kies anders het antwoord dat er het dichtst bij komt.",
        "Not sure what kind of crime it is? Ask the police or Victim Support. Otherwise choose "
        "the answer that comes closest.",
    ),
    "role": _t(
        "Twijfel je of je nabestaande of naaste bent? Slachtofferhulp kan met je meedenken.",
        "Not sure whether you are a bereaved relative or a loved one? Victim Support can think "
        "it through with you.",
    ),
    "reported": _t(
        "Weet je niet of er aangifte is gedaan? Vraag het de politie via 0900-8844, of kijk of "
        "je een kopie van een aangifte hebt.",
        "Not sure whether the crime was reported? Ask the police on 0900-8844, or check "
        "whether you have a copy of a report.",
    ),
    "klacht_filed": _t(
        "Kijk op de kopie van je aangifte of er staat dat je vervolging wilt. Staat het er niet, "
        "of weet je het niet? Vraag het de politie via 0900-8844.",
        "Check the copy of your report to see whether it says you want prosecution. If it does "
        "not, or you do not know, ask the police on 0900-8844.",
    ),
    "suspect": _t(
        "Weet je niet of er een verdachte is? Kijk in MijnSlachtofferzaak, of vraag het de "
        "politie of het Slachtofferloket.",
        "Not sure whether there is a suspect? Look in MijnSlachtofferzaak, or ask the police or "
        "the Slachtofferloket.",
    ),
    "phase": _t(
        "Kijk in de brieven van politie en OM, of in MijnSlachtofferzaak. Staat het er niet? "
        "Vraag het Slachtofferloket of Slachtofferhulp hoe ver je zaak is.",
        "Look at the letters from the police and the OM, or in MijnSlachtofferzaak. Not there? "
        "Ask the Slachtofferloket or Victim Support how far your case is.",
    ),
    "event_date": _t(
        "Weet je de datum niet precies? Kijk op de kopie van je aangifte. Kies bij twijfel de "
        "vroegste datum die kan: dan mis je geen termijn.",
        "Not sure of the exact date? Look at the copy of your report. If in doubt, choose the "
        "earliest possible date: then you do not miss a time limit.",
    ),
    "injury": _t(
        "Twijfel je hoe ernstig het letsel is? Vraag het je huisarts of behandelaar, of bespreek "
        "het met Slachtofferhulp.",
        "Not sure how serious the injury is? Ask your GP or therapist, or talk it over with "
        "Victim Support.",
    ),
    "damage_material": _t(
        "Twijfel je of je schade hebt? Zoek bonnen en rekeningen van na het misdrijf. "
        "Slachtofferhulp kan samen met je kijken wat telt.",
        "Not sure whether you have damage? Look for receipts and bills from after the crime. "
        "Victim Support can look at what counts with you.",
    ),
    "damage_immaterial": _t(
        "Twijfel je? Denk aan pijn, angst, slecht slapen of verdriet door het misdrijf. "
        "Slachtofferhulp kan samen met je kijken of je hiervoor een vergoeding kunt vragen.",
        "Not sure? Think of pain, fear, poor sleep or grief caused by the crime. Victim Support "
        "can look with you at whether you can claim for this.",
    ),
    "maatregel_awarded": _t(
        "Kijk in het vonnis (de uitspraak van de rechter) of er 'schadevergoedingsmaatregel' "
        "staat. Of vraag het Slachtofferloket of het CJIB (0900-7537537).",
        "Look in the judgment for the word 'schadevergoedingsmaatregel'. Or ask the "
        "Slachtofferloket or the CJIB (0900-7537537).",
    ),
    "decision_date": _t(
        "Kijk naar de datum van de brief van het OM over de beslissing. Heb je geen brief? "
        "Vraag het Slachtofferloket wanneer er is beslist.",
        "Look at the date of the letter from the OM about the decision. No letter? Ask the "
        "Slachtofferloket when the decision was made.",
    ),
    "wensenformulier_received": _t(
        "Kijk naar de datum van de brief van het OM met het wensenformulier. Weet je het niet "
        "meer? Mail het Slachtofferloket en vraag of je nog tijd hebt.",
        "Look at the date of the OM's letter with the wishes form. Do you not remember? Email "
        "the Slachtofferloket and ask whether you still have time.",
    ),
    "needs_language": _t(
        "Twijfel je of je alles goed begrijpt in het Nederlands? Zeg dat tegen de politie of "
        "het OM. Je kunt dan om een tolk vragen.",
        "Not sure you understand everything in Dutch? Tell the police or the OM. You can then "
        "ask for an interpreter.",
    ),
    "fears_suspect": _t(
        "Twijfel je of je gevaar loopt? Bespreek het met Slachtofferhulp of de politie. Ben je "
        "in direct gevaar? Bel 112.",
        "Not sure whether you are in danger? Talk it over with Victim Support or the police. In "
        "direct danger? Call 112.",
    ),
    "minor": _t(
        "Kijk naar de geboortedatum van de persoon die het overkwam, en tel tot de dag van het "
        "misdrijf. Twijfel je? Vraag het Slachtofferhulp.",
        "Look at the date of birth of the person it happened to, and count to the day of the "
        "crime. Not sure? Ask Victim Support.",
    ),
    "statutory_max_8y_or_listed": _t(
        "Of je bepaalde rechten hebt, zoals spreekrecht, hangt af van het misdrijf waarvoor de "
        "verdachte terechtstaat. Vraag de officier van justitie of Slachtofferhulp welk "
        "misdrijf dat is, en of er 8 jaar cel of meer op staat.",
        "Whether you have certain rights, such as the right to speak, depends on the crime the "
        "suspect is charged with. Ask the public prosecutor or Victim Support which crime that "
        "is, and whether it carries 8 years in prison or more.",
    ),
}


# -- the warnings the rules can raise ----------------------------------------------------------

FLAGS: dict[str, dict[str, Text]] = {
    "deadline_check": {
        "title": _t("Let op de termijn", "Mind the time limit"),
        "text": _t(
            "De termijn is misschien voorbij, of bijna. Dat betekent niet dat het niet meer kan. "
            "Misschien is er nog een mogelijkheid. Vraag zo snel mogelijk advies bij "
            "Slachtofferhulp (0900-0101) of het Juridisch Loket (0900-8020).",
            "The time limit may have passed, or nearly. That does not mean nothing can be done. "
            "There may still be a way. Ask Victim Support (0900-0101) or the Juridisch Loket "
            "(0900-8020) for advice as soon as you can.",
        ),
    },
    "csg_first": {
        "title": _t("Eerst: bel het Centrum Seksueel Geweld",
                    "First: call the Centre for Sexual Violence"),
        "text": _t(
            "Is het seksueel geweld minder dan 7 dagen geleden? Bel dan eerst het Centrum "
            "Seksueel Geweld: 0800-0188. Het liefst binnen 72 uur (3 dagen): hoe eerder, hoe "
            "meer ze voor je kunnen doen. Bellen is gratis en kan dag en nacht.",
            "Did the sexual violence happen less than 7 days ago? Then first call the Centrum "
            "Seksueel Geweld (Centre for Sexual Violence): 0800-0188. Preferably within 72 hours "
            "(3 days): the sooner, the more they can do for you. Calling is free, day and night.",
        ),
    },
}


# -- fixed words -------------------------------------------------------------------------------

TEXTS: dict[str, Text] = {
    "unknown": _t("Weet ik niet", "I don't know"),
    "yes": _t("Ja", "Yes"),
    "no": _t("Nee", "No"),
    "skip": _t("Sla over", "Skip"),
    "applies_yes": _t("Dit past bij je", "This fits your situation"),
    "applies_maybe": _t("Dit past misschien bij je", "This may fit your situation"),
    "maybe_because": _t("Dit hangt af van iets wat je nog niet weet:",
                        "This depends on something you do not know yet:"),
    "deadline_label": _t("Uiterlijk", "At the latest"),
    "no_deadline": _t("Geen termijn", "No time limit"),
    "source_label": _t("Bron", "Source"),
    "checked_label": _t("Gecontroleerd op", "Checked on"),
    "not_legal_advice": _t(
        "Dit is algemene informatie, geen juridisch advies. Slachtofferhulp of het Juridisch "
        "Loket kan met je naar jouw situatie kijken.",
        "This is general information, not legal advice. Victim Support or the Juridisch Loket "
        "can look at your own situation with you.",
    ),
}


# -- the self-check at import ------------------------------------------------------------------

RIGHT_IDS = [f"R{n:02d}" for n in range(1, 24)] + ["W01"]
RIGHT_FIELDS = ("title", "summary", "explanation", "fits", "effort", "deadline",
                "deadline_passed", "todos", "contacts", "source", "unverified")
QUESTION_FIELDS = ["crime", "role", "reported", "klacht_filed", "suspect", "phase", "event_date",
                   "injury", "damage_material", "damage_immaterial", "maatregel_awarded",
                   "decision_date", "wensenformulier_received", "needs_language",
                   "fears_suspect", "minor"]
OPTIONS = {
    "crime": ["geweld", "zeden", "stalking", "woninginbraak", "overval_beroving", "fraude",
              "verkeer_letsel", "verkeer_dood", "online_seksueel", "doodslag_moord", "anders"],
    "role": ["slachtoffer", "nabestaande", "naaste_ernstig_letsel"],
    "suspect": ["onbekend", "bekend"],
    "phase": ["geen_aangifte", "opsporing", "om_beslist_vervolgen", "zitting_gepland",
              "uitspraak", "onherroepelijk", "sepot", "strafbeschikking"],
    "injury": ["geen", "licht", "ernstig_lichamelijk", "ernstig_psychisch"],
}
DERIVED_FIELDS = ["statutory_max_8y_or_listed"]
TEXT_KEYS = ["unknown", "yes", "no", "skip", "applies_yes", "applies_maybe", "maybe_because",
             "deadline_label", "no_deadline", "source_label", "checked_label",
             "not_legal_advice"]
EXPLANATION_WORDS = (60, 180)


def _is_text(value: Any) -> bool:
    return (isinstance(value, dict) and set(value) == {"nl", "en"}
            and all(isinstance(value[lang], str) and value[lang].strip() for lang in value))


def _check_right(key: str, right: dict[str, Any], problems: list[str],
                 todo_keys: set[str]) -> None:
    if tuple(right) != RIGHT_FIELDS:
        problems.append(f"{key}: fields are {list(right)}, not {list(RIGHT_FIELDS)}")
        return
    for field in ("title", "summary", "explanation", "fits", "effort"):
        if not _is_text(right[field]):
            problems.append(f"{key}.{field}: not a text with nl and en")
    if (right["deadline"] is None) != (right["deadline_passed"] is None):
        problems.append(f"{key}: deadline and deadline_passed must both be set or both None")
    for field in ("deadline", "deadline_passed"):
        if right[field] is not None and not _is_text(right[field]):
            problems.append(f"{key}.{field}: not a text with nl and en")
    if _is_text(right["explanation"]):
        words = len(right["explanation"]["nl"].split())
        low, high = EXPLANATION_WORDS
        if not low <= words <= high:
            problems.append(f"{key}.explanation: {words} Dutch words, not {low}-{high}")
    todos = right["todos"]
    if not isinstance(todos, list) or not 1 <= len(todos) <= 3:
        problems.append(f"{key}: needs 1-3 todos")
        todos = todos if isinstance(todos, list) else []
    for todo in todos:
        todo_key = todo.get("key", "")
        if not re.fullmatch(rf"{key}-\d+", todo_key):
            problems.append(f"{key}: todo key {todo_key!r} is not '{key}-<number>'")
        if todo_key in todo_keys:
            problems.append(f"{key}: todo key {todo_key!r} is used twice")
        todo_keys.add(todo_key)
        if not _is_text(todo.get("title")):
            problems.append(f"{todo_key}: title is not a text")
        steps = todo.get("steps")
        if not isinstance(steps, list) or not 2 <= len(steps) <= 6:
            problems.append(f"{todo_key}: needs 2-6 steps")
        elif not all(_is_text(step) for step in steps):
            problems.append(f"{todo_key}: a step is not a text")
    if not right["contacts"]:
        problems.append(f"{key}: no contacts")
    for contact in right["contacts"]:
        if contact not in CONTACTS:
            problems.append(f"{key}: unknown contact {contact!r}")
    source = right["source"]
    if (not isinstance(source, dict) or set(source) != {"law", "url", "checked"}
            or not source["law"].strip() or not source["url"].startswith("https://")
            or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["checked"])):
        problems.append(f"{key}: source needs law, an https url and a checked date")
    if right["unverified"] is not None and not (isinstance(right["unverified"], str)
                                                and right["unverified"].strip()):
        problems.append(f"{key}: unverified must be None or a note")


def _check() -> None:
    """Raise ValueError when the content is not what the rules, the API and the PWA rely on."""
    problems: list[str] = []
    if list(RIGHTS) != RIGHT_IDS:
        problems.append(f"RIGHTS are {list(RIGHTS)}, not {RIGHT_IDS}")
    todo_keys: set[str] = set()
    for key, right in RIGHTS.items():
        _check_right(key, right, problems, todo_keys)
    if list(QUESTIONS) != QUESTION_FIELDS:
        problems.append(f"QUESTIONS are {list(QUESTIONS)}, not {QUESTION_FIELDS}")
    for field, question in QUESTIONS.items():
        want = {"text", "why", "help"} | ({"options"} if field in OPTIONS else set())
        if set(question) != want:
            problems.append(f"QUESTIONS.{field}: fields are {sorted(question)}, not {sorted(want)}")
        for part in ("text", "why"):
            if not _is_text(question.get(part)):
                problems.append(f"QUESTIONS.{field}.{part}: not a text")
        if question.get("help") is not None and not _is_text(question["help"]):
            problems.append(f"QUESTIONS.{field}.help: not a text")
        if field in OPTIONS:
            options = question.get("options", {})
            if list(options) != OPTIONS[field]:
                problems.append(f"QUESTIONS.{field}: options are {list(options)}, not "
                                f"{OPTIONS[field]}")
            if not all(_is_text(label) for label in options.values()):
                problems.append(f"QUESTIONS.{field}: an option label is not a text")
    if list(ASK) != QUESTION_FIELDS + DERIVED_FIELDS:
        problems.append(f"ASK covers {list(ASK)}, not {QUESTION_FIELDS + DERIVED_FIELDS}")
    if set(FLAGS) != {"deadline_check", "csg_first"}:
        problems.append(f"FLAGS are {sorted(FLAGS)}")
    for name, flag in FLAGS.items():
        if set(flag) != {"title", "text"}:
            problems.append(f"FLAGS.{name}: fields are {sorted(flag)}, not title and text")
    if list(TEXTS) != TEXT_KEYS:
        problems.append(f"TEXTS are {list(TEXTS)}, not {TEXT_KEYS}")
    content = {"RIGHTS": RIGHTS, "QUESTIONS": QUESTIONS, "ASK": ASK, "FLAGS": FLAGS,
               "TEXTS": TEXTS}
    problems += text_problems(content, "content", skip=("source",))
    if problems:
        raise ValueError("api/content/rights.py: " + "; ".join(problems))


_check()
