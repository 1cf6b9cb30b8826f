"""Reading back the PDFs the kit writes, for assertions."""

import re
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or one page), with every kind of space folded to a plain one."""
    reader = PdfReader(str(path))
    pages = reader.pages if page is None else [reader.pages[page]]
    text = "\n".join(p.extract_text() for p in pages)
    return re.sub(r"[ \u00a0\u202f\u2009]+", " ", text)


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def page_size_in(path: Path, page: int = 0) -> tuple[float, float]:
    box = PdfReader(str(path)).pages[page].mediabox
    return round(float(box.width) / 72, 2), round(float(box.height) / 72, 2)


def pdf_fonts(path: Path) -> set[str]:
    """The fonts a PDF uses, without their subset prefix (`ABCDEF+Kit-Sans` → `Kit-Sans`)."""
    fonts = set()
    for page in PdfReader(str(path)).pages:
        for font in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return fonts


def largest_image_side(path: Path) -> int:
    """The long side, in pixels, of the largest raster image in a PDF (0 when there is none)."""
    sides = [max(image.image.size) for page in PdfReader(str(path)).pages for image in page.images]
    return max(sides, default=0)


def printed(text: str, lang: str) -> str:
    """A text from the data as the PDF shows it: the language's typography, spaces folded."""
    from campaignkit.text.typography import typeset_text

    return re.sub(r"[ \u00a0\u202f\u2009]+", " ", typeset_text(text, lang))


def same_pixels(pdf: bytes, other: bytes, page: int = 0, dpi: int = 50) -> bool:
    """Whether a page of two PDFs renders to the very same pixels (pypdfium2)."""
    from io import BytesIO

    from PIL import Image, ImageChops

    from campaignkit.printing.preview import pdf_page_png

    one, two = (
        Image.open(BytesIO(pdf_page_png(p, page, dpi))).convert("RGB") for p in (pdf, other)
    )
    return one.size == two.size and ImageChops.difference(one, two).getbbox() is None
