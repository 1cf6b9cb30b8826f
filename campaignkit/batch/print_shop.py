"""The print-shop bundle: what to print for each region, how many copies, on what paper."""

import csv
import io
import math
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from campaignkit import paths
from campaignkit.batch.manifest import Manifest
from campaignkit.data.loader import CampaignData
from campaignkit.files import write_atomically

DEFAULT_ATTENDANCE = 30  # when events.csv leaves expected_attendance blank
OTHER_LANGUAGE_SHARE = 0.25  # copies in the campaign's other languages, against the first

# material → (copies for a region from its expected attendance, paper, colour)
RULES = {
    "poster": (lambda people, events: 5 * events + 5, "tabloid", "colour"),
    "casebook": (lambda people, events: math.ceil(people / 6) + events, "letter", "colour"),
    "letters": (lambda people, events: math.ceil(people / 3), "letter", "black"),
    "cards": (lambda people, events: math.ceil(people / 2), "letter (cardstock)", "colour"),
    "tally": (lambda people, events: 2, "letter", "black"),
    "summary": (lambda people, events: 1, "letter", "colour"),
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


def attendance(data: CampaignData, region: str) -> tuple[int, int]:
    """Expected people and number of events of a region."""
    events = data.events_of(region)
    people = sum(e.expected_attendance or DEFAULT_ATTENDANCE for e in events)
    return people, len(events)


def print_jobs(data: CampaignData, manifest: Manifest) -> list[PrintJob]:
    """One line per file to print, for every checked output of every region."""
    jobs = []
    for key, entry in sorted(manifest.outputs.items()):
        rule = RULES.get(entry["material"])
        if rule is None or entry["region"] == "campaign" or not entry["preflight"]["ok"]:
            continue
        copies_for, paper, colour = rule
        people, events = attendance(data, entry["region"])
        if entry["material"] != "poster" and events == 0:
            continue  # nothing to print for events that do not exist yet, but the poster
        copies = copies_for(people, events)
        if entry["lang"] != data.campaign.languages[0]:
            copies = max(1, math.ceil(copies * OTHER_LANGUAGE_SHARE))
        jobs.append(
            PrintJob(
                entry["region"],
                key,
                entry["material"],
                entry["lang"],
                entry["pages"],
                copies,
                paper,
                colour,
            )
        )
    return jobs


def job_sheet_csv(jobs: list[PrintJob]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["region", "file", "material", "lang", "pages", "copies", "sheets", "paper", "colour"]
    )
    for job in jobs:
        writer.writerow(
            [
                job.region,
                job.file,
                job.material,
                job.lang,
                job.pages,
                job.copies,
                job.pages * job.copies,
                job.paper,
                job.colour,
            ]
        )
    return buffer.getvalue()


def write_bundle(data: CampaignData, out_dir=paths.OUTPUTS) -> Path:
    """outputs/<c>/print-shop/: the files, job-sheet.csv, job-sheet.pdf, and print-shop.zip."""
    manifest = Manifest(out_dir, data.id)
    bundle = manifest.root / "print-shop"
    shutil.rmtree(bundle, ignore_errors=True)
    jobs = print_jobs(data, manifest)
    for job in jobs:
        target = bundle / job.file
        target.parent.mkdir(parents=True, exist_ok=True)
        if job.material == "poster":
            write_print_poster(data, job, target)
        else:
            shutil.copyfile(manifest.root / job.file, target)
    write_atomically(bundle / "job-sheet.csv", job_sheet_csv(jobs).encode("utf-8"))
    write_job_sheet_pdf(data, jobs, bundle / "job-sheet.pdf")
    archive = manifest.root / "print-shop.zip"
    with zipfile.ZipFile(archive.with_suffix(".zip.tmp"), "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(bundle).as_posix())
    archive.with_suffix(".zip.tmp").replace(archive)
    return bundle


def write_print_poster(data: CampaignData, job: PrintJob, target: Path):
    """The poster as a print shop wants it: 0.125 in bleed and crop marks."""
    from campaignkit.printing import render
    from campaignkit.printing.document import fitted_document

    document = fitted_document(data, "poster", job.region, job.lang, None, bleed=True)
    render.write_atomically(target, render.pdf_bytes(document))


def write_job_sheet_pdf(data: CampaignData, jobs: list[PrintJob], target: Path):
    from campaignkit.printing import render
    from campaignkit.text import i18n

    lang = data.campaign.languages[0]
    context = {
        "lang": lang,
        "w": i18n.words(lang),
        "brand": {name: c.css() for name, c in data.campaign.branding.colours().items()},
        "compact": False,
        "campaign_name": data.campaign.name[lang],
        "jobs": jobs,
        "regions": {r.id: r.name[lang] for r in data.regions.values()},
        "total_sheets": sum(job.pages * job.copies for job in jobs),
    }
    html = render.render_html("printshop/job-sheet.html", context)
    document = render.render_document(html, ["printshop/job-sheet.css"], data.root)
    render.write_atomically(target, render.pdf_bytes(document))
