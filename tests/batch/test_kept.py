"""Kernels kept between builds: the next build takes them warm, only when they run the very
same kit, and a kept kernel nobody takes ends itself."""

import json
import threading
import time
from pathlib import Path

import psutil
import pytest

from campaignkit.batch import kept
from campaignkit.batch.build import run_jobs
from tests.batch.test_build import printed, probe_job


def gone(pid: int) -> bool:
    return not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def kept_pids(out: Path) -> list[int]:
    return sorted(json.loads(p.read_text())["pid"] for p in kept.shelf(out).glob("*.json"))


def pid_of(outcome) -> int:
    return int(printed(outcome).split("pid ")[1].split()[0])


@pytest.fixture
def keeping(monkeypatch, tmp_path):
    """Builds keep their kernels for a minute; whatever is still kept is ended afterwards."""
    monkeypatch.setenv(kept.SETTING, "60")
    yield tmp_path / "out"
    while (kernel := kept.take(tmp_path / "out")) is not None:
        kernel.shutdown()


def test_the_next_build_runs_in_the_kernel_the_last_one_kept(keeping):
    [first] = run_jobs([probe_job(1)], "probe", keeping, workers=1, progress=False)
    [pid] = kept_pids(keeping)
    assert pid == pid_of(first) and not gone(pid), "the build's kernel waits for the next one"
    assert kept.shelf(keeping).joinpath(f"{pid}.json").stat().st_mode & 0o077 == 0, "own only"
    [second] = run_jobs([probe_job(2)], "probe", keeping, workers=1, progress=False)
    assert pid_of(second) == pid, "taken warm, not started again"
    assert not second.error, "the probe fails when the last job's variables are still there"
    assert kept_pids(keeping) == [pid], "and kept again"


def test_a_kept_kernel_still_printing_is_taken_all_the_same(keeping):
    """A thread a notebook left behind may print on and on: taking its kernel must not wait
    for a silence that never comes (jupyter_client's wait_for_ready did, forever)."""
    from campaignkit.batch.kernels import WarmKernel

    chatty = WarmKernel().start()
    chatty.run(
        "import threading, time\n"
        "def _chat():\n"
        "    while True:\n"
        "        print('.', end='', flush=True)\n"
        "        time.sleep(0.02)\n"
        "threading.Thread(target=_chat, daemon=True).start()"
    )
    assert kept.keep(chatty, keeping)
    taken = []
    taking = threading.Thread(target=lambda: taken.append(kept.take(keeping)), daemon=True)
    taking.start()
    taking.join(timeout=60)
    try:
        assert taken and taken[0].pid == chatty.pid, "still waiting for the kernel to be quiet"
    finally:
        for kernel in [*taken, chatty]:
            kernel and kernel.shutdown()


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_kernel_started_with_other_settings_is_ended_not_taken(keeping, monkeypatch):
    """Ended without being connected to: closing a client just opened failed in its
    heartbeat thread, with a traceback on the build's screen."""
    [first] = run_jobs([probe_job(1)], "probe", keeping, workers=1, progress=False)
    old = pid_of(first)
    monkeypatch.setenv("CAMPAIGNKIT_SOMETHING_ELSE", "1")  # as if the kit had changed
    [second] = run_jobs([probe_job(2)], "probe", keeping, workers=1, progress=False)
    assert pid_of(second) != old
    assert gone(old), "the stale kernel is ended"
    assert kept_pids(keeping) == [pid_of(second)]


def test_a_kept_kernel_nobody_takes_ends_itself_and_removes_its_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(kept.SETTING, "2")
    out = tmp_path / "out"
    run_jobs([probe_job(1)], "probe", out, workers=1, progress=False)
    [record] = [json.loads(p.read_text()) for p in kept.shelf(out).glob("*.json")]
    deadline = time.monotonic() + 120  # a wait for the event, not a measure of speed
    while not gone(record["pid"]) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert gone(record["pid"])
    assert not Path(record["folder"]).exists()
    assert kept.take(out) is None, "a record of a dead kernel is dropped"
    assert kept_pids(out) == []


def test_with_keeping_off_no_kernel_outlives_its_build(monkeypatch, tmp_path):
    monkeypatch.setenv(kept.SETTING, "0")
    [outcome] = run_jobs([probe_job(1)], "probe", tmp_path / "out", workers=1, progress=False)
    assert gone(pid_of(outcome))
    assert kept_pids(tmp_path / "out") == []


def test_a_record_whose_process_is_another_one_is_never_used_or_killed(keeping):
    [first] = run_jobs([probe_job(1)], "probe", keeping, workers=1, progress=False)
    [record_file] = kept.shelf(keeping).glob("*.json")
    record = json.loads(record_file.read_text())
    psutil.Process(record["pid"]).kill()
    psutil.Process(record["pid"]).wait(10)
    stranger = psutil.Process()  # this very test process, alive, under another record
    record |= {"pid": stranger.pid, "born": stranger.create_time() + 1}
    record_file.write_text(json.dumps(record))
    [second] = run_jobs([probe_job(2)], "probe", keeping, workers=1, progress=False)
    assert not second.error and pid_of(second) != stranger.pid
    assert stranger.is_running(), "a pid that is not the kept kernel's is left alone"


def test_the_command_says_how_many_kernels_stay_ready_and_how_to_have_none(
    keeping, tmp_path, capsys, monkeypatch
):
    from campaignkit.cli import main
    from tests.conftest import MINI

    monkeypatch.setenv("CAMPAIGNKIT_LANG", "fr")
    args = ["build", str(MINI), "--region", "montreal", "--lang", "fr", "--material", "poster"]
    assert main([*args, "--jobs", "1", "--out-dir", str(keeping)]) == 0
    said = capsys.readouterr().out
    assert "Noyaux de calcul gardés prêts pour la prochaine production : 1, pendant 1 min" in said
    assert "CAMPAIGNKIT_KEEP_KERNELS=0" in said
    monkeypatch.setenv(kept.SETTING, "0")
    assert main([*args, "--force", "--jobs", "1", "--out-dir", str(keeping)]) == 0
    assert "noyau" not in capsys.readouterr().out, "none kept, and the one kept before ended"
    assert kept_pids(keeping) == []


KILLED_BUILD = """
import sys
from campaignkit.batch.build import run_jobs
from tests.batch.test_build import probe_job
job = probe_job(1)
job.parameters["hang"] = 600
run_jobs([job], "probe", sys.argv[1], workers=1, progress=False)
"""


def kernel_of(build: psutil.Popen) -> int:
    """The pid of the kernel a build process started, as soon as it appears."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        kernels = [p for p in build.children() if "ipykernel" in " ".join(p.cmdline())]
        if kernels:
            return kernels[0].pid
        time.sleep(0.05)
    raise AssertionError("the build started no kernel")


def ends(pid: int) -> bool:
    """Whether the process ends within a minute (a wait for the event, not a measure)."""
    deadline = time.monotonic() + 60
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    return gone(pid)


STARTING_BUILD = """
from campaignkit.batch.kernels import WarmKernel
WarmKernel().start()
"""


def test_a_build_killed_while_its_kernel_starts_leaves_no_kernel(keeping):
    """The kernel watched for its build only once warmed up: a build killed before (the
    fresh-clone run's test below, on a loaded machine) left its kernel running for good."""
    import sys

    build = psutil.Popen([sys.executable, "-c", STARTING_BUILD], cwd=Path.cwd())
    kernel = kernel_of(build)
    build.kill()  # at once: the kernel is still importing, no cell has run
    build.wait(30)
    assert ends(kernel), "it goes with the build that started it"


def test_the_kernel_of_a_killed_build_ends_with_it(keeping):
    import sys

    build = psutil.Popen([sys.executable, "-c", KILLED_BUILD, str(keeping)], cwd=Path.cwd())
    kernel = kernel_of(build)
    time.sleep(3)  # the job is running: its cell hangs
    build.kill()
    build.wait(30)
    assert ends(kernel), "not kept: it goes with the build that started it"
    assert kept_pids(keeping) == []
