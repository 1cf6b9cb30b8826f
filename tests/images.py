"""Test photos made with Pillow: real JPEG and PNG files, and files that only pretend to be."""

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw


def photo(path: Path, size=(600, 660), kind: str = "JPEG") -> Path:
    """A small picture with shapes in it (not one flat colour), saved as `kind`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "#3366aa")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse((width // 4, height // 6, 3 * width // 4, height // 2), fill="#f2c6a0")
    draw.rectangle((width // 5, height // 2, 4 * width // 5, height), fill="#222222")
    image.save(path, kind)
    return path


def with_photo(campaign_copy, size, kind="JPEG", name="ana.jpg") -> Path:
    """The mini campaign copy with a photo of case ana (made, or made again, at `size`)."""
    photo(campaign_copy.root / "photos" / name, size=size, kind=kind)
    case = campaign_copy.root / "cases" / "ana.yaml"
    if "photo: null" in case.read_text(encoding="utf-8"):
        credit = "credit: {fr: Essai, en: Test}, alt: {fr: A, en: A}"
        photo_line = f"photo: {{file: photos/{name}, {credit}}}"
        campaign_copy.edit("cases/ana.yaml", "photo: null", photo_line)
    return campaign_copy.root


def truncated(path: Path) -> Path:
    """A PNG cut in half, as an interrupted download leaves it."""
    photo(path, kind="PNG")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def claimed_size_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims `width` × `height` pixels: what a huge photo looks like
    to a reader that checks sizes before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    data += chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="300" height="330">
  <image xlink:href="https://example.org/tracker.png" width="300" height="330"/>
  <image href="file:///etc/passwd" width="10" height="10"/>
</svg>
"""
