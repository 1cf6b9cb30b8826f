"""Producing one material for one region and language: the call every notebook makes."""

from dataclasses import dataclass
from pathlib import Path

from . import materials, paths, render
from .loader import CampaignData, load_campaign


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
    name = materials.get(material).filename or material
    return paths.region_dir(out_dir, data.id, region) / f"{name}-{lang}.pdf"


def render_material(
    data: CampaignData, material: str, region: str, lang: str, paper=None, bleed=False
):
    """The laid-out WeasyPrint document of one material."""
    kind = materials.get(material)
    data.check_language(lang)
    html = render.render_html(kind.template, kind.build_context(data, region, lang))
    return render.render_document(html, kind.stylesheets(paper, bleed), data.root)


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
    """Render one material and write its PDF atomically under out_dir."""
    data = data or load_campaign(campaign)
    document = render_material(data, material, region, lang, paper, bleed)
    target = output_path(data, material, region, lang, out_dir)
    render.write_atomically(target, render.pdf_bytes(document))
    return Produced(material, region, lang, target, len(document.pages))
