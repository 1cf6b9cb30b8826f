"""One build per outputs folder at a time: a file lock, and who holds it."""

import json
import os
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from campaignkit.exceptions import BuildBusy, WriteFailed
from campaignkit.files import write_atomically, writing

LOCK = ".build.lock"
OWNER = ".build.owner.json"


@contextmanager
def outputs_lock(folder: Path):
    """Hold the lock of outputs/<campaign>, or raise BuildBusy naming who holds it.

    The operating system releases the lock of a process that died, so a lock left by a
    killed build is taken over at once; its stale owner record is simply replaced.
    """
    folder = Path(folder)
    with writing(folder / LOCK):
        folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:  # an OSError too: caught first
        raise BuildBusy(folder, *holder(folder)) from None
    except OSError as error:
        raise WriteFailed(error.errno, error.strerror or str(error), folder / LOCK) from error
    try:
        owner = {"pid": os.getpid(), "since": datetime.now().isoformat(timespec="seconds")}
        write_atomically(folder / OWNER, json.dumps(owner).encode())
        yield
    finally:
        with suppress(OSError):
            (folder / OWNER).unlink(missing_ok=True)
        lock.release()


def holder(folder: Path) -> tuple[int | None, str]:
    """The pid and start time that the running build recorded."""
    try:
        owner = json.loads((Path(folder) / OWNER).read_text(encoding="utf-8"))
        since = datetime.fromisoformat(owner["since"])
        return int(owner["pid"]), since.strftime("%Y-%m-%d %H:%M:%S")
    except (OSError, ValueError, KeyError, TypeError):
        return None, "?"
