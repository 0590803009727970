"""A one-page summary of the recovery meter's trend for the huisarts: dates, instruments,
scores and bands, no answers and no free text. Read in one transaction, laid out after it."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.content.recovery import INSTRUMENTS
from api.db import db, utcnow
from api.recovery import service

TEXT = {
    "nl": {
        "title": "Herstelmeter: overzicht", "made": "Gemaakt op {}",
        "intro": "Zelftests die ik in Houvast heb gedaan. Het zijn vragenlijsten, geen "
                 "diagnose. Hieronder staan alleen de scores; mijn antwoorden staan er niet in.",
        "columns": ["Datum", "Weken na", "PHQ-4 (0-12)", "WHO-5 (%)", "PCL-5 (0-80)",
                    "Vraag 9"],
        "none": "Nog geen zelftests.", "early": "eerder dan de aanbevolen tussentijd",
        "incomplete": "onvolledig", "not_taken": "–", "yes": "ja", "no": "nee",
        "bands": {"none": "geen", "mild": "licht", "moderate": "matig", "severe": "ernstig",
                  "low": "laag", "raised": "verhoogd", "high": "hoog"},
        "legend": "PHQ-4: {phq4}. WHO-5: onder {who5}% is een laag welbevinden. PCL-5: {pcl5} "
                  "(afkappunten uit de literatuur, zie bronnen). Vraag 9 is PHQ-9 vraag 9.",
        "sources": "Bronnen", "low_wellbeing": "laag",
    },
    "en": {
        "title": "Recovery meter: summary", "made": "Made on {}",
        "intro": "Self-tests I took in Houvast. They are questionnaires, not a diagnosis. "
                 "Only the scores are shown here; my answers are not.",
        "columns": ["Date", "Weeks after", "PHQ-4 (0-12)", "WHO-5 (%)", "PCL-5 (0-80)",
                    "Item 9"],
        "none": "No self-tests yet.", "early": "sooner than the advised interval",
        "incomplete": "incomplete", "not_taken": "–", "yes": "yes", "no": "no",
        "bands": {"none": "none", "mild": "mild", "moderate": "moderate", "severe": "severe",
                  "low": "low", "raised": "raised", "high": "high"},
        "legend": "PHQ-4: {phq4}. WHO-5: below {who5}% is low well-being. PCL-5: {pcl5} "
                  "(cut-offs from the literature, see sources). Item 9 is PHQ-9 item 9.",
        "sources": "Sources", "low_wellbeing": "low",
    },
}


def _bands(key: str, t: dict[str, Any]) -> str:
    """"0-2 none, 3-5 mild, …" from the rules' bands, so the legend never disagrees."""
    spec = service.RULES["instruments"][key]
    top = spec["items"] * spec["max"]
    bands = spec["bands"]
    parts = []
    for band, after in zip(bands, [*bands[1:], None], strict=True):
        last = top if after is None else after["from"] - 1
        parts.append(f"{band['from']}-{last} {t['bands'][band['band']]}")
    return ", ".join(parts)


def _legend(t: dict[str, Any]) -> str:
    who5 = service.RULES["instruments"]["who5"]
    return t["legend"].format(phq4=_bands("phq4", t), pcl5=_bands("pcl5", t),
                              who5=who5["low_wellbeing_below"] * who5["percent_factor"])


def _day(moment: datetime) -> str:
    return moment.strftime("%d-%m-%Y")


def _cell(score: dict[str, Any], figure: str, t: dict[str, Any]) -> str:
    if score["status"] == "not_taken":
        return t["not_taken"]
    if score["status"] != "complete":
        return t["incomplete"]
    value = f"{score[figure]}"
    if score.get("band"):
        value += f" ({t['bands'][score['band']]})"
    if score.get("low_wellbeing"):
        value += f" ({t['low_wellbeing']})"
    return value


def export(owner_id: int, lang: str = "nl") -> bytes:
    rows = service.summary_rows(owner_id)
    db.session.close()  # nothing below needs the database
    return render(rows, lang)


def render(rows: list[dict[str, Any]], lang: str) -> bytes:
    t = TEXT[lang]
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10, textColor=colors.grey)
    table: list[list[str]] = [t["columns"]]
    for row in rows:
        scores, safety = row["scores"], row["safety"]
        date = _day(row["taken_at"]) + (" *" if row["early"] else "")
        table.append([date, "–" if row["weeks"] is None else str(row["weeks"]),
                      _cell(scores["phq4"], "total", t), _cell(scores["who5"], "percent", t),
                      _cell(scores["pcl5"], "total", t),
                      "–" if safety is None else t["yes"] if safety else t["no"]])
    story: list[Any] = [
        Paragraph(t["title"], styles["Title"]),
        Paragraph(t["made"].format(_day(utcnow())), small),
        Spacer(1, 0.3 * cm), Paragraph(t["intro"], styles["BodyText"]), Spacer(1, 0.4 * cm),
    ]
    if rows:
        grid = Table(table, repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story += [grid, Spacer(1, 0.2 * cm)]
        if any(row["early"] for row in rows):
            story.append(Paragraph(f"* {t['early']}", small))
    else:
        story.append(Paragraph(t["none"], styles["BodyText"]))
    story += [Spacer(1, 0.4 * cm), Paragraph(_legend(t), small), Spacer(1, 0.2 * cm),
              Paragraph(t["sources"], small)]
    story += [Paragraph(escape(f"{item['name']}: {item['source']}"), small) for item in INSTRUMENTS]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=t["title"], author="Houvast",
                            leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm)
    doc.build(story)
    return out.getvalue()
