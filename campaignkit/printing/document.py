"""Producing one material for one region and language: the call every notebook makes."""

from dataclasses import dataclass
from pathlib import Path

from campaignkit import materials, paths
from campaignkit.data.loader import CampaignData, load_campaign
from campaignkit.data.photos import caching_into
from campaignkit.printing import render, reuse
from campaignkit.printing.completeness import missing_items
from campaignkit.printing.findings import Finding, failed
from campaignkit.printing.layout import layout_problems


@dataclass(frozen=True)
class Produced:
    """A PDF written to disk."""

    material: str
    region: str
    lang: str
    path: Path
    pages: int
    reused: bool = False  # the very same page was laid out before (printing/reuse.py)


def output_path(data: CampaignData, material: str, region: str, lang: str, out_dir) -> Path:
    """out_dir/<campaign>/<region or campaign>/<file name>-<lang>.pdf."""
    return materials.get(material).pdf_path(out_dir, data.id, region, lang)


@dataclass(frozen=True)
class Page:
    """What one look of a material is made from, before it is laid out."""

    html: str
    stylesheets: tuple[str, ...]
    branding: object  # the campaign's Branding for the print shop, else None
    items: list  # what its pages must show, checked after layout
    issued: str  # its date, from the inputs: the same inputs give the same bytes

    def key(self, expected: int | None) -> str:
        """What it is made from and what its checks ask, as one hash (printing/reuse.py)."""
        brand = self.branding.model_dump_json() if self.branding else None
        return reuse.key(self.html, self.stylesheets, brand, self.items, self.issued, expected)


def page_of(data: CampaignData, material: str, region: str, lang: str, paper, bleed, look, press):
    """One look of a material (`look`: classes of the page's body from the material's
    `looks`; "compact" sets type a little smaller); `press` makes it for the print shop:
    bleed, CMYK colours (written as PDF/X-4)."""
    kind = materials.get(material)
    data.check_language(lang)
    context = kind.build_context(data, region, lang) | {"look": tuple(look)}
    html = render.render_html(kind.template, context)
    branding = data.campaign.branding if press else None
    sheets = tuple(kind.stylesheets(paper, bleed or press))
    issued = f"{data.campaign.start.isoformat()}T00:00:00+00:00"
    return Page(html, sheets, branding, kind.items(context), issued)


def lay_out(page: Page, root: Path):
    """The laid-out WeasyPrint document of a page."""
    document = render.render_document(page.html, list(page.stylesheets), root, page.branding)
    document.items = page.items
    document.metadata.created = document.metadata.modified = page.issued
    return document


def render_material(
    data: CampaignData,
    material: str,
    region: str,
    lang: str,
    paper=None,
    bleed=False,
    look=(),
    press=False,
):
    """The laid-out WeasyPrint document of one material in one look (see page_of)."""
    return lay_out(page_of(data, material, region, lang, paper, bleed, look, press), data.root)


def expected_pages(data: CampaignData, material: str, region: str) -> int | None:
    kind = materials.get(material)
    expected = kind.expected_pages(data, region)
    return kind.most_pages if expected is None else expected


def problems_of(document, expected: int | None) -> list[Finding]:
    """What the checks after layout find: overflows, missing items, too many pages."""
    problems = layout_problems(document) + missing_items(document, document.items, expected)
    if expected is not None and len(document.pages) > expected:
        found = {"got": len(document.pages), "expected": expected}
        problems.append(Finding("page_count", found))
    return problems


def best_look(
    data: CampaignData, material: str, region: str, lang: str, paper=None, bleed=False, press=False
):
    """(document, problems) of the first of the material's looks that passes its checks (its
    normal size, or compact when that is what it takes to fit), else of the last one tried."""
    expected = expected_pages(data, material, region)
    for look in materials.get(material).looks:
        document = render_material(data, material, region, lang, paper, bleed, look, press)
        problems = problems_of(document, expected)
        if not problems:
            break
    return document, problems


def fitted_document(
    data: CampaignData, material: str, region: str, lang: str, paper, bleed, press=False
):
    """The document in the first look that passes its checks; PreflightFailed if none does."""
    document, problems = best_look(data, material, region, lang, paper, bleed, press)
    if problems:
        raise failed(f"{material} {region} {lang}", problems)
    return document


def fitted_pdf(
    data: CampaignData, material: str, region: str, lang: str, paper, bleed, pages: reuse.Pages
) -> reuse.Look:
    """The PDF of the first look that passes its checks, as fitted_document, each look taken
    from `pages` when the very same page was made before; PreflightFailed if none passes."""
    expected = expected_pages(data, material, region)
    for look_classes in materials.get(material).looks:
        page = page_of(data, material, region, lang, paper, bleed, look_classes, False)
        look_key = page.key(expected)
        look = pages.recall(look_key)
        if look is None:
            document = lay_out(page, data.root)
            problems = problems_of(document, expected)
            pdf = None if problems else render.pdf_bytes(document)
            look = reuse.Look(pdf, len(document.pages), problems)
            pages.keep(look_key, look, document.loaded)
        if not look.problems:
            return look
    raise failed(f"{material} {region} {lang}", look.problems)


def produce(
    material: str,
    campaign: str | Path = paths.DEFAULT_CAMPAIGN,
    region: str = "montreal",
    lang: str = "fr",
    paper: str | None = None,
    bleed: bool = False,
    out_dir: str | Path = paths.OUTPUTS,
    data: CampaignData | None = None,
) -> Produced:
    """Render one material and write its PDF atomically under out_dir, if it passes its checks."""
    data = data or load_campaign(campaign)
    cache = paths.cache_dir(out_dir)
    with caching_into(cache):
        look = fitted_pdf(data, material, region, lang, paper, bleed, reuse.Pages(cache))
    target = output_path(data, material, region, lang, out_dir)
    render.write_atomically(target, look.pdf)
    return Produced(material, region, lang, target, look.pages, look.reused)
