"""Writing files so that a crash never leaves half of one, and a failed write says why."""

import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from campaignkit.exceptions import WriteFailed

TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what temporary_beside() names


@contextmanager
def writing(target: Path):
    """Turn any OSError raised while writing `target` into WriteFailed naming it."""
    try:
        yield
    except WriteFailed:
        raise
    except OSError as error:
        raise WriteFailed(error.errno, error.strerror or str(error), target) from error


@contextmanager
def temporary_beside(target: Path):
    """A temporary file name beside `target`, removed unless it was renamed onto it."""
    target = Path(target)
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
    temporary = Path(name)
    try:
        with writing(target):
            yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes, mode: int | None = None) -> Path:
    """Write `data` so that `target` is always either the old file or the whole new one."""
    target = Path(target)
    with temporary_beside(target) as temporary:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else usual_mode(temporary))
        os.replace(temporary, target)
    _fsync_folder(target.parent)
    return target


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy a file so that `target` is always either absent, old, or the whole copy."""
    with temporary_beside(target) as temporary:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temporary, usual_mode(temporary))
        os.replace(temporary, target)
    return target


def sweep_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files and folders a killed process left under `folder`.

    Only names made by temporary_beside() or tempfile with the same pattern are touched,
    and no symlink is followed: nothing outside `folder` can be reached.
    """
    removed = []
    for parent, folders, files in os.walk(folder, followlinks=False):
        for name in [*folders, *files]:
            path = Path(parent, name)
            if not TEMPORARY.match(name) or path.is_symlink():
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        folders[:] = [name for name in folders if not Path(parent, name).is_symlink()]
        folders[:] = [name for name in folders if not TEMPORARY.match(name)]
    return removed


def usual_mode(path: Path) -> int:
    """The mode a file or folder made the ordinary way would have (temporary ones are private)."""
    return (0o777 if Path(path).is_dir() else 0o666) & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path):
    """Make the rename itself durable."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def own_folder(path: Path) -> os.stat_result | None:
    """The status of `path` when it is a folder of this user, not a link to one (a folder
    this user's tools may remove); else None."""
    try:
        about = Path(path).lstat()
    except OSError:
        return None
    return about if stat.S_ISDIR(about.st_mode) and about.st_uid == os.getuid() else None
