"""Photo intake (api/images.py) with real images made here by Pillow."""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageFile, PngImagePlugin

from api.images import (
    MAX_BYTES,
    MAX_LONG_SIDE,
    MAX_PIXELS,
    MAX_SIDE,
    THUMB_SIDE,
    TOO_LONG,
    TOO_MANY_PIXELS,
    ImageRejected,
    process_photo,
)

ROOT = Path(__file__).resolve().parent.parent
COMMENT = b"gemaakt-bij-Kerkstraat-12"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>xmp-marker-5521</rdf:RDF></x:xmpmeta>'
LEAKS = (b"Exif", b"SpyCam-X1", COMMENT, b"xmp-marker-5521", b"ICC_PROFILE", b"acsp",
         b"Kerkstraat")


def exif_with_gps(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam-X1"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 37.5), 3: "E", 4: (4.0, 53.0, 12.25)}  # GPS IFD
    if orientation is not None:
        exif[0x0112] = orientation
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture(size: tuple[int, int] = (400, 300), mode: str = "RGB") -> Image.Image:
    """Blue with a red top-left corner, so orientation can be checked."""
    img = Image.new("RGB", size, (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, size[0] // 4, size[1] // 4))
    return img.convert(mode)


def encode(img: Image.Image, fmt: str, **params: object) -> bytes:
    out = BytesIO()
    img.save(out, fmt, **params)
    return out.getvalue()


def assert_clean(result_bytes: bytes) -> Image.Image:
    img = Image.open(BytesIO(result_bytes))
    assert img.format == "JPEG"
    assert len(img.getexif()) == 0
    for name in ("icc_profile", "exif", "comment", "xmp", "XML:com.adobe.xmp"):
        assert name not in img.info
    for leak in LEAKS:
        assert leak not in result_bytes
    return img


def jpeg_with_everything() -> bytes:
    raw = encode(picture(), "JPEG", exif=exif_with_gps().tobytes(), icc_profile=srgb_icc(),
                 comment=COMMENT)
    source = Image.open(BytesIO(raw))
    assert source.getexif().get_ifd(0x8825)[1] == "N"
    assert "icc_profile" in source.info and source.info["comment"] == COMMENT
    return raw


def png_with_everything() -> bytes:
    meta = PngImagePlugin.PngInfo()
    meta.add_text("Comment", COMMENT.decode())
    meta.add_text("Location", "Kerkstraat 12", zip=True)
    meta.add_itxt("XML:com.adobe.xmp", XMP.decode())
    raw = encode(picture(mode="RGBA"), "PNG", pnginfo=meta, exif=exif_with_gps().tobytes(),
                 icc_profile=srgb_icc())
    source = Image.open(BytesIO(raw))
    assert "XML:com.adobe.xmp" in source.info and source.getexif()[0x010F] == "SpyCam-X1"
    return raw


def webp_with_everything() -> bytes:
    raw = encode(picture(), "WEBP", exif=exif_with_gps().tobytes(), icc_profile=srgb_icc(),
                 xmp=XMP)
    source = Image.open(BytesIO(raw))
    assert "exif" in source.info and "xmp" in source.info
    return raw


@pytest.mark.parametrize("make", [jpeg_with_everything, png_with_everything,
                                  webp_with_everything])
def test_metadata_is_stripped(make) -> None:  # type: ignore[no-untyped-def]
    raw = make()
    assert any(leak in raw for leak in LEAKS)
    result = process_photo(raw)
    img = assert_clean(result.data)
    assert_clean(result.thumbnail)
    assert (result.width, result.height) == img.size == (400, 300)
    assert result.mime == "image/jpeg"
    assert result.original_sha256 == hashlib.sha256(raw).hexdigest()
    red = img.getpixel((10, 10))
    assert isinstance(red, tuple) and red[0] > 200 and red[2] < 60


def test_exif_orientation_is_applied() -> None:
    raw = encode(picture((400, 200)), "JPEG", exif=exif_with_gps(orientation=6).tobytes())
    result = process_photo(raw)
    img = assert_clean(result.data)
    assert (result.width, result.height) == img.size == (200, 400)
    # Orientation 6 means "turn 90 degrees clockwise to view": the red top-left goes top-right.
    top_right, top_left = img.getpixel((190, 10)), img.getpixel((10, 10))
    assert isinstance(top_right, tuple) and isinstance(top_left, tuple)
    assert top_right[0] > 200 and top_right[2] < 60
    assert top_left[2] > 200 and top_left[0] < 60
    assert Image.open(BytesIO(result.thumbnail)).size == (160, 320)


def zip_bytes() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("run.sh", "echo pwned")
    return out.getvalue()


@pytest.mark.parametrize("tail", [b"<script>alert('polyglot')</script>", zip_bytes()])
def test_bytes_after_the_image_are_gone(tail: bytes) -> None:
    raw = encode(picture(), "JPEG") + tail
    result = process_photo(raw)
    for marker in (b"<script", b"polyglot", b"PK\x03\x04", b"run.sh"):
        assert marker not in result.data
    assert result.data.endswith(b"\xff\xd9")


def test_large_photo_is_scaled_and_gets_a_thumbnail() -> None:
    raw = encode(picture((5000, 3000)), "JPEG", quality=70)
    result = process_photo(raw)
    assert (result.width, result.height) == (MAX_SIDE, 1536)
    assert Image.open(BytesIO(result.data)).size == (MAX_SIDE, 1536)
    assert Image.open(BytesIO(result.thumbnail)).size == (THUMB_SIDE, 192)


def test_multi_picture_jpeg_keeps_only_the_first_picture() -> None:
    # Phones write MPO: a JPEG with more pictures (depth map, preview) after the first.
    second = Image.new("RGB", (300, 200), (0, 255, 0))
    raw = encode(picture((3000, 2000)), "MPO", save_all=True, append_images=[second])
    assert Image.open(BytesIO(raw)).format == "MPO" and raw.count(b"\xff\xd8\xff") == 2
    result = process_photo(raw)
    img = assert_clean(result.data)
    assert img.size == (MAX_SIDE, 1707) and not getattr(img, "is_animated", False)
    assert result.data.count(b"\xff\xd8") == 1  # one picture: one start-of-image marker


def test_small_photo_is_not_enlarged() -> None:
    result = process_photo(encode(picture((120, 80)), "PNG"))
    assert (result.width, result.height) == (120, 80)
    assert Image.open(BytesIO(result.thumbnail)).size == (120, 80)


def palette_with_transparency() -> bytes:
    img = Image.new("P", (40, 40), 0)
    img.putpalette([0, 0, 0, 255, 0, 0])
    img.paste(1, (0, 0, 20, 40))
    return encode(img, "PNG", transparency=0)


@pytest.mark.parametrize(
    ("raw", "mode", "right_half"),
    [
        (palette_with_transparency(), "RGB", (255, 255, 255)),  # transparent -> white
        (encode(Image.new("LA", (40, 40), (0, 0)), "PNG"), "RGB", (255, 255, 255)),
        (encode(Image.new("I;16", (40, 40), 65535), "PNG"), "L", 255),
        (encode(Image.new("CMYK", (40, 40), (0, 0, 0, 0)), "JPEG"), "RGB", (255, 255, 255)),
        (encode(Image.new("1", (40, 40), 1), "PNG"), "RGB", (255, 255, 255)),
    ],
)
def test_other_modes_become_rgb_or_grey(raw: bytes, mode: str, right_half: object) -> None:
    img = Image.open(BytesIO(process_photo(raw).data))
    assert img.mode == mode
    pixel = img.getpixel((30, 20))
    if isinstance(right_half, tuple):
        assert isinstance(pixel, tuple)
        assert all(abs(a - b) <= 3 for a, b in zip(pixel, right_half, strict=True))
    else:
        assert isinstance(pixel, int) and abs(pixel - right_half) <= 3  # type: ignore[operator]


def gif() -> bytes:
    return encode(picture(), "GIF")


@pytest.mark.parametrize(
    "raw",
    [
        b"Dit is geen foto, maar een tekstbestand met de naam foto.jpg\n",
        gif(),
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
        b"",
    ],
    ids=["text", "gif", "svg", "heic", "empty"],
)
def test_other_formats_are_415(raw: bytes) -> None:
    with pytest.raises(ImageRejected) as info:
        process_photo(raw)
    assert info.value.status == 415
    assert "JPEG, PNG or WebP" in info.value.message


@pytest.mark.parametrize("cut", [0.5, 0.05])
def test_truncated_photo_is_422(cut: float) -> None:
    raw = encode(picture((800, 600)), "JPEG")
    with pytest.raises(ImageRejected) as info:
        process_photo(raw[: int(len(raw) * cut)])
    assert info.value.status == 422
    assert "damaged" in info.value.message


def test_corrupt_png_is_422() -> None:
    raw = bytearray(encode(picture(), "PNG"))
    raw[60:80] = b"\x00" * 20  # inside the compressed pixel data: the CRC no longer matches
    with pytest.raises(ImageRejected) as info:
        process_photo(bytes(raw))
    assert info.value.status == 422


def bomb_png(width: int, height: int) -> bytes:
    """A 1-bit grey PNG of this size, written row by row so the test itself stays small."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
            + chunk(b"IEND", b""))


# VmHWM (peak resident memory of this process image) rather than ru_maxrss, which a child
# inherits from its parent across fork + exec on Linux.
PEAK_SCRIPT = """
import re, sys
from api.images import ImageRejected, process_photo
def peak_kb():
    with open("/proc/self/status") as fh:
        return int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))
raw = sys.stdin.buffer.read()
before = peak_kb()
try:
    process_photo(raw)
    status = 200
except ImageRejected as exc:
    status = exc.status
print(status, (peak_kb() - before) // 1024)
"""


@pytest.mark.parametrize(("width", "height"), [(20000, 20000), (8200, 5000)])
def test_decompression_bomb_is_422_without_decoding(width: int, height: int) -> None:
    raw = bomb_png(width, height)
    assert len(raw) < 200_000  # tiny file, huge picture
    with pytest.raises(ImageRejected) as info:
        process_photo(raw)
    assert info.value.status == 422
    assert "too many pixels" in info.value.message
    # In a fresh process: the peak memory growth shows whether pixels were decoded (the
    # 20000x20000 picture alone would need 400 MB).
    done = subprocess.run([sys.executable, "-W", "error", "-c", PEAK_SCRIPT], input=raw,
                          capture_output=True, cwd=ROOT, check=True, timeout=60)
    status, grown_mb = (int(v) for v in done.stdout.split())
    assert status == 422
    assert grown_mb < 30, json.dumps({"peak_growth_mb": grown_mb})


def test_peak_check_would_see_a_decode() -> None:
    # The same measurement on a photo that IS decoded grows by tens of MB, so the bomb test's
    # "< 30 MB" is a real limit and not always true.
    raw = encode(picture((4000, 3000)), "PNG", compress_level=1)
    done = subprocess.run([sys.executable, "-c", PEAK_SCRIPT], input=raw,
                          capture_output=True, cwd=ROOT, check=True, timeout=60)
    status, grown_mb = (int(v) for v in done.stdout.split())
    assert status == 200
    assert grown_mb >= 30


def test_more_than_15_mb_is_413() -> None:
    raw = encode(picture((64, 64)), "PNG")
    with pytest.raises(ImageRejected) as info:
        process_photo(raw + b"\x00" * (MAX_BYTES + 1 - len(raw)))
    assert info.value.status == 413
    assert "15 MB" in info.value.message


# -- the longest side (issue 9: a 39,000,000 x 1 PNG peaked a worker at ~490 MB) ----------------


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The sizes of the images Pillow decodes from a file while the test runs."""
    seen: list[tuple[int, int]] = []
    original = ImageFile.ImageFile.load

    def load(self):  # type: ignore[no-untyped-def]
        seen.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return seen


def test_39_million_by_1_png_is_422_before_decoding(loads: list[tuple[int, int]]) -> None:
    raw = bomb_png(39_000_000, 1)
    assert len(raw) < 10_000 and MAX_PIXELS > 39_000_000  # a small file, under the pixels
    with pytest.raises(ImageRejected) as info:
        process_photo(raw)
    assert (info.value.status, info.value.message) == (422, TOO_LONG)
    assert "12,000 pixels" in info.value.message
    assert loads == []  # refused from the header: no pixel was decoded
    done = subprocess.run([sys.executable, "-W", "error", "-c", PEAK_SCRIPT], input=raw,
                          capture_output=True, cwd=ROOT, check=True, timeout=60)
    status, grown_mb = (int(v) for v in done.stdout.split())
    assert status == 422
    assert grown_mb < 30, json.dumps({"peak_growth_mb": grown_mb})


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
@pytest.mark.parametrize("size", [(MAX_LONG_SIDE + 1, 8), (8, MAX_LONG_SIDE + 1)])
def test_a_side_longer_than_the_limit_is_422(fmt: str, size: tuple[int, int],
                                             loads: list[tuple[int, int]]) -> None:
    with pytest.raises(ImageRejected) as info:
        process_photo(encode(picture(size), fmt))
    assert (info.value.status, info.value.message) == (422, TOO_LONG)
    assert loads == []


def test_a_side_of_exactly_the_limit_is_accepted() -> None:
    result = process_photo(encode(picture((MAX_LONG_SIDE, 8)), "PNG"))
    assert (result.width, result.height) == (MAX_SIDE, 2)


def test_too_many_pixels_is_said_before_too_long(loads: list[tuple[int, int]]) -> None:
    with pytest.raises(ImageRejected) as info:
        process_photo(bomb_png(MAX_LONG_SIDE + 1, MAX_PIXELS // MAX_LONG_SIDE + 1))
    assert (info.value.status, info.value.message) == (422, TOO_MANY_PIXELS)
    assert loads == []


def test_upload_of_a_long_picture_is_422_with_the_reason(auth_client) -> None:
    from tests.factories import assert_error, make_entry, make_logbook, upload_photo

    entry = make_entry(auth_client, make_logbook(auth_client)["id"])
    response = upload_photo(auth_client, entry["id"], bomb_png(39_000_000, 1), "line.png")
    assert assert_error(response, 422)["message"] == TOO_LONG
    assert auth_client.get(f"/api/entries/{entry['id']}").get_json()["photos"] == []
