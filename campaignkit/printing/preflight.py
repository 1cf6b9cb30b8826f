"""Checks on rendered PDFs before they go to print."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from campaignkit import paths
from campaignkit.printing.findings import Finding
from campaignkit.printing.pdfchecks import Drawing, drawings, pdfx_problems, tag_problems
from campaignkit.text.catalog import word
from campaignkit.text.language import interface_language


@dataclass
class Report:
    """What the checks of one PDF found: errors fail it, warnings are worth a look."""

    path: Path
    pages: int = 0
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, lang: str | None = None) -> str:
        """The report as the command line prints it, in `lang` (the interface language)."""
        lang = lang or interface_language()
        status = "check.report.ok" if self.ok else "check.report.failed"
        lines = [word(status, lang, file=paths.display(self.path), pages=self.pages)]
        lines += [word("check.report.error", lang, text=f.text(lang)) for f in self.errors]
        lines += [word("check.report.warning", lang, text=f.text(lang)) for f in self.warnings]
        return "\n".join(lines)


def unembedded_fonts(pdf: pikepdf.Pdf) -> set[str]:
    """Names of fonts used without their font program embedded."""
    missing = set()
    for page in pdf.pages:
        fonts = (page.obj.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            descriptors = [font, *font.get("/DescendantFonts", [])]
            embedded = any(
                key in (d.get("/FontDescriptor") or {})
                for d in descriptors
                for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if not embedded and font.get("/Subtype") != "/Type3":
                missing.add(str(font.get("/BaseFont")))
    return missing


WARN_PPI, FAIL_PPI = 300, 150


INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")  # the operator of an image written in a content


def pages_with_images(pdf: pikepdf.Pdf) -> list[int]:
    """Indexes of the pages that may draw a raster image: an image among the XObjects of
    what they draw (their own contents, forms, patterns), or an inline image. Only these
    are opened with pdfium: most pages of the kit are text and vectors, and opening them
    cost a build seconds."""
    pages = enumerate(pdf.pages)
    return [index for index, page in pages if any(map(_may_draw_image, drawings(page)))]


def _may_draw_image(drawing: Drawing) -> bool:
    """Whether a drawing names an image among its XObjects or writes one inline."""
    xobjects = (drawing.resources or {}).get("/XObject") or {}
    if any(xobject.get("/Subtype") == "/Image" for xobject in xobjects.values()):
        return True
    return any(INLINE_IMAGE.search(stream.read_bytes()) for stream in drawing.streams)


def image_resolutions(pdf: Path, pages: list[int] | None = None) -> list[tuple[int, float]]:
    """(page number, effective pixels per inch) of every raster image, as printed, on the
    pages of those indexes (all when None)."""
    import pypdfium2.raw as pdfium_c

    from campaignkit.printing.pdfium import open_pdf

    found = []
    if pages == []:
        return found
    with open_pdf(pdf) as document:
        for index in range(len(document)) if pages is None else pages:
            page = document[index]
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                left, bottom, right, top = image.get_bounds()
                width_px, height_px = image.get_px_size()
                inches = max((right - left) / 72, (top - bottom) / 72, 1e-6)
                found.append((index + 1, max(width_px, height_px) / inches))
    return found


def check_images(pdf: Path, report: "Report", pages: list[int] | None = None):
    for number, ppi in image_resolutions(pdf, pages):
        found = {"page": number, "ppi": round(ppi), "minimum": FAIL_PPI, "advised": WARN_PPI}
        if ppi < FAIL_PPI:
            report.errors.append(Finding("image_blurred", found))
        elif ppi < WARN_PPI:
            report.warnings.append(Finding("image_soft", found))


PRINT_SHOP = "print-shop"  # the folder of files for the print shop: PDF/X-4, CMYK
JOB_SHEET = "job-sheet.pdf"  # in that folder, but read on screen by the shop


def for_press(pdf: Path) -> bool:
    """A file of the print-shop bundle, to be printed: checked as PDF/X-4 in CMYK."""
    return PRINT_SHOP in pdf.parent.parts and pdf.name != JOB_SHEET


def preflight_file(
    pdf: str | Path,
    expected_pages: int | None = None,
    bleed: bool = False,
    press: bool | None = None,
) -> Report:
    """Check one PDF: readable, page count, fonts embedded, image resolution, bleed boxes;
    then as a print-shop file (`press`, by default for files in print-shop/: PDF/X-4,
    CMYK only, trim and bleed boxes) or as a screen file (tagged, language, title, alt)."""
    report = Report(Path(pdf))
    try:
        opened = pikepdf.open(pdf)
    except (OSError, pikepdf.PdfError) as error:
        report.errors.append(Finding("unreadable", {"error": str(error)}))
        return report
    with opened:
        report.pages = len(opened.pages)
        if report.pages == 0:
            report.errors.append(Finding("no_page"))
        if expected_pages is not None and report.pages != expected_pages:
            found = {"got": report.pages, "expected": expected_pages}
            report.errors.append(Finding("page_count", found))
        for name in sorted(unembedded_fonts(opened)):
            report.errors.append(Finding("font_not_embedded", {"font": name}))
        check_images(Path(pdf), report, pages_with_images(opened))
        press = for_press(Path(pdf)) if press is None else press
        report.errors += pdfx_problems(opened) if press else tag_problems(opened)
        if bleed and not press:
            report.errors += trim_and_bleed_problems(opened)
    return report


def trim_and_bleed_problems(pdf: pikepdf.Pdf) -> list[Finding]:
    """Pages without their own trim and bleed boxes (asked for with --bleed)."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        media, trim, bleed = (
            list(map(float, box)) for box in (page.mediabox, page.trimbox, page.bleedbox)
        )
        if trim == media or bleed == trim:
            problems.append(Finding("no_boxes", {"page": number}))
    return problems
