"""Which characters the kit's fonts can draw: checked at validation and after layout.

Reads font files only (fontTools), so `campaignkit check` can name a character no shipped
font has without loading the renderer.
"""

import unicodedata
from functools import cache

from fontTools.ttLib import TTFont

from campaignkit import paths

# Characters that are never drawn: line breaks, soft hyphen, joiners, direction marks.
IGNORED = frozenset(
    "\n\r\t\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
    "\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufe0e\ufe0f"
)


@cache
def font_files() -> list:
    """The shipped fonts, smallest first: the large fallback font is read only when a text
    has a character the others lack (it takes most of the time of reading them all)."""
    return sorted(paths.FONTS.glob("*.[ot]tf"), key=lambda font: font.stat().st_size)


@cache
def font_points(font) -> frozenset[int]:
    """The code points one font file can draw."""
    return frozenset(TTFont(font, lazy=True).getBestCmap())


@cache
def covered_characters() -> frozenset[int]:
    """Every code point the shipped fonts can draw."""
    return frozenset().union(*(font_points(font) for font in font_files()))


def missing_characters(text: str) -> list[str]:
    """The characters of `text` that no shipped font can draw, each once, in order."""
    left = {ord(char) for char in text if char not in IGNORED}
    for font in font_files():
        if not left:
            return []
        left -= font_points(font)
    return list(dict.fromkeys(char for char in text if ord(char) in left))


def describe(chars: list[str], most: int = 5) -> str:
    """`« 😀 » U+1F600 GRINNING FACE, …` — what to look for in the file."""
    shown = []
    for char in chars[:most]:
        name = unicodedata.name(char, "").lower()
        visible = char if unicodedata.category(char)[0] != "C" else ""
        shown.append(f"« {visible} » U+{ord(char):04X}" + (f" {name}" if name else ""))
    more = f" (+{len(chars) - most})" if len(chars) > most else ""
    return ", ".join(shown) + more
