"""Warm kernels kept between builds: a small rebuild right after a build starts none.

When a build ends, its workers' kernels wait, idle, for the next build into the same
output folder, and end themselves once idle for `keep_seconds()` (environment variable
CAMPAIGNKIT_KEEP_KERNELS, in seconds; 0 keeps none). A build takes a kept kernel only
when the kit's code, templates, Python and settings are those it was started with; any
other kept kernel is ended. Each kernel is described by a file in out_dir/.cache/kernels/
(its connection key included, readable by its owner only), removed when it is taken.
"""

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from campaignkit import paths
from campaignkit.batch.kernel_folders import is_kernel_folder
from campaignkit.files import write_atomically

if TYPE_CHECKING:  # loaded when a kernel is kept or taken, not to count them
    from campaignkit.batch.kernels import WarmKernel

IDLE_LIMIT = 600  # seconds: a kernel left idle that long ends itself (its build was killed)
SETTING = "CAMPAIGNKIT_KEEP_KERNELS"  # seconds a build's kernels wait for the next build


def keep_seconds() -> float:
    """How long a build's kernels wait for the next one (0: shut down at its end)."""
    try:
        return max(0.0, float(os.environ.get(SETTING, IDLE_LIMIT)))
    except ValueError:
        return IDLE_LIMIT


def identity() -> str:
    """What a kept kernel must have been started with to be taken: the same kit and Python."""
    from campaignkit.printing.kit import code_hash

    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("CAMPAIGNKIT_"))
    parts = [code_hash(), sys.executable, str(paths.ROOT), json.dumps(settings)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def shelf(out_dir) -> Path:
    return paths.cache_dir(out_dir) / "kernels"


def keep(kernel: "WarmKernel", out_dir) -> bool:
    """Leave a kernel running for the next build; False when it cannot be (it is shut down)."""
    if not keep_seconds() or not kernel.alive():
        kernel.shutdown()
        return False
    kernel.run("import campaignkit.batch.orphan\ncampaignkit.batch.orphan.kept()")
    record = {
        "identity": identity(),
        "pid": kernel.pid,
        "born": kernel.born,
        "folder": str(kernel.folder),
        "connection": kernel.connection(),
    }
    target = shelf(out_dir) / f"{kernel.pid}.json"
    write_atomically(target, json.dumps(record).encode())
    target.chmod(0o600)
    kernel.stop_channels()
    return True


def take(out_dir) -> "WarmKernel | None":
    """A kept kernel of this kit, connected and with a clean namespace; None when none is.
    One started otherwise is ended without connecting to it."""
    wanted = identity()
    for record in sorted(shelf(out_dir).glob("*.json")):
        described = _claim(record)
        if described is None:
            continue
        if described.get("identity", "") != wanted:
            _end(described)
            continue
        kernel = _attach(described)
        if kernel is None:
            continue
        try:
            kernel.reset()
            return kernel
        except Exception:  # noqa: BLE001 - not answering: end it, try the next one
            kernel.shutdown()
    return None


def count(out_dir) -> int:
    """How many kernels are kept for this output folder (some may still be refused)."""
    return len(list(shelf(out_dir).glob("*.json")))


def waiting(out_dir) -> bool:
    return count(out_dir) > 0


def _claim(record: Path) -> dict | None:
    """Read and remove a record (a build running beside this one may claim it first)."""
    try:
        described = json.loads(record.read_text(encoding="utf-8"))
        record.unlink()
    except (OSError, ValueError):
        return None
    return described


def _attach(described: dict) -> "WarmKernel | None":
    from campaignkit.batch.kernels import WarmKernel

    try:
        return WarmKernel.attach(
            described["connection"], described["pid"], described["born"], described["folder"]
        )
    except Exception:  # noqa: BLE001 - gone or unreachable: only its folder may be left
        if _ours(described):
            shutil.rmtree(described["folder"], ignore_errors=True)
        return None


def _end(described: dict):
    """End a kept kernel that is not to be taken (if its process is still the one kept)."""
    from campaignkit.batch.kernels import WarmKernel

    if _ours(described):
        WarmKernel.recorded(described["pid"], described["born"], described["folder"]).shutdown()


def _ours(described: dict) -> bool:
    """A kernel folder a build would have made (never remove anything else)."""
    return is_kernel_folder(described.get("folder", ""))
