"""A crash of the workbook's kernel in native code (a segmentation fault in a library)
leaves Python's traceback of every thread in the log of the window that runs the workbook.

In a Jupyter kernel the standard error is a pipe read by one of the kernel's own threads,
which dies with it; `sys.stderr.fileno()` is the kernel's copy of the real one.
"""

import faulthandler
import sys


def log_native_crashes() -> None:
    """From now on, a fatal signal writes every thread's traceback to the real stderr."""
    faulthandler.enable(file=real_stderr(), all_threads=True)


def real_stderr():
    """The process's own standard error, under a Jupyter kernel as elsewhere."""
    try:
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # a stream with no file behind it
        return sys.__stderr__
