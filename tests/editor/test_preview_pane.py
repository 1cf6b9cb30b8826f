"""The preview's folder of downscaled photos, with real processes killed outright."""

import os
import signal
import subprocess
import sys
from pathlib import Path

MAKES_ITS_FOLDER = (
    "from campaignkit.editor.preview_pane import preview_cache; "
    "print(preview_cache(), flush=True); "
    "import time; time.sleep(60)"
)


def kernel_with_preview(tmp_path) -> tuple[subprocess.Popen, Path]:
    """A process that made its preview folder in `tmp_path` (as TMPDIR) and waits."""
    env = dict(os.environ, TMPDIR=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-c", MAKES_ITS_FOLDER], env=env, stdout=subprocess.PIPE, text=True
    )
    return process, Path(process.stdout.readline().strip())


def test_a_preview_folder_left_by_a_killed_kernel_goes_at_the_next_one(tmp_path):
    killed, its_folder = kernel_with_preview(tmp_path)
    (its_folder / "photo.jpg").write_bytes(b"a downscaled photo")
    killed.send_signal(signal.SIGKILL)  # no atexit: the folder stays
    killed.wait(timeout=30)
    assert its_folder.is_dir()
    next_one, next_folder = kernel_with_preview(tmp_path)
    next_one.kill()
    next_one.wait(timeout=30)
    assert not its_folder.exists()
    assert next_folder.is_dir() and next_folder.parent == tmp_path


def test_a_running_kernels_preview_folder_is_kept(tmp_path):
    running, its_folder = kernel_with_preview(tmp_path)
    try:
        later, _ = kernel_with_preview(tmp_path)
        later.kill()
        later.wait(timeout=30)
        assert its_folder.is_dir(), "another kernel's folder, still in use"
    finally:
        running.kill()
        running.wait(timeout=30)
