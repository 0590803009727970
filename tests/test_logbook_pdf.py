"""PDF export, read back with pypdf, in Dutch and English."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.factories import DAMAGE, gps_jpeg, make_entry, make_logbook, upload_photo


def export(client, logbook_id, lang=None) -> tuple[str, int, str]:
    query = f"?lang={lang}" if lang else ""
    response = client.get(f"/api/logbooks/{logbook_id}/export.pdf{query}")
    assert response.status_code == 200, response.data[:200]
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    disposition = response.headers["Content-Disposition"]
    reader = PdfReader(BytesIO(response.data))
    response.close()
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text, len(reader.pages), disposition


@pytest.fixture
def damages_logbook(auth_client):
    logbook = make_logbook(auth_client, "damages", "Kosten na de overval")
    entry = make_entry(auth_client, logbook["id"], DAMAGE, note="Bon zit erbij")
    make_entry(auth_client, logbook["id"], {"category": "travel", "amount_cents": 1999,
                                           "reimbursed": False}, when="2026-11-02T10:00:00Z")
    auth_client.patch(f"/api/entries/{entry['id']}",
                      json={"answers": {**DAMAGE, "description": "Nieuwe bril"}},
                      headers=auth_client.csrf)
    upload_photo(auth_client, entry["id"], gps_jpeg())
    head = auth_client.get(f"/api/logbooks/{logbook['id']}").get_json()["chain_head"]
    return logbook["id"], head


@pytest.mark.parametrize(("lang", "words"), [
    (None, ["Schade en kosten", "Kosten na de overval", "Periode: 02-11-2026 – 20-11-2026",
            "Medische kosten", "Nieuwe bril", "€ 123,45", "Totaal", "€ 143,44", "€ 23,45",
            "pagina 1 van", "Bewerkt: dit is versie 2 van 2", "Eerdere versie 1",
            "Gemaakt op", "Bon zit erbij"]),
    ("en", ["Damages and costs", "Period: 02-11-2026 – 20-11-2026", "Medical costs",
            "€123.45", "Total", "€143.44", "page 1 of", "Edited: this is version 2 of 2",
            "Earlier version 1", "Made on"]),
])
def test_pdf_contains_what_the_issue_asks(auth_client, damages_logbook, lang, words):
    logbook_id, head = damages_logbook
    text, pages, disposition = export(auth_client, logbook_id, lang)
    for word in words:
        assert word in text, word
    label = "page {} of {}" if lang == "en" else "pagina {} van {}"
    assert label.format(pages, pages) in text
    assert head in text.replace("\n", "").replace(" ", "")
    assert disposition.startswith('attachment; filename="houvast-logbook-')


def test_pdf_of_an_empty_stalking_logbook(auth_client):
    logbook = make_logbook(auth_client, "stalking")
    text, _, _ = export(auth_client, logbook["id"], "nl")
    assert "Nog geen notities." in text and "pagina 2 van 2" in text


def test_pdf_rejects_an_unknown_language(auth_client):
    logbook = make_logbook(auth_client)
    assert auth_client.get(f"/api/logbooks/{logbook['id']}/export.pdf?lang=fr").status_code == 422


def test_long_notes_keep_every_word_their_line_breaks_and_split_over_pages(auth_client):
    from tests.factories import FEELING

    logbook = make_logbook(auth_client)
    link = "https://example.org/" + "a" * 400  # wider than a line: cut into pieces
    sentence = "Hij stond weer voor de deur en ik heb de politie gebeld. "
    note = "Eerste regel.\nTweede regel " + link + " verder.\n\n" + sentence * 85
    make_entry(auth_client, logbook["id"], FEELING, note=note[:5000])
    make_entry(auth_client, logbook["id"], FEELING, note="Kort.", when="2026-11-21T10:00:00Z")
    text, pages, _ = export(auth_client, logbook["id"], "nl")
    lines = text.splitlines()
    assert any(line.endswith("Eerste regel.") for line in lines)
    assert any(line.startswith("Tweede regel") for line in lines)
    assert link in text.replace("\n", "")
    assert " ".join(text.split()).count("politie gebeld") == note[:5000].count("politie gebeld")
    assert "Kort." in text and pages >= 3
