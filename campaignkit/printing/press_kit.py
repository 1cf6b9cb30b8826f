"""The press and mailing kit a notebook asks for: press release, social images (the PDF,
then each page as a PNG of exactly its pixel size), labels and mailing kit; for the campaign,
its mailing kit and postage.csv."""

from pathlib import Path

from campaignkit import materials, paths
from campaignkit.data.loader import CampaignData, load_campaign
from campaignkit.files import write_atomically
from campaignkit.materials.mailing_kit import export_postage
from campaignkit.materials.social import FORMATS, image_names
from campaignkit.printing.document import produce
from campaignkit.printing.findings import Finding, failed
from campaignkit.printing.pdfium import open_pdf
from campaignkit.printing.preview import png_bytes

REGION_KIT = ("press-release", "social", "labels", "mailing-kit")
CAMPAIGN_KIT = ("campaign-mailing-kit",)
PX_PER_PT = 96 / 72  # CSS px per PDF point: the image pages are sized in px


def page_images(pdf: Path, sizes: list[tuple[int, int]]) -> list[bytes]:
    """Every page of a PDF as PNG bytes, one CSS px to one pixel, each checked to be exactly
    its expected size (PreflightFailed otherwise, and nothing written)."""
    images, problems = [], []
    with open_pdf(pdf) as document:
        for number, (page, size) in enumerate(zip(document, sizes, strict=True), start=1):
            picture = page.render(scale=PX_PER_PT).to_pil()
            if picture.size != size:
                found = {"image": number, "got": str(picture.size), "expected": str(size)}
                problems.append(Finding("image_size", found))
            images.append(png_bytes(picture))
    if problems:
        raise failed(paths.display(pdf), problems)
    return images


def write_social_images(data: CampaignData, produced) -> list[Path]:
    """The social PDF's pages as PNGs beside it; older images of that language are removed."""
    names = image_names(data, produced.region, produced.lang)
    sizes = [FORMATS[name.rsplit("-", 1)[1].removesuffix(".png")] for name in names]
    folder = produced.path.parent
    written = [
        write_atomically(folder / name, png)
        for name, png in zip(names, page_images(produced.path, sizes), strict=True)
    ]
    for shape in FORMATS:
        for old in folder.glob(f"*-{produced.lang}-{shape}.png"):
            if old not in written:
                old.unlink()
    return written


def produce_press_kit(
    campaign: str | Path = paths.DEFAULT_CAMPAIGN,
    region: str = "montreal",
    lang: str = "fr",
    paper: str = "letter",
    out_dir: str | Path = paths.OUTPUTS,
    materials_wanted=REGION_KIT + CAMPAIGN_KIT,
    data: CampaignData | None = None,
) -> list:
    """The kit's materials for a region (or `campaign`): the PDFs, then the files made
    from them (PNGs, postage.csv)."""
    data = data or load_campaign(campaign)
    names = CAMPAIGN_KIT if region == "campaign" else REGION_KIT
    made = []
    for name in (n for n in names if n in materials_wanted):
        kind = materials.get(name)
        if not kind.wanted(data, region):
            continue
        chosen = paper if paper in kind.papers else None
        pdf = produce(name, region=region, lang=lang, paper=chosen, out_dir=out_dir, data=data)
        made.append(pdf)
        if name == "social":
            made += write_social_images(data, pdf)
        if name == "campaign-mailing-kit":
            made.append(export_postage(data, out_dir))
    return made
