"""Each error the kit raises is said from the catalogs, in French and in English.

Every test raises the error the real way (a read-only folder, a held lock, a FIFO…) while the
catalogs are marked (tests/catalogs.py): the message shows the mark of its catalog key, so
no sentence of it lives in the code.
"""

import os
import shutil

import nbformat
import pytest

from campaignkit.batch.jobs import Job, timed_out
from campaignkit.batch.lock import outputs_lock
from campaignkit.batch.workers import run_jobs
from campaignkit.cli import main
from campaignkit.data import savefile
from campaignkit.exceptions import BuildInterrupted, UnsafeDataFile, WriteFailed
from campaignkit.files import write_atomically
from campaignkit.text.catalog import describe, has
from tests.catalogs import mark, marked_catalogs
from tests.conftest import FIXTURES, MINI
from tests.hostile import fifo
from tests.mounts import read_only

LANGS = ("fr", "en")


@pytest.fixture
def marked(tmp_path):
    with marked_catalogs(tmp_path / "locale"):
        yield


def said_by_cli(args, lang, capsys, monkeypatch) -> str:
    """What `campaignkit <args>` writes to stderr in `lang`; it must stop with code 2."""
    monkeypatch.setenv("CAMPAIGNKIT_LANG", lang)
    assert main([str(arg) for arg in args]) == 2
    said = capsys.readouterr().err
    assert "Traceback" not in said
    return said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "impossible d'écrire {file} : dossier en lecture seule"),
        ("en", "cannot write {file}: read-only folder"),
    ],
)
def test_a_read_only_folder_is_said_from_the_catalog(
    lang, words, tmp_path, marked, capsys, monkeypatch
):
    out = tmp_path / "out"
    with read_only(out):
        said = said_by_cli(["results", MINI, "--out-dir", out], lang, capsys, monkeypatch)
    file = out / "mini" / "campaign" / "results.csv"
    assert mark("error.write_failed.erofs") + words.format(file=file) in said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "une production est en cours dans {folder} depuis "),
        ("en", "a build is running in {folder} since "),
    ],
)
def test_a_running_build_is_said_from_the_catalog(
    lang, words, tmp_path, marked, capsys, monkeypatch
):
    out = tmp_path / "out"
    build = ["build", MINI, "--out-dir", out, "--material", "poster"]
    with outputs_lock(out / "mini"):
        said = said_by_cli(build, lang, capsys, monkeypatch)
    assert mark("error.build_busy") + words.format(folder=out / "mini") in said
    assert f"{'processus' if lang == 'fr' else 'process'} {os.getpid()}" in said
    assert not (out / "mini" / "mini").exists()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "{path} est hors du dossier de sortie {folder} : rien n'a été écrit."),
        ("en", "{path} is outside the outputs folder {folder}: nothing was written."),
    ],
)
def test_an_outputs_folder_linked_elsewhere_is_said_from_the_catalog(
    lang, words, tmp_path, marked, capsys, monkeypatch
):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "mini")
    said = said_by_cli(["results", MINI, "--out-dir", out], lang, capsys, monkeypatch)
    path = out / "mini" / "campaign"
    assert mark("error.outside_outputs") + words.format(path=path, folder=out) in said
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "« events.csv » est un tube nommé (FIFO), pas un fichier ordinaire"),
        ("en", "'events.csv' is a named pipe (FIFO), not a regular file"),
    ],
)
def test_saving_over_a_fifo_is_said_from_the_catalog_in_the_language_asked(lang, words, tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    events = fifo(root / "events.csv")
    with pytest.raises(UnsafeDataFile) as refused:
        savefile.save(savefile.Snapshot(events, None), b"id\n", root)
    with marked_catalogs(tmp_path / "locale"):  # said when shown, not when raised
        said = describe(refused.value, lang)
    assert said.startswith(mark("problem.text") + str(events))
    assert mark("problem.not_regular_file") in said
    assert mark("problem.kind.fifo") in said, "what a FIFO is called comes from the catalog too"
    assert words in said.replace(mark("problem.kind.fifo"), "")


def test_ctrl_c_during_jobs_is_said_from_the_catalog(tmp_path, marked):
    probe = str(FIXTURES / "notebooks" / "probe.ipynb")
    jobs = [Job(probe, f"r{n}", "fr", (), {"value": n}) for n in (1, 2)]

    def ctrl_c(outcome, count, total):
        raise KeyboardInterrupt

    with pytest.raises(BuildInterrupted) as stopped:
        run_jobs(jobs, "probe", tmp_path, workers=1, progress=False, report=ctrl_c)
    key = mark("error.build_interrupted")
    assert describe(stopped.value, "fr").startswith(
        key + "interrompu. Tâches terminées et enregistrées : 1 ; annulées : 1."
    )
    assert describe(stopped.value, "en").startswith(
        key + "interrupted. Jobs finished and recorded: 1; cancelled: 1."
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "délai dépassé : la cellule 2 (import time) tournait encore après 2.5 s"),
        ("en", "timed out: cell 2 (import time) was still running after 2.5 s"),
    ],
)
def test_a_cell_over_time_is_said_from_the_catalog(lang, words, marked, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", lang)
    started = {"papermill": {"start_time": "2026-12-01T10:00:00"}}
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("value = 1", metadata=dict(started)),
        nbformat.v4.new_code_cell("import time\ntime.sleep(60)", metadata=dict(started)),
        nbformat.v4.new_code_cell("print(value)"),
    ]
    said = timed_out([notebook], 2.5)
    assert said.startswith(mark("error.timed_out") + words)
    assert notebook.cells[1].outputs[-1].evalue == said, "the notebook shows it at the cell"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "impossible d'écrire {file} : "),
        ("en", "cannot write {file}: "),
    ],
)
def test_a_write_failure_without_words_of_its_own_is_said_by_the_general_message(
    lang, words, tmp_path, marked
):
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    target = tmp_path / "notes.txt" / "results.csv"
    with pytest.raises(WriteFailed) as failed:
        write_atomically(target, b"x")
    cause = failed.value.key  # write_failed.eexist: a file stands where a folder should
    assert cause.startswith("write_failed.e") and not has(f"error.{cause}")
    said = describe(failed.value, lang)
    assert said.startswith(mark("error.write_failed") + words.format(file=target))


def every_kind_of_error() -> list:
    """One error of each kind the kit raises, made as the kit makes it."""
    from pathlib import Path

    from campaignkit import exceptions as e
    from campaignkit.data.merge import Conflict
    from campaignkit.printing.findings import Finding
    from campaignkit.text.problems import Problem

    problem = Problem("events.csv", "date", "bad_date", {"value": "32/13"}, line=4)
    return [
        e.RenderError("poster: the layout left no page"),
        e.InvalidCampaign([problem]),
        e.UnknownName("unknown_material", value="mug", choices="poster, letters"),
        e.PreflightFailed("poster-fr.pdf", [Finding("overflow", {"page": 1})], "said", "+"),
        e.FileChanged(Path("cases/2023/events.csv")),
        e.OutsideOutputs(Path("/tmp/x.pdf"), Path("outputs")),
        e.WriteFailed(28, "No space left on device", Path("outputs/a.pdf")),
        e.BuildBusy(Path("outputs/2023"), 123, "12:00"),
        e.BuildInterrupted(3, 4),
        e.UnsafeDataFile(Path("cases/2023/events.csv"), problem),
        e.RecordsChanged(Path("events.csv"), [Conflict("mtl-1", {"a": 1}, None)]),
    ]


@pytest.mark.parametrize("error", every_kind_of_error(), ids=lambda error: type(error).__name__)
def test_an_error_from_a_worker_process_arrives_whole(error):
    """The print shop's files are made in worker processes: their errors are pickled back."""
    import pickle

    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.key, back.params, str(back), back.args) == (
        error.key, error.params, str(error), error.args,
    )  # fmt: skip
    assert vars(back) == vars(error)
    for lang in LANGS:
        assert describe(back, lang) == describe(error, lang)
    if isinstance(error, OSError):
        assert (back.errno, back.strerror, back.filename) == (
            error.errno, error.strerror, error.filename,
        )  # fmt: skip
