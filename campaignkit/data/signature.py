"""A campaign folder as it is now, as one hash: what a build compares before and after each
job, and what tells a build's kernel that the campaign it already read is still current."""

import hashlib
import os
import stat
from pathlib import Path

from campaignkit import paths
from campaignkit.data.guard import UnsafeFile, read_data_bytes


def inputs_signature(root: Path, outputs: Path | None = None) -> str:
    """One hash of every file of a campaign folder as it is now: names, bytes, and the
    size, time and inode of each, so that a file rewritten, even to what it was, shows.

    Taken before the campaign is read and again after each job: when the two differ, a
    job may have read other bytes than those its fingerprint was taken from. An outputs
    folder inside the campaign folder is left out.
    """
    digest = hashlib.sha256()
    skip = Path(outputs).resolve() if outputs else None
    for parent, folders, files in os.walk(root):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and Path(parent, name).resolve() != skip
        )
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue
            path = Path(parent, name)
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(_file_signature(path).encode() + b"\0")
    return digest.hexdigest()


def _file_signature(path: Path) -> str:
    """Size, time, inode and bytes of a regular file; what it is, for anything else."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return f"not a file {stat.S_IFMT(info.st_mode)}"
        content = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable {error.errno}"
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ino} {content}"


def files_hash(files) -> str:
    """One hash of some files' names (as paths.display writes them) and bytes."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(paths.display(path).encode())
        digest.update(_file_bytes(path))
    return digest.hexdigest()


def _file_bytes(path: Path) -> bytes:
    """A file's bytes; a FIFO, a device or a symlink loop is never read (check names it)."""
    try:
        return read_data_bytes(path, None, limit=1 << 40)
    except UnsafeFile as unsafe:
        return f"unsafe:{unsafe.code}".encode()
