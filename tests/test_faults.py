"""A build killed midway leaves no broken file, and the next build finishes the work."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import types

import psutil
import pytest
from pypdf import PdfReader

from tests.bounded import run_bounded
from tests.conftest import MINI
from tests.hostile import bomb_workbook, far_cell_workbook, fifo
from tests.mounts import read_only, small_disk


def build_command(root, out):
    return [
        sys.executable,
        "-m",
        "campaignkit.cli",
        "build",
        str(root),
        "--out-dir",
        str(out),
        "--jobs",
        "1",
        "--material",
        "poster",
    ]


def test_kill_minus_nine_midway_then_rebuild(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    out = tmp_path / "out"
    process = subprocess.Popen(
        build_command(root, out),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not list(out.rglob("poster-*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = list(out.rglob("poster-*.pdf"))
    assert 1 <= len(written) < 6, "killed midway"
    for pdf in written:
        assert len(PdfReader(str(pdf)).pages) == 1, f"{pdf} is broken"

    finished = subprocess.run(build_command(root, out), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    pdfs = sorted(out.rglob("poster-*.pdf"))
    assert len(pdfs) == 6
    assert all(len(PdfReader(str(pdf)).pages) == 1 for pdf in pdfs)
    assert not list(out.rglob("*.tmp"))


SAVER = """
import sys
from pathlib import Path
from campaignkit.data import savefile

path, root = Path(sys.argv[1]), Path(sys.argv[2])
versions = [path.read_bytes(), Path(sys.argv[3]).read_bytes()]
print("ready", flush=True)
n = 0
while True:
    snapshot = savefile.load(path)
    savefile.save(snapshot, versions[n % 2], root)
    n += 1
"""


def test_killing_a_save_leaves_the_old_or_the_new_file(tmp_path):
    """An editor killed while saving: events.csv is always whole, old or new."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    events = root / "events.csv"
    old = events.read_bytes()
    row = (
        "e{n},montreal,Soirée,Evening,2023-12-05,18:30,21:00,Café,1 rue,Montréal,10,T,t@x.org,yes\n"
    )
    new = old + "".join(row.format(n=n) for n in range(20000)).encode()
    (tmp_path / "new.csv").write_bytes(new)
    for attempt in range(6):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(events), str(root), str(tmp_path / "new.csv")],
            stdout=subprocess.PIPE,
        )
        assert saver.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.07 * attempt)
        saver.kill()
        saver.wait()
        assert events.read_bytes() in (old, new), f"broken file after kill {attempt}"
    assert list((root / ".backups").rglob("events.csv.*")), "previous versions are kept"


def campaignkit(*args, env=None, timeout=300) -> subprocess.CompletedProcess:
    """The command as a user runs it, in French; a hang fails the test instead of waiting."""
    env = {**os.environ, "CAMPAIGNKIT_LANG": "fr", **(env or {})}
    command = [sys.executable, "-m", "campaignkit.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def campaign(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


def assert_clean_stop(run, *expected: str):
    """Stopped with an error code and one message naming what it names, no traceback."""
    assert run.returncode not in (0, None), run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    for text in expected:
        assert text in run.stderr, run.stderr


def assert_nothing_half_written(out):
    """Every file left is whole: no temporary file, nothing empty, every PDF and notebook reads."""
    for path in out.rglob("*"):
        if not path.is_file() or path.name == ".build.lock":  # the lock's file is empty by design
            continue
        assert not path.name.endswith(".tmp"), f"temporary file left: {path}"
        assert path.stat().st_size > 0, f"empty file left: {path}"
        if path.suffix == ".pdf":
            assert len(PdfReader(str(path)).pages) >= 1
        if path.suffix in (".ipynb", ".json"):
            json.loads(path.read_text())


def test_a_read_only_outputs_folder_stops_build_results_and_print_shop(tmp_path):
    root, out = campaign(tmp_path), tmp_path / "out"
    with read_only(out):
        build = campaignkit("build", root, "--out-dir", out, "--material", "poster", timeout=120)
        results = campaignkit("results", root, "--out-dir", out, timeout=120)
        shop = campaignkit("print-shop", root, "--out-dir", out, timeout=120)
    for run in (build, results, shop):
        assert_clean_stop(run, "impossible d'écrire", str(out), "dossier en lecture seule")


def test_a_read_only_region_folder_stops_the_build_from_inside_a_job(tmp_path):
    root, out = campaign(tmp_path), tmp_path / "out"
    region = out / "mini" / "montreal"
    with read_only(region):
        run = campaignkit(
            "build", root, "--out-dir", out, "--material", "poster", "--jobs", "2", timeout=180
        )
    assert_clean_stop(run, f"impossible d'écrire {region}/poster-", "dossier en lecture seule")
    assert_nothing_half_written(out)


def test_a_full_disk_stops_the_build_and_leaves_nothing_half_written(tmp_path):
    root, out = campaign(tmp_path), tmp_path / "out"
    with small_disk(out, "160k"):  # room for a few PDFs, not for the whole build
        run = campaignkit("build", root, "--out-dir", out, "--jobs", "2", timeout=180)
        assert_clean_stop(run, "impossible d'écrire", str(out), "disque plein")
        assert_nothing_half_written(out)
        assert list(out.rglob("*.pdf")), "the disk filled midway, not at the first write"


def test_ctrl_c_stops_the_build_keeps_what_finished_and_shuts_kernels_down(tmp_path):
    root, out = campaign(tmp_path), tmp_path / "out"
    command = [sys.executable, "-m", "campaignkit.cli", "build", str(root), "--out-dir", str(out)]
    env = {**os.environ, "CAMPAIGNKIT_LANG": "fr"}
    process = psutil.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        # as from a terminal: a shell that started pytest in the background made it ignore
        # Ctrl-C, and a child inherits that (the build then rightly went on to its end)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    manifest = out / "mini" / "manifest.json"
    deadline = time.monotonic() + 240
    while not manifest.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert manifest.exists(), "no job finished"
    kernels = [child for child in process.children(recursive=True)]
    assert kernels, "the build runs its jobs in kernels"
    seen = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    running = process.poll() is None
    stdout, stderr = process.communicate(timeout=120)
    when = f"the build ended {time.monotonic() - seen:.1f} s after Ctrl-C (running then: {running})"
    assert process.returncode == 130, f"{when}\n{stdout}{stderr}"
    progress = ("job/s", "s/job")  # tqdm's rate, either way round depending on speed
    lines = [
        line
        for line in stderr.replace("\r", "\n").splitlines()
        if not any(rate in line for rate in progress)
    ]
    assert lines[-1].startswith("interrompu. Tâches terminées") and "Traceback" not in stderr, (
        stderr
    )
    assert len([line for line in lines if line.strip()]) == 1, stderr
    psutil.wait_procs(kernels, timeout=30)
    assert not [k for k in kernels if k.is_running() and k.status() != psutil.STATUS_ZOMBIE]
    recorded = json.loads(manifest.read_text())["outputs"]
    finished = [key for key, entry in recorded.items() if entry["bytes"]]  # not the interrupted
    assert finished and all((out / "mini" / key).is_file() for key in finished)
    assert len(recorded) < 32, "the remaining jobs did not run"
    assert_nothing_half_written(out)


def test_one_build_per_outputs_folder_and_a_killed_builds_lock_is_taken_over(tmp_path):
    root, out = campaign(tmp_path), tmp_path / "out"
    command = [sys.executable, "-m", "campaignkit.cli", "build", str(root), "--out-dir", str(out)]
    first = psutil.Popen(
        [*command, "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    manifest = out / "mini" / "manifest.json"
    deadline = time.monotonic() + 240
    while not manifest.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = campaignkit("build", root, "--out-dir", out, "--material", "poster")
    assert_clean_stop(second, "une production est en cours", f"processus {first.pid}")
    family = [first, *first.children(recursive=True)]
    for process in family:
        process.kill()
    psutil.wait_procs(family, timeout=30)
    third = campaignkit("build", root, "--out-dir", out, "--material", "poster")
    assert third.returncode == 0, third.stdout + third.stderr


def test_a_build_leaves_nothing_in_tmpdir(tmp_path):
    root, out, tmp = campaign(tmp_path), tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    run = campaignkit(
        "build",
        root,
        "--out-dir",
        out,
        "--material",
        "poster",
        "--lang",
        "fr",
        env={"TMPDIR": str(tmp)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(list(out.rglob("poster-fr.pdf"))) == 3
    assert sorted(tmp.iterdir()) == []


# --- issue 12: special files, symlinks, hostile workbooks -----------------------------------


def linked_events(root, target):
    """events.csv moved to `target` and replaced by a symlink to it."""
    events = root / "events.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    events.rename(target)
    os.symlink(target, events)
    return events


def test_the_editor_refuses_to_save_through_a_symlink(tmp_path):
    """The link and the file it points to stay as they were; the editor says why, in words."""
    from campaignkit.editor.forms import Notice, try_save
    from campaignkit.editor.session import Session

    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    target = root / "shared" / "events.csv"
    events = linked_events(root, target)
    before = target.read_bytes()
    session = Session(root)
    key = session.events.keys_of("montreal")[0]
    session.events.set(key, "city", "Laval")
    for lang, says in (("fr", "lien symbolique"), ("en", "symbolic link")):
        app = types.SimpleNamespace(lang=lang, changed=lambda: None)
        notice = Notice("events")
        assert try_save(app, [session.events], notice, "la liste des événements") is False
        assert says in notice.html.value and "events.csv" in notice.html.value, lang
    assert events.is_symlink() and target.read_bytes() == before
    assert not (root / ".backups").exists()


def test_the_editor_neither_reads_nor_saves_a_file_linked_from_outside(tmp_path):
    from campaignkit.editor.session import Session
    from campaignkit.exceptions import UnsafeDataFile

    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    target = tmp_path / "elsewhere" / "events.csv"
    events = linked_events(root, target)
    before = target.read_bytes()
    session = Session(root)
    refused = [p for p in session.all_problems() if p.code == "outside_folder"]
    assert refused and refused[0].file.endswith("events.csv")
    assert session.events.keys_of("montreal") == [], "nothing of it is shown to edit"
    with pytest.raises(UnsafeDataFile):
        session.events.save()
    assert events.is_symlink() and target.read_bytes() == before


LOAD_IN_EDITOR = """
import sys
from campaignkit.editor.session import Session
for problem in Session(sys.argv[1]).all_problems():
    print(problem.text("en"))
"""


def test_the_editor_opening_a_fifo_says_so_instead_of_waiting(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    fifo(root / "events.csv")
    env = {"CAMPAIGNKIT_LANG": "en", "PATH": "/usr/bin:/bin", "CAMPAIGNKIT_KEEP_KERNELS": "0"}
    command = [sys.executable, "-c", LOAD_IN_EDITOR, str(root)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("the editor waits for ever on a FIFO named events.csv")
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(line for line in done.stdout.splitlines() if "events.csv" in line)
    assert "named pipe (FIFO)" in line and "Fix:" in line, done.stdout


def test_a_build_with_a_fifo_for_a_tally_finishes(tmp_path):
    """Hashing the inputs never waits on a FIFO: the job is built, the FIFO left unread."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    fifo(root / "tallies" / "mtl-cafe.csv")
    out = tmp_path / "out"
    command = build_command(root, out) + ["--region", "montreal", "--lang", "fr"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("the build waits for ever on a FIFO named tallies/mtl-cafe.csv")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(PdfReader(str(out / "mini" / "montreal" / "poster-fr.pdf")).pages) == 1


@pytest.mark.parametrize(
    ("make", "at_most", "says"),
    [
        (far_cell_workbook, 10_000, "jusqu'à la cellule XFD1048576"),
        (bomb_workbook, 1_100_000, "1000 MB une fois décompressé"),
    ],
)
def test_a_hostile_workbook_is_refused_in_bounded_memory(make, at_most, says, tmp_path):
    """A few-KB workbook reaching XFD1048576, a 1 MB one holding a 1 GB cell: refused, named,
    in French, under 300 MB, while the other tallies are still counted."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    (root / "tallies" / "mtl-grand.csv").unlink()
    rows = [["Événement / Event", "mtl-grand"], ["Participants", 120]]
    workbook = make(root / "tallies" / "mtl-grand.xlsx", rows)
    assert workbook.stat().st_size < at_most
    result = run_bounded("results", str(root), "--out-dir", str(tmp_path / "out"), lang="fr")
    assert not result.hung and result.returncode == 1, result.output[-2000:]
    assert "Traceback" not in result.output and "MemoryError" not in result.output
    assert result.peak_mb < 300, result.peak_mb
    line = next(line for line in result.output.splitlines() if "mtl-grand.xlsx" in line)
    assert says in line and "À faire :" in line, line
    assert "tr-biblio.xlsx" in result.output, "the other tallies are still read"


SHOP_OUTPUTS = {  # enough outputs for two processes (print_shop.OUTPUTS_PER_PROCESS)
    "regions": ("montreal", "mauricie", "cote-nord"),
    "materials": ("poster", "letters", "cards", "casebook", "tally"),
}


@pytest.fixture(scope="module")
def shop_made(tmp_path_factory):
    """A campaign with its outputs recorded and its bundle made once (the one to keep)."""
    from campaignkit import load_campaign
    from campaignkit.batch.print_shop import write_bundle
    from tests.batch.test_print_shop_press import record_outputs

    folder = tmp_path_factory.mktemp("shop")
    root, out = campaign(folder), folder / "out"
    data = load_campaign(root)
    record_outputs(data, out, **SHOP_OUTPUTS)
    write_bundle(data, out)
    return folder


def shop_before(tmp_path, shop_made):
    """A copy of that campaign, its outputs and bundle, and the command that makes the
    bundle again on two processes, in French, as from a terminal."""
    shutil.copytree(shop_made, tmp_path, dirs_exist_ok=True)
    root, out = tmp_path / "mini", tmp_path / "out"
    command = [sys.executable, "-m", "campaignkit.cli", "print-shop", str(root)]
    process = psutil.Popen(
        [*command, "--out-dir", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CAMPAIGNKIT_LANG": "fr"},
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as in a terminal
    )
    return out, files_of(out / "mini"), process


def files_of(folder) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def shop_workers(process, out, once_drawn: bool = True) -> list:
    """The print shop's two worker processes, as soon as they exist, or once a first file
    of the new bundle is written."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = [p for p in process.children() if "spawn_main" in " ".join(p.cmdline())]
        drawn = list(out.glob("mini/.print-shop.*.tmp/*/*.pdf"))
        if len(workers) == 2 and (drawn or not once_drawn):
            time.sleep(0 if once_drawn else 0.2)  # the parent has started them all by then
            return workers
        time.sleep(0.02)
    raise AssertionError("the press files are made on two processes")


def said_lines(stderr: str) -> list[str]:
    """What the command said, without its progress bar."""
    lines = stderr.replace("\r", "\n").splitlines()
    return [line for line in lines if line.strip() and "job/s" not in line and "s/job" not in line]


def assert_bundle_kept(out, before: dict):
    assert files_of(out / "mini") == before, "the bundle made before is whole and unchanged"
    assert not [p for p in out.rglob("*") if ".tmp" in p.name], "no draft left"
    assert_nothing_half_written(out)


@pytest.mark.parametrize("once_drawn", [False, True], ids=["as workers start", "midway"])
def test_ctrl_c_stops_the_print_shop_and_keeps_the_bundle_made_before(
    tmp_path, shop_made, once_drawn
):
    out, before, process = shop_before(tmp_path, shop_made)
    workers = shop_workers(process, out, once_drawn)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends, to all of them
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stdout + stderr
    assert said_lines(stderr) == ["interrompu"] and "Traceback" not in stderr, stderr
    psutil.wait_procs(workers, timeout=30)
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    assert_bundle_kept(out, before)


def test_a_worker_killed_midway_is_said_and_the_bundle_made_before_is_kept(tmp_path, shop_made):
    out, before, process = shop_before(tmp_path, shop_made)
    workers = shop_workers(process, out)
    workers[0].kill()  # as the system does when memory runs out
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stdout + stderr
    said = said_lines(stderr)
    assert len(said) == 1 and "Traceback" not in stderr, stderr
    assert said[0].startswith("Erreur") and "s'est arrêté avant la fin" in said[0], stderr
    assert "--jobs 1" in said[0]
    psutil.wait_procs(workers, timeout=30)
    assert_bundle_kept(out, before)
