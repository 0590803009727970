"""Logbook photos: cleaning (no EXIF/GPS), keep_original, quota, headers, owner isolation."""

from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path

from PIL import Image

from api.db import db
from api.logbook.models import LogbookEvent
from tests.factories import gps_jpeg, make_entry, make_logbook, upload_photo


def fetch(client, path):
    response = client.get(path)
    data = response.data
    response.close()
    return response, data


def test_photo_is_cleaned_and_served_with_safe_headers(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    raw = gps_jpeg()
    response = upload_photo(auth_client, entry["id"], raw)
    assert response.status_code == 201, response.get_json()
    photo = response.get_json()
    assert photo["has_original"] is False and photo["width"] == 800
    assert photo["original_sha256"] == hashlib.sha256(raw).hexdigest()
    served, data = fetch(auth_client, f"/api/photos/{photo['id']}")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Cache-Control"] == "no-store"
    assert served.headers["Content-Disposition"].startswith("inline; filename=\"houvast-photo-")
    exif = Image.open(BytesIO(data)).getexif()
    assert not exif.get_ifd(0x8825) and 0x010F not in exif
    assert hashlib.sha256(data).hexdigest() == photo["sha256"]
    thumb, thumb_data = fetch(auth_client, f"/api/photos/{photo['id']}/thumbnail")
    assert thumb.status_code == 200 and max(Image.open(BytesIO(thumb_data)).size) <= 320
    original, _ = fetch(auth_client, f"/api/photos/{photo['id']}/original")
    assert original.status_code == 404
    listed = auth_client.get(f"/api/entries/{entry['id']}").get_json()["photos"]
    assert [p["id"] for p in listed] == [photo["id"]]
    kinds = [e.kind for e in db.session.query(LogbookEvent).order_by(LogbookEvent.seq)
             if str(e.entry_id) == entry["id"]]
    assert kinds == ["revision", "photo_added"]


def test_original_is_kept_only_on_request(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    raw = gps_jpeg()
    photo = upload_photo(auth_client, entry["id"], raw, keep_original=True).get_json()
    assert photo["has_original"] is True
    original, data = fetch(auth_client, f"/api/photos/{photo['id']}/original")
    assert original.status_code == 200 and data == raw
    assert original.headers["Content-Disposition"].startswith("attachment;")
    _, thumb = fetch(auth_client, f"/api/photos/{photo['id']}/thumbnail")
    assert not Image.open(BytesIO(thumb)).getexif().get_ifd(0x8825)


def test_a_text_file_named_jpg_is_refused(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    response = upload_photo(auth_client, entry["id"], b"just some text, not a photo\n", "x.jpg")
    assert response.status_code == 415 and "JPEG" in response.get_json()["message"]
    assert auth_client.get(f"/api/entries/{entry['id']}").get_json()["photos"] == []


def test_upload_without_file_is_422(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    response = auth_client.post(f"/api/entries/{entry['id']}/photos", data={},
                                content_type="multipart/form-data", headers=auth_client.csrf)
    assert response.status_code == 422 and "file" in response.get_json()["errors"]


def test_quota_is_enforced(app, auth_client, monkeypatch):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    assert upload_photo(auth_client, entry["id"], gps_jpeg()).status_code == 201
    # The first photo's files already take more than this: the next one does not fit.
    monkeypatch.setitem(app.config, "PHOTO_QUOTA_BYTES", 20_000)
    response = upload_photo(auth_client, entry["id"], gps_jpeg((1600, 1200)))
    assert response.status_code == 413
    assert "storage is full" in response.get_json()["message"]
    assert len(auth_client.get(f"/api/entries/{entry['id']}").get_json()["photos"]) == 1


def test_delete_photo_removes_its_files(app, auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    photo = upload_photo(auth_client, entry["id"], gps_jpeg(), keep_original=True).get_json()
    media = Path(app.config["MEDIA_DIR"]) / str(auth_client.user.id)
    before = len(list(media.glob("*.bin")))
    response = auth_client.delete(f"/api/photos/{photo['id']}", headers=auth_client.csrf)
    assert response.status_code == 204
    assert len(list(media.glob("*.bin"))) == before - 4  # image, thumbnail, print, original
    assert fetch(auth_client, f"/api/photos/{photo['id']}")[0].status_code == 404
    assert auth_client.get(f"/api/logbooks/{entry['logbook_id']}/verify").get_json()["intact"]


def test_other_owner_cannot_reach_photos(auth_client, other_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    photo = upload_photo(auth_client, entry["id"], gps_jpeg(), keep_original=True).get_json()
    for suffix in ("", "/thumbnail", "/original"):
        assert fetch(other_client, f"/api/photos/{photo['id']}{suffix}")[0].status_code == 404
    assert other_client.delete(f"/api/photos/{photo['id']}",
                               headers=other_client.csrf).status_code == 404
    assert upload_photo(other_client, entry["id"], gps_jpeg()).status_code == 404
    assert fetch(auth_client, f"/api/photos/{photo['id']}")[0].status_code == 200


def test_photos_of_a_deleted_entry_are_hidden(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    photo = upload_photo(auth_client, entry["id"], gps_jpeg()).get_json()
    auth_client.delete(f"/api/entries/{entry['id']}", headers=auth_client.csrf)
    assert fetch(auth_client, f"/api/photos/{photo['id']}")[0].status_code == 404


def test_a_photo_over_15_mb_is_refused(auth_client):
    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    too_big = b"\xff\xd8\xff" + b"\0" * (15 * 1024 * 1024)
    # A body made by hand: werkzeug's test client leaves its own temporary file open for
    # multipart bodies this large (a ResourceWarning).
    body = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n'
            b"Content-Type: image/jpeg\r\n\r\n" + too_big + b"\r\n--B--\r\n")
    response = auth_client.post(f"/api/entries/{entry['id']}/photos", data=body,
                                content_type="multipart/form-data; boundary=B",
                                headers=auth_client.csrf)
    assert response.status_code == 413 and "15 MB" in response.get_json()["message"]
