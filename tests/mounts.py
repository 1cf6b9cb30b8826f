"""Real file-system faults for tests: a small tmpfs that fills up, a read-only folder.

Both need mount(8), which root may use here (root ignores chmod, so a chmod'ed folder
would not be read-only for the tests).
"""

import subprocess
from contextlib import contextmanager
from pathlib import Path


def _mount(*args: str):
    run = subprocess.run(["mount", *args], capture_output=True, text=True)
    assert run.returncode == 0, f"mount {' '.join(args)} failed (needs root): {run.stderr}"


@contextmanager
def small_disk(folder: Path, size: str):
    """`folder` becomes a tmpfs of `size` bytes (e.g. "64k"): writing more fills the disk."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def read_only(folder: Path):
    """`folder` (as it is) mounted over itself read-only: every write fails with EROFS."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(folder), str(folder))
    try:
        _mount("-o", "remount,bind,ro", str(folder))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
