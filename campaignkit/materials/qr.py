"""QR codes as vector SVG (segno), ready to inline in a page."""

import io

import segno


def qr_svg(url: str, dark: str = "#000000") -> str:
    """An SVG element encoding `url`, scaled by its container."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, dark=dark, border=2
    )
    return buffer.getvalue().decode("utf-8")
