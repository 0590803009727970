"""Export a logbook as a PDF (reportlab), in Dutch or English.

Cover (type, title, period, the date it was made, the integrity line), totals for a damages
logbook, then every entry in time order: its answers with the questions' labels, its note, its
photos, its short chain hash, and the earlier revisions marked as such. Every page says
"pagina X van Y". Photos are the print-size copies made at upload, passed through as JPEG
(reportlab embeds JPEG bytes without decoding them), so 50 photos cost little time.

`export` reads everything it needs (entries, revisions, the chain check, the photos), ends the
session's transaction, and only then renders: a big logbook takes seconds to lay out, and no
transaction is held meanwhile. Answers and notes are laid out by `_TextBlock`, which breaks
each text into lines once; reportlab's Paragraph measured every word again at each wrap and
split, which made long notes slow (500 entries with notes of up to 5,000 characters: about
20 s instead of about 3 s).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from api.content.logbook_templates import TEMPLATES
from api.db import db, utcnow
from api.domain import Gone
from api.logbook import chain, service

log = logging.getLogger(__name__)

# Binary streams instead of ASCII85 text: without reportlab's C accelerator, ASCII85 costs
# about 0.2 s per photo, and a binary PDF is smaller. (A process-wide reportlab setting.)
rl_config.useA85 = 0

TEXT = {
    "nl": {
        "logbook": "Logboek", "type": "Soort", "period": "Periode", "made": "Gemaakt op",
        "entries": "Aantal notities", "page": "pagina {} van {}", "note": "Notitie",
        "revision": "Bewerkt: dit is versie {} van {}", "earlier": "Eerdere versie {} "
        "(opgeslagen {})", "hash": "Hash", "damaged": "Deze gegevens zijn beschadigd en niet "
        "te lezen.", "photo_damaged": "[foto beschadigd]", "yes": "Ja", "no": "Nee",
        "totals": "Totalen", "category": "Soort kosten", "amount": "Bedrag",
        "reimbursed": "Terug gekregen", "outstanding": "Nog open", "overall": "Totaal",
        "none": "Nog geen notities.", "photos": "Foto's",
        "intact": "Integriteit: de keten van {} gebeurtenissen is gecontroleerd en intact. "
                  "Laatste hash (kop van de keten): {}",
        "broken": "Integriteit: LET OP, de keten is NIET intact (vanaf gebeurtenis {}). "
                  "Laatste hash (kop van de keten): {}",
    },
    "en": {
        "logbook": "Logbook", "type": "Type", "period": "Period", "made": "Made on",
        "entries": "Number of entries", "page": "page {} of {}", "note": "Note",
        "revision": "Edited: this is version {} of {}", "earlier": "Earlier version {} "
        "(saved {})", "hash": "Hash", "damaged": "This data is damaged and cannot be read.",
        "photo_damaged": "[photo damaged]", "yes": "Yes", "no": "No",
        "totals": "Totals", "category": "Kind of cost", "amount": "Amount",
        "reimbursed": "Paid back", "outstanding": "Still open", "overall": "Total",
        "none": "No entries yet.", "photos": "Photos",
        "intact": "Integrity: the chain of {} events was checked and is intact. "
                  "Last hash (chain head): {}",
        "broken": "Integrity: WARNING, the chain is NOT intact (from event {}). "
                  "Last hash (chain head): {}",
    },
}


def money(cents: int, lang: str) -> str:
    euros, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    if lang == "nl":
        return f"{sign}€ {euros:,}".replace(",", ".") + f",{rest:02d}"
    return f"{sign}€{euros:,}.{rest:02d}"


def _when(value: datetime | str, lang: str, with_time: bool = True) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%d-%m-%Y %H:%M" if with_time else "%d-%m-%Y") + (
        " UTC" if with_time else "")


def _answer(question: dict[str, Any], value: Any, lang: str, t: dict[str, str]) -> str:
    labels = {o["value"]: o["label"][lang] for o in question.get("options", [])}
    kind = question["type"]
    if kind == "scale":
        return f"{value} – {labels.get(value, '')}"
    if kind == "choice":
        return labels.get(value, str(value))
    if kind == "multi_choice":
        return ", ".join(labels.get(v, str(v)) for v in value)
    if kind == "boolean":
        return t["yes"] if value else t["no"]
    if kind == "money":
        return money(value, lang)
    return str(value)


class _NumberedCanvas(Canvas):
    """Draws "page X of Y" once the number of pages is known (two passes over the states)."""

    label = "page {} of {}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.drawRightString(A4[0] - 2 * cm, 1.2 * cm, self.label.format(self._pageNumber,
                                                                               total))
            super().showPage()
        super().save()


@dataclass
class Snapshot:
    """What the PDF shows, read in one transaction; rendering needs no database."""

    logbook: Any
    title: str | None
    views: list[Any]
    check: chain.Verification
    photos: dict[uuid.UUID, bytes | None] = field(default_factory=dict)  # None: damaged


def read(owner_id: int, logbook_id: uuid.UUID) -> Snapshot:
    """:raise NotFound: when not this owner's logbook"""
    logbook = service.get_logbook(owner_id, logbook_id)
    views = service.list_entries(owner_id, logbook_id)
    photos: dict[uuid.UUID, bytes | None] = {}
    for view in views:
        for photo in view.photos:
            try:
                photos[photo.id] = service.photo_bytes(owner_id, photo.id, "print")
            except Gone:
                photos[photo.id] = None
    return Snapshot(logbook, service.title_of(logbook), views, chain.verify(logbook), photos)


def export(owner_id: int, logbook_id: uuid.UUID, lang: str = "nl") -> bytes:
    """The PDF bytes. :raise NotFound: when not this owner's logbook

    Ends the session's transaction after reading (the objects read stay usable, detached):
    the rendering that follows holds no transaction and no lock.
    """
    snapshot = read(owner_id, logbook_id)
    db.session.close()
    data = render(snapshot, lang)
    log.info("logbook %s exported: %d entries, %d bytes", snapshot.logbook.id,
             len(snapshot.views), len(data))
    return data


def render(snapshot: Snapshot, lang: str) -> bytes:
    logbook, views, check = snapshot.logbook, snapshot.views, snapshot.check
    t = TEXT[lang]
    template = TEMPLATES[logbook.type]
    questions = template["questions"]
    styles = getSampleStyleSheet()
    small = ParagraphStyle("small", parent=styles["Normal"], fontSize=8, textColor=colors.grey)
    mark = ParagraphStyle("mark", parent=styles["Normal"], textColor=colors.darkred)
    story: list[Any] = []

    title = snapshot.title
    dates = [v.entry.occurred_at for v in views]
    period = (f"{_when(min(dates), lang, False)} – {_when(max(dates), lang, False)}"
              if dates else "–")
    story += [
        Paragraph(f"{t['logbook']}: {escape(template['title'][lang])}", styles["Title"]),
        Paragraph(escape(title) if title else t["damaged"], styles["Heading2"]),
        Spacer(1, 0.5 * cm),
        Paragraph(f"{t['type']}: {escape(template['title'][lang])}", styles["Normal"]),
        Paragraph(f"{t['period']}: {period}", styles["Normal"]),
        Paragraph(f"{t['entries']}: {len(views)}", styles["Normal"]),
        Paragraph(f"{t['made']}: {_when(utcnow(), lang)}", styles["Normal"]),
        Spacer(1, 0.5 * cm),
        Paragraph(_integrity(check, t), mark if not check.intact else styles["Normal"]),
    ]
    if logbook.type == "damages":
        story += _totals(service.damage_totals(views), lang, t, styles)
    story.append(PageBreak())
    if not views:
        story.append(Paragraph(t["none"], styles["Normal"]))
    for view in views:
        story += _entry(view, template, questions, lang, t, styles, small, mark,
                        snapshot.photos)
    story += [Spacer(1, 0.5 * cm), Paragraph(_integrity(check, t), small)]

    out = BytesIO()
    canvas_class = type("PageCanvas", (_NumberedCanvas,), {"label": t["page"]})
    doc = SimpleDocTemplate(out, pagesize=A4, title=f"Houvast – {template['title'][lang]}",
                            author="Houvast", leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm)
    doc.build(story, canvasmaker=canvas_class)
    return out.getvalue()


def _integrity(check: chain.Verification, t: dict[str, str]) -> str:
    if check.intact:
        return t["intact"].format(check.events, check.head)
    return t["broken"].format(check.as_dict()["broken_at"], check.head)


def _totals(totals: dict[str, Any], lang: str, t: dict[str, str], styles) -> list[Any]:
    labels = {o["value"]: o["label"][lang]
              for o in TEMPLATES["damages"]["questions"][0]["options"]}
    rows = [[t["category"], t["amount"], t["reimbursed"], t["outstanding"]]]
    items = [(labels.get(k, k), v) for k, v in totals["per_category"].items()]
    for name, sums in [*items, (t["overall"], totals["overall"])]:
        rows.append([name, money(sums["amount_cents"], lang),
                     money(sums["reimbursed_cents"], lang),
                     money(sums["outstanding_cents"], lang)])
    table = Table(rows, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
    ]))
    return [Spacer(1, 0.7 * cm), Paragraph(t["totals"], styles["Heading2"]), table]


def _answers_block(content, questions, lang, t, styles) -> list[Any]:
    if content is None:
        return [_TextBlock([(None, t["damaged"])])]
    items = [(q["label"][lang], _answer(q, content["answers"][q["key"]], lang, t))
             for q in questions if q["key"] in content["answers"]]
    if content.get("note"):
        items.append((f"{t['note']}:", content["note"]))
    # One block per entry: its lines are broken once, and it splits between any two lines.
    return [_TextBlock(items)] if items else []


def _entry(view, template, questions, lang, t, styles, small, mark, photos) -> list[Any]:
    entry = view.entry
    with_time = template["occurred_at"]["type"] == "datetime"
    head = [Paragraph(_when(entry.occurred_at, lang, with_time), styles["Heading3"])]
    if entry.revision_count > 1:
        head.append(Paragraph(t["revision"].format(entry.revision_count, entry.revision_count),
                              mark))
    block = head + _answers_block(view.current, questions, lang, t, styles)
    latest = view.revisions[-1] if view.revisions else None
    if latest:
        block.append(Paragraph(f"{t['hash']}: {latest.hash[:16]}", small))
    parts: list[Any] = [KeepTogether(block)]
    for photo in view.photos:
        parts.append(_photo(photo, photos.get(photo.id), t, small))
    for earlier in view.revisions[:-1]:
        parts.append(Paragraph(t["earlier"].format(earlier.number,
                                                   _when(earlier.created_at, lang)), mark))
        parts += _answers_block(earlier.content, questions, lang, t, styles)
        parts.append(Paragraph(f"{t['hash']}: {earlier.hash[:16]}", small))
    parts.append(Spacer(1, 0.4 * cm))
    return parts


def _photo(photo, data: bytes | None, t, small) -> Any:
    if data is None:
        return Paragraph(t["photo_damaged"], small)
    width = min(12 * cm, 12 * cm * photo.width / max(photo.width, photo.height))
    height = width * photo.height / photo.width
    return _Jpeg(data, photo.sha256, width, height)


FONT, BOLD, FONT_SIZE, LEADING = "Helvetica", "Helvetica-Bold", 10, 12  # reportlab's Normal


@lru_cache(maxsize=65536)
def _width(word: str, font: str = FONT) -> float:
    return stringWidth(word, font, FONT_SIZE)


def _fitting(word: str, width: float) -> list[str]:
    """A word wider than a line (a long link, a row of signs) in pieces that fit."""
    if _width(word) <= width:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and _width(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _break_lines(items: list[tuple[str | None, str]],
                 width: float) -> list[tuple[str | None, str]]:
    """Greedy line breaking: (bold label or None, the line's text) per line. Each item starts
    a line with its label; a line break in the text starts a new line; linear in the text."""
    space = _width(" ")
    lines: list[tuple[str | None, str]] = []
    for label, text in items:
        for number, paragraph in enumerate(str(text).split("\n")):
            prefix = label if number == 0 else None
            used = _width(f"{prefix} ", BOLD) if prefix else 0.0
            words: list[str] = []
            for word in (piece for w in paragraph.split() for piece in _fitting(w, width)):
                size = _width(word)
                if (words or prefix) and used + (space if words else 0.0) + size > width:
                    lines.append((prefix, " ".join(words)))
                    prefix, used, words = None, 0.0, []
                used += (space if words else 0.0) + size
                words.append(word)
            lines.append((prefix, " ".join(words)))
    return lines


class _TextBlock(Flowable):
    """Plain text items, each "**label** text", as reportlab's Normal style draws them.

    reportlab's Paragraph measures every word again each time it is wrapped or split
    (KeepTogether, the frame, every page a long text runs over), in pure Python here; this
    breaks the lines once per width and splits between lines without measuring anything.
    """

    def __init__(self, items: list[tuple[str | None, str]],
                 lines: list[tuple[str | None, str]] | None = None,
                 width: float | None = None) -> None:
        super().__init__()
        self.items, self._lines, self._for_width = items, lines, width

    def _broken(self, width: float) -> list[tuple[str | None, str]]:
        if self._lines is None or (self.items and self._for_width != width):
            self._lines, self._for_width = _break_lines(self.items, width), width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = LEADING * len(self._broken(available_width))
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._broken(available_width)
        fits = int(available_height // LEADING)
        if fits <= 0:
            return []
        if fits >= len(lines):
            return [self]
        return [_TextBlock([], lines[:fits], available_width),
                _TextBlock([], lines[fits:], available_width)]

    def draw(self) -> None:
        text = self.canv.beginText(0, self.height - FONT_SIZE)
        text.setFont(FONT, FONT_SIZE, LEADING)
        for label, line in self._lines or []:
            if label:
                text.setFont(BOLD, FONT_SIZE, LEADING)
                text.textOut(f"{label} ")
                text.setFont(FONT, FONT_SIZE, LEADING)
            text.textLine(line)
        self.canv.drawText(text)


class _Jpeg(Flowable):
    """A JPEG drawn as it is. reportlab's own Image decodes every picture to hash its pixels
    (about 40 ms and 3 MB each); this one names the image by its SHA-256 and hands the JPEG
    bytes through (`jpeg_fh`), which reportlab embeds without decoding."""

    def __init__(self, data: bytes, sha256: str, width: float, height: float) -> None:
        super().__init__()
        self.data, self.sha256, self.width, self.height = data, sha256, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def jpeg_fh(self) -> BytesIO:
        return BytesIO(self.data)

    def __str__(self) -> str:  # reportlab names a non-ImageReader image by str(image)
        return f"houvast-photo-{self.sha256}"

    def draw(self) -> None:
        self.canv.drawImage(self, 0, 0, self.width, self.height)
