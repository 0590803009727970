"""The personal logbook in the PWA, in real Chromium: logbooks and entries written to the
offline store first, the guided form (validation, drafts, money as exact cents), photos whose
location data the server removes, revisions, totals, the PDF export, and 320 px screens."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date, timedelta

from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import create_account, heading, login_via_api, wait_until

GPS_IFD = 0x8825


def status(page):
    return page.locator("#status")


def logged_in_page(new_context, live_server, **options):
    context = new_context(**options)
    login_via_api(context, create_account(live_server))
    page = context.new_page()
    page.goto("/#/home")
    expect(heading(page)).to_have_text(re.compile("^Hallo "))
    return context, page


def jpeg_with_gps(colour: tuple[int, int, int] = (90, 140, 120)) -> bytes:
    """A photo as a phone makes it: with the place (GPS) and the camera in its EXIF data."""
    image = Image.new("RGB", (640, 480), colour)
    exif = Image.Exif()
    exif[0x010F] = "Houvast test camera"  # Make
    exif[GPS_IFD] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (4.0, 53.0, 15.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD), "the test photo has GPS"
    return data


def wait_for_sync(page) -> None:
    """Until the outbox is empty and no photo waits on the device (sync runs meanwhile)."""
    wait_until(page, """async () => {
        const store = await import('/js/store.js');
        const sync = await import('/js/sync.js');
        await sync.now().catch(() => {});
        return await store.pendingCount() === 0 && (await store.photoQueue()).length === 0;
    }""", timeout=30)


def check_screen(page, check_a11y, shot, name: str) -> None:
    """No accessibility violations, no stray "null"/"undefined"/"false" text, and a screenshot."""
    check_a11y(page, name)
    expect(page.locator("main")).not_to_contain_text(re.compile(r"(?<![A-Za-z])(null|undefined|false)"))
    shot(page, name)


def no_sideways_scroll(page, name: str) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


def start_logbook(page, type_label: str, title: str | None) -> None:
    page.get_by_role("link", name=re.compile("^(Begin een logboek|Nieuw logboek)$")).click()
    expect(heading(page)).to_have_text("Nieuw logboek")
    page.get_by_label(type_label).check()
    if title:
        page.get_by_label("Naam van het logboek (niet verplicht)").fill(title)
    page.get_by_role("button", name="Logboek maken").click()
    expect(heading(page)).to_have_text(title or type_label)


def next_step(page, number: int, total: int) -> None:
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=2, name=f"Stap {number} van {total}")).to_be_focused()


def test_damages_logbook_with_photo_sync_revision_totals_and_pdf(
        new_context, live_server, shot, check_a11y) -> None:
    context, page = logged_in_page(new_context, live_server)
    page.get_by_role("link", name="Logboek").click()
    expect(heading(page)).to_have_text("Mijn logboeken")
    expect(page.get_by_text("Je hebt nog geen logboek.")).to_be_visible()
    check_screen(page, check_a11y, shot, "logbooks-empty-nl")

    page.get_by_role("link", name="Begin een logboek").click()
    expect(heading(page)).to_have_text("Nieuw logboek")
    page.get_by_role("button", name="Logboek maken").click()
    expect(page.locator("#f-type-error")).to_have_text("Kies wat je wilt bijhouden.")
    check_screen(page, check_a11y, shot, "logbook-new-nl")
    page.get_by_label("Schade en kosten").check()
    page.get_by_label("Naam van het logboek (niet verplicht)").fill("Kosten na de inbraak")
    page.get_by_role("button", name="Logboek maken").click()
    expect(heading(page)).to_have_text("Kosten na de inbraak")
    expect(page.get_by_text("Er staan nog geen notities in dit logboek.")).to_be_visible()

    # The guided form: one group per screen, money typed the Dutch way.
    page.get_by_role("link", name="Nieuwe notitie").click()
    expect(heading(page)).to_have_text("Nieuwe notitie")
    expect(page.get_by_text("Stap 1 van 4")).to_be_visible()
    page.get_by_label("Medische kosten").check()
    page.get_by_label("Hoeveel was het?").fill("12,50")
    check_screen(page, check_a11y, shot, "entry-form-step1-nl")
    next_step(page, 2, 4)
    expect(page.get_by_label("Hoeveel heb je terug gekregen? (niet verplicht)")).to_be_hidden()
    page.get_by_role("group", name="Heb je dit geld terug gekregen?").get_by_label("Ja").check()
    page.get_by_label("Hoeveel heb je terug gekregen? (niet verplicht)").fill("2.50")
    page.get_by_label("Verzekering").check()
    check_screen(page, check_a11y, shot, "entry-form-step2-nl")
    next_step(page, 3, 4)
    page.get_by_label("Wat was het? (niet verplicht)").fill("Nieuwe bril")
    next_step(page, 4, 4)
    expect(page.get_by_text("Wij halen locatie en andere verborgen gegevens uit de foto.")
           ).to_be_visible()
    expect(page.locator("#photos-camera")).to_have_attribute("capture", "environment")
    page.locator("#photos-gallery").set_input_files(
        files=[{"name": "bon.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}])
    expect(page.get_by_role("img", name="Gekozen foto 1")).to_be_visible()
    keep = page.get_by_label("Foto 1: bewaar ook het origineel als bewijs")
    expect(keep).not_to_be_checked()
    expect(keep).to_have_accessible_description(re.compile("wanneer en waar"))
    check_screen(page, check_a11y, shot, "entry-form-photos-nl")
    page.get_by_role("button", name="Opslaan", exact=True).click()

    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    expect(page.get_by_text("Je notitie is opgeslagen.")).to_be_visible()
    current = page.locator(".answers").first  # the history below has its own
    expect(current).to_contain_text("Hoeveel was het?€ 12,50")
    expect(current).to_contain_text("Hoeveel heb je terug gekregen?€ 2,50")
    wait_for_sync(page)
    expect(page.get_by_role("img", name="Foto 1")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Versie 1, opgeslagen op "))).to_be_visible()

    # On the server: the entry in cents, and the photo without its place.
    logbook = context.request.get("/api/logbooks").json()[0]
    assert logbook["title"] == "Kosten na de inbraak"
    entries = context.request.get(f"/api/logbooks/{logbook['id']}/entries").json()
    assert len(entries) == 1
    assert entries[0]["answers"] == {
        "category": "medical", "amount_cents": 1250, "reimbursed": True,
        "reimbursed_cents": 250, "reimbursed_by": "insurer", "description": "Nieuwe bril"}
    [photo] = entries[0]["photos"]
    assert photo["has_original"] is False
    response = context.request.get(f"/api/photos/{photo['id']}")
    assert response.status == 200
    stored = Image.open(io.BytesIO(response.body()))
    assert dict(stored.getexif()) == {}
    assert not stored.getexif().get_ifd(GPS_IFD)
    check_screen(page, check_a11y, shot, "entry-nl")

    # Two photos added later at once; per photo a choice (off by default) to keep the original
    # as evidence, with the warning about time and place said once.
    page.get_by_role("button", name="Foto's toevoegen").click()
    expect(status(page)).to_have_text("Kies eerst een foto.")
    evidence = jpeg_with_gps((200, 180, 90))
    page.locator("#add-photos-gallery").set_input_files(files=[
        {"name": "schade.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps((20, 80, 90))},
        {"name": "bewijs.jpg", "mimeType": "image/jpeg", "buffer": evidence}])
    first_keep = page.get_by_label("Foto 1: bewaar ook het origineel als bewijs")
    second_keep = page.get_by_label("Foto 2: bewaar ook het origineel als bewijs")
    expect(first_keep).not_to_be_checked()
    expect(second_keep).not_to_be_checked()
    expect(page.get_by_text(re.compile("^Let op: in het originele bestand"))).to_have_count(1)
    expect(second_keep).to_have_accessible_description(re.compile("wanneer en waar"))
    second_keep.check()
    check_screen(page, check_a11y, shot, "entry-add-photos-nl")
    page.get_by_role("button", name="Foto's toevoegen").click()
    expect(status(page)).to_have_text("De foto wordt verstuurd zodra je internet hebt.")
    wait_for_sync(page)
    expect(page.get_by_role("img", name="Foto 3")).to_be_visible()
    expect(page.get_by_text("Origineel ook bewaard")).to_have_count(1)
    photos = context.request.get(f"/api/entries/{entries[0]['id']}").json()["photos"]
    assert len(photos) == 3
    # The two new ones may have been sent in either order: the original's hash tells them apart.
    evidence_sha = hashlib.sha256(evidence).hexdigest()
    [kept] = [i for i, p in enumerate(photos) if p["original_sha256"] == evidence_sha]
    assert [p["has_original"] for p in photos] == [i == kept for i in range(3)]
    for i, photo in enumerate(photos):
        response = context.request.get(f"/api/photos/{photo['id']}/original")
        assert response.status == (200 if i == kept else 404)

    # The original only on request, after a warning; offline the app says it needs internet.
    download_original = page.get_by_role("button",
                                         name=f"Origineel van foto {kept + 1} downloaden")
    expect(page.get_by_role("button", name=re.compile("^Origineel van foto"))).to_have_count(1)
    context.set_offline(True)
    download_original.click()
    expect(status(page)).to_have_text(re.compile("Voor het origineel heb je internet nodig"))
    context.set_offline(False)
    download_original.click()
    confirm = page.get_by_role("group",
                               name=f"In het originele bestand van foto {kept + 1}", exact=False)
    expect(confirm).to_contain_text("wanneer en waar")
    expect(page.get_by_role("button", name="Ja, downloaden")).to_be_focused()
    check_screen(page, check_a11y, shot, "entry-original-confirm-nl")
    page.get_by_role("button", name="Niet downloaden").click()
    expect(confirm).to_be_hidden()
    expect(download_original).to_be_focused()
    download_original.click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Ja, downloaden").click()
    download = download_info.value
    assert download.suggested_filename == f"houvast-original-{photos[kept]['id'][:8]}.jpg"
    with open(download.path(), "rb") as saved:
        assert hashlib.sha256(saved.read()).hexdigest() == evidence_sha
    expect(status(page)).to_have_text("Het origineel is gedownload.")
    expect(confirm).to_be_hidden()

    # Editing makes a new revision; the first one stays in the history.
    page.get_by_role("link", name="Aanpassen").first.click()
    expect(heading(page)).to_have_text("Notitie aanpassen")
    expect(page.get_by_label("Hoeveel was het?")).to_have_value("12,50")
    next_step(page, 2, 4)
    next_step(page, 3, 4)
    page.get_by_label("Wat was het? (niet verplicht)").fill("Nieuwe bril en glazen")
    next_step(page, 4, 4)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    expect(page.locator(".answers").first).to_contain_text("Wat was het?Nieuwe bril en glazen")
    wait_for_sync(page)
    expect(page.get_by_text(re.compile(r"^Versie 2, opgeslagen op "))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Versie 1, opgeslagen op "))).to_be_visible()
    page.get_by_text(re.compile(r"^Versie 1, opgeslagen op ")).click()
    expect(page.locator(".revisions").get_by_text("Nieuwe bril", exact=True)).to_be_visible()
    check_screen(page, check_a11y, shot, "entry-history-nl")
    revisions = context.request.get(f"/api/entries/{entries[0]['id']}").json()["revisions"]
    assert [r["answers"].get("description") for r in revisions] == [
        "Nieuwe bril", "Nieuwe bril en glazen"]

    # A second, older entry typed the English way; totals and newest first.
    page.get_by_role("link", name="Kosten na de inbraak").click()
    page.get_by_role("link", name="Nieuwe notitie").click()
    page.get_by_label("Wanneer had je deze kosten?").fill(
        (date.today() - timedelta(days=3)).isoformat())
    page.get_by_label("Reiskosten").check()
    page.get_by_label("Hoeveel was het?").fill("7.05")
    next_step(page, 2, 4)
    page.get_by_role("group", name="Heb je dit geld terug gekregen?").get_by_label("Nee").check()
    next_step(page, 3, 4)
    next_step(page, 4, 4)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    page.get_by_role("link", name="Kosten na de inbraak").click()
    expect(heading(page)).to_have_text("Kosten na de inbraak")
    cards = page.locator(".entries > li")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text("Medische kosten: € 12,50")
    expect(cards.nth(1)).to_contain_text("Reiskosten: € 7,05")
    totals = page.locator(".totals")
    medical = totals.locator("li", has=page.get_by_role("heading", name="Medische kosten"))
    expect(medical).to_contain_text("Bedrag€ 12,50")
    expect(medical).to_contain_text("Terug gekregen€ 2,50")
    expect(medical).to_contain_text("Nog open€ 10,00")
    overall = totals.locator("li", has=page.get_by_role("heading", name="Alles bij elkaar"))
    expect(overall).to_contain_text("Bedrag€ 19,55")
    expect(overall).to_contain_text("Terug gekregen€ 2,50")
    expect(overall).to_contain_text("Nog open€ 17,05")
    wait_for_sync(page)
    server_totals = context.request.get(f"/api/logbooks/{logbook['id']}").json()["totals"]
    assert server_totals["overall"] == {"amount_cents": 1955, "reimbursed_cents": 250,
                                        "outstanding_cents": 1705}
    check_screen(page, check_a11y, shot, "logbook-damages-nl")

    # The PDF, in the app's language, with the entry's newest text and page numbers.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF downloaden").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = PdfReader(download.path())
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Nieuwe bril en glazen" in text
    assert f"pagina 1 van {len(reader.pages)}" in text
    expect(status(page)).to_have_text("De PDF is gedownload.")

    context.set_offline(True)
    page.get_by_role("button", name="PDF downloaden").click()
    expect(status(page)).to_have_text(re.compile("Voor de PDF heb je internet nodig"))
    context.set_offline(False)

    page.get_by_role("link", name="Terug naar mijn logboeken").click()
    expect(heading(page)).to_have_text("Mijn logboeken")
    expect(page.get_by_text("Schade en kosten · 2 notities")).to_be_visible()
    check_screen(page, check_a11y, shot, "logbooks-nl")


def test_wellbeing_validation_draft_offline_delete_and_restore(
        new_context, live_server, shot, check_a11y) -> None:
    context, page = logged_in_page(new_context, live_server)
    page.get_by_role("link", name="Logboek").click()
    start_logbook(page, "Hoe gaat het met je", None)

    # A required question left open: the error is next to it, linked, and announced.
    page.get_by_role("link", name="Nieuwe notitie").click()
    page.get_by_role("button", name="Volgende").click()
    expect(status(page)).to_have_text("Kijk nog even naar de velden met een melding.")
    error = page.locator("#q-feeling-error")
    expect(error).to_have_text("Kies een antwoord.")
    first = page.get_by_label("1 – Heel slecht", exact=True)
    expect(first).to_be_focused()
    expect(first).to_have_attribute("aria-invalid", "true")
    assert "q-feeling-error" in first.get_attribute("aria-describedby").split()
    expect(page.get_by_role("group", name="Hoe heb je geslapen? (niet verplicht)")).to_be_visible()
    check_screen(page, check_a11y, shot, "entry-form-error-nl")

    # Half-way: saved as a draft that survives a reload, offline.
    page.get_by_label("2 – Slecht", exact=True).check()
    expect(error).to_be_empty()
    next_step(page, 2, 4)
    page.get_by_label("Wat is er gebeurd? (niet verplicht)").fill("Slecht geslapen door lawaai")
    page.get_by_role("button", name="Opslaan en later verder").click()
    expect(heading(page)).to_have_text("Hoe gaat het met je")
    expect(status(page)).to_have_text(re.compile("Bewaard op dit apparaat"))
    context.set_offline(True)
    page.reload()
    expect(heading(page)).to_have_text("Hoe gaat het met je")
    page.get_by_role("link", name=re.compile("^Verder met de notitie van ")).click()
    expect(page.get_by_role("heading", level=2, name="Stap 2 van 4")).to_be_visible()
    expect(page.get_by_label("Wat is er gebeurd? (niet verplicht)")).to_have_value(
        "Slecht geslapen door lawaai")
    next_step(page, 3, 4)
    next_step(page, 4, 4)
    page.get_by_label("Notitie (niet verplicht)").fill("Morgen bel ik de huisarts.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_be_visible()
    expect(page.get_by_text("De geschiedenis zie je als je internet hebt.").or_(
        page.get_by_text("Deze notitie staat nog niet op de server."))).to_be_visible()
    page.get_by_role("link", name="Hoe gaat het met je").click()
    expect(page.get_by_role("link", name=re.compile("^Verder met de notitie"))).to_have_count(0)
    expect(page.locator(".entries > li")).to_contain_text("2 – Slecht")
    context.set_offline(False)
    wait_for_sync(page)
    expect(page.get_by_text("Staat nog alleen op dit apparaat")).to_have_count(0)
    check_screen(page, check_a11y, shot, "logbook-wellbeing-nl")

    # Delete, then bring it back (within 30 days).
    page.locator(".entries a").first.click()
    page.get_by_role("button", name="Verwijderen").click()
    expect(page.get_by_role("button", name="Ja, verwijderen")).to_be_focused()
    check_screen(page, check_a11y, shot, "entry-delete-nl")
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(heading(page)).to_have_text("Hoe gaat het met je")
    expect(page.get_by_text("Er staan nog geen notities in dit logboek.")).to_be_visible()
    wait_for_sync(page)
    expect(page.get_by_role("heading", name="Verwijderde notities")).to_be_visible()
    check_screen(page, check_a11y, shot, "logbook-deleted-entries-nl")
    page.get_by_role("button", name="Terugzetten").click()
    expect(status(page)).to_have_text("De notitie staat weer in je logboek.")
    expect(page.locator(".entries > li")).to_have_count(1)
    expect(page.get_by_role("heading", name="Verwijderde notities")).to_have_count(0)

    # English: the same screens in the other language.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Notes, newest first")).to_be_visible()
    check_screen(page, check_a11y, shot, "logbook-wellbeing-en")


def test_stalking_warns_not_to_name_people(new_context, live_server, check_a11y,
                                           shot) -> None:
    _, page = logged_in_page(new_context, live_server)
    page.get_by_role("link", name="Logboek").click()
    start_logbook(page, "Stalking", "Bijhouden")
    page.get_by_role("link", name="Nieuwe notitie").click()
    page.get_by_label("Berichten").check()
    page.get_by_label("Op straat").check()
    next_step(page, 2, 4)
    page.get_by_role("group", name="Was er iemand anders bij?").get_by_label("Nee").check()
    page.get_by_role("group", name="Heb je het gemeld bij de politie?").get_by_label("Ja").check()
    page.get_by_label("Wat is het nummer van je melding? (niet verplicht)").fill("12345")
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#q-report_number-error")).to_have_text(re.compile("PL0900-2026123456"))
    page.get_by_label("Wat is het nummer van je melding? (niet verplicht)").fill(
        "pl0900-2026123456")
    next_step(page, 3, 4)
    details = page.get_by_label("Wil je er nog iets over kwijt? (niet verplicht)")
    warning = "Schrijf geen namen of andere gegevens van andere mensen op."
    expect(page.get_by_text(warning)).to_be_visible()
    assert "q-details-warning" in details.get_attribute("aria-describedby").split()
    check_screen(page, check_a11y, shot, "entry-form-stalking-nl")

    # A draft that is not wanted after all can be thrown away.
    page.get_by_role("button", name="Opslaan en later verder").click()
    expect(heading(page)).to_have_text("Bijhouden")
    draft = page.get_by_role("link", name=re.compile("^Verder met de notitie van "))
    expect(draft).to_be_visible()
    page.get_by_role("button", name="Weggooien").click()
    expect(status(page)).to_have_text("De notitie die nog niet af was, is weggegooid.")
    expect(draft).to_have_count(0)
    page.reload()
    expect(heading(page)).to_have_text("Bijhouden")
    expect(page.get_by_text("Er staan nog geen notities in dit logboek.")).to_be_visible()
    expect(draft).to_have_count(0)


def test_logbook_screens_fit_320px(new_context, live_server, shot) -> None:
    _, page = logged_in_page(new_context, live_server, viewport={"width": 320, "height": 640})
    page.get_by_role("link", name="Logboek").click()
    no_sideways_scroll(page, "my logbooks (empty)")
    start_logbook(page, "Schade en kosten", "Een logboek met een heel erg lange naam erin")
    page.get_by_role("link", name="Nieuwe notitie").click()
    no_sideways_scroll(page, "entry form step 1")
    page.get_by_label("Minder inkomen").check()
    page.get_by_label("Hoeveel was het?").fill("123.456,78")
    next_step(page, 2, 4)
    page.get_by_role("group", name="Heb je dit geld terug gekregen?").get_by_label("Ja").check()
    no_sideways_scroll(page, "entry form step 2")
    next_step(page, 3, 4)
    next_step(page, 4, 4)
    no_sideways_scroll(page, "entry form photos")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("^Notitie van "))
    no_sideways_scroll(page, "entry")
    page.get_by_role("link", name="Een logboek met een heel erg lange naam erin").click()
    expect(page.locator(".totals")).to_contain_text("€ 123.456,78")
    no_sideways_scroll(page, "logbook with totals")
    shot(page, "logbook-320px")
    expect(page.locator("main")).not_to_contain_text("null")
    page.get_by_role("link", name="Terug naar mijn logboeken").click()
    no_sideways_scroll(page, "my logbooks")


def test_an_entry_the_server_refuses_stays_visible(new_context, live_server, check_a11y,
                                                   shot) -> None:
    _, page = logged_in_page(new_context, live_server)
    page.get_by_role("link", name="Logboek").click()
    start_logbook(page, "Hoe gaat het met je", "Dagboek")
    wait_for_sync(page)
    # Another device (or an older app version) wrote an answer the server does not take.
    entry_id = page.evaluate("""async () => {
        const store = await import('/js/store.js');
        const [logbook] = await store.list('logbook');
        const id = store.uuid();
        await store.put('logbook_entry', id, {logbook_id: logbook.id,
            occurred_at: new Date().toISOString(), answers: {feeling: 9}, note: null});
        return id;
    }""")
    wait_until(page, """async () => {
        const store = await import('/js/store.js');
        await (await import('/js/sync.js')).now().catch(() => {});
        return (await store.problems()).length === 1;
    }""", timeout=30)
    expect(page.get_by_text("Niet opgeslagen op de server.")).to_be_visible()
    page.locator(".entries a").first.click()
    expect(page.get_by_role("heading", name="Deze notitie is niet opgeslagen op de server")
           ).to_be_visible()
    check_screen(page, check_a11y, shot, "entry-problem-nl")
    page.get_by_role("button", name="Deze wijziging weggooien").click()
    expect(heading(page)).to_have_text("Dagboek")
    expect(page.get_by_text("Er staan nog geen notities in dit logboek.")).to_be_visible()
    assert page.evaluate(f"""async () => (await (await import('/js/store.js'))
        .get('logbook_entry', '{entry_id}')) === undefined""")
