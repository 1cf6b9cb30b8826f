"""Producing one material for one region and language: the call every notebook makes."""

from dataclasses import dataclass
from pathlib import Path

from campaignkit import materials, paths
from campaignkit.data.loader import CampaignData, load_campaign
from campaignkit.data.photos import caching_into
from campaignkit.printing import render
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


def output_path(data: CampaignData, material: str, region: str, lang: str, out_dir) -> Path:
    """out_dir/<campaign>/<region or campaign>/<file name>-<lang>.pdf."""
    return materials.get(material).pdf_path(out_dir, data.id, region, lang)


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
    """The laid-out WeasyPrint document of one material; `look`: classes of the page's body
    from the material's `looks` ("compact" sets type a little smaller), `press` makes it for
    the print shop: bleed, CMYK colours (written as PDF/X-4)."""
    kind = materials.get(material)
    data.check_language(lang)
    context = kind.build_context(data, region, lang) | {"look": tuple(look)}
    html = render.render_html(kind.template, context)
    branding = data.campaign.branding if press else None
    sheets = kind.stylesheets(paper, bleed or press)
    document = render.render_document(html, sheets, data.root, press=branding)
    document.items = kind.items(context)  # what its pages must show, checked after layout
    issued = f"{data.campaign.start.isoformat()}T00:00:00+00:00"  # a date from the inputs
    document.metadata.created = document.metadata.modified = issued
    return document


def best_look(
    data: CampaignData, material: str, region: str, lang: str, paper=None, bleed=False, press=False
):
    """(document, problems) of the first of the material's looks that passes its checks (its
    normal size, or compact when that is what it takes to fit), else of the last one tried."""
    kind = materials.get(material)
    expected = kind.expected_pages(data, region)
    expected = kind.most_pages if expected is None else expected
    for look in kind.looks:
        document = render_material(data, material, region, lang, paper, bleed, look, press)
        problems = layout_problems(document) + missing_items(document, document.items, expected)
        if expected is not None and len(document.pages) > expected:
            found = {"got": len(document.pages), "expected": expected}
            problems.append(Finding("page_count", found))
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
    with caching_into(paths.cache_dir(out_dir)):
        document = fitted_document(data, material, region, lang, paper, bleed)
    target = output_path(data, material, region, lang, out_dir)
    render.write_atomically(target, render.pdf_bytes(document))
    return Produced(material, region, lang, target, len(document.pages))
