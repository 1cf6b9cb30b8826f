"""A kernel started while the build plans: only when the build will likely need it, and
the first worker runs its jobs in it."""

import os
import shutil

import psutil

from campaignkit.batch.build import Job, run_jobs
from campaignkit.batch.early import EarlyKernel, changed_since_last_build
from tests.batch.test_build import PROBE, printed
from tests.conftest import FIXTURES


def test_a_kernel_is_started_early_only_when_a_file_is_newer_than_the_last_build(tmp_path):
    campaign, out = tmp_path / "mini", tmp_path / "out"
    shutil.copytree(FIXTURES / "mini", campaign)
    assert changed_since_last_build(campaign, out), "never built"
    manifest = out / "mini" / "manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("{}")
    assert not changed_since_last_build(campaign, out), "nothing changed since"
    events = campaign / "events.csv"
    later = manifest.stat().st_mtime_ns + 10**9
    os.utime(events, ns=(later, later))
    assert changed_since_last_build(campaign, out), "an event was edited"
    assert not changed_since_last_build(tmp_path / "nope", out), "not a campaign: no kernel"


def test_the_first_worker_runs_its_jobs_in_the_kernel_started_early(tmp_path):
    early = EarlyKernel()
    early.thread.join()
    pid = early.kernel.manager.provisioner.pid
    jobs = [Job(PROBE, f"r{n}", "fr", (), {"value": n}) for n in (1, 2)]
    outcomes = run_jobs(jobs, "probe", tmp_path, workers=1, progress=False, early=early)
    assert [f"pid {pid} warm True" in printed(o) for o in outcomes] == [True, True]
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert early.take() is None, "taken once"


def test_a_kernel_started_early_for_nothing_is_shut_down():
    early = EarlyKernel()
    early.thread.join()
    pid = early.kernel.manager.provisioner.pid
    early.close()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
