"""A build killed midway leaves no broken file, and the next build finishes the work."""

import os
import shutil
import signal
import subprocess
import sys
import time

from pypdf import PdfReader

from tests.conftest import MINI


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
