"""outputs/<campaign>/index.html: every output as a thumbnail, by region, with its checks."""

from itertools import groupby
from pathlib import Path

import jinja2

from campaignkit import materials, paths
from campaignkit.batch.manifest import Manifest
from campaignkit.files import write_atomically
from campaignkit.printing.preview import page_png

THUMB_DPI = 24


def thumbnail_path(manifest: Manifest, key: str) -> Path:
    return manifest.output("thumbs", Path(key).with_suffix(".png").as_posix())


def thumbnail(manifest: Manifest, key: str, pdf: Path | None = None) -> str:
    """The first page of an output (`pdf`, once found) as a small PNG, made again only
    when the PDF is newer."""
    pdf = manifest.output(key) if pdf is None else pdf
    thumb = thumbnail_path(manifest, key)
    if pdf.is_file() and (not thumb.is_file() or thumb.stat().st_mtime < pdf.stat().st_mtime):
        write_atomically(thumb, page_png(pdf, dpi=THUMB_DPI))
    return thumb.relative_to(manifest.root).as_posix()


def write_gallery(manifest: Manifest, names: dict[str, str] | None = None) -> Path:
    """Write index.html beside the manifest (regions titled by `names`) and return its path."""
    names = names or {}
    items = []
    for key, entry in sorted(manifest.outputs.items(), key=lambda kv: _order(kv[1])):
        pdf = manifest.output(key)
        if pdf.is_file() or not entry["preflight"]["ok"]:
            thumb = thumbnail(manifest, key, pdf) if entry["bytes"] else None
            items.append(
                {**entry, "pdf": key, "thumb": thumb, "images": images(manifest.root, entry, key)}
            )
    groups = [
        {"id": region, "name": names.get(region, region), "items": list(entries)}
        for region, entries in groupby(items, key=lambda item: item["region"])
    ]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES), autoescape=True)
    html = env.get_template("gallery/index.html").render(
        campaign=manifest.campaign_id,
        groups=groups,
        failed=sum(not item["preflight"]["ok"] for item in items),
        total=len(items),
    )
    return write_atomically(manifest.output("index.html"), html.encode("utf-8"))


def images(root: Path, entry: dict, key: str) -> list[str]:
    """The PNGs a material makes from its PDF (social images), relative to the gallery."""
    kind = materials.REGISTRY.get(entry["material"])
    if kind is None or kind.images is None:
        return []
    return [path.relative_to(root).as_posix() for path in kind.images(root / key)]


def _order(entry: dict) -> tuple:
    return (
        entry["region"] != "campaign",
        entry["region"],
        entry["material"],
        entry["lang"] != "fr",
    )
