"""Draw the Houvast app icons with Pillow into pwa/icons/ (`make icons`).

The mark: a calm teal tile with a white arch over a dot — a person under a sheltering
roof, something to hold on to ("houvast"). Drawn four times larger and scaled down for smooth
edges. The maskable icon fills the whole square and keeps the mark inside the central safe
circle (80 %).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "pwa" / "icons"
TEAL = (31, 95, 91, 255)
SAND = (247, 245, 240, 255)
SCALE = 4


def draw_mark(draw: ImageDraw.ImageDraw, size: int, box: float) -> None:
    """The arch and the dot, fitted in a centred square of `box` times `size`."""
    side = size * box
    left = (size - side) / 2
    top = (size - side) / 2
    width = side * 0.13
    post_h = side * 0.62
    post_top = top + side * 0.30
    for x in (left + side * 0.16, left + side * 0.84 - width):
        draw.rounded_rectangle((x, post_top, x + width, post_top + post_h), radius=width / 2,
                               fill=SAND)
    # The roof: an arc joining both posts.
    arc_box = (left + side * 0.16, top + side * 0.08, left + side * 0.84, top + side * 0.62)
    draw.arc(arc_box, start=180, end=360, fill=SAND, width=round(width))
    dot = side * 0.09
    cx, cy = left + side / 2, top + side * 0.66
    draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=SAND)


def icon(size: int, *, maskable: bool) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=TEAL)
        draw_mark(draw, big, box=0.5)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.22, fill=TEAL)
        draw_mark(draw, big, box=0.68)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def badge(size: int) -> Image.Image:
    """The mark alone, white on transparent: Android shows notification badges as a silhouette."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw_mark(ImageDraw.Draw(image), big, box=0.95)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "icon-192.png": icon(192, maskable=False),
        "icon-512.png": icon(512, maskable=False),
        "icon-maskable-512.png": icon(512, maskable=True),
        "apple-touch-icon-180.png": icon(180, maskable=True).convert("RGB"),
        "favicon-32.png": icon(32, maskable=False),
        "badge-96.png": badge(96),
    }
    for name, image in outputs.items():
        image.save(OUT / name, optimize=True)
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
