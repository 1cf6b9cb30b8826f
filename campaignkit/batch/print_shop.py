"""The print-shop bundle: what to print for each region, how many copies, on what paper.

Every file is made again for the press (PDF/X-4, CMYK, bleed, crop marks unless the shop
wants none), and only what can be used is ordered: letters whose address is still to be
confirmed are listed to complete instead, card instructions go on plain paper and card
faces on cardstock.
"""

import math
import os
import shutil
import tempfile
import zipfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from campaignkit import paths
from campaignkit.batch.lock import outputs_lock
from campaignkit.batch.manifest import Manifest
from campaignkit.batch.processes import each_done
from campaignkit.batch.progress import label, progress_bar
from campaignkit.data.inert import rows_csv
from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case
from campaignkit.data.photos import caching_into
from campaignkit.files import temporary_beside, usual_mode, write_atomically, writing

DEFAULT_ATTENDANCE = 30  # when events.csv leaves expected_attendance blank
OTHER_LANGUAGE_SHARE = 0.25  # copies in the campaign's other languages, against the first
PLAIN, CARDSTOCK, TABLOID = "letter", "letter (cardstock)", "tabloid"
# A worker process takes about 2 s to start, an output under 1 s to render: a small bundle
# is made faster in this process alone.
OUTPUTS_PER_PROCESS = 8

# material → (copies for a region from its expected attendance, paper, colour)
RULES = {
    "poster": (lambda people, events: 5 * events + 5, TABLOID, "colour"),
    "casebook": (lambda people, events: math.ceil(people / 6) + events, PLAIN, "colour"),
    "letters": (lambda people, events: math.ceil(people / 3), PLAIN, "black"),
    "cards": (lambda people, events: math.ceil(people / 2), CARDSTOCK, "colour"),
    "tally": (lambda people, events: 2, PLAIN, "black"),
    "summary": (lambda people, events: 1, PLAIN, "colour"),
}
# materials printed as several files: part → (which pages, paper, colour)
PARTS = {
    "cards": {
        "cards-instructions": (slice(0, None, 2), PLAIN, "black"),
        "cards-faces": (slice(1, None, 2), CARDSTOCK, "colour"),
    },
}


@dataclass(frozen=True)
class PrintJob:
    region: str
    file: str
    material: str
    lang: str
    pages: int
    copies: int
    paper: str
    colour: str

    @property
    def sheets(self) -> int:
        return self.pages * self.copies


@dataclass(frozen=True)
class ToComplete:
    """A letter left out of the order, and what it still needs."""

    case: str
    name: str
    missing: str


def attendance(data: CampaignData, region: str) -> tuple[int, int]:
    """Expected people and number of events of a region."""
    events = data.events_of(region)
    people = sum(e.expected_attendance or DEFAULT_ATTENDANCE for e in events)
    return people, len(events)


def mailable(case: Case) -> bool:
    """A letter can be posted: its addressee's postal address is known and confirmed."""
    return bool(case.target.address) and not case.target.address_pending


def letters_to_complete(data: CampaignData, lang: str) -> list[ToComplete]:
    """The letters not ordered, each with what is missing."""
    from campaignkit.text import i18n

    wording = i18n.word("job_sheet_missing_address", lang)
    return [
        ToComplete(case.id, case.name, wording.format(target=case.target.title[lang]))
        for case in data.cases.values()
        if not mailable(case)
    ]


def print_jobs(data: CampaignData, manifest: Manifest) -> list[PrintJob]:
    """One line per file to print, for every checked output of every region."""
    jobs = []
    for _, entry in sorted(manifest.outputs.items()):
        copies = copies_of(data, entry)
        if copies:
            jobs += files_of(data, entry, copies)
    return jobs


def copies_of(data: CampaignData, entry: dict) -> int:
    """Copies of one output to order; 0 when it is not printed."""
    rule = RULES.get(entry["material"])
    if rule is None or entry["region"] == "campaign" or not entry["preflight"]["ok"]:
        return 0
    people, events = attendance(data, entry["region"])
    if entry["material"] != "poster" and events == 0:
        return 0  # nothing to print for events that do not exist yet, but the poster
    copies = rule[0](people, events)
    if entry["lang"] != data.campaign.languages[0]:
        copies = max(1, math.ceil(copies * OTHER_LANGUAGE_SHARE))
    return copies


def files_of(data: CampaignData, entry: dict, copies: int) -> list[PrintJob]:
    """The files one output is printed as, with their pages, paper and ink."""
    material, region, lang = entry["material"], entry["region"], entry["lang"]
    _, paper, colour = RULES[material]
    jobs = []
    for part, (chosen, part_paper, part_colour) in PARTS.get(
        material, {material: (slice(None), paper, colour)}
    ).items():
        pages = len(range(entry["pages"])[chosen])
        if material == "letters":  # only those that can be posted
            pages = sum(mailable(case) for case in data.cases.values())
        if pages:
            file = f"{region}/{part}-{lang}.pdf"
            jobs.append(
                PrintJob(region, file, material, lang, pages, copies, part_paper, part_colour)
            )
    return jobs


def sheet_totals(jobs: list[PrintJob]) -> list[tuple[str, str, int]]:
    """(paper, colour, sheets) for each paper stock and ink, for a quote."""
    totals = Counter()
    for job in jobs:
        totals[job.paper, job.colour] += job.sheets
    return [(paper, colour, sheets) for (paper, colour), sheets in sorted(totals.items())]


def job_sheet_csv(jobs: list[PrintJob]) -> str:
    header = ["region", "file", "material", "lang", "pages", "copies", "sheets", "paper", "colour"]
    return rows_csv(
        [header]
        + [
            [
                job.region,
                job.file,
                job.material,
                job.lang,
                job.pages,
                job.copies,
                job.sheets,
                job.paper,
                job.colour,
            ]
            for job in jobs
        ]
    )


def totals_csv(jobs: list[PrintJob]) -> str:
    return rows_csv([["paper", "colour", "sheets"], *sheet_totals(jobs)])


def to_complete_csv(pending: list[ToComplete]) -> str:
    rows = [[item.case, item.name, item.missing] for item in pending]
    return rows_csv([["case", "name", "missing"], *rows])


def write_bundle(
    data: CampaignData,
    out_dir=paths.OUTPUTS,
    marks: bool = True,
    workers: int = 1,
    progress: bool = False,
) -> Path:
    """outputs/<c>/print-shop/: the PDF/X-4 files, job-sheet.csv and .pdf, the sheet totals,
    the letters to complete, and print-shop.zip; the files rendered on `workers` processes.

    The bundle is made in a temporary folder beside it, then put in place whole.
    """
    with outputs_lock(paths.campaign_dir(out_dir, data.id)):
        manifest = Manifest(out_dir, data.id)
        jobs = print_jobs(data, manifest)
        pending = letters_to_complete(data, data.campaign.languages[0])
        bundle, archive = manifest.output("print-shop"), manifest.output("print-shop.zip")
        with temporary_folder(manifest.root, "print-shop") as draft:
            cache = paths.cache_dir(out_dir)
            press = Press(data, draft, marks, cache)
            press.write_all(_by_output(jobs), workers, progress)
            with caching_into(cache):
                fill_bundle(data, jobs, pending, draft)
            with temporary_beside(archive) as zip_draft:
                zip_folder(draft, zip_draft)
                os.chmod(zip_draft, usual_mode(zip_draft))
                replace_folder(draft, bundle)
                os.replace(zip_draft, archive)
    return bundle


def fill_bundle(data: CampaignData, jobs: list[PrintJob], pending, folder: Path):
    """The bundle's lists and job sheet, written into `folder`."""
    write_atomically(folder / "job-sheet.csv", job_sheet_csv(jobs).encode("utf-8"))
    write_atomically(folder / "sheet-totals.csv", totals_csv(jobs).encode("utf-8"))
    write_atomically(folder / "to-complete.csv", to_complete_csv(pending).encode("utf-8"))
    write_job_sheet_pdf(data, jobs, pending, folder / "job-sheet.pdf")


def zip_folder(folder: Path, target: Path):
    """The bundle as a zip whose entries carry a fixed date: the same files, the same bytes."""
    with writing(target), zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(info, path.read_bytes())


@contextmanager
def temporary_folder(parent: Path, name: str):
    """An empty folder beside the one it will replace; removed if it was not put in place."""
    with writing(parent / name):
        folder = Path(tempfile.mkdtemp(dir=parent, prefix=f".{name}.", suffix=".tmp"))
        os.chmod(folder, usual_mode(folder))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def replace_folder(new: Path, target: Path):
    """Put `new` where `target` is; the old folder (never a symlink) is removed after."""
    with temporary_folder(target.parent, target.name) as old:
        with writing(target):
            if target.is_dir() and not target.is_symlink():
                os.replace(target, old / "previous")
            os.replace(new, target)


def _by_output(jobs: list[PrintJob]) -> dict[tuple, list[PrintJob]]:
    """The jobs grouped by the rendered output they come from (cards give two files)."""
    grouped: dict[tuple, list[PrintJob]] = {}
    for job in jobs:
        grouped.setdefault((job.region, job.material, job.lang), []).append(job)
    return grouped


@dataclass(frozen=True)
class Press:
    """Renders outputs for the press into a bundle's folder, here or on worker processes."""

    data: CampaignData
    bundle: Path
    marks: bool
    cache: Path

    def write_all(self, outputs: dict[tuple, list[PrintJob]], workers: int, progress: bool):
        """Every output's files, the longest first, on `workers` processes; a progress bar
        on stderr if `progress`. An error stops the rest and is raised here."""
        order = sorted(outputs.items(), key=lambda item: -sum(job.pages for job in item[1]))
        workers = min(workers, len(order) // OUTPUTS_PER_PROCESS)
        with progress_bar(len(order), progress) as ended:
            for (region, material, lang), _ in each_done(self.write, order, workers):
                ended(label(material, region, lang))

    def write(self, output: tuple, files: list[PrintJob]):
        with caching_into(self.cache):
            write_press_files(self.data, *output, files, self.bundle, self.marks)


def write_press_files(data, region, material, lang, files, bundle: Path, marks: bool):
    """Render one output for the press and write the file (or files) the shop prints."""
    from campaignkit.printing import render
    from campaignkit.printing.document import fitted_document

    document = fitted_document(data, material, region, lang, None, False, press=True)
    if material == "letters":  # one page per case, in order: keep those that can be posted
        keep = [mailable(case) for case in data.cases.values()]
        document = _pages(document, [p for p, k in zip(document.pages, keep, strict=True) if k])
    parts = PARTS.get(material)
    for job in files:
        part = _pages(document, document.pages[_part_of(parts, job)]) if parts else document
        render.write_atomically(paths.output(bundle, job.file), render.pdf_bytes(part, marks=marks))


def _part_of(parts: dict, job: PrintJob) -> slice:
    stem = Path(job.file).name.removesuffix(f"-{job.lang}.pdf")
    return parts[stem][0]


def _pages(document, pages):
    """The same document with only these pages, still for the press."""
    part = document.copy(pages)
    part.press, part.items = document.press, document.items
    part.source = document.source + "".join(f"|{document.pages.index(p)}" for p in pages)
    return part


def write_job_sheet_pdf(data: CampaignData, jobs, pending, target: Path):
    from campaignkit.printing import render
    from campaignkit.text import i18n

    lang = data.campaign.languages[0]
    context = {
        "lang": lang,
        "w": i18n.words(lang),
        "brand": {name: c.css() for name, c in data.campaign.branding.colours().items()},
        "campaign_name": data.campaign.name[lang],
        "jobs": jobs,
        "regions": {r.id: r.name[lang] for r in data.regions.values()},
        "total_sheets": sum(job.sheets for job in jobs),
        "totals": sheet_totals(jobs),
        "pending": pending,
    }
    html = render.render_html("printshop/job-sheet.html", context)
    document = render.render_document(html, ["printshop/job-sheet.css"], data.root)
    issued = f"{data.campaign.start.isoformat()}T00:00:00+00:00"
    document.metadata.created = document.metadata.modified = issued
    render.write_atomically(target, render.pdf_bytes(document))
