"""The registry of printed materials: name → template, context builder, papers, page rule."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from campaignkit import paths
from campaignkit.data.loader import CampaignData
from campaignkit.exceptions import UnknownName

# What a material may be printed from besides the campaign and its region (regions, for a
# campaign-wide one); a build remakes a material only when a part it reads has changed.
# tests/materials/test_reads.py proves each material unchanged by the parts it leaves out.
DATA_PARTS = frozenset({"cases", "events", "tallies", "postage"})
# The event fields printed where a material shows when and where events are (id and region
# always count: they say which events are a region's, and which tally is whose).
EVENT_PLACE_AND_TIME = frozenset(
    {"title", "date", "start", "end", "venue", "address", "address_pending", "city", "sample"}
)


@dataclass(frozen=True)
class Material:
    """One kind of printed document."""

    name: str
    template: str
    build_context: Callable[..., dict]
    papers: dict[str, str]
    expected_pages: Callable[[CampaignData, str], int | None]  # None: a report that flows
    notebook: str
    default_paper: str = ""
    scope: str = "region"  # "region": one per region; "campaign": one for the whole campaign
    wanted: Callable[[CampaignData, str], bool] = lambda data, region: True
    filename: str = ""  # the PDF's name before -<lang>.pdf when it is not the material's name
    most_pages: int | None = None  # when expected_pages is None: the most pages it may take
    images: Callable[[Path], list[Path]] | None = None  # PNGs made from the PDF (gallery)
    items: Callable[[dict], list] = lambda context: []  # what its pages must show (items.Item)
    reads: frozenset[str] = DATA_PARTS  # the parts its pages are printed from (all, unless told)
    event_fields: frozenset[str] | None = None  # when it reads events: the fields (None: all)
    # The looks its pages are tried in, until one passes the checks: classes of the body.
    looks: tuple[tuple[str, ...], ...] = ((), ("compact",))

    @property
    def file_stem(self) -> str:
        """The PDF's name before -<lang>.pdf."""
        return self.filename or self.name

    def pdf_path(self, out_dir, campaign_id: str, place: str, lang: str):
        """out_dir/<campaign>/<region or campaign>/<file stem>-<lang>.pdf."""
        return paths.output_pdf(out_dir, campaign_id, place, self.file_stem, lang)

    def paper(self, paper: str | None) -> str:
        """The paper asked for, or the material's default."""
        paper = paper or self.default_paper or next(iter(self.papers))
        if paper not in self.papers:
            choices = ", ".join(self.papers)
            raise UnknownName("unknown_paper", value=paper, material=self.name, choices=choices)
        return paper

    def stylesheets(self, paper: str | None, bleed: bool) -> list[str]:
        """The paper's stylesheet, and the bleed its kind of paper takes at a print shop."""
        paper = self.paper(paper)
        bleed_sheet = "base/bleed-iso.css" if paper in ISO_PAPERS else "base/bleed.css"
        return [self.papers[paper]] + ([bleed_sheet] if bleed else [])


ISO_PAPERS = ("a3", "a4")  # 3 mm bleed; US papers (letter, tabloid) take 0.125 in
REGISTRY: dict[str, Material] = {}


def register(material: Material) -> Material:
    REGISTRY[material.name] = material
    return material


def get(name: str) -> Material:
    if name not in REGISTRY:
        raise UnknownName("unknown_material", value=name, choices=", ".join(REGISTRY))
    return REGISTRY[name]


def names() -> list[str]:
    return list(REGISTRY)


def served_by(notebook: str) -> list[str]:
    """The materials one notebook produces."""
    return [name for name in names() if REGISTRY[name].notebook == notebook]
