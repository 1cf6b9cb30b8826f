"""QR codes as vector SVG (segno), ready to inline in a page."""

import io
from functools import lru_cache

import segno
from markupsafe import escape


@lru_cache(maxsize=512)  # the same few addresses on every page and region of a build
def qr_svg(url: str, title: str = "", dark: str = "#000") -> str:
    """An SVG element encoding `url`, scaled by its container, with `title` as its text
    alternative and `data-qr` naming what it encodes; `dark` is any CSS colour."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=2, title=title or None
    )
    svg = buffer.getvalue().decode("utf-8").replace('stroke="#000"', f'stroke="{escape(dark)}"')
    return svg.replace("<svg ", f'<svg role="img" fill="none" data-qr="{escape(url)}" ', 1)
