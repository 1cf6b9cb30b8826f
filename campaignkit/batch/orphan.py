"""A kernel ends with the build that started it, unless that build keeps it.

The watch starts with the kernel's own start (IPKernelApp.exec_lines), before any cell:
a build killed while its kernel was still starting leaves no kernel behind (the warm-up,
which watches for idleness, comes later). Kernels are started `independent` so that a
build may keep them (batch/kept.py): jupyter_client's parent polling is off for them.
"""

import os
import shutil
import threading
import time

_KEPT = threading.Event()  # set when a build leaves this kernel for the next one


def kept():
    """Called by the build that keeps this kernel (batch/kept.py): from now on it outlives
    the process that started it, until it is idle too long (batch/warm.py)."""
    _KEPT.set()


def orphaned(build_pid: int) -> bool:
    """True when the build that started this kernel is gone without keeping it."""
    return not _KEPT.is_set() and os.getppid() != build_pid


def watch(build_pid: int, folder: str | None = None):
    """A thread that ends this kernel (and removes its `folder`) once orphaned."""

    def run():
        while not orphaned(build_pid):
            time.sleep(1)
        end(folder)

    threading.Thread(target=run, daemon=True, name="orphan-watch").start()


def end(folder: str | None):
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)


def start_line(folder) -> str:
    """The kernel's first line: the watch, for the build running this function."""
    return f"import campaignkit.batch.orphan as o; o.watch({os.getpid()}, {str(folder)!r})"
