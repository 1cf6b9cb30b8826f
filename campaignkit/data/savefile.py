"""Safe saves: atomic replace, a backup of the previous version, refusal on outside changes."""

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from campaignkit import paths
from campaignkit.data.csvfile import decode_text
from campaignkit.data.guard import MAX_DATA_BYTES, UnsafeFile, read_data_bytes, regular_file
from campaignkit.exceptions import FileChanged, UnsafeDataFile
from campaignkit.files import write_atomically
from campaignkit.text.problems import Problem

BACKUPS = ".backups"  # inside the campaign folder; git-ignored
KEEP = 20  # backups kept per file


@dataclass(frozen=True)
class Snapshot:
    """A file as it was when loaded: its bytes and their hash (None when it did not exist)."""

    path: Path
    data: bytes | None

    @property
    def digest(self) -> str | None:
        return None if self.data is None else hashlib.sha256(self.data).hexdigest()

    @property
    def text(self) -> str:
        """The file's text: UTF-8, else Windows-1252 (CSV files saved by French Excel)."""
        return "" if self.data is None else decode_text(self.data)


def _unsafe(path: Path, code: str, params: dict) -> UnsafeDataFile:
    return UnsafeDataFile(path, Problem(paths.display(path), "", code, params))


def load(path: str | Path, root: str | Path | None = None) -> Snapshot:
    """The file as it is now; a FIFO, a device or a symlink loop is refused, never waited on
    (root: the folder it must lie in, when given)."""
    path = Path(path)
    try:
        return Snapshot(path, read_data_bytes(path, root))
    except FileNotFoundError:
        return Snapshot(path, None)
    except UnsafeFile as unsafe:
        raise _unsafe(path, unsafe.code, unsafe.params) from None


def load_checked(
    path: str | Path, root: str | Path, shown: str, limit: int = MAX_DATA_BYTES
) -> tuple[Snapshot, Problem | None]:
    """The file as it is now, or (as if absent) the problem that refuses it: a FIFO, a
    device, a symlink loop, a file outside `root` or over `limit` bytes is never read."""
    path = Path(path)
    try:
        return Snapshot(path, read_data_bytes(path, root, limit)), None
    except FileNotFoundError:
        return Snapshot(path, None), None
    except UnsafeFile as unsafe:
        return Snapshot(path, None), Problem(shown, "", unsafe.code, unsafe.params)


def refuse_unsafe_target(path: Path, root: Path):
    """Saving replaces the file itself: never through a symlink (that would replace the link
    with a file), never a FIFO or device, never outside the campaign folder."""
    if path.is_symlink():
        raise _unsafe(path, "save_through_link", {"value": path.name})
    try:
        regular_file(path, root)
    except FileNotFoundError:
        pass  # a new file: its folder was proven inside the campaign
    except UnsafeFile as unsafe:
        raise _unsafe(path, unsafe.code, unsafe.params) from None


def changed_on_disk(snapshot: Snapshot) -> bool:
    """True when the file is no longer what `snapshot` holds (edited, created or removed)."""
    return load(snapshot.path).digest != snapshot.digest


def backup_path(root: Path, path: Path, stamp: str) -> Path:
    relative = path.resolve().relative_to(root.resolve())
    return root / BACKUPS / relative.parent / f"{relative.name}.{stamp}"


def _backup(root: Path, snapshot: Snapshot) -> Path | None:
    """Copy the version being replaced into <root>/.backups/, keeping the newest KEEP copies."""
    if snapshot.data is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_path(root, snapshot.path, stamp)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(snapshot.path, target)
    older = sorted(target.parent.glob(f"{snapshot.path.name}.*"))
    for old in older[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def replace(path: Path, data: bytes, mode: int | None = None):
    """Write `data` beside `path`, fsync it, then rename it over `path`."""
    write_atomically(path, data, mode)


def save(snapshot: Snapshot, data: bytes, root: Path) -> Snapshot:
    """Replace the file `snapshot` was loaded from with `data`, unless it changed since.

    The version replaced is kept under `<root>/.backups/`. Raises FileChanged, writing
    nothing, when the file on disk is no longer the one loaded; UnsafeDataFile when it is a
    symlink, not a regular file, or outside `root`.
    """
    refuse_unsafe_target(snapshot.path, Path(root))
    if changed_on_disk(snapshot):
        raise FileChanged(snapshot.path)
    if snapshot.data == data:
        return snapshot
    mode = None
    if snapshot.data is not None:
        mode = snapshot.path.stat().st_mode & 0o7777
        _backup(Path(root), snapshot)
    replace(snapshot.path, data, mode)
    return Snapshot(snapshot.path, data)


def restore(snapshot: Snapshot, version: Path, root: Path) -> Snapshot:
    """Put a kept version back, byte for byte (its encoding too), as a save: the version it
    replaces is kept in turn, so a restore can be undone. FileChanged as save()."""
    return save(snapshot, Path(version).read_bytes(), root)
