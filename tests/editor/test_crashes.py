"""A native crash of the workbook's kernel leaves every thread's traceback on stderr."""

import subprocess
import sys

CRASH = "import ctypes; ctypes.string_at(0)"  # a segmentation fault, as in a library


def crashed(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_a_segfault_after_arming_prints_every_threads_traceback():
    armed = crashed(
        f"from campaignkit.editor.crashes import log_native_crashes\nlog_native_crashes()\n{CRASH}"
    )
    assert armed.returncode < 0
    assert "Fatal Python error: Segmentation fault" in armed.stderr
    assert 'File "<string>", line 3 in <module>' in armed.stderr
