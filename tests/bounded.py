"""Run a `campaignkit` command in a child process held to a memory ceiling and a deadline.

A hostile file that would exhaust memory or block for ever must not take the test machine
with it: the child's address space is capped (it gets a MemoryError, not the machine), and a
child still running at the deadline is killed and reported as hung. The child prints its
own peak resident memory (Linux's VmHWM), which the tests bound.
"""

import subprocess
import sys
from dataclasses import dataclass

CEILING_MB = 2048  # address space: Python, pandas and openpyxl take about 1 GB of it idle
DEADLINE_S = 120  # a guard against hangs, never a measure of speed

CHILD = """
import atexit, resource, sys
limit = {ceiling} * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
def peak():
    # VmHWM: this program's own peak; ru_maxrss would count the parent's memory at fork.
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()
    print(f"peak-rss-mb {{int(status[0]) // 1024}}", file=sys.stderr)
atexit.register(peak)
from campaignkit.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Bounded:
    returncode: int | None  # None: killed at the deadline
    output: str
    peak_mb: int | None

    @property
    def hung(self) -> bool:
        return self.returncode is None


def run_bounded(*args, lang="en", ceiling_mb=CEILING_MB) -> Bounded:
    """`campaignkit ARGS` in a child capped at `ceiling_mb` of address space."""
    env = {"CAMPAIGNKIT_LANG": lang, "PATH": "/usr/bin:/bin", "CAMPAIGNKIT_KEEP_KERNELS": "0"}
    command = [sys.executable, "-c", CHILD.format(ceiling=ceiling_mb), *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=DEADLINE_S)
    except subprocess.TimeoutExpired as expired:
        output = (expired.stdout or b"").decode() + (expired.stderr or b"").decode()
        return Bounded(None, output, None)
    output = done.stdout + done.stderr
    peaks = [line.split()[1] for line in output.splitlines() if line.startswith("peak-rss-mb ")]
    return Bounded(done.returncode, output, int(peaks[-1]) if peaks else None)
