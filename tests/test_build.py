import json

import pytest

from campaignkit.build import Job, run_jobs

from .conftest import FIXTURES

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


def test_nothing_leaks_from_one_job_into_the_next(probe_runs):
    for value in (2, 4):
        assert probe_runs[value].error is None, probe_runs[value].error


def test_a_failing_job_lets_the_others_finish(probe_runs):
    failed = probe_runs[3]
    assert failed.error == "ValueError: job 3 fails on purpose"
    assert "job 3 fails on purpose" in failed.executed.read_text()
    assert [v for v, o in probe_runs.items() if o.error is None] == [1, 2, 4]
