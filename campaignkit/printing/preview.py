"""Page images for notebooks and the editor (pypdfium2), from PDF files or rendered in memory."""

from pathlib import Path

from campaignkit.printing.pdfium import open_pdf

# zlib level of every PNG the kit writes, for the same pixels. Level 3 against the usual 6:
# the sample's social images in 4.2 s instead of 6.4 s (15 % larger); build thumbnails
# 1.8 ms instead of 3.1 ms each (15 % smaller); editor previews 1.6 ms instead of 4 ms
# each (17 % larger).
PNG_LEVEL = 3


def png_bytes(picture) -> bytes:
    """A PIL image as PNG bytes."""
    import io

    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=PNG_LEVEL)
    return buffer.getvalue()


def page_png(pdf: str | Path, page: int = 0, dpi: int = 50) -> bytes:
    """One page of a PDF file as PNG bytes."""
    return pdf_page_png(Path(pdf).read_bytes(), page, dpi)


def show(produced, page: int = 0, dpi: int = 50):
    """A notebook image of a produced PDF's page."""
    from IPython.display import Image

    return Image(data=page_png(produced.path, page, dpi))


def pdf_page_png(pdf: bytes, page: int = 0, dpi: int = 60, colors: int | None = None) -> bytes:
    """One page of PDF bytes as PNG bytes, nothing written to disk; with `colors`, a palette
    of at most that many colours (256: a third of the bytes, no difference seen on screen)."""
    from PIL import Image

    with open_pdf(pdf) as document:
        image = document[min(page, len(document) - 1)].render(scale=dpi / 72).to_pil()
    if colors:
        image = image.convert("RGB").quantize(colors, method=Image.Quantize.FASTOCTREE)
    return png_bytes(image)


# Typeset pages hold ’ « » and no-break spaces where the data has ' " and spaces.
_TYPED = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


def searchable(text: str) -> str:
    """Text as typed and as typeset alike: straight quotes, one plain space between words."""
    return " ".join(text.translate(_TYPED).split())


def page_showing(pdf: bytes, text: str | None) -> int:
    """The first page whose text holds `text` (0 when none does, or no text is given)."""
    if not text:
        return 0
    wanted = searchable(text)
    with open_pdf(pdf) as document:
        for index in range(len(document)):
            page_text = document[index].get_textpage().get_text_range()
            if wanted in searchable(page_text):
                return index
    return 0


def material_png(
    data, material: str, region: str, lang: str, focus=None, dpi: int = 60, colors=None
):
    """The page of a material that shows `focus` (a case's name…), rendered in-process as PNG,
    in the look the build would print (the page as laid out, even when it fails its checks).

    WeasyPrint's fonts and stylesheets stay loaded between calls (render.py caches them),
    so after the first call a poster takes a fraction of a second.
    """
    from campaignkit.printing.document import best_look
    from campaignkit.printing.render import pdf_bytes

    pdf = pdf_bytes(best_look(data, material, region, lang)[0])
    return pdf_page_png(pdf, page_showing(pdf, focus), dpi, colors)


def latency(data, material="poster", region=None, lang="fr", runs: int = 20) -> list[float]:
    """Seconds each of `runs` in-process preview renders took (after one warm-up render)."""
    import time

    region = region or next(iter(data.regions))
    material_png(data, material, region, lang)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        material_png(data, material, region, lang)
        times.append(time.perf_counter() - start)
    return times
