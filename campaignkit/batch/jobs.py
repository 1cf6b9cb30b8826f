"""One notebook run: what it is, how it ended, and running it with papermill."""

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from campaignkit import paths
from campaignkit.batch import progress
from campaignkit.exceptions import WriteFailed
from campaignkit.files import write_atomically
from campaignkit.printing.findings import decode
from campaignkit.text.catalog import word
from campaignkit.text.language import interface_language

CELL_TIMEOUT = 600  # seconds a cell may run before its job fails (`build --timeout`)


@dataclass(frozen=True)
class Job:
    """One notebook run: a notebook, a region (or `campaign`), a language, the materials."""

    notebook: str
    region: str
    lang: str
    materials: tuple[str, ...]
    parameters: dict = field(default_factory=dict, compare=False, hash=False)
    outputs: tuple[Path, ...] = ()
    fingerprints: tuple[str, ...] = ()  # one per output: what it is made from, as one hash
    part: bool = False  # only some of the materials the notebook makes for this place

    @property
    def label(self) -> str:
        label = progress.label(Path(self.notebook).stem, self.region, self.lang)
        return label + (f" ({', '.join(self.materials)})" if self.part else "")

    def stamp(self, material: str) -> str:
        """The fingerprint of one of its outputs."""
        return self.fingerprints[self.materials.index(material)] if self.fingerprints else ""

    def only(self, names) -> "Job":
        """The same run, making only the materials named (those whose inputs changed)."""
        keep = [i for i, name in enumerate(self.materials) if name in names]
        if len(keep) == len(self.materials):
            return self
        chosen = tuple(self.materials[i] for i in keep)
        parameters = dict(self.parameters)
        parameters["materials"] = list(chosen)
        outputs = tuple(self.outputs[i] for i in keep)
        stamps = tuple(self.fingerprints[i] for i in keep)
        return replace(
            self,
            materials=chosen,
            parameters=parameters,
            outputs=outputs,
            fingerprints=stamps,
            part=True,
        )

    def executed_path(self, out_dir, campaign_id: str) -> Path:
        """Its executed notebook; a run of some materials only has one of its own, so the
        notebook that made the others stays theirs."""
        name = f"{Path(self.notebook).stem}-{self.lang}"
        if self.part:
            name += "." + "+".join(self.materials)
        return paths.output(out_dir, campaign_id, "notebooks", self.region, name + ".ipynb")


@dataclass
class Outcome:
    job: Job
    executed: Path
    error: str | None = None  # what went wrong, as the command line says it
    findings: list = field(default_factory=list)  # a failed check's, for a page to word them
    skipped: bool = False
    cancelled: bool = False  # stopped by Ctrl-C, or never started
    stale: bool = False  # the campaign's files changed while it ran: redone next time
    spoiled_kernel: bool = False  # the kernel may still be busy: do not reuse it
    seconds: float | None = None  # how long the notebook ran (recorded: longest first next time)
    kernel_seconds: float = 0  # waiting for its kernel: started (or taken ready), or reset
    checks_seconds: float = 0  # preflight and thumbnails of its outputs, after it ran


@cache
def notebook_parameters(notebook: str) -> frozenset[str]:
    """The names a notebook's parameters cell assigns (read without importing papermill)."""
    cells = json.loads((paths.NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return frozenset(re.findall(r"^(\w+)\s*[:=]", source, flags=re.M))
    return frozenset()


def run_job(job: Job, campaign_id: str, out_dir, kernel=None, timeout=CELL_TIMEOUT) -> Outcome:
    """Execute one notebook with papermill (in a warm kernel when given one), then write
    the executed notebook atomically. A failed write anywhere raises WriteFailed."""
    import papermill
    from nbclient.exceptions import CellTimeoutError

    import campaignkit.batch.kernels  # noqa: F401 - registers the "warm" engine

    executed = job.executed_path(out_dir, campaign_id)
    kept: list = []
    outcome = Outcome(job, executed)
    try:
        papermill.execute_notebook(
            str(paths.NOTEBOOKS / job.notebook),
            None,
            parameters=job.parameters,
            cwd=str(paths.ROOT),
            progress_bar=False,
            kernel_name="python3",
            engine_name="warm",
            kernel=kernel,
            keep=kept,
            execution_timeout=timeout,
        )
    except papermill.PapermillExecutionError as error:
        if error.ename == WriteFailed.__name__:
            raise write_failure(error.evalue) from None
        said, outcome.findings = decode(error.evalue)
        outcome.error = f"{error.ename}: {said}"
    except CellTimeoutError:
        outcome.error, outcome.spoiled_kernel = timed_out(kept, timeout), True
    except WriteFailed:
        raise
    except Exception as error:  # noqa: BLE001 - one failed job must not stop the others
        outcome.error, outcome.spoiled_kernel = f"{type(error).__name__}: {error}", True
    if kept:
        write_notebook(kept[0], executed)
    return outcome


def write_notebook(nb, executed: Path):
    import nbformat

    nb.metadata.setdefault("papermill", {})["output_path"] = str(executed)
    write_atomically(executed, nbformat.writes(nb).encode("utf-8"))


def write_failure(evalue: str) -> WriteFailed:
    """The WriteFailed a kernel raised, rebuilt from its text (an OSError's)."""
    found = re.fullmatch(r"\[Errno (\d+)\] (.*): '(.*)'", evalue.strip(), flags=re.S)
    if found:
        return WriteFailed(int(found[1]), found[2], found[3])
    return WriteFailed(None, evalue, "?")


def timed_out(kept: list, timeout: float) -> str:
    """The failure of a job whose cell ran over the time limit; the cell shows it too."""
    import nbformat

    cells = kept[0].cells if kept else []
    started = [
        cell for cell in cells if cell.get("metadata", {}).get("papermill", {}).get("start_time")
    ]
    where = "?"
    if started:
        cell = started[-1]
        where = f"{cells.index(cell) + 1} ({cell.source.splitlines()[0][:60]})"
    text = word("error.timed_out", interface_language(), cell=where, seconds=f"{timeout:g}")
    if started:
        error = nbformat.v4.new_output("error", ename="CellTimeoutError", evalue=text, traceback=[])
        started[-1].outputs.append(error)
        started[-1].metadata.papermill.update(status="failed", exception=True)
    return text
