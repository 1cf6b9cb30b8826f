"""The batch: run the material notebooks through papermill for every region and language."""

import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import papermill
from tqdm import tqdm

from . import materials, paths
from .loader import CampaignData, load_campaign


@dataclass(frozen=True)
class Job:
    """One notebook run: a notebook, a region (or `campaign`), a language, the materials."""

    notebook: str
    region: str
    lang: str
    materials: tuple[str, ...]
    parameters: dict = field(default_factory=dict, compare=False, hash=False)

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


def plan(
    data: CampaignData, regions=(), langs=(), material_names=(), out_dir=paths.OUTPUTS
) -> list[Job]:
    """Every notebook run the request needs, one per notebook × region (or campaign) × language."""
    regions = list(regions) or list(data.regions)
    for region in regions:
        data.region(region)
    langs = [data.check_language(lang) for lang in langs] or list(data.campaign.languages)
    chosen = [materials.get(name) for name in (material_names or materials.names())]
    wanted: dict[tuple[str, str], list[str]] = {}
    for material in chosen:
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
            jobs.append(Job(notebook, place, lang, tuple(names), parameters))
    return jobs


def run_job(job: Job, campaign_id: str, out_dir) -> Outcome:
    """Execute one notebook with papermill; the executed copy is kept either way."""
    executed = job.executed_path(out_dir, campaign_id)
    executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(paths.NOTEBOOKS / job.notebook),
            str(executed),
            parameters=job.parameters,
            cwd=str(paths.ROOT),
            progress_bar=False,
            kernel_name="python3",
        )
    except papermill.PapermillExecutionError as error:
        return Outcome(job, executed, f"{error.ename}: {error.evalue}")
    except Exception as error:  # noqa: BLE001 - one failed job must not stop the others
        return Outcome(job, executed, f"{type(error).__name__}: {error}")
    return Outcome(job, executed)


def build(
    campaign=paths.DEFAULT_CAMPAIGN,
    regions=(),
    langs=(),
    material_names=(),
    jobs: int = 2,
    out_dir=paths.OUTPUTS,
    progress: bool = True,
    on_outcome=None,
) -> list[Outcome]:
    """Run every job on `jobs` workers; failures are returned, never raised.

    `on_outcome(outcome, done, total)`, when given, is called as each job ends (the
    editor's progress bar).
    """
    data = load_campaign(campaign)
    todo = plan(data, regions, langs, material_names, out_dir)
    outcomes = []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_job, job, data.id, out_dir) for job in todo]
        bar = tqdm(total=len(futures), disable=not progress, unit="job", file=sys.stderr)
        for future in as_completed(futures):
            outcome = future.result()
            outcomes.append(outcome)
            bar.set_postfix_str(outcome.job.label, refresh=False)
            bar.update()
            if on_outcome is not None:
                on_outcome(outcome, len(outcomes), len(futures))
        bar.close()
    return outcomes
