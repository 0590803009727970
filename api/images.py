"""Photo intake: check an upload, strip everything but the pixels, scale it, make a thumbnail.

A photo from a phone carries more than the picture: GPS position, the device, time stamps,
comments, colour profiles, XMP, and sometimes bytes appended after the image (a polyglot that
is also a script or a ZIP). Houvast keeps only the pixels: the image is decoded, turned upright
from its EXIF orientation, copied into a NEW image (which has no metadata) and encoded again.

Decisions:
- Accepted: JPEG, PNG and WebP, recognised by their first bytes (the file name and the
  declared type are ignored). Anything else (GIF, SVG, HEIC, text) -> 415.
- Output is always JPEG (`image/jpeg`, quality 85, baseline with optimised Huffman tables):
  one format for the PWA, the PDF export and storage. (Progressive encoding cost three times
  the CPU of the whole encode for ~4% fewer bytes.) Transparency is flattened onto white (a
  logbook photo or screenshot has no use for it), palette and grey-alpha images become RGB,
  16-bit grey becomes 8-bit, CMYK becomes RGB. Only the first picture is kept (animated
  PNG/WebP, multi-picture JPEG).
- Size limits: more than MAX_BYTES -> 413; more than MAX_PIXELS, or a side longer than
  MAX_LONG_SIDE, by the header -> 422 before any pixel is decoded (a 39,000,000 x 1 PNG is
  under MAX_PIXELS but peaked a worker at ~490 MB, and scaled to MAX_SIDE it would be a line).
  Pillow's own decompression-bomb check is set to MAX_PIXELS as a second line; big JPEGs are
  decoded at a reduced scale (`draft`) so a 12-megapixel photo costs tens, not hundreds, of
  megabytes.
- Scaling down uses BICUBIC (Pillow's default for thumbnails): at these ratios it looks the
  same as LANCZOS and costs about half. A print copy (`print_side`) is made from the same
  decoded pixels, so the photo is decoded once.

`process_photo` needs no Flask app; routes map ImageRejected to an error with its status.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps

from api.domain import DomainError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_LONG_SIDE = 12_000  # a 48-megapixel phone photo is 8000 x 6000
MAX_SIDE = 2560
THUMB_SIDE = 320
JPEG_QUALITY = 85
PRINT_QUALITY = 75
MIME = "image/jpeg"

# Pillow raises DecompressionBombError above twice this, and warns above it (the warning is
# mapped to 422 too when warnings are errors, as in the tests).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

TOO_MANY_PIXELS = "This photo has too many pixels. Please send a smaller photo."
TOO_LONG = (f"This picture is too long or too wide: at most {MAX_LONG_SIDE:,} pixels on its "
            "longest side. Please send a smaller copy, or a long screenshot in parts.")
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


class ImageRejected(DomainError):
    """The upload is not a photo Houvast accepts (413, 415 or 422); `.message` tells why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status  # type: ignore[misc]  # this error's status varies per case


@dataclass
class ProcessedImage:
    data: bytes  # JPEG, at most MAX_SIDE on the long side, no metadata
    thumbnail: bytes  # JPEG, at most THUMB_SIDE on the long side
    width: int
    height: int
    mime: str  # always "image/jpeg"
    original_sha256: str  # of the upload as received, before any change
    print_data: bytes | None = None  # JPEG, at most `print_side` on the long side, if asked


def _looks_allowed(raw: bytes) -> bool:
    return raw.startswith(_MAGIC) or (raw[:4] == b"RIFF" and raw[8:12] == b"WEBP")


def _to_rgb_or_grey(img: Image.Image) -> Image.Image:
    """A loaded image in a mode JPEG can store ("RGB" or "L"), transparency on white."""
    if img.mode in ("RGB", "L"):
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        return img.convert("I").point(lambda v: v / 256).convert("L")  # 16 -> 8 bits
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return img.convert("RGB")  # CMYK, YCbCr, F and the rest


def _fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    scale = min(1.0, side / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _encode(img: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    out = BytesIO()
    # No exif/icc_profile/comment/xmp arguments: the new image carries nothing to write.
    img.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _scaled(img: Image.Image, side: int) -> Image.Image:
    small = img.copy()
    # reducing_gap=1: shrink by whole factors with a box average first (2560 -> 1280 or 320 is
    # only that), which costs a fraction of resampling every pixel.
    small.thumbnail((side, side), Image.Resampling.BICUBIC, reducing_gap=1.0)
    return small


def _decode(raw: bytes) -> Image.Image:
    """Open, check the header size, decode (reduced for big JPEGs), scale, turn upright."""
    try:
        img = Image.open(BytesIO(raw), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(422, TOO_MANY_PIXELS) from exc
    # The header's size, before anything is decoded.
    if img.width * img.height > MAX_PIXELS:
        raise ImageRejected(422, TOO_MANY_PIXELS)
    if max(img.size) > MAX_LONG_SIDE:
        raise ImageRejected(422, TOO_LONG)
    if img.format in ("JPEG", "MPO"):  # MPO: a phone's JPEG with extra pictures appended
        img.draft(None, _fit(img.size, MAX_SIDE))  # decode at 1/2, 1/4 or 1/8 when enough
    img.load()
    if img.mode in ("P", "1"):  # resizing these would fall back to nearest-neighbour
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BICUBIC)
    return ImageOps.exif_transpose(img)


def process_photo(raw: bytes, print_side: int | None = None) -> ProcessedImage:
    """Check and clean an uploaded photo; with `print_side`, also a smaller copy for print.

    :raise ImageRejected: 413, 415 or 422.
    """
    if len(raw) > MAX_BYTES:
        raise ImageRejected(413, "This photo is larger than 15 MB. Please send a smaller photo.")
    if not _looks_allowed(raw):
        raise ImageRejected(
            415, "This file is not a photo Houvast can store. Please send a JPEG, PNG or WebP."
        )
    try:
        img = _decode(raw)
    except ImageRejected:
        raise
    except Exception as exc:  # any decoder failure on untrusted bytes is a 422, never a 500
        raise ImageRejected(
            422, "This photo cannot be read; the file may be damaged. Please try another photo."
        ) from exc
    upright = _to_rgb_or_grey(img)
    # A brand-new image gets only the pixels: no EXIF, ICC, XMP, comments or trailing bytes.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    return ProcessedImage(
        data=_encode(clean),
        thumbnail=_encode(_scaled(clean, THUMB_SIDE)),
        print_data=None if print_side is None else _encode(_scaled(clean, print_side),
                                                           PRINT_QUALITY),
        width=clean.width,
        height=clean.height,
        mime=MIME,
        original_sha256=hashlib.sha256(raw).hexdigest(),
    )
