"""Page images for notebooks and the editor (pypdfium2)."""

from pathlib import Path

import pypdfium2


def page_png(pdf: str | Path, page: int = 0, dpi: int = 50) -> bytes:
    """One page of a PDF file as PNG bytes."""
    import io

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def show(produced, page: int = 0, dpi: int = 50):
    """A notebook image of a produced PDF's page."""
    from IPython.display import Image

    return Image(data=page_png(produced.path, page, dpi))
