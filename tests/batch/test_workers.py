"""Workers: a hung cell fails its job only, and a worker's own error reaches the caller."""

import json
import threading

from campaignkit.batch.build import Job, run_jobs
from tests.conftest import FIXTURES

PROBE = str(FIXTURES / "notebooks" / "probe.ipynb")


def in_thread(call, wait: float = 300):
    """Run `call` in a daemon thread: what it returned or raised, or None if it never ended."""
    result = {}

    def target():
        try:
            result["value"] = call()
        except BaseException as error:  # noqa: BLE001 - handed to the test
            result["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(wait)
    assert not thread.is_alive(), "still running: it hangs"
    return result


def test_a_hung_cell_fails_its_job_and_the_next_job_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    jobs = [
        Job(PROBE, "hung", "fr", (), {"value": 1, "hang": 3600}),
        Job(PROBE, "next", "fr", (), {"value": 2}),
    ]
    result = in_thread(
        lambda: run_jobs(jobs, "probe", tmp_path, workers=1, progress=False, timeout=3)
    )
    hung, following = result["value"]
    assert "timed out: cell 6 (import time) was still running after 3 s" in hung.error
    cell = json.loads(hung.executed.read_text())["cells"][5]
    assert cell["outputs"][-1]["ename"] == "CellTimeoutError", "the notebook shows where"
    assert following.error is None, "a fresh kernel runs the next job"


def test_an_error_in_a_worker_reaches_the_caller(tmp_path):
    def broken_check(outcome):
        raise RuntimeError("the check itself is broken")

    job = Job(PROBE, "r1", "fr", (), {"value": 1})
    result = in_thread(
        lambda: run_jobs([job], "probe", tmp_path, workers=1, progress=False, done=broken_check)
    )
    assert "the check itself is broken" in str(result.get("error"))
