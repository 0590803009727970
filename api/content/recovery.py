"""The recovery meter's words: the four questionnaires and every text around them. Data, not
code. Served by GET /api/recovery/instruments (no login) next to the scoring rules
(api/content/recovery_rules.json); the PWA shows these texts as they are.

`INSTRUMENTS` holds, in the order the test asks them, the PHQ-4, the WHO-5, the safety question
(PHQ-9 item 9) and the PCL-5. Each names its `source` and `licence`, the time `window` said on
every question, a `prompt`, our own `intro`, the answer `options` (value 0 first) and the
`questions` in the official order (item 1 is answers[0], as in the rules). The English is the
official wording, which all four licences allow us to reproduce. The Dutch is Houvast's own,
unvalidated rendering in the "je" form (`translation.nl` is "own_unvalidated"); how to swap in
the official Dutch texts is in docs/recovery-instruments.md.

`TEXTS` holds our own writing around the questions: the crisis block, the phase and facet
sentences, the advice, the reminder and the trend labels, plus the public `sources` used
(content.md § Feature 1, ../shared/research/content.md). Dutch is B1 and always "je", never a
diagnosis and never reproachful. Every user-facing text is {"nl", "en"}; `_check()` at import
makes sure of that and of the rest the API relies on.
"""

from __future__ import annotations

from typing import Any

from api.content import text_problems

Text = dict[str, str]


def _t(nl: str, en: str) -> Text:
    return {"nl": nl, "en": en}


def _options(*items: tuple[int, str, str]) -> list[dict[str, Any]]:
    return [{"value": value, "nl": nl, "en": en} for value, nl, en in items]


def _questions(*items: tuple[str, str]) -> list[Text]:
    return [_t(nl, en) for nl, en in items]


OWN_DUTCH = (
    "Houvast's own Dutch translation in the 'je' form: not validated and not the official Dutch "
    "version. To use the official Dutch text, replace the `nl` of every question and option, "
    "set translation nl to 'official' and run the tests (docs/recovery-instruments.md)."
)

TWO_WEEKS = _t("In de afgelopen 2 weken", "Over the last 2 weeks")

PHQ_OPTIONS = _options(
    (0, "Helemaal niet", "Not at all"),
    (1, "Een aantal dagen", "Several days"),
    (2, "Meer dan de helft van de dagen", "More than half the days"),
    (3, "Bijna elke dag", "Nearly every day"),
)
PHQ_PROMPT = _t(
    "Hoe vaak had je in de afgelopen 2 weken last van de volgende problemen?",
    "Over the last 2 weeks, how often have you been bothered by the following problems?",
)
PHQ_LICENCE = (
    "No permission is required to reproduce, translate, display or distribute the PHQ screeners "
    "(phqscreeners.com; quoted in CamCOPS phq9.rst and gad7.rst). Developed by Drs Spitzer, "
    "Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.; free, "
    "without copyright restriction since 2010."
)

PHQ4: dict[str, Any] = {
    "key": "phq4",
    "name": "PHQ-4",
    "source": (
        "Kroenke K, Spitzer RL, Williams JBW, Löwe B. An ultra-brief screening scale for "
        "anxiety and depression: the PHQ-4. Psychosomatics 2009;50:613-621. Subscales GAD-2 "
        "(items 1-2) and PHQ-2 (items 3-4); Löwe B et al., J Affect Disord 2010, "
        "doi 10.1016/j.jad.2009.06.019."
    ),
    "licence": PHQ_LICENCE,
    "translation": {"nl": "own_unvalidated", "note": OWN_DUTCH},
    "window": TWO_WEEKS,
    "prompt": PHQ_PROMPT,
    "intro": _t(
        "Vier korte vragen over hoe je je de afgelopen 2 weken voelde. Er zijn geen goede of "
        "foute antwoorden. Kies steeds wat het best bij je past.",
        "Four short questions about how you felt over the last 2 weeks. There are no right or "
        "wrong answers. Each time, choose what fits you best.",
    ),
    "options": PHQ_OPTIONS,
    "questions": _questions(
        ("Je zenuwachtig, angstig of gespannen voelen",
         "Feeling nervous, anxious or on edge"),
        ("Niet kunnen stoppen met piekeren, of je zorgen niet onder controle kunnen houden",
         "Not being able to stop or control worrying"),
        ("Weinig interesse in of plezier hebben in dingen doen",
         "Little interest or pleasure in doing things"),
        ("Je neerslachtig, depressief of hopeloos voelen",
         "Feeling down, depressed, or hopeless"),
    ),
}

WHO5: dict[str, Any] = {
    "key": "who5",
    "name": "WHO-5",
    "source": (
        "WHO-5 Well-Being Index (WHO Regional Office for Europe, 1998; Psychiatric Research "
        "Unit, Mental Health Centre North Zealand). Topp CW et al., Psychother Psychosom "
        "2015;84:167-176. Scale and window: millisecond.com WHO-5 manual."
    ),
    "licence": (
        "Free to use; no permission is needed (psyktestbarn.r-bup.no, citing CORC). Any altered "
        "wording must be marked as altered and back-translated (psykiatri-regionh.dk WHO-5 "
        "questionnaires page). The English here is unaltered; the Dutch is our own wording and "
        "marked so in `translation`."
    ),
    "translation": {
        "nl": "own_unvalidated",
        "note": OWN_DUTCH + " Under the WHO-5 terms this Dutch wording counts as altered wording "
        "and is marked as such.",
    },
    "window": _t("In de afgelopen 2 weken", "Over the last two weeks"),
    "prompt": _t(
        "Geef bij elke zin aan wat het best past bij hoe je je in de afgelopen 2 weken voelde.",
        "Please indicate for each of the five statements which is closest to how you have been "
        "feeling over the last two weeks.",
    ),
    "intro": _t(
        "Vijf zinnen over hoe het de afgelopen 2 weken met je ging. Kies bij elke zin hoe vaak "
        "hij klopte. Zo zie je ook wat er goed gaat.",
        "Five sentences about how you have been over the last 2 weeks. For each one, choose how "
        "often it was true. This also shows you what is going well.",
    ),
    "options": _options(
        (0, "Nooit", "At no time"),
        (1, "Af en toe", "Some of the time"),
        (2, "Minder dan de helft van de tijd", "Less than half of the time"),
        (3, "Meer dan de helft van de tijd", "More than half of the time"),
        (4, "Het grootste deel van de tijd", "Most of the time"),
        (5, "De hele tijd", "All of the time"),
    ),
    "questions": _questions(
        ("Ik voelde me vrolijk en goedgehumeurd", "I have felt cheerful and in good spirits"),
        ("Ik voelde me rustig en ontspannen", "I have felt calm and relaxed"),
        ("Ik voelde me actief en energiek", "I have felt active and vigorous"),
        ("Ik werd fris en uitgerust wakker", "I woke up feeling fresh and rested"),
        ("Mijn dagelijks leven was gevuld met dingen die mij interesseren",
         "My daily life has been filled with things that interest me"),
    ),
}

SAFETY: dict[str, Any] = {
    "key": "safety",
    "name": "PHQ-9, item 9",
    "source": (
        "Item 9 of the PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a "
        "brief depression severity measure. J Gen Intern Med 2001;16:606-613. Used alone and "
        "only as a safety trigger, never as a score (not validated on its own): any answer "
        "other than 'not at all' needs a follow-up (aacnjournals CCN 40(1):92; Simon et al., "
        "Psychiatric Services 2013)."
    ),
    "licence": PHQ_LICENCE,
    "translation": {"nl": "own_unvalidated", "note": OWN_DUTCH},
    "window": TWO_WEEKS,
    "prompt": PHQ_PROMPT,
    "intro": _t(
        "Nog één vraag. We stellen hem aan iedereen, omdat hij belangrijk is. Wat je ook "
        "antwoordt, je ziet daarna meteen waar je terecht kunt als je wilt praten.",
        "One more question. We ask everyone, because it matters. Whatever you answer, you will "
        "see straight away where you can turn if you want to talk.",
    ),
    "options": PHQ_OPTIONS,
    "questions": _questions(
        ("Gedachten dat je beter dood zou kunnen zijn, of gedachten om jezelf op een of andere "
         "manier pijn te doen",
         "Thoughts that you would be better off dead, or of hurting yourself in some way"),
    ),
}

PCL5: dict[str, Any] = {
    "key": "pcl5",
    "name": "PCL-5",
    "source": (
        "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist "
        "for DSM-5 (PCL-5). National Center for PTSD, 2013. Scoring: comorbidityguidelines.org.au "
        "PCL-5 pages. Dutch cut-off: Hoeboer et al., BMC Psychology 2024, "
        "doi 10.1186/s40359-024-01951-y."
    ),
    "licence": (
        "Public domain: a work of the US Government (National Center for PTSD), free to "
        "reproduce (mhscales.com/pcl5; CamCOPS docs/source/tasks/pcl5.rst). The official Dutch "
        "'PTSS Checklist voor DSM-5 (PCL-5)' is a separate text: EUR 0.00 per administration, "
        "manual after registering with ARQ Centrum '45 (swlsonline.org); ask ARQ for written "
        "permission before using it in an app."
    ),
    "translation": {"nl": "own_unvalidated", "note": OWN_DUTCH},
    "window": _t("In de afgelopen maand", "In the past month"),
    "prompt": _t(
        "Hoeveel last had je in de afgelopen maand van:",
        "In the past month, how much were you bothered by:",
    ),
    "intro": _t(
        "Deze lijst gaat over klachten die mensen soms hebben na een heel stressvolle ervaring. "
        "Met 'de stressvolle ervaring' bedoelen we wat jou is overkomen. Neem er rustig de tijd "
        "voor, en kies bij elke vraag hoeveel last je ervan had.",
        "This list is about problems people sometimes have after a very stressful experience. "
        "By 'the stressful experience' we mean what happened to you. Take your time, and for "
        "each question choose how much it bothered you.",
    ),
    "options": _options(
        (0, "Helemaal niet", "Not at all"),
        (1, "Een beetje", "A little bit"),
        (2, "Matig", "Moderately"),
        (3, "Behoorlijk veel", "Quite a bit"),
        (4, "Extreem veel", "Extremely"),
    ),
    "questions": _questions(
        ("Herhaaldelijke, verontrustende en ongewenste herinneringen aan de stressvolle "
         "ervaring?",
         "Repeated, disturbing, and unwanted memories of the stressful experience?"),
        ("Herhaaldelijke, verontrustende dromen over de stressvolle ervaring?",
         "Repeated, disturbing dreams of the stressful experience?"),
        ("Je plotseling voelen of gedragen alsof de stressvolle ervaring echt weer gebeurt "
         "(alsof je er echt weer bent en het opnieuw beleeft)?",
         "Suddenly feeling or acting as if the stressful experience were actually happening "
         "again (as if you were actually back there reliving it)?"),
        ("Je erg van streek voelen als iets je aan de stressvolle ervaring herinnerde?",
         "Feeling very upset when something reminded you of the stressful experience?"),
        ("Sterke lichamelijke reacties hebben als iets je aan de stressvolle ervaring "
         "herinnerde (bijvoorbeeld hartkloppingen, moeite met ademhalen, zweten)?",
         "Having strong physical reactions when something reminded you of the stressful "
         "experience (for example, heart pounding, trouble breathing, sweating)?"),
        ("Herinneringen, gedachten of gevoelens over de stressvolle ervaring vermijden?",
         "Avoiding memories, thoughts, or feelings related to the stressful experience?"),
        ("Dingen buiten jezelf vermijden die je aan de stressvolle ervaring herinneren "
         "(bijvoorbeeld mensen, plaatsen, gesprekken, activiteiten, voorwerpen of situaties)?",
         "Avoiding external reminders of the stressful experience (for example, people, places, "
         "conversations, activities, objects, or situations)?"),
        ("Moeite hebben met het herinneren van belangrijke delen van de stressvolle ervaring?",
         "Trouble remembering important parts of the stressful experience?"),
        ("Sterke negatieve overtuigingen hebben over jezelf, andere mensen of de wereld "
         "(bijvoorbeeld gedachten als: ik ben slecht, er is iets ernstig mis met mij, niemand "
         "is te vertrouwen, de wereld is volkomen gevaarlijk)?",
         "Having strong negative beliefs about yourself, other people, or the world (for "
         "example, having thoughts such as: I am bad, there is something seriously wrong with "
         "me, no one can be trusted, the world is completely dangerous)?"),
        ("Jezelf of iemand anders de schuld geven van de stressvolle ervaring of van wat daarna "
         "gebeurde?",
         "Blaming yourself or someone else for the stressful experience or what happened after "
         "it?"),
        ("Sterke negatieve gevoelens hebben, zoals angst, afschuw, boosheid, schuld of schaamte?",
         "Having strong negative feelings such as fear, horror, anger, guilt, or shame?"),
        ("Minder interesse hebben in activiteiten die je vroeger leuk vond?",
         "Loss of interest in activities that you used to enjoy?"),
        ("Je afstandelijk voelen of afgesneden van andere mensen?",
         "Feeling distant or cut off from other people?"),
        ("Moeite hebben om positieve gevoelens te ervaren (bijvoorbeeld niet blij kunnen zijn, "
         "of geen liefdevolle gevoelens kunnen hebben voor mensen die dicht bij je staan)?",
         "Trouble experiencing positive feelings (for example, being unable to feel happiness "
         "or have loving feelings for people close to you)?"),
        ("Prikkelbaar gedrag, woede-uitbarstingen of agressief doen?",
         "Irritable behavior, angry outbursts, or acting aggressively?"),
        ("Te veel risico's nemen of dingen doen die je schade kunnen doen?",
         "Taking too many risks or doing things that could cause you harm?"),
        ("Extreem alert, waakzaam of op je hoede zijn?",
         'Being "superalert" or watchful or on guard?'),
        ("Je schrikachtig voelen of snel schrikken?", "Feeling jumpy or easily startled?"),
        ("Moeite hebben met concentreren?", "Having difficulty concentrating?"),
        ("Moeite hebben met inslapen of doorslapen?", "Trouble falling or staying asleep?"),
    ),
}

INSTRUMENTS: list[dict[str, Any]] = [PHQ4, WHO5, SAFETY, PCL5]


# -- the texts around the questions (our own writing) -------------------------------------------

SHN = "Slachtofferhulp: 0900-0101"


def _facet(name: Text, ok: Text, raised: Text) -> dict[str, Any]:
    """A facet's sentences per phase: what the answers say, then what that means at this point."""

    def add(first: Text, then: Text) -> Text:
        return _t(f"{first['nl']} {then['nl']}", f"{first['en']} {then['en']}")

    return {
        "name": name,
        "ok": {
            "early": add(ok, _t("Dat is fijn. Blijf in deze eerste weken goed voor jezelf zorgen.",
                                "That is good. Keep looking after yourself in these first "
                                "weeks.")),
            "middle": add(ok, _t("Dat past bij herstel.", "That fits with recovery.")),
            "late": add(ok, _t("Dat past bij herstel. Fijn dat dit goed gaat.",
                               "That fits with recovery. Good to see this going well.")),
            "unknown": add(ok, _t("Dat is een goed teken.", "That is a good sign.")),
        },
        "raised": {
            "early": add(raised, _t(
                "In de eerste weken na een misdrijf is dat een normale reactie. Bij de meeste "
                "mensen wordt het vanzelf minder.",
                "In the first weeks after a crime, that is a normal reaction. For most people "
                "it eases by itself.")),
            "middle": add(raised, _t(
                "Dat is meer dan gemiddeld op dit moment. Praat erover met je huisarts, of bel "
                f"{SHN}.",
                "That is more than usual at this point. Talk about it with your GP (huisarts), "
                "or call Slachtofferhulp: 0900-0101.")),
            "late": add(raised, _t(
                "Het is al meer dan 3 maanden geleden, en dit gaat vaak niet vanzelf over. Vraag "
                "je huisarts om een verwijzing naar hulp die gericht is op trauma. Die hulp "
                "werkt voor veel mensen.",
                "It has been more than 3 months, and this often does not pass by itself. Ask "
                "your GP (huisarts) to refer you to trauma-focused help. That help works for "
                "many people.")),
            "unknown": add(raised, _t(
                "Wat dat betekent, hangt af van hoe lang geleden het gebeurde. Vul de datum in "
                "als je wilt, of praat erover met je huisarts.",
                "What that means depends on how long ago it happened. Fill in the date if you "
                "like, or talk about it with your GP (huisarts).")),
        },
    }


FACETS: dict[str, dict[str, Any]] = {
    "worry": _facet(
        _t("Piekeren", "Worry"),
        _t("Je piekert niet veel.", "You do not worry much."),
        _t("Je piekert veel, en het lukt moeilijk om daarmee te stoppen.",
           "You worry a lot, and it is hard to stop."),
    ),
    "mood": _facet(
        _t("Stemming", "Mood"),
        _t("Je hebt nog plezier in dingen, en je voelt je niet vaak somber.",
           "You still enjoy things, and you do not often feel down."),
        _t("Je voelt je vaak somber, of je hebt weinig plezier in dingen.",
           "You often feel down, or you get little pleasure from things."),
    ),
    "wellbeing": _facet(
        _t("Hoe je je voelt", "Well-being"),
        _t("Je voelde je de afgelopen 2 weken redelijk goed.",
           "You felt fairly well over the last 2 weeks."),
        _t("Op een of meer punten voelde je je de afgelopen 2 weken niet goed.",
           "On one or more points you did not feel well over the last 2 weeks."),
    ),
    "intrusions": _facet(
        _t("Herinneringen die terugkomen", "Memories that come back"),
        _t("Herinneringen aan wat er gebeurde, komen niet vaak vanzelf terug.",
           "Memories of what happened do not often come back by themselves."),
        _t("Herinneringen, beelden of dromen over wat er gebeurde, komen vaak terug zonder dat "
           "je dat wilt.",
           "Memories, images or dreams of what happened often come back when you do not want "
           "them to."),
    ),
    "avoidance": _facet(
        _t("Dingen uit de weg gaan", "Avoiding things"),
        _t("Je gaat niet veel dingen uit de weg.", "You do not avoid many things."),
        _t("Je probeert vaak niet aan wat er gebeurde te denken, of je gaat mensen, plekken of "
           "dingen uit de weg die je eraan doen denken.",
           "You often try not to think about what happened, or you avoid people, places or "
           "things that remind you of it."),
    ),
    "thoughts": _facet(
        _t("Gedachten en gevoelens", "Thoughts and feelings"),
        _t("Je kijkt niet veel negatiever naar jezelf, naar anderen of naar de wereld.",
           "You do not look much more negatively at yourself, at others or at the world."),
        _t("Je hebt vaak zware gedachten of gevoelens, zoals angst, boosheid, schuld of "
           "schaamte. Of je voelt je ver weg van andere mensen.",
           "You often have heavy thoughts or feelings, such as fear, anger, guilt or shame. Or "
           "you feel far away from other people."),
    ),
    "arousal": _facet(
        _t("Spanning en slaap", "Tension and sleep"),
        _t("Je bent niet vaak erg gespannen of schrikachtig, en je slaapt redelijk.",
           "You are not often very tense or jumpy, and you sleep fairly well."),
        _t("Je bent vaak gespannen of prikkelbaar, je schrikt snel, je slaapt slecht of je kunt "
           "je moeilijk concentreren.",
           "You are often tense or irritable, you startle easily, you sleep badly or you find it "
           "hard to concentrate."),
    ),
}


def _link(route: str, nl: str, en: str) -> dict[str, Any]:
    return {"route": route, "label": _t(nl, en)}


def _advice(title: Text, body: Text, link: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"title": title, "body": body, "link": link}


ADVICE: dict[str, dict[str, Any]] = {
    "help_now": _advice(
        _t("Zoek vandaag nog hulp", "Get help today"),
        _t("Uit je antwoorden blijkt dat het nu heel zwaar voor je is. Je hoeft dit niet alleen "
           "te dragen. Denk je aan de dood, of eraan om jezelf pijn te doen? Bel of chat met 113, "
           "of bel gratis 0800-0113, dag en nacht. Ben je in direct gevaar, bel dan 112. Bel ook "
           "vandaag nog je huisarts, of 's avonds en in het weekend de huisartsenpost.",
           "Your answers show that things are very hard for you right now. You do not have to "
           "carry this alone. Are you thinking about death, or about hurting yourself? Call or "
           "chat with 113, or call 0800-0113 for free, day and night. If you are in direct "
           "danger, call 112. Also call your GP (huisarts) today, or the out-of-hours GP service "
           "(huisartsenpost) in the evening and at weekends."),
    ),
    "talk_to_gp": _advice(
        _t("Praat met je huisarts", "Talk to your GP"),
        _t("Je antwoorden laten zien dat je nu meer last hebt dan gemiddeld op dit moment. Dat "
           "zegt niets over wie je bent, en je doet niets fout. Het is wel een goed moment om "
           "hulp te vragen. Maak een afspraak met je huisarts en vertel wat je merkt. Je kunt "
           f"ook {SHN} bellen.",
           "Your answers show that you are more troubled than usual at this point. That says "
           "nothing about who you are, and you are not doing anything wrong. It is a good moment "
           "to ask for help, though. Make an appointment with your GP (huisarts) and say what you "
           "notice. You can also call Slachtofferhulp: 0900-0101."),
        _link("tasks", "Zet het op je takenlijst", "Add it to your tasks"),
    ),
    "trauma_help": _advice(
        _t("Vraag om hulp bij trauma", "Ask for trauma-focused help"),
        _t("Het is nu meer dan 3 maanden geleden, en je hebt nog steeds veel last. Dat gaat vaak "
           "niet vanzelf over, maar er is goede hulp. Er zijn behandelingen die speciaal gericht "
           "zijn op trauma, en die helpen veel mensen. Vraag je huisarts om een verwijzing. "
           f"{SHN} kan je helpen de weg te vinden.",
           "It has been more than 3 months, and you are still very troubled. That often does not "
           "pass by itself, but good help exists. There are treatments made especially for "
           "trauma, and they help many people. Ask your GP (huisarts) for a referral. "
           "Slachtofferhulp (0900-0101) can help you find your way."),
        _link("tasks", "Zet het op je takenlijst", "Add it to your tasks"),
    ),
    "sleep": _advice(
        _t("Slapen", "Sleep"),
        _t("Slecht slapen komt veel voor na een misdrijf. Probeer elke dag op dezelfde tijd op "
           "te staan, ook na een slechte nacht. Drink 's avonds geen koffie of alcohol. Lig je "
           "wakker en blijf je malen? Schrijf dan in je logboek wat je bezighoudt, zodat je "
           "hoofd het niet vast hoeft te houden. Blijft het slecht gaan, praat er dan over met je "
           "huisarts.",
           "Sleeping badly is common after a crime. Try to get up at the same time every day, "
           "even after a bad night. Avoid coffee and alcohol in the evening. Lying awake with "
           "your thoughts going round? Write what is on your mind in your logbook, so your head "
           "does not have to hold on to it. If it stays bad, talk about it with your GP "
           "(huisarts)."),
        _link("logbooks", "Schrijf in je logboek", "Write in your logbook"),
    ),
    "tension": _advice(
        _t("Spanning", "Tension"),
        _t("Na wat je hebt meegemaakt, staat je lichaam vaak nog 'aan'. Dat is een normale "
           "reactie. Beweeg elke dag een beetje, bijvoorbeeld een stuk wandelen. Adem een paar "
           "minuten rustig in en heel langzaam uit. Word je snel boos of schrik je snel? Vertel "
           "de mensen om je heen waar dat vandaan komt.",
           "After what you went through, your body is often still 'switched on'. That is a "
           "normal reaction. Move a little every day, for example a walk. For a few minutes, "
           "breathe in calmly and out very slowly. Do you get angry or startled quickly? Tell "
           "the people around you where it comes from."),
    ),
    "intrusions": _advice(
        _t("Herinneringen die terugkomen", "Memories that come back"),
        _t("Beelden of herinneringen die steeds terugkomen, zijn een bekende reactie op een "
           "schokkende gebeurtenis. Ze zijn niet gevaarlijk, ook al voelen ze heftig. Zeg dan "
           "tegen jezelf: dit is een herinnering, het gebeurt nu niet. Kijk om je heen en noem "
           "wat je ziet en hoort. Helpt schrijven je, gebruik dan je logboek. Zo kies je zelf "
           "wanneer je eraan denkt.",
           "Images or memories that keep coming back are a well-known reaction to a shocking "
           "event. They are not dangerous, even if they feel intense. Tell yourself: this is a "
           "memory, it is not happening now. Look around you and name what you see and hear. If "
           "writing helps you, use your logbook. That way you choose when you think about it."),
        _link("logbooks", "Schrijf in je logboek", "Write in your logbook"),
    ),
    "avoidance": _advice(
        _t("Dingen uit de weg gaan", "Avoiding things"),
        _t("Het is logisch dat je dingen uit de weg gaat die je aan wat er gebeurde doen denken. "
           "Even geeft dat rust. Maar als je veel vermijdt, wordt je wereld kleiner. Zet daarom "
           "kleine stappen: kies iets wat je een beetje spannend vindt, en doe het, misschien "
           "samen met iemand. Zet die stap in je taken, dan kun je hem afvinken.",
           "It makes sense that you avoid things that remind you of what happened. For a while "
           "it gives you some peace. But if you avoid a lot, your world gets smaller. So take "
           "small steps: choose something that feels a little scary, and do it, perhaps "
           "together with someone. Put that step in your tasks, so you can tick it off."),
        _link("tasks", "Naar je taken", "Go to your tasks"),
    ),
    "mood": _advice(
        _t("Stemming", "Mood"),
        _t("Je somber of leeg voelen na een misdrijf komt veel voor. Trek je niet te veel "
           "terug, ook al heb je er weinig zin in. Nodig iemand uit bij wie je je goed voelt, "
           "voor koffie of een wandeling. Doe elke dag iets kleins wat je vroeger fijn vond. Gaat "
           "het na een paar weken nog niet beter, praat er dan over met je huisarts.",
           "Feeling low or empty after a crime is common. Try not to withdraw too much, even if "
           "you do not feel like it. Invite someone who makes you feel good, for a coffee or a "
           "walk. Do something small every day that you used to enjoy. If it is not better after "
           "a few weeks, talk about it with your GP (huisarts)."),
        _link("tasks", "Zet het in je taken", "Put it in your tasks"),
    ),
    "worry": _advice(
        _t("Piekeren", "Worry"),
        _t("Piekeren is je hoofd dat grip probeert te krijgen op wat er gebeurd is. Spreek met "
           "jezelf een vaste piekertijd af, bijvoorbeeld een kwartier per dag. Komt er buiten "
           "die tijd een zorg op, schrijf hem dan op en bewaar hem voor later. Vaak gaan zorgen "
           "over praktische dingen, zoals de zaak of de schade. Zet die in je taken, dan hoef je "
           "ze niet te onthouden.",
           "Worrying is your mind trying to get a grip on what happened. Set yourself a fixed "
           "worry time, for example a quarter of an hour a day. If a worry comes up at another "
           "time, write it down and keep it for later. Worries are often about practical "
           "things, such as the case or the damage. Put those in your tasks, so you do not have "
           "to remember them."),
        _link("tasks", "Naar je taken", "Go to your tasks"),
    ),
}

CRISIS: dict[str, Any] = {
    "title": _t("Je hoeft dit niet alleen te dragen", "You do not have to carry this alone"),
    "body": _t(
        "Denk je aan de dood, of eraan om jezelf pijn te doen? Praat erover. Bij 113 "
        "Zelfmoordpreventie kun je dag en nacht bellen of chatten. Ben je in direct gevaar, bel "
        "dan 112.",
        "Are you thinking about death, or about hurting yourself? Talk about it. You can call or "
        "chat with 113 Suicide Prevention, day and night. If you are in direct danger, call 112.",
    ),
    "numbers": [
        {"number": "113", "tel": "113",
         "label": _t("113 Zelfmoordpreventie. Dag en nacht. Chatten kan ook, via 113.nl.",
                     "113 Suicide Prevention. Day and night. You can also chat, at 113.nl."),
         "source": "113.nl"},
        {"number": "0800-0113", "tel": "08000113",
         "label": _t("113 Zelfmoordpreventie, gratis nummer. Dag en nacht.",
                     "113 Suicide Prevention, free number. Day and night."),
         "source": "113.nl"},
        {"number": "112", "tel": "112",
         "label": _t("In direct gevaar? Bel 112.", "In direct danger? Call 112."),
         "source": "rijksoverheid.nl"},
        {"number": "0900-0101", "tel": "09000101",
         "label": _t("Slachtofferhulp Nederland. Steun na een misdrijf. Gewoon beltarief. Bij "
                     "een crisis ook buiten kantoortijd.",
                     "Victim Support Netherlands. Support after a crime. Normal call rate. In a "
                     "crisis also outside office hours."),
         "source": "politie.nl/themas/slachtofferhulp"},
    ],
}

PHASE: dict[str, Text] = {
    "early": _t(
        "Weken sinds het gebeurde: {weeks}. In de eerste weken na een misdrijf zijn "
        "stressreacties normaal. Je hoofd en je lichaam zijn bezig met wat er gebeurd is. Bij de "
        "meeste mensen worden de klachten na 4 tot 6 weken minder.",
        "Weeks since it happened: {weeks}. In the first weeks after a crime, stress reactions are "
        "normal. Your mind and body are dealing with what happened. For most people the "
        "complaints ease after 4 to 6 weeks.",
    ),
    "middle": _t(
        "Het is nu {weeks} weken geleden. Bij veel mensen worden de klachten in deze tijd "
        "minder. Heb je nog veel last? Dan is dit een goed moment om hulp te vragen, bij je "
        f"huisarts of bij {SHN}.",
        "It has now been {weeks} weeks. For many people the complaints ease during this time. "
        "Still very troubled? Then this is a good moment to ask for help, from your GP "
        "(huisarts) or from Slachtofferhulp: 0900-0101.",
    ),
    "late": _t(
        "Het is nu {weeks} weken geleden, meer dan 3 maanden. Klachten die nu nog veel last "
        "geven, gaan vaak niet vanzelf over. Daar is goede hulp voor, via je huisarts.",
        "It has now been {weeks} weeks, more than 3 months. Complaints that still bother you a "
        "lot now often do not pass by themselves. Good help exists for them, through your GP "
        "(huisarts).",
    ),
    "unknown": _t(
        "We weten niet hoe lang geleden het gebeurd is. Daarom zeggen we nog niet wat je "
        "uitslag betekent. Vul de datum in als je dat wilt.",
        "We do not know how long ago it happened. So we do not say yet what your result means. "
        "Fill in the date if you want to.",
    ),
}

TEXTS: dict[str, Any] = {
    "crisis": CRISIS,
    "pcl5_wait": _t(
        "De langere vragenlijst over wat er gebeurd is, komt pas vanaf 4 weken erna. Die lijst "
        "is voor die tijd gemaakt. In de eerste weken zijn stressreacties normaal, en dan zegt "
        "zo'n lijst nog weinig. Tot die tijd stellen we je alleen de korte vragen.",
        "The longer questionnaire about what happened comes from 4 weeks afterwards. That list "
        "is made for that time. In the first weeks stress reactions are normal, and then such a "
        "list says little. Until then we only ask you the short questions.",
    ),
    "no_date": _t(
        "We weten niet wanneer het gebeurd is, en we gaan niet raden. Hoe je de uitslag leest, "
        "hangt af van het aantal weken sinds het gebeurde. Wat in de eerste weken normaal is, "
        "betekent na 3 maanden iets anders. Vul de datum in als je wilt, dan kunnen we meer "
        "zeggen.",
        "We do not know when it happened, and we will not guess. How to read the result depends "
        "on the number of weeks since it happened. What is normal in the first weeks means "
        "something else after 3 months. Fill in the date if you like, and we can say more.",
    ),
    "event_date": {
        "question": _t("Wanneer is het gebeurd?", "When did it happen?"),
        "unknown": _t("Weet ik niet precies", "I do not know exactly"),
        "rather_not": _t("Liever niet", "I would rather not say"),
        "why": _t(
            "We vragen dit om je uitslag goed te kunnen lezen. In de eerste weken zijn "
            "stressreacties normaal. Later betekenen dezelfde antwoorden iets anders.",
            "We ask this so we can read your result properly. In the first weeks stress "
            "reactions are normal. Later, the same answers mean something else.",
        ),
    },
    "phase": PHASE,
    "facets": FACETS,
    "advice": ADVICE,
    "reminder": {
        "push": _t("Je kunt nu zien of er iets veranderd is.",
                   "You can now see whether anything has changed."),
        "banner": _t("Het is een tijdje geleden. Wil je kijken of er iets veranderd is?",
                     "It has been a while. Would you like to see whether anything has changed?"),
        "ics_title": _t("Even tijd voor jezelf", "A moment for yourself"),
        "ics_body": _t("Een moment om even stil te staan bij hoe het gaat.",
                       "A moment to stop and see how things are going."),
        "choices": {
            "2w": _t("Over 2 weken", "In 2 weeks"),
            "4w": _t("Over 4 weken", "In 4 weeks"),
            "monthly": _t("Elke maand", "Every month"),
            "none": _t("Niet", "No reminder"),
        },
    },
    "change": {
        "stable": _t("Ongeveer gelijk", "About the same"),
        "possible": _t("Misschien wat veranderd", "Possibly changed"),
        "clear_better": _t("Duidelijk beter", "Clearly better"),
        "clear_worse": _t("Duidelijk meer last", "Clearly more troubled"),
        "early": _t("Korter dan de aanbevolen tussentijd", "Sooner than the advised interval"),
    },
    "sources": [
        {"what": "PHQ-4 items, scale, bands and subscales",
         "source": "Kroenke et al., Psychosomatics 2009;50:613; Löwe et al., J Affect Disord "
                   "2010, doi 10.1016/j.jad.2009.06.019; PMC8762693"},
        {"what": "PHQ licence",
         "source": "phqscreeners.com (quoted in CamCOPS phq9.rst, gad7.rst)"},
        {"what": "PHQ-9 item 9 as a safety trigger",
         "source": "aacnjournals Critical Care Nurse 40(1):92; Simon et al., Psychiatric "
                   "Services 2013 (ps.201200587)"},
        {"what": "WHO-5 items, scale, window and cut-offs",
         "source": "millisecond.com WHO-5 manual; Topp et al., Psychother Psychosom 2015;84:167; "
                   "medicalalgorithms.com WHO-5; help.valant.com"},
        {"what": "WHO-5 licence",
         "source": "psyktestbarn.r-bup.no (citing CORC); psykiatri-regionh.dk WHO-5 "
                   "questionnaires page"},
        {"what": "PCL-5 items, scale, window and scoring",
         "source": "National Center for PTSD (Weathers et al. 2013); comorbidityguidelines.org.au "
                   "PCL-5 pages; CamCOPS pcl5.py"},
        {"what": "PCL-5 licence",
         "source": "mhscales.com/pcl5; CamCOPS docs/source/tasks/pcl5.rst"},
        {"what": "Official Dutch PCL-5 (PTSS Checklist voor DSM-5)",
         "source": "ARQ Centrum '45 (swlsonline.org; managewarepro.nl)"},
        {"what": "Dutch PCL-5 cut-off",
         "source": "Hoeboer et al., BMC Psychology 2024, doi 10.1186/s40359-024-01951-y"},
        {"what": "Longer list from 4 weeks after the event",
         "source": "ontwikkelingcentraal.nl PTSS zelftest (AMC instruction)"},
        {"what": "Stress reactions in the first weeks; most people better after 4-6 weeks",
         "source": "Slachtofferhulp Nederland helpers page; NICE NG116 1.6.4"},
        {"what": "Help after 4 weeks and after 3 months",
         "source": "NICE NG116; NHS England; ISTSS 2019 (istss.org)"},
        {"what": "113 and 0800-0113", "source": "113.nl"},
        {"what": "112 in direct danger", "source": "rijksoverheid.nl"},
        {"what": "Slachtofferhulp 0900-0101", "source": "politie.nl/themas/slachtofferhulp"},
    ],
}


# -- the self-check at import ------------------------------------------------------------------

QUESTION_COUNTS = {"phq4": 4, "who5": 5, "safety": 1, "pcl5": 20}


def _check() -> None:
    """Raise ValueError when the content is not what the API and the PWA rely on."""
    problems: list[str] = []
    keys = [item["key"] for item in INSTRUMENTS]
    if keys != list(QUESTION_COUNTS):
        problems.append(f"INSTRUMENTS are {keys}, not {list(QUESTION_COUNTS)}")
    for item in INSTRUMENTS:
        want = QUESTION_COUNTS.get(item["key"])
        if len(item["questions"]) != want:
            problems.append(f"{item['key']} has {len(item['questions'])} questions, not {want}")
        if item["translation"]["nl"] not in ("official", "own_unvalidated"):
            problems.append(f"{item['key']}: translation nl is {item['translation']['nl']!r}")
    problems += text_problems({"INSTRUMENTS": INSTRUMENTS, "TEXTS": TEXTS}, "content",
                              skip=("translation",))
    for phase in ("early", "middle", "late"):
        for lang in ("nl", "en"):
            if "{weeks}" not in PHASE[phase][lang]:
                problems.append(f"phase.{phase}.{lang} has no {{weeks}}")
    if problems:
        raise ValueError("api/content/recovery.py: " + "; ".join(problems))


_check()
