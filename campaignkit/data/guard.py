"""The one door every data file is read through: a regular file, inside the campaign, bounded.

A FIFO would make a reader wait for ever, a device could stream without end, a symlink loop
never resolves, a symlink leading out of the campaign would quote another file's contents in
messages. Each is refused with a problem code that text/problems.py words.
"""

import errno
import os
import stat
from pathlib import Path

from campaignkit.text.catalog import Key

MAX_DATA_BYTES = 50_000_000  # the sample's largest file is a few kilobytes
MAX_RESOURCE = 1 << 30  # a font or a photo a page loads; real ones are far smaller
KINDS = {  # test of a file mode → what such a file is called (catalog key problem.kind.<…>)
    stat.S_ISFIFO: "fifo",
    stat.S_ISCHR: "device",
    stat.S_ISBLK: "device",
    stat.S_ISSOCK: "socket",
    stat.S_ISDIR: "folder",
}


class UnsafeFile(Exception):
    """A data file that must not be read; `code` and `params` make its Problem."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}")


def _kind(mode: int) -> dict | None:
    """What a file that is not a regular file is (message params), None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    name = next((name for test, name in KINDS.items() if test(mode)), "other")
    return {"kind": Key(f"problem.kind.{name}")}


def real_path(path: str | Path, root: str | Path | None) -> Path:
    """`path` with every symlink resolved, proven to lie inside `root` (also resolved; None:
    anywhere)."""
    path = Path(path)
    try:
        real = path.resolve()
        inside = Path(root).resolve() if root is not None else real.parent
    except RuntimeError:  # Python < 3.13 says "Symlink loop" so
        raise UnsafeFile("symlink_loop", value=path.name) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFile("symlink_loop", value=path.name) from None
        raise
    if not real.is_relative_to(inside):
        raise UnsafeFile("outside_folder", value=path.name)
    return real


def regular_file(path: str | Path, root: str | Path) -> Path:
    """The real path of `path`, a regular file inside `root`; FileNotFoundError if absent."""
    real = real_path(path, root)
    kind = _kind(os.stat(real).st_mode)
    if kind:
        raise UnsafeFile("not_regular_file", value=Path(path).name, **kind)
    return real


def read_data_bytes(
    path: str | Path, root: str | Path | None, limit: int = MAX_DATA_BYTES
) -> bytes:
    """The bytes of a data file: a regular file inside `root`, at most `limit` bytes.

    Opened without blocking and checked again once open, so a file swapped for a FIFO
    meanwhile cannot make the read wait.
    """
    real = real_path(path, root)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(real, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # the last part became a symlink after resolving
            raise UnsafeFile("symlink_loop", value=Path(path).name) from None
        raise
    try:
        status = os.fstat(handle)
        kind = _kind(status.st_mode)
        if kind:
            raise UnsafeFile("not_regular_file", value=Path(path).name, **kind)
        if status.st_size > limit:
            size, most = _megabytes(status.st_size), _megabytes(limit)
            raise UnsafeFile("file_too_large", size=size, limit=most)
        data = _read_at_most(handle, limit + 1)
    finally:
        os.close(handle)
    if len(data) > limit:  # grew while being read
        raise UnsafeFile("file_too_large", size=f"> {_megabytes(limit)}", limit=_megabytes(limit))
    return data


def _read_at_most(handle: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0 and (chunk := os.read(handle, min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB" if size >= 1_000_000 else f"{size} B"
