"""The batch: run the material notebooks through papermill for every region and language."""

import json
import re
import sys
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from queue import Empty, Queue
from types import SimpleNamespace

from tqdm import tqdm

from campaignkit import materials, paths
from campaignkit.batch.fingerprint import job_fingerprint
from campaignkit.batch.manifest import Manifest
from campaignkit.data.loader import CampaignData, load_campaign


@dataclass(frozen=True)
class Job:
    """One notebook run: a notebook, a region (or `campaign`), a language, the materials."""

    notebook: str
    region: str
    lang: str
    materials: tuple[str, ...]
    parameters: dict = field(default_factory=dict, compare=False, hash=False)
    outputs: tuple[Path, ...] = ()
    fingerprint: str = ""

    @property
    def label(self) -> str:
        return f"{Path(self.notebook).stem} {self.region} {self.lang}"

    def executed_path(self, out_dir, campaign_id: str) -> Path:
        stem = Path(self.notebook).stem
        return paths.notebooks_dir(out_dir, campaign_id) / self.region / f"{stem}-{self.lang}.ipynb"


@dataclass
class Outcome:
    job: Job
    executed: Path
    error: str | None = None
    skipped: bool = False


@cache
def notebook_parameters(notebook: str) -> frozenset[str]:
    """The names a notebook's parameters cell assigns (read without importing papermill)."""
    cells = json.loads((paths.NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return frozenset(re.findall(r"^(\w+)\s*[:=]", source, flags=re.M))
    return frozenset()


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
    jobs = []
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
            outputs = tuple(
                materials.get(name).pdf_path(out_dir, data.id, place, lang) for name in names
            )
            stamp = job_fingerprint(data, paths.NOTEBOOKS / notebook, place, parameters)
            jobs.append(Job(notebook, place, lang, tuple(names), parameters, outputs, stamp))
    return jobs


def run_job(job: Job, campaign_id: str, out_dir, kernel=None) -> Outcome:
    """Execute one notebook with papermill, in a warm kernel when given one."""
    executed = job.executed_path(out_dir, campaign_id)
    executed.parent.mkdir(parents=True, exist_ok=True)
    import papermill

    engine = {"engine_name": "warm", "kernel": kernel} if kernel else {}
    try:
        papermill.execute_notebook(
            str(paths.NOTEBOOKS / job.notebook),
            str(executed),
            parameters=job.parameters,
            cwd=str(paths.ROOT),
            progress_bar=False,
            kernel_name="python3",
            **engine,
        )
    except papermill.PapermillExecutionError as error:
        return Outcome(job, executed, f"{error.ename}: {error.evalue}")
    except Exception as error:  # noqa: BLE001 - one failed job must not stop the others
        return Outcome(job, executed, f"{type(error).__name__}: {error}")
    return Outcome(job, executed)


def check_outputs(data: CampaignData, outcome: Outcome, manifest: Manifest) -> Outcome:
    """Preflight every PDF of a finished job and record it; a failed check fails the job."""
    from campaignkit.printing.preflight import preflight_file

    job = outcome.job
    errors = []
    for name, pdf in zip(job.materials, job.outputs, strict=True):
        if outcome.error:  # shown failed in the gallery, with the reason
            manifest.record(pdf, failed_entry(job, name, outcome, manifest.root))
            continue
        if not pdf.is_file():
            manifest.forget(pdf)
            continue
        expected = materials.get(name).expected_pages(data, job.region)
        report = preflight_file(pdf, expected, bleed=bool(job.parameters.get("bleed")))
        manifest.record(pdf, entry(job, name, pdf, report, outcome.executed, manifest.root))
        errors += [f"{pdf.name}: {text}" for text in report.errors]
    if errors and not outcome.error:
        outcome.error = "preflight: " + "; ".join(errors)
    return outcome


def entry(job: Job, material: str, pdf: Path | None, report, executed: Path, root: Path) -> dict:
    """The manifest's record of one output (`pdf` None: it could not be made)."""
    return {
        "material": material,
        "region": job.region,
        "lang": job.lang,
        "inputs": job.fingerprint,
        "pages": report.pages,
        "bytes": pdf.stat().st_size if pdf else 0,
        "preflight": {"ok": report.ok, "errors": report.errors, "warnings": report.warnings},
        "notebook": executed.resolve().relative_to(root.resolve()).as_posix(),
    }


def failed_entry(job: Job, material: str, outcome: Outcome, root: Path) -> dict:
    """The manifest's record of an output its job could not make."""
    report = SimpleNamespace(pages=0, ok=False, errors=[outcome.error], warnings=[])
    return entry(job, material, None, report, outcome.executed, root)


def run_jobs(
    todo: list[Job], campaign_id: str, out_dir, workers: int, progress=True, done=None, report=None
):
    """Run jobs on `workers` threads, each with its own warm kernel; return every outcome.

    `done(outcome)` runs in the worker (preflight); `report(outcome, count, total)` runs in
    the calling thread as each job ends (progress bars).
    """
    pending: Queue[Job] = Queue()
    for job in todo:
        pending.put(job)
    finished: Queue[Outcome] = Queue()

    def work():
        kernel = None
        while True:
            try:
                job = pending.get_nowait()
            except Empty:
                break
            try:
                from campaignkit.batch.kernels import WarmKernel

                kernel = kernel or WarmKernel()
                kernel.reset()
                outcome = run_job(job, campaign_id, out_dir, kernel)
            except Exception as error:  # noqa: BLE001 - a broken kernel fails its job only
                outcome = Outcome(job, job.executed_path(out_dir, campaign_id), repr(error))
                kernel = _discard(kernel)
            finished.put(done(outcome) if done else outcome)
        _discard(kernel)

    threads = [threading.Thread(target=work) for _ in range(max(1, min(workers, len(todo))))]
    for thread in threads:
        thread.start()
    outcomes: list[Outcome] = []
    with tqdm(total=len(todo), disable=not progress, unit="job", file=sys.stderr) as bar:
        while len(outcomes) < len(todo):
            outcome = finished.get()
            outcomes.append(outcome)
            bar.set_postfix_str(outcome.job.label, refresh=False)
            bar.update()
            if report is not None:
                report(outcome, len(outcomes), len(todo))
    for thread in threads:
        thread.join()
    return outcomes


def _discard(kernel) -> None:
    """Shut a worker's kernel down, whatever state it is in."""
    if kernel is not None:
        try:
            kernel.shutdown()
        except Exception:  # noqa: BLE001 - it may already be dead
            pass


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
) -> list[Outcome]:
    """Run every job whose inputs changed on `jobs` workers; failures are returned, not raised.

    `on_outcome(outcome, done, total)`, when given, is called as each job ends (the
    editor's progress bar).
    """
    data = load_campaign(campaign)
    manifest = Manifest(out_dir, data.id)
    for stale in manifest.root.rglob(".*.tmp"):  # left by a build that was killed
        stale.unlink()
    todo, skipped = [], []
    for job in plan(data, regions, langs, material_names, out_dir):
        fresh = all(manifest.up_to_date(pdf, job.fingerprint) for pdf in job.outputs)
        if fresh and not force:
            skipped.append(Outcome(job, job.executed_path(out_dir, data.id), skipped=True))
        else:
            todo.append(job)

    def done(outcome):
        return check_outputs(data, outcome, manifest)

    ran = run_jobs(todo, data.id, out_dir, jobs, progress, done, on_outcome)
    outcomes = skipped + ran
    from campaignkit.batch.gallery import write_gallery

    lang = data.campaign.languages[0]
    write_gallery(manifest, {r.id: r.name[lang] for r in data.regions.values()})
    return outcomes
