import json
import shutil

import openpyxl
import pytest

from campaignkit.batch.build import Job, run_jobs
from tests.conftest import FIXTURES

PROBE = str(FIXTURES / "notebooks" / "probe.ipynb")


def probe_job(value: int, fail: bool = False) -> Job:
    return Job(PROBE, f"r{value}", "fr", (), {"value": value, "fail": fail})


def printed(outcome) -> str:
    cells = json.loads(outcome.executed.read_text())["cells"]
    texts = [o.get("text", "") for c in cells for o in c.get("outputs", [])]
    return "".join("".join(t) if isinstance(t, list) else t for t in texts)


@pytest.fixture(scope="module")
def probe_runs(tmp_path_factory):
    """Four probe jobs on one warm worker; the third fails on purpose."""
    out = tmp_path_factory.mktemp("probe")
    jobs = [probe_job(1), probe_job(2), probe_job(3, fail=True), probe_job(4)]
    outcomes = run_jobs(jobs, "probe", out, workers=1, progress=False)
    return {o.job.parameters["value"]: o for o in outcomes}


def test_jobs_share_a_warm_kernel(probe_runs):
    pids = {printed(o).split()[1] for o in probe_runs.values()}
    assert len(pids) == 1, "one kernel for every job of a worker"
    assert all("warm True" in printed(o) for o in probe_runs.values())


def test_what_a_warm_kernel_made_is_out_of_the_garbage_collectors_rounds(probe_runs):
    """Modules, fonts, the first page: frozen, so the collector that WeasyPrint sets off
    thousands of times a build no longer walks them on each full round."""
    frozen = int(printed(probe_runs[1]).split("frozen ")[1].split()[0])
    assert frozen > 50_000, f"only {frozen} objects set aside"


def test_nothing_leaks_from_one_job_into_the_next(probe_runs):
    for value in (2, 4):
        assert probe_runs[value].error is None, probe_runs[value].error


def test_a_failing_job_lets_the_others_finish(probe_runs):
    failed = probe_runs[3]
    assert failed.error == "ValueError: job 3 fails on purpose"
    assert "job 3 fails on purpose" in failed.executed.read_text()
    assert [v for v, o in probe_runs.items() if o.error is None] == [1, 2, 4]


@pytest.fixture(scope="module")
def incremental(tmp_path_factory):
    """Builds of a copy of the mini campaign: first, again, after one edit, forced."""

    from campaignkit.batch.build import build

    root = tmp_path_factory.mktemp("campaign") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    out = tmp_path_factory.mktemp("out")
    poster = out / "mini" / "montreal" / "poster-fr.pdf"

    def run(force=False):
        kwargs = {"material_names": ["poster"], "langs": ["fr"], "jobs": 2, "progress": False}
        outcomes = build(root, out_dir=out, force=force, **kwargs)
        return {o.job.region: o for o in outcomes}, poster.read_bytes()

    first = run()
    again = run()
    events = root / "events.csv"
    events.write_text(events.read_text().replace("Café d'essai", "Café du coin"))
    edited = run()
    forced = run(force=True)
    return {"first": first, "again": again, "edited": edited, "forced": forced, "out": out}


def built(run) -> set[str]:
    outcomes, _ = run
    assert not [o.error for o in outcomes.values() if o.error]
    return {region for region, o in outcomes.items() if not o.skipped}


def test_unchanged_jobs_are_skipped(incremental):
    assert built(incremental["first"]) == {"montreal", "mauricie", "cote-nord"}
    assert built(incremental["again"]) == set()


def test_changing_one_event_rebuilds_only_its_region(incremental):
    assert built(incremental["edited"]) == {"montreal"}


def test_force_rebuilds_everything_byte_for_byte(incremental):
    assert built(incremental["forced"]) == {"montreal", "mauricie", "cote-nord"}
    assert incremental["forced"][1] == incremental["edited"][1], "same inputs, same bytes"
    assert incremental["edited"][1] != incremental["first"][1]


def test_manifest_records_every_output(incremental):
    manifest = json.loads((incremental["out"] / "mini" / "manifest.json").read_text())
    entry = manifest["outputs"]["montreal/poster-fr.pdf"]
    assert entry["pages"] == 1 and entry["preflight"]["ok"] and len(entry["inputs"]) == 64
    assert entry["notebook"] == "notebooks/montreal/poster-fr.ipynb"
    assert entry["seconds"] > 0, "how long its job ran, to schedule the longest first"
    assert entry["checks_seconds"] > 0 and entry["kernel_seconds"] > 0, "where time went"
    assert set(manifest["outputs"]) == {
        f"{r}/poster-fr.pdf" for r in ("montreal", "mauricie", "cote-nord")
    }


def test_gallery_shows_every_output_with_a_thumbnail(incremental):
    root = incremental["out"] / "mini"
    page = (root / "index.html").read_text()
    for region in ("montreal", "mauricie", "cote-nord"):
        assert f'href="{region}/poster-fr.pdf"' in page
        assert (root / "thumbs" / region / "poster-fr.png").stat().st_size > 1000
    assert page.count('class="badge ok"') == 3


def test_a_job_cannot_reach_the_network(tmp_path):
    job = Job(PROBE, "net", "fr", (), {"value": 9, "fetch": "http://example.org/"})
    [outcome] = run_jobs([job], "probe", tmp_path, workers=1, progress=False)
    assert "network access is blocked during a build" in outcome.error


def test_the_longest_jobs_are_scheduled_first(tmp_path):
    from campaignkit.batch.build import longest_first
    from campaignkit.batch.manifest import Manifest

    manifest = Manifest(tmp_path, "c")

    def job(region: str, materials: tuple, seconds: float | None) -> Job:
        pdf = tmp_path / "c" / region / "x-fr.pdf"
        if seconds is not None:
            manifest.outputs[manifest.key(pdf)] = {"seconds": seconds}
        return Job("x.ipynb", region, "fr", materials, outputs=(pdf,))

    short, long, unknown_big, unknown_small = (
        job("short", ("poster",), 2.0),
        job("long", ("letters",), 9.5),
        job("big", ("casebook", "letters", "cards", "tally"), None),
        job("small", ("poster",), None),
    )
    order = longest_first([unknown_small, short, unknown_big, long], manifest)
    assert [j.region for j in order] == ["long", "short", "big", "small"]


def test_an_event_changed_remakes_only_the_materials_that_print_events(tmp_path):
    """The letters notebook makes letters, cards, case book and tally sheet; of those only
    the tally sheet prints the events, so a new venue remakes it alone, in a run (and an
    executed notebook) of its own, and the others keep theirs."""

    from campaignkit.batch.build import build

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    out = tmp_path / "out"
    kwargs = {"regions": ["montreal"], "langs": ["fr"], "jobs": 1, "progress": False}
    kwargs |= {"material_names": ["letters", "cards", "casebook", "tally"], "out_dir": out}
    [first] = build(root, **kwargs)
    made = {pdf.name: pdf.read_bytes() for pdf in first.job.outputs}
    assert set(made) == {"letters-fr.pdf", "cards-fr.pdf", "casebook-fr.pdf", "tally-fr.pdf"}
    events = root / "events.csv"
    events.write_text(events.read_text().replace("Café d'essai", "Café du coin"))

    [again] = build(root, **kwargs)

    assert not again.error and again.job.materials == ("tally",)
    assert again.executed.name == "letters-fr.tally.ipynb"
    outputs = json.loads((out / "mini" / "manifest.json").read_text())["outputs"]
    notebooks = {key.split("/")[-1]: entry["notebook"] for key, entry in outputs.items()}
    assert notebooks["tally-fr.pdf"] == "notebooks/montreal/letters-fr.tally.ipynb"
    assert notebooks["letters-fr.pdf"] == "notebooks/montreal/letters-fr.ipynb"
    assert (out / "mini" / notebooks["letters-fr.pdf"]).is_file()
    for pdf in first.job.outputs:
        remade = pdf.read_bytes() != made[pdf.name]
        assert remade == (pdf.name == "tally-fr.pdf"), pdf.name
    ran = json.loads(again.executed.read_text())["metadata"]["papermill"]["parameters"]
    assert ran["materials"] == ["tally"]

    case = root / "cases" / "ana.yaml"
    case.write_text(case.read_text().replace("name: Ana Wydrzyńska", "name: Ana Wydrzynska"))
    [third] = build(root, **kwargs)
    assert third.job.materials == first.job.materials, "every one prints the cases"
    assert third.executed.name == "letters-fr.ipynb"


def test_a_failed_check_comes_back_from_the_notebook_as_findings(tmp_path, monkeypatch):
    """The command line keeps a precise text; the findings come back for a page to word."""
    import papermill

    from campaignkit.batch.jobs import run_job
    from campaignkit.printing.findings import Finding, failed

    found = Finding("page_count", {"got": 2, "expected": 1})
    evalue = str(failed("poster montreal fr", [found]))

    def fails(*_, **__):
        raise papermill.PapermillExecutionError(3, 1, "produce()", "PreflightFailed", evalue, [])

    monkeypatch.setattr(papermill, "execute_notebook", fails)
    outcome = run_job(Job("poster.ipynb", "montreal", "fr", ("poster",)), "x", tmp_path)
    assert outcome.findings == [found]
    assert outcome.error.startswith("PreflightFailed: poster montreal fr: 2 pages ")
    assert "findings" not in outcome.error and "\n" not in outcome.error


def test_findings_survive_a_real_kernels_error_text(tmp_path):
    import nbformat

    from campaignkit.batch.jobs import run_job
    from campaignkit.printing.findings import Finding

    source = (
        "from campaignkit.printing.findings import Finding, failed\n"
        "raise failed('poster montreal fr', [Finding('page_count', {'got': 2, 'expected': 1})])"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = tmp_path / "fails.ipynb"
    nbformat.write(notebook, path)
    outcome = run_job(Job(str(path), "r", "fr", ()), "x", tmp_path / "out")
    assert outcome.findings == [Finding("page_count", {"got": 2, "expected": 1})]
    assert "findings" not in outcome.error


def test_up_to_date_jobs_are_reported_first_and_the_count_runs_to_every_job():
    from campaignkit.batch.build import Outcome, _reporting

    seen = []
    skipped = [Outcome(probe_job(1), None, skipped=True)]
    report = _reporting(lambda outcome, done, total: seen.append((done, total)), skipped, 3)
    report(Outcome(probe_job(2), None), 1, 2)
    report(Outcome(probe_job(3), None), 2, 2)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_file_check_that_fails_comes_back_as_findings_of_its_document(
    campaign_copy, tmp_path, monkeypatch
):
    """A photo too small for print failed the poster as « preflight: poster-fr.pdf: page 1:
    image at 40 ppi », in English whatever the language, with nothing a page could word."""
    from campaignkit.batch.build import build
    from campaignkit.batch.manifest import Manifest
    from tests.images import photo

    photo(campaign_copy.root / "photos" / "ana.jpg", size=(60, 66))
    campaign_copy.edit(
        "cases/ana.yaml",
        "photo: null",
        "photo: {file: photos/ana.jpg, credit: {fr: Essai, en: Test}, alt: {fr: A, en: A}}",
    )
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "fr")
    out = tmp_path / "out"
    kwargs = {"regions": ["montreal"], "langs": ["fr"], "material_names": ["poster"]}
    [outcome] = build(campaign_copy.root, out_dir=out, progress=False, **kwargs)
    [found] = [found for found in outcome.findings if found.code == "image_blurred"]
    assert found.params["material"] == "poster" and found.params["page"] == 1
    assert outcome.error.startswith("vérification des PDF : poster-fr.pdf: page 1 : image à ")
    [entry] = Manifest(out, "mini").outputs.values()
    assert not entry["preflight"]["ok"]
    assert any(text.startswith("page 1 : image à ") for text in entry["preflight"]["errors"])


def test_the_outputs_of_a_job_are_recorded_in_one_save(campaign_copy, tmp_path, monkeypatch):
    """Each save rewrites the whole manifest: once per output made the parent's share of
    the build's two cores grow with the square of the campaign."""
    from campaignkit.batch.build import build
    from campaignkit.batch.manifest import Manifest

    saves, save = [], Manifest.save
    monkeypatch.setattr(Manifest, "save", lambda self: saves.append(1) or save(self))
    kwargs = {"regions": ["montreal"], "langs": ["fr"], "progress": False}
    materials = ["casebook", "letters", "cards", "tally"]
    [outcome] = build(campaign_copy.root, out_dir=tmp_path, material_names=materials, **kwargs)
    assert not outcome.error and len(outcome.job.outputs) == 4
    assert len(Manifest(tmp_path, "mini").outputs) == 4 and len(saves) == 1


def test_cards_the_same_in_every_region_are_laid_out_once_per_build(tmp_path, monkeypatch):
    """printing/reuse.py in a build: one layout for the three regions' identical cards,
    checked once, none kept from before a forced build, and none left behind by an edit."""
    import time

    from campaignkit.batch.build import build
    from campaignkit.printing import preflight

    checked, real = [], preflight.preflight_file
    monkeypatch.setattr(
        preflight, "preflight_file", lambda *a, **k: checked.append(a) or real(*a, **k)
    )

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    out = tmp_path / "out"
    kwargs = {"material_names": ["cards"], "langs": ["fr"], "jobs": 2, "progress": False}
    kept = out / ".cache" / "pages"

    outcomes = build(root, out_dir=out, **kwargs)
    built_regions = [o.job.region for o in outcomes]
    made = {o.job.outputs[0].read_bytes() for o in outcomes}
    assert len(outcomes) == 3 and not any(o.error for o in outcomes)
    assert len(made) == 1 and [p.read_bytes() for p in kept.glob("*.pdf")] == list(made)
    assert len(checked) == 1, "the same bytes are preflighted once"
    manifest = json.loads((out / "mini" / "manifest.json").read_text())["outputs"]
    assert [e["preflight"]["ok"] for e in manifest.values()] == [True] * 3
    assert {e["pages"] for e in manifest.values()} == {
        2 * len(list((root / "cases").glob("*.yaml")))
    }
    thumbs = {(out / "mini" / "thumbs" / r / "cards-fr.png").read_bytes() for r in built_regions}
    assert len(thumbs) == 1 and len(next(iter(thumbs))) > 1000, "each region has its thumbnail"

    forced_at = time.time()
    build(root, out_dir=out, force=True, **kwargs)
    (entry,) = kept.glob("*.pdf")
    assert entry.stat().st_mtime >= forced_at, "laid out again, not taken from before"

    case = root / "cases" / "ana.yaml"
    case.write_text(case.read_text().replace("name: Ana Wydrzyńska", "name: Ana Wydrzynska"))
    outcomes = build(root, out_dir=out, **kwargs)
    assert len([o for o in outcomes if not o.skipped]) == 3
    (entry,) = kept.glob("*.pdf")
    assert entry.read_bytes() == outcomes[0].job.outputs[0].read_bytes(), "the old one is gone"


@pytest.fixture
def planning(tmp_path, monkeypatch):
    """Builds of a copy of the mini campaign that only plan (no job runs); each returns
    how many workbooks it parsed."""
    from campaignkit.batch import build as batch
    from campaignkit.data import spreadsheets

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    monkeypatch.setattr(batch, "run_jobs", lambda *args, **kwargs: [])
    parsed, parse = [], spreadsheets._sheet_rows
    monkeypatch.setattr(
        spreadsheets, "_sheet_rows", lambda *a, **k: parsed.append(1) or parse(*a, **k)
    )

    def planned(force=False) -> int:
        before = len(parsed)
        batch.build(root, out_dir=tmp_path / "out", progress=False, force=force)
        return len(parsed) - before

    return planned, root / "tallies" / "tr-biblio.xlsx", tmp_path / "out"


def test_a_tally_workbook_is_parsed_again_only_once_changed(planning):
    """Planning asks which regions have a tally; the next build takes an unchanged
    workbook's rows from the outputs' cache (parsing one first loads openpyxl)."""
    planned, tally, _ = planning
    assert planned() == 1 and planned() == 0
    book = openpyxl.load_workbook(tally)
    book.active.append(["# une note / a note"])
    book.save(tally)
    assert planned() == 1 and planned() == 0
    assert planned(force=True) == 1, "forced: nothing taken from an earlier build"


def test_a_workbook_cache_leading_outside_the_outputs_is_not_used(planning, tmp_path):
    planned, _, out = planning
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.json").write_text("{}")
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / "workbooks").symlink_to(elsewhere)
    assert planned() == 1 and planned() == 1
    assert [path.name for path in elsewhere.iterdir()] == ["notes.json"]
