"""The batch: run the material notebooks through papermill for every region and language."""

import time
from pathlib import Path
from types import SimpleNamespace

from campaignkit import materials, paths
from campaignkit.batch import unchanged
from campaignkit.batch.fingerprint import DataParts, job_fingerprint
from campaignkit.batch.jobs import CELL_TIMEOUT, Job, Outcome, notebook_parameters, run_job
from campaignkit.batch.lock import outputs_lock
from campaignkit.batch.manifest import Manifest
from campaignkit.batch.workers import run_jobs
from campaignkit.data.loader import CampaignData, load_campaign
from campaignkit.data.signature import inputs_signature
from campaignkit.data.workbook_memo import remembering_into
from campaignkit.exceptions import CampaignKitError, OutsideOutputs
from campaignkit.files import sweep_temporaries
from campaignkit.printing import reuse
from campaignkit.printing.findings import Finding
from campaignkit.text.catalog import word
from campaignkit.text.language import interface_language

__all__ = ["Job", "Outcome", "build", "check_outputs", "entry", "plan", "run_job", "run_jobs"]

STALE = "changed during the build"  # the inputs recorded for an output made while files changed


def plan(
    data: CampaignData, regions=(), langs=(), material_names=(), out_dir=paths.OUTPUTS
) -> list[Job]:
    """Every notebook run the request needs, one per notebook × region (or campaign) × language."""
    whole_campaign = not regions
    regions = list(regions) or list(data.regions)
    for region in regions:
        data.region(region)
    langs = [data.check_language(lang) for lang in langs] or list(data.campaign.languages)
    chosen = [materials.get(name) for name in (material_names or materials.names())]
    wanted: dict[tuple[str, str], list[str]] = {}
    for material in chosen:
        if material.scope == "campaign" and not (whole_campaign or material.name in material_names):
            continue  # asked for some regions only: the campaign-wide summary is not theirs
        places = ["campaign"] if material.scope == "campaign" else regions
        for place in places:
            if material.wanted(data, place):
                wanted.setdefault((material.notebook, place), []).append(material.name)
    jobs, parts = [], DataParts(data)
    for (notebook, place), names in wanted.items():
        for lang in langs:
            parameters = {
                "campaign": str(data.root),
                "region": place,
                "lang": lang,
                "out_dir": str(paths.resolve(out_dir)),
            }
            if len(materials.served_by(notebook)) > 1:
                parameters["materials"] = names
            if "preview" in notebook_parameters(notebook):
                parameters["preview"] = False
            kinds = [materials.get(name) for name in names]
            outputs = tuple(kind.pdf_path(out_dir, data.id, place, lang) for kind in kinds)
            stamps = tuple(stamp(data, notebook, place, parameters, kind, parts) for kind in kinds)
            jobs.append(Job(notebook, place, lang, tuple(names), parameters, outputs, stamps))
    return jobs


def stamp(data, notebook: str, place: str, parameters: dict, kind, parts: DataParts) -> str:
    """One output's fingerprint: its material, and only the data that material reads."""
    own = {key: value for key, value in parameters.items() if key != "materials"}
    own["material"] = kind.name
    notebook_path = paths.NOTEBOOKS / notebook
    return job_fingerprint(data, notebook_path, place, own, kind.reads, parts, kind.event_fields)


def check_outputs(
    data: CampaignData, outcome: Outcome, manifest: Manifest, seen: dict | None = None
) -> Outcome:
    """Preflight every PDF of a finished job and record it; a failed check fails the job.
    `seen`: the reports of this build so far, by the checked PDF's bytes (see checked)."""
    job, started = outcome.job, time.perf_counter()
    errors, records = [], {}
    for name, pdf in zip(job.materials, job.outputs, strict=True):
        if outcome.error:  # shown failed in the gallery, with the reason
            records[pdf] = failed_entry(job, name, outcome, manifest.root)
            continue
        if not pdf.is_file():
            records[pdf] = None  # forgotten
            continue
        expected = materials.get(name).expected_pages(data, job.region)
        bleed = bool(job.parameters.get("bleed"))
        report = checked(pdf, expected, bleed, manifest, {} if seen is None else seen)
        outcome.checks_seconds = round(time.perf_counter() - started, 3)
        record = entry(job, name, pdf, report, outcome.executed, manifest.root)
        record |= timings(outcome)
        records[pdf] = record | ({"inputs": STALE} if outcome.stale else {})
        errors += [(pdf, name, found) for found in report.errors]
    manifest.update(records)  # one save a job: each rewrites the whole file
    if errors and not outcome.error:
        lang = interface_language()
        said = "; ".join(f"{pdf.name}: {found.text(lang)}" for pdf, _, found in errors)
        outcome.error = word("check.preflight_failed", lang, text=said)
        outcome.findings = [Finding(f.code, f.params | {"material": name}) for _, name, f in errors]
    return outcome


def checked(pdf: Path, expected, bleed: bool, manifest: Manifest, seen: dict):
    """The preflight report and the thumbnail of one output, made now while the other
    workers render; a PDF the same to the byte as one checked before in this build (the
    sample's cards and case books are the same in every region) takes over its report and
    a copy of its thumbnail."""
    import dataclasses
    import hashlib

    from campaignkit.batch.gallery import thumbnail, thumbnail_path
    from campaignkit.files import copy_atomically
    from campaignkit.printing.preflight import preflight_file

    key = manifest.key(pdf)
    same = (hashlib.sha256(pdf.read_bytes()).hexdigest(), expected, bleed)
    if same in seen:
        report, first = seen[same]
        copy_atomically(thumbnail_path(manifest, first), thumbnail_path(manifest, key))
        return dataclasses.replace(report, path=pdf)
    report = preflight_file(pdf, expected, bleed=bleed)
    thumbnail(manifest, key)
    seen[same] = report, key
    return report


def timings(outcome: Outcome) -> dict:
    """Where a job's time went, as the manifest keeps it (make bench adds them up)."""
    return {
        "seconds": outcome.seconds,  # its notebook running (the longest are scheduled first)
        "kernel_seconds": outcome.kernel_seconds,
        "checks_seconds": outcome.checks_seconds,  # so far: the job's outputs share them
    }


def entry(job: Job, material: str, pdf: Path | None, report, executed: Path, root: Path) -> dict:
    """The manifest's record of one output (`pdf` None: it could not be made)."""
    return {
        "material": material,
        "region": job.region,
        "lang": job.lang,
        "inputs": job.stamp(material),
        "pages": report.pages,
        "bytes": pdf.stat().st_size if pdf else 0,
        "preflight": {
            "ok": report.ok,
            "errors": said(report.errors),
            "warnings": said(report.warnings),
        },
        "notebook": executed.resolve().relative_to(root.resolve()).as_posix(),
    }


def said(findings: list) -> list[str]:
    """Findings as the manifest and the gallery keep them: in the interface language."""
    return [str(found) for found in findings]


def failed_entry(job: Job, material: str, outcome: Outcome, root: Path) -> dict:
    """The manifest's record of an output its job could not make."""
    report = SimpleNamespace(pages=0, ok=False, errors=[outcome.error], warnings=[])
    return entry(job, material, None, report, outcome.executed, root)


def remember(asked: dict, outcomes: list[Outcome], out_dir, campaign_id: str, made_from: str):
    """Let the same request find, before reading anything, that it has nothing to do
    (batch/unchanged.py): only after a build whose every output is made and checked."""
    try:
        if outcomes and not any(o.error or o.stale for o in outcomes):
            unchanged.remember(asked, out_dir, campaign_id, len(outcomes), made_from)
        else:
            unchanged.forget(asked, out_dir)
    except (OSError, CampaignKitError):  # a shortcut lost: the next build plans as usual
        pass


def workbook_memo_folder(out_dir, force: bool) -> Path | None:
    """Where planning remembers the tally workbooks it read (data/workbook_memo.py): nowhere
    for a forced build, which reads everything again, or when the folder leads outside."""
    if force:
        return None
    try:
        return paths.output(out_dir, ".cache", "workbooks")
    except OutsideOutputs:
        return None


def longest_first(todo: list[Job], manifest: Manifest) -> list[Job]:
    """Jobs in the order that keeps every worker busy to the end: the longest first, as
    long as the last build's timings say, else by how many materials a job makes."""

    def expected(job: Job) -> tuple:
        entries = [manifest.outputs.get(manifest.key(pdf), {}) for pdf in job.outputs]
        seconds = max((entry.get("seconds") or 0 for entry in entries), default=0)
        return (seconds, len(job.materials))

    return sorted(todo, key=expected, reverse=True)


def _reporting(on_outcome, skipped: list[Outcome], total: int):
    """Reports the up-to-date jobs at once; the callback for the jobs that run counts on."""
    for done, outcome in enumerate(skipped, start=1):
        on_outcome(outcome, done, total)
    return lambda outcome, done, _: on_outcome(outcome, len(skipped) + done, total)


def build(
    campaign=paths.DEFAULT_CAMPAIGN,
    regions=(),
    langs=(),
    material_names=(),
    jobs: int = 2,
    out_dir=paths.OUTPUTS,
    progress: bool = True,
    force: bool = False,
    on_outcome=None,
    timeout: float = CELL_TIMEOUT,
    early=None,
) -> list[Outcome]:
    """Run every job whose inputs changed on `jobs` workers; failures are returned, not raised.

    Raises BuildBusy when another build holds the outputs folder, WriteFailed when a file
    cannot be written, BuildInterrupted on Ctrl-C. `on_outcome(outcome, done, total)`,
    when given, is called for each job found up to date, then as each job ends (the
    editor's progress bar: `total` is every job asked for, so that it reaches the end).
    `early`: a kernel started before the build (batch/early.py), given to the first worker.
    """
    source, outputs = paths.resolve(campaign), paths.resolve(out_dir)
    before = inputs_signature(source, outputs)
    made_from = unchanged.sources(campaign, out_dir, before)  # as read, whatever changes next
    data = load_campaign(campaign)
    with outputs_lock(paths.campaign_dir(out_dir, data.id)):
        manifest = Manifest(out_dir, data.id)
        sweep_temporaries(manifest.root)  # left by a build that was killed
        looks, started = reuse.Pages(paths.cache_dir(out_dir)), time.time()
        if force:
            looks.clear()  # everything laid out again, none taken from an earlier build
        todo, skipped = [], []
        with remembering_into(workbook_memo_folder(out_dir, force)):
            planned = plan(data, regions, langs, material_names, out_dir)
        for job in planned:
            stale = [
                name
                for name, pdf in zip(job.materials, job.outputs, strict=True)
                if force or not manifest.up_to_date(pdf, job.stamp(name))
            ]
            if stale:
                todo.append(job.only(stale))
            else:
                skipped.append(Outcome(job, job.executed_path(out_dir, data.id), skipped=True))

        seen: dict = {}  # the reports so far, by the checked PDF's bytes

        def done(outcome):
            outcome.stale = inputs_signature(source, outputs) != before
            return check_outputs(data, outcome, manifest, seen)

        todo = longest_first(todo, manifest)
        report = on_outcome and _reporting(on_outcome, skipped, len(todo) + len(skipped))
        ran = run_jobs(todo, data.id, out_dir, jobs, progress, done, report, timeout, early)
        from campaignkit.batch.gallery import write_gallery

        lang = data.campaign.languages[0]
        if ran or not manifest.output("index.html").is_file():  # else nothing new to show
            write_gallery(manifest, {r.id: r.name[lang] for r in data.regions.values()})
        asked = unchanged.request(campaign, regions, langs, material_names)
        remember(asked, skipped + ran, out_dir, data.id, made_from)
        looks.forget_unused(since=started)
    return skipped + ran
