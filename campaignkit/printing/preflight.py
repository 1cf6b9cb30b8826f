"""Checks on rendered PDFs before they go to print."""

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from campaignkit import paths
from campaignkit.printing.pdfchecks import pdfx_problems, tag_problems


@dataclass
class Report:
    path: Path
    pages: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        status = "OK" if self.ok else "FAIL"
        lines = [f"{status} {paths.display(self.path)} ({self.pages} page(s))"]
        lines += [f"  error: {text}" for text in self.errors]
        lines += [f"  warning: {text}" for text in self.warnings]
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


def image_resolutions(pdf: Path) -> list[tuple[int, float]]:
    """(page number, effective pixels per inch) of every raster image, as printed."""
    import pypdfium2.raw as pdfium_c

    from campaignkit.printing.pdfium import open_pdf

    found = []
    with open_pdf(pdf) as document:
        for number, page in enumerate(document, start=1):
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                left, bottom, right, top = image.get_bounds()
                width_px, height_px = image.get_px_size()
                inches = max((right - left) / 72, (top - bottom) / 72, 1e-6)
                found.append((number, max(width_px, height_px) / inches))
    return found


def check_images(pdf: Path, report: "Report"):
    for number, ppi in image_resolutions(pdf):
        if ppi < FAIL_PPI:
            report.errors.append(f"page {number}: image at {ppi:.0f} ppi (at least {FAIL_PPI})")
        elif ppi < WARN_PPI:
            report.warnings.append(f"page {number}: image at {ppi:.0f} ppi ({WARN_PPI} advised)")


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
        report.errors.append(f"unreadable PDF: {error}")
        return report
    with opened:
        report.pages = len(opened.pages)
        if report.pages == 0:
            report.errors.append("no page")
        if expected_pages is not None and report.pages != expected_pages:
            report.errors.append(f"{report.pages} page(s), expected {expected_pages}")
        for name in sorted(unembedded_fonts(opened)):
            report.errors.append(f"font not embedded: {name}")
        check_images(Path(pdf), report)
        press = for_press(Path(pdf)) if press is None else press
        report.errors += pdfx_problems(opened) if press else tag_problems(opened)
        if bleed and not press:
            report.errors += trim_and_bleed_problems(opened)
    return report


def trim_and_bleed_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Pages without their own trim and bleed boxes (asked for with --bleed)."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        media, trim, bleed = (
            list(map(float, box)) for box in (page.mediabox, page.trimbox, page.bleedbox)
        )
        if trim == media or bleed == trim:
            problems.append(f"page {number}: no trim and bleed boxes")
    return problems
