"""Kernel folders: a killed kernel's folder is removed by the next build, nothing else is."""

import os
import tempfile
import time

import psutil

from campaignkit.batch import kernel_folders
from campaignkit.batch.kernels import WarmKernel


def test_a_killed_kernels_folder_goes_when_the_next_starts_and_nothing_else_does(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    live, killed, third = WarmKernel().start(), WarmKernel().start(), None
    try:
        process = psutil.Process(killed.pid)
        process.kill()  # as when memory runs out: it cannot remove its folder
        process.wait(30)
        killed.stop_channels()
        starting = kernel_folders.new_folder()  # no sockets yet: a kernel starting
        a_file = tmp_path / f"{kernel_folders.PREFIX}file"
        a_file.write_text("not a folder")
        assert killed.folder.is_dir()
        third = WarmKernel().start()
        assert not killed.folder.exists()
        assert live.folder.is_dir() and third.folder.is_dir() and starting.is_dir()
        assert a_file.read_text() == "not a folder"
        live.run("assert 1 + 1 == 2")  # probed, and none the worse
    finally:
        for kernel in (live, third):
            if kernel is not None:
                kernel.shutdown()


def test_a_folder_without_sockets_goes_once_too_old_to_be_starting(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    young, old = kernel_folders.new_folder(), kernel_folders.new_folder()
    (old / "tmp").mkdir()
    long_ago = time.time() - 2 * kernel_folders.STARTING_SECONDS
    os.utime(old, (long_ago, long_ago))
    kernel_folders.remove_abandoned()
    assert young.is_dir() and not old.exists()
