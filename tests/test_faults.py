"""A build killed midway leaves no broken file, and the next build finishes the work."""

import os
import shutil
import signal
import subprocess
import sys
import time

from pypdf import PdfReader

from .conftest import MINI


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
