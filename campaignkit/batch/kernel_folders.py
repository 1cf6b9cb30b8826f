"""The folder of a build's kernel, in the system's temporary folder: its sockets and TMPDIR.

A kernel removes its folder as it ends, unless it is killed outright (SIGKILL, memory
running out). Such a folder, 8 to 9 MB of WeasyPrint's fonts, stays until a later build
removes it: no process listens on its sockets any more.
"""

import shutil
import socket
import tempfile
import time
from pathlib import Path

from campaignkit.files import own_folder

PREFIX = "campaignkit-kernel-"
STARTING_SECONDS = 120  # a folder without sockets yet may be a kernel still starting


def new_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=PREFIX))


def is_kernel_folder(folder) -> bool:
    """A folder this module would have made (nothing else is ever removed)."""
    folder = Path(str(folder))
    return folder.parent == Path(tempfile.gettempdir()) and folder.name.startswith(PREFIX)


def remove_abandoned() -> None:
    """Remove the folders of this user's kernels that were killed before they could."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)


def abandoned(folder: Path) -> bool:
    """No kernel uses it: nothing listens on its sockets, or it has had none for long."""
    about = own_folder(folder)
    if about is None:
        return False
    sockets = list(folder.glob("k-*"))
    if not sockets:
        return time.time() - about.st_mtime > STARTING_SECONDS
    return not any(listening(path) for path in sockets)


def listening(path: Path) -> bool:
    """A process accepts connections on this Unix socket; in doubt, True."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        try:
            probe.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            return False
        except OSError:
            return True
    return True
