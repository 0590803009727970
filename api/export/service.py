"""Download al mijn gegevens: a person's data as one ZIP, made in the background.

`start` writes the export's row (state `preparing`) and the route hands `build` to a thread
(`run_in_background`); the phone asks `state` until it is `ready`, then downloads it once
(`download`); it is wiped from the server after the download, after EXPIRES, and with the
account. What goes in (the format is in docs/export.md):

- every record of every sync entity that is the person's own (`SyncEntity.own_ids`), in the
  shape the app itself reads it, as `records/<entity>.json`;
- what each domain adds (`Domain.exports`): a logbook's PDF and photos, scored self-tests…

How it stays small for a large account:
- no long transaction: a source reads ids first, then its records in batches or one file at a
  time; `build` ends the read transaction after every file and every batch;
- memory stays flat: the ZIP is written straight into chunks of CHUNK bytes, each sealed under
  the person's data key and stored as a blob at once (`_SealedChunks`); one file is in memory at
  a time (a logbook's PDF is the largest), and the download streams chunk by chunk;
- nothing of it is readable at rest, and erasing the account shreds it like everything else.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import traceback
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import delete, select, update

from api import crypto
from api.auth.models import User
from api.db import db, utcnow
from api.domain import Conflict, NotFound
from api.export.models import DOWNLOADED, FAILED, PREPARING, READY, AccountExport
from api.storage import blob_aad, blob_store, check_key
from api.sync import registry
from api.sync.changelog import lock_owner

log = logging.getLogger(__name__)

FORMAT, FORMAT_VERSION = "houvast-export", 1
CHUNK = 1 << 20  # bytes of ZIP per sealed blob
BATCH = 500  # records read per transaction (SyncEntity.snapshots takes up to 500)
EXPIRES = timedelta(hours=24)  # a ready export is wiped after this
# No progress for this long: the process that made it is gone (a restart); it may start again.
STALE = timedelta(minutes=10)
PROGRESS_EVERY = timedelta(seconds=1)

# A domain's part of the export: (user, language) -> (path in the ZIP, content), one file at a
# time. content: bytes as they are, a JSON value, or an iterator of JSON values (a streamed list).
Part = Callable[[User, str], Iterable[tuple[str, Any]]]
_parts: list[Part] = []


def register_part(part: Part) -> None:
    """A domain's `exports` hook (Domain.exports); registering it again does nothing."""
    if part not in _parts:
        _parts.append(part)


class Abandoned(Exception):
    """The export was replaced, removed or its account erased while it was made."""


# --- the state -------------------------------------------------------------------------------


def _row(user_id: int) -> AccountExport | None:
    return db.session.get(AccountExport, user_id)


def _live(found: AccountExport | None, now: datetime) -> AccountExport | None:
    """The row as it stands now: a ready one past EXPIRES and a stuck one count as gone/failed."""
    if found is None:
        return None
    if found.state == READY and found.ready_at and now - found.ready_at > EXPIRES:
        return None
    return found


def state_of(found: AccountExport | None, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    found = _live(found, now)
    if found is None:
        return {"state": "none"}
    stuck = found.state == PREPARING and now - found.updated_at > STALE
    return {
        "state": FAILED if stuck else found.state,
        "steps_done": found.steps_done, "steps_total": found.steps_total, "files": found.files,
        "size": found.size if found.state == READY else None,
        "started_at": found.started_at, "ready_at": found.ready_at,
        "expires_at": found.ready_at + EXPIRES if found.state == READY and found.ready_at
        else None,
        "downloaded_at": found.downloaded_at,
    }


def state(user_id: int) -> dict[str, Any]:
    return state_of(_row(user_id))


def start(user: User, lang: str) -> tuple[AccountExport, bool]:
    """A new export, or the one being made. -> (row, whether it is new). Commits nothing.

    Starting again replaces a ready, downloaded, failed or stuck one (its chunks are wiped by
    the new `build` before it writes)."""
    lock_owner(user.id)  # two taps at once start one export
    found = _row(user.id)
    if found is not None and state_of(found)["state"] == PREPARING:
        return found, False
    now = utcnow()
    if found is None:
        found = AccountExport(user_id=user.id)
        db.session.add(found)
    found.token, found.state, found.lang = uuid.uuid4(), PREPARING, lang
    found.steps_done = found.steps_total = found.files = found.chunks = found.size = 0
    found.started_at = found.updated_at = now
    found.ready_at = found.downloaded_at = None
    db.session.flush()
    return found, True


def discard(user: User) -> None:
    """Wipe the export now (the row and its chunks); a build under way stops at its next chunk.
    Commits."""
    db.session.execute(delete(AccountExport).where(AccountExport.user_id == user.id))
    db.session.commit()
    _wipe_chunks(user.id)


def purge(now: datetime | None = None) -> int:
    """Wipe every ready export past EXPIRES and every stuck one (`flask export purge`, daily).
    -> how many. Commits."""
    now = now or utcnow()
    rows = db.session.execute(select(AccountExport.user_id, AccountExport.state,
                                     AccountExport.ready_at, AccountExport.updated_at)).all()
    gone = [user_id for user_id, row_state, ready_at, updated_at in rows
            if (row_state == READY and ready_at and now - ready_at > EXPIRES)
            or (row_state == PREPARING and now - updated_at > STALE)
            or row_state == FAILED]
    if gone:
        db.session.execute(delete(AccountExport).where(AccountExport.user_id.in_(gone)))
    db.session.commit()
    for user_id in gone:
        _wipe_chunks(user_id)
    return len(gone)


# --- the chunks --------------------------------------------------------------------------


def _folder(user_id: int, token: uuid.UUID) -> str:
    return f"{user_id}/export-{token.hex}"


def _chunk_key(user_id: int, token: uuid.UUID, number: int) -> str:
    return check_key(f"{_folder(user_id, token)}/{number:06d}.bin")


def _wipe_chunks(user_id: int, keep: uuid.UUID | None = None,
                 only: uuid.UUID | None = None) -> None:
    """Delete the person's export chunks: all, all but `keep`'s, or only `only`'s."""
    store, kept = blob_store(), None if keep is None else _folder(user_id, keep) + "/"
    prefix = f"{user_id}/export-" if only is None else _folder(user_id, only) + "/"
    for key in list(store.keys(prefix)):
        if kept is None or not key.startswith(kept):
            store.delete(key)


class _SealedChunks:
    """A write-only file for zipfile: every CHUNK bytes become one blob, sealed under the
    owner's data key and bound to its place (a chunk moved or swapped does not decrypt).
    `check()` runs before each blob is written: it raises Abandoned when the export is no
    longer wanted, so nothing is written for an erased account (its key would be made anew)."""

    def __init__(self, user_id: int, token: uuid.UUID, check: Callable[[], None]) -> None:
        self.user_id, self.token, self.check = user_id, token, check
        self.buffer = bytearray()
        self.count = self.size = 0

    def write(self, data: bytes) -> int:
        self.buffer += data
        self.size += len(data)
        while len(self.buffer) >= CHUNK:
            self._put(bytes(self.buffer[:CHUNK]))
            del self.buffer[:CHUNK]
        return len(data)

    def flush(self) -> None:
        """zipfile flushes after each member; the chunks are full-size blobs, so this waits."""

    def finish(self) -> None:
        if self.buffer or not self.count:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, data: bytes) -> None:
        self.check()
        key = _chunk_key(self.user_id, self.token, self.count)
        blob_store().put(key, crypto.encrypt(data, blob_aad(key, self.user_id)))
        self.count += 1


def download(user: User) -> tuple[int, Iterator[bytes]]:
    """-> (size, the ZIP chunk by chunk). When the last chunk has gone out, the export is
    wiped from the server and its state says when it was downloaded.

    :raise NotFound: there is no export (or it expired)
    :raise Conflict: it is not ready yet, or it failed
    """
    found = _live(_row(user.id), utcnow())
    if found is None or found.state == DOWNLOADED:
        raise NotFound("There is no download waiting. Ask for a new one.")
    if found.state != READY:
        raise Conflict("Your download is not ready yet.")
    user_id, token, chunks, size = user.id, found.token, found.chunks, found.size
    db.session.commit()

    def chunks_of() -> Iterator[bytes]:
        store = blob_store()
        for number in range(chunks):
            key = _chunk_key(user_id, token, number)
            yield crypto.decrypt(store.get(key), blob_aad(key, user_id))
        db.session.execute(update(AccountExport).where(
            AccountExport.user_id == user_id, AccountExport.token == token).values(
            state=DOWNLOADED, downloaded_at=utcnow(), chunks=0, size=0))
        db.session.commit()
        _wipe_chunks(user_id)
        log.info("export of account %s downloaded and wiped", user_id)

    return size, chunks_of()


# --- making it -----------------------------------------------------------------------------


def run_in_background(app: Flask, user_id: int, token: uuid.UUID) -> None:
    """Make the export in a thread of this process, with its own app context and session.
    Under test (app.testing) it runs at once: the tests share one connection, which a thread
    must not use. A restart in between leaves it `failed` after STALE; the person starts again."""
    if app.testing:
        build(user_id, token)
        return

    def work() -> None:
        with app.app_context():
            try:
                build(user_id, token)
            finally:
                db.session.remove()

    threading.Thread(target=work, name=f"export-{user_id}", daemon=True).start()


def _sources() -> list[Part]:
    records = [_records_of(entity) for entity in registry.entities().values()]
    return [*records, *_parts]


def _records_of(entity: registry.SyncEntity) -> Part:
    def part(user: User, _lang: str) -> Iterator[tuple[str, Any]]:
        ids = list((entity.own_ids or entity.list_ids)(user))
        if ids:
            yield f"records/{entity.name}.json", _snapshots(entity, user.id, ids)

    return part


def _snapshots(entity: registry.SyncEntity, user_id: int,
               ids: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    for start_at in range(0, len(ids), BATCH):
        batch = ids[start_at:start_at + BATCH]
        user = db.session.get(User, user_id)
        if entity.snapshots is not None:
            found = entity.snapshots(user, batch)
            rows = [found[i] for i in batch if i in found]
        else:
            rows = [row for i in batch if (row := entity.snapshot(user, i)) is not None]
        db.session.rollback()  # the batch is read: hold no transaction while it is written
        yield from rows


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str).encode()


def _write(archive: zipfile.ZipFile, path: str, content: Any) -> None:
    info = zipfile.ZipInfo(f"{FOLDER}/{path}", date_time=utcnow().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    if isinstance(content, bytes):
        if path.endswith((".jpg", ".png", ".webp", ".pdf")):
            info.compress_type = zipfile.ZIP_STORED  # compressed already
        archive.writestr(info, content)
        return
    with archive.open(info, "w", force_zip64=True) as member:
        if not isinstance(content, Iterator):
            member.write(_json(content))
            return
        member.write(b"[")
        for number, item in enumerate(content):
            member.write((b",\n" if number else b"\n") + _json(item))
        member.write(b"\n]\n")


FOLDER = "mijn-gegevens"


def build(user_id: int, token: uuid.UUID) -> None:
    """Make the export `token` of this person (see the module's docstring). Never raises: a
    failure is logged without any of the person's data and leaves the state `failed`."""
    written: list[str] = []
    last = [utcnow()]

    def still_wanted() -> None:
        if db.session.scalar(select(AccountExport.state).where(
                AccountExport.user_id == user_id, AccountExport.token == token)) != PREPARING:
            raise Abandoned

    def progress(**values: Any) -> None:
        result = db.session.execute(update(AccountExport).where(
            AccountExport.user_id == user_id, AccountExport.token == token,
            AccountExport.state == PREPARING).values(updated_at=utcnow(), **values))
        db.session.commit()
        if result.rowcount == 0:
            raise Abandoned

    try:
        _wipe_chunks(user_id, keep=token)
        user = db.session.get(User, user_id)
        found = _row(user_id)
        if user is None or found is None:
            raise Abandoned
        lang = found.lang
        sources = _sources()
        progress(steps_total=len(sources) + 1)
        chunks = _SealedChunks(user_id, token, still_wanted)
        with zipfile.ZipFile(chunks, "w", allowZip64=True) as archive:  # type: ignore[arg-type]
            for step, source in enumerate(sources, start=1):
                user = db.session.get(User, user_id)
                if user is None:
                    raise Abandoned
                for path, content in source(user, lang):
                    _write(archive, path, content)
                    written.append(path)
                    db.session.rollback()
                    if utcnow() - last[0] > PROGRESS_EVERY:
                        progress(files=len(written))
                        last[0] = utcnow()
                progress(steps_done=step, files=len(written))
            _write(archive, "manifest.json", _manifest(user_id, lang, written))
            _write(archive, README_NAME[lang], README[lang].encode())
        chunks.finish()
        progress(state=READY, steps_done=len(sources) + 1, files=len(written) + 2,
                 chunks=chunks.count, size=chunks.size, ready_at=utcnow())
        log.info("export of account %s ready: %d files, %d bytes", user_id, len(written) + 2,
                 chunks.size)
    except Abandoned:
        db.session.rollback()
        _wipe_chunks(user_id, keep=None if _row(user_id) is None else _row(user_id).token)
        log.info("export of account %s stopped: no longer wanted", user_id)
    except Exception as error:
        db.session.rollback()
        # Where it broke, not the message: a message may quote a value of the person's.
        frame = traceback.extract_tb(error.__traceback__)[-1]
        log.error("export of account %s failed: %s at %s:%s", user_id, type(error).__name__,
                  Path(frame.filename).name, frame.lineno)
        with contextlib.suppress(Abandoned):
            progress(state=FAILED)
        _wipe_chunks(user_id, only=token)
    finally:
        db.session.remove()


def _manifest(user_id: int, lang: str, written: list[str]) -> dict[str, Any]:
    return {"format": FORMAT, "version": FORMAT_VERSION, "made_at": utcnow(), "language": lang,
            "documentation": "docs/export.md", "files": written}


README_NAME = {"nl": "LEESMIJ.txt", "en": "README.txt"}
README = {
    "nl": """Dit zijn al je gegevens uit de app.

Je hebt dit bestand zelf gedownload. Er staat in wat je hebt opgeschreven en bewaard. Bewaar
het op een veilige plek. Iedereen die het bestand kan openen, kan alles lezen.

Wat staat waar?
- account.json: je gebruikersnaam, wanneer je account is gemaakt en waar je bent ingelogd.
- records/: alles wat de app van je bewaart, per soort in een eigen bestand (JSON).
  Bijvoorbeeld logbook.json, logbook_entry.json, task.json en recovery_test.json.
- logbooks/: per logboek een PDF, alle notities met hun eerdere versies (entries.json) en
  je foto's. Foto's met "-original" in de naam zijn de bestanden zoals je ze stuurde. Daarin
  kunnen de plek en de tijd van de foto staan.
- recovery/results.json: je uitslagen van de herstelmeter, met de scores.
- rights/rights.json: de rechten die bij jou passen en wat je koos.
- manifest.json: de lijst van alle bestanden.

JSON is een gewoon tekstbestand. Je kunt het openen met een teksteditor of met een
andere app die JSON kan lezen.

Het bestand staat niet meer op onze server nadat je het hebt gedownload.
""",
    "en": """This is all your data from the app.

You downloaded this file yourself. It holds what you wrote down and kept. Keep it in a safe
place. Anyone who can open the file can read everything.

What is where?
- account.json: your username, when your account was made and where you logged in.
- records/: everything the app keeps of you, one file per kind (JSON).
  For example logbook.json, logbook_entry.json, task.json and recovery_test.json.
- logbooks/: for each logbook a PDF, every note with its earlier versions (entries.json)
  and your photos. Photos named "-original" are the files as you sent them. They may show
  where and when the photo was taken.
- recovery/results.json: your recovery meter results, with the scores.
- rights/rights.json: the rights that fit you and what you chose.
- manifest.json: the list of all files.

JSON is a plain text file. You can open it with a text editor or any app that reads JSON.

The file is no longer on our server once you have downloaded it.
""",
}
