"""What a shared link shows: short page titles, Open Graph data and a social card per page.

The card is a PNG drawn at build time with Pillow from the site's colours and the
page's title (no third-party service); the same title always gives the same bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CARD_SIZE = (1200, 630)
TEAL, DARK_TEAL, RUST, WHITE = "#0b5563", "#073b45", "#a63d00", "#ffffff"
# A system font; Debian's fonts-dejavu-core comes with the desktop and with LibreOffice.
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
LOCALES = {"pl": "pl_PL", "en": "en_GB"}


def short_title(title: str) -> str:
    """A title that fits a phone's tab and a search result: the part before a dash or a bracket.

    "ETHOS – the European Typology of …" gives "ETHOS"; "Najpierw mieszkanie (Housing First)"
    gives "Najpierw mieszkanie"; a title without either is kept whole."""
    head = re.split(r"\s[–—-]\s|\s\(|:\s", title, maxsplit=1)[0].strip()
    return head if len(head) >= 4 else title


def page_title(title: str | None, site_name: str) -> str:
    """The ``<title>``: the short page title first, the site's short name last."""
    site = short_title(site_name)
    return f"{short_title(title)} – {site}" if title else site_name


def locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int
) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_card(title: str, site_name: str, target: Path) -> None:
    """A 1200×630 PNG: the page's title large on the site's teal, the site's name below a rust rule."""
    image = Image.new("RGB", CARD_SIZE, TEAL)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, CARD_SIZE[1] - 120, CARD_SIZE[0], CARD_SIZE[1]), fill=DARK_TEAL)
    draw.rectangle((80, 90, 200, 100), fill=RUST)
    for size in (72, 60, 50, 42):  # the largest size at which the title fits in four lines
        font = _font(size)
        lines = _wrap(draw, title, font, CARD_SIZE[0] - 160)
        if len(lines) <= 4:
            break
    lines = lines[:4]
    y = 140
    for line in lines:
        draw.text((80, y), line, font=font, fill=WHITE)
        y += int(size * 1.25)
    name_size = next(
        (n for n in (34, 30, 26, 22) if draw.textlength(site_name, font=_font(n)) <= CARD_SIZE[0] - 160), 20
    )
    draw.text((80, CARD_SIZE[1] - 60), site_name, font=_font(name_size), fill=WHITE, anchor="lm")
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, format="PNG", optimize=True)


def robots_txt(site_url: str | None) -> str:
    """Every page may be indexed; the sitemap (with each page's language alternates) is named."""
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text
