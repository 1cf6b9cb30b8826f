"""Writing print-shop PDFs: PDF/X-4, crop marks in a slug outside the bleed, same bytes
from the same inputs."""

import hashlib
import io
import re
import uuid

import pikepdf

SLUG = 0.375 * 72  # pt of paper beyond the bleed, where the crop marks are drawn
MARK_GAP = 0.0625 * 72  # pt between the bleed box and a crop mark
MARK_WIDTH = 0.25  # pt: hairline marks
DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def write_pdfx(document, source: str, profile: bytes, marks: bool = True) -> bytes:
    """PDF/X-4 bytes of a press-ready document (see render.render_document(press=…)), with
    `profile` (the press ICC profile's bytes) as its output intent."""
    data = document.write_pdf(pdf_variant="pdf/x-4")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _fix_document_id(pdf, source)
        _embed_profile_as_shipped(pdf, profile)
        pdf.docinfo.GTS_PDFXVersion = "PDF/X-4"
        for page in pdf.pages:
            if marks:
                _add_crop_marks(page)
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True, fix_metadata_version=False)
    return output.getvalue()


def _fix_document_id(pdf: pikepdf.Pdf, source: str):
    """WeasyPrint's XMP document id is random, and the file id hashes bytes that hold the
    time: make both the same for the same inputs."""
    metadata = pdf.Root.Metadata
    seed = hashlib.sha256(source.encode("utf-8")).hexdigest()
    fixed = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'campaignkit:' + seed)}".encode()
    metadata.write(DOCUMENT_ID.sub(fixed, metadata.read_bytes()))
    first = pikepdf.String(bytes.fromhex(seed[:32]))
    pdf.trailer.ID = pikepdf.Array([first, first])  # saving recomputes the second from content


def _embed_profile_as_shipped(pdf: pikepdf.Pdf, profile: bytes):
    """littleCMS writes the profile again with today's date in it: embed the file itself."""
    intent = pdf.Root.OutputIntents[0]
    intent.DestOutputProfile.write(profile)


def _box(page, name: str) -> list[float]:
    return [float(value) for value in page.obj[name]]


def _add_crop_marks(page):
    """Widen the page by a slug around the bleed and draw the trim's crop marks there,
    in black ink only, never inside the bleed."""
    left, bottom, right, top = _box(page, "/TrimBox")
    b_left, b_bottom, b_right, b_top = _box(page, "/BleedBox")
    media = [b_left - SLUG, b_bottom - SLUG, b_right + SLUG, b_top + SLUG]
    page.obj.MediaBox = pikepdf.Array(media)
    lines = []
    for x in (left, right):  # vertical marks, above and below the bleed
        lines.append((x, media[1], x, b_bottom - MARK_GAP))
        lines.append((x, b_top + MARK_GAP, x, media[3]))
    for y in (bottom, top):  # horizontal marks, left and right of the bleed
        lines.append((media[0], y, b_left - MARK_GAP, y))
        lines.append((b_right + MARK_GAP, y, media[2], y))
    path = " ".join(f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l" for x1, y1, x2, y2 in lines)
    marks = f"q 0 0 0 1 K {MARK_WIDTH} w [] 0 d {path} S Q\n".encode()
    page.contents_coalesce()
    content = page.obj.Contents
    content.write(b"q\n" + content.read_bytes() + b"\nQ\n" + marks)
