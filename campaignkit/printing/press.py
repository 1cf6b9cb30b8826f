"""Colour for the print shop: every colour of a page as CMYK ink, photos included.

Brand colours take the CMYK that campaign.yaml gives them; greys (black text and rules
among them) become black ink only; any other colour goes through the press profile.
"""

import base64
import io
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from PIL import Image, ImageCms
from weasyprint.urls import URLFetcherResponse

from campaignkit import paths
from campaignkit.data.models import Branding
from campaignkit.printing.fetcher import FolderFetcher

PROFILE = paths.TEMPLATES / "press" / "GRACoL-TR006.icc"
HEX = re.compile(r"(?<!url\()#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
STYLE_OR_SVG = re.compile(r"<(style|svg)\b.*?</\1>", re.S)
NAMED = re.compile(  # the colour keywords pages and charts use, where a colour is expected
    r"((?:fill|stroke|stop-color|flood-color|color|background(?:-color)?)\s*[:=]\s*[\"']?)"
    r"(black|white)\b"
)
KEYWORDS = {"black": (0, 0, 0), "white": (255, 255, 255)}
SVG_WITHOUT_FILL = re.compile(r"<svg\b(?![^>]*\sfill=)")  # SVG fills black by default
JPEG_QUALITY = 92


@cache
def _to_press():
    """littleCMS's transform from sRGB to the press profile's CMYK."""
    press = ImageCms.getOpenProfile(str(PROFILE))
    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"), press, "RGB", "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC
    )


def _rgb(hex_digits: str) -> tuple[int, int, int]:
    if len(hex_digits) == 3:
        hex_digits = "".join(digit * 2 for digit in hex_digits)
    return tuple(int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))


def cmyk(rgb: tuple[int, int, int], branding: Branding) -> tuple[float, ...]:
    """Percent of C, M, Y, K ink for an sRGB colour."""
    for colour in branding.colours().values():
        if _rgb(colour.rgb[1:]) == rgb:
            return colour.cmyk
    if rgb[0] == rgb[1] == rgb[2]:  # grey: black ink only, never four-colour black
        return (0, 0, 0, round(100 - rgb[0] * 100 / 255, 1))
    pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), _to_press())
    return tuple(round(ink * 100 / 255, 1) for ink in pixel.getpixel((0, 0)))


def device_cmyk(rgb: tuple[int, int, int], branding: Branding) -> str:
    return "device-cmyk({:g}% {:g}% {:g}% {:g}%)".format(*cmyk(rgb, branding))


def press_css(text: str, branding: Branding) -> str:
    """CSS or SVG with each colour written as the CMYK ink that prints it, the default black
    fill of SVG drawings included."""
    text = HEX.sub(lambda match: device_cmyk(_rgb(match.group(1)), branding), text)
    text = NAMED.sub(
        lambda match: match.group(1) + device_cmyk(KEYWORDS[match.group(2)], branding), text
    )
    black = device_cmyk(KEYWORDS["black"], branding)
    return SVG_WITHOUT_FILL.sub(f'<svg fill="{black}"', text)


def press_html(html: str, branding: Branding) -> str:
    """A page with the colours of its <style> and inline <svg> elements as CMYK."""
    return STYLE_OR_SVG.sub(lambda match: press_css(match.group(0), branding), html)


def press_image(data: bytes) -> bytes:
    """A photo or logo as a CMYK JPEG, through the press profile."""
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")  # transparency onto white, palettes and greys expanded
        converted = ImageCms.applyTransform(image, _to_press())
    buffer = io.BytesIO()
    converted.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


class PressFetcher(FolderFetcher):
    """The folder fetcher, serving stylesheets, SVG and photos in CMYK."""

    def __init__(self, branding: Branding, *folders: Path):
        super().__init__(*folders)
        self.branding = branding

    def fetch(self, url, headers=None):
        if url.startswith("data:image/svg+xml;base64,"):
            svg = base64.b64decode(url.split(",", 1)[1]).decode("utf-8")
            body = press_css(svg, self.branding).encode("utf-8")
            return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/svg+xml"})
        response = super().fetch(url, headers)
        suffix = Path(unquote(urlparse(url).path)).suffix.lower()
        if suffix in (".css", ".svg"):
            text = press_css(response.read().decode("utf-8"), self.branding)
            kind = "text/css" if suffix == ".css" else "image/svg+xml"
            body = text.encode("utf-8")
            return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
        if suffix in (".jpg", ".jpeg", ".png"):
            body = press_image(response.read())
            return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/jpeg"})
        return response
