"""Workbooks read before, remembered by their bytes: a build reads an XLSX tally again only
when it changed (parsing one first loads openpyxl, a third of a second on its own).

Inside `remembering_into(folder)`, the rows a workbook gave are kept in folder/<hash>.json,
the hash of the file's bytes, of the reading code and of openpyxl's version: a changed file,
reader or library is read again. Only rows are kept, never a refusal (read again, it is
refused again, in the same words). At most KEEP files stay, the least recently used go.
"""

import datetime
import hashlib
import json
import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import metadata
from pathlib import Path

from campaignkit.files import write_atomically

KEEP = 100  # workbooks remembered per output folder (a campaign has a few dozen tallies)
_FOLDER: ContextVar[Path | None] = ContextVar("workbook_memo", default=None)
_TYPES = {
    "datetime": datetime.datetime,
    "date": datetime.date,
    "time": datetime.time,
}


@contextmanager
def remembering_into(folder: Path):
    """Workbooks read inside this block are remembered in (and recalled from) `folder`."""
    token = _FOLDER.set(Path(folder))
    try:
        yield
    finally:
        _FOLDER.reset(token)


@cache
def _reader() -> bytes:
    """What a workbook's rows are made by: this module, the spreadsheet reader, openpyxl."""
    digest = hashlib.sha256(metadata.version("openpyxl").encode())
    for module in ("workbook_memo.py", "spreadsheets.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.digest()


def _place(raw: bytes) -> Path | None:
    folder = _FOLDER.get()
    if folder is None:
        return None
    return folder / (hashlib.sha256(_reader() + raw).hexdigest() + ".json")


def recall(raw: bytes, formula_type: type) -> list | None:
    """The rows remembered for these bytes, else None (nothing remembered, or unreadable)."""
    place = _place(raw)
    if place is None:
        return None
    try:
        stored = json.loads(place.read_bytes())
        rows = [
            (int(number), [_decode(value, formula_type) for value in cells])
            for number, cells in stored
        ]
        os.utime(place)  # recently used: kept when older ones are removed
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return rows


def remember(raw: bytes, rows: list) -> None:
    """Keep the rows these bytes gave; a value JSON cannot hold, or a full disk, keeps none."""
    place = _place(raw)
    if place is None:
        return
    try:
        text = json.dumps([[number, [_encode(value) for value in cells]] for number, cells in rows])
        write_atomically(place, text.encode("utf-8"))
        _forget_oldest(place.parent)
    except (OSError, TypeError):
        pass


def _encode(value):
    if isinstance(value, str) and type(value) is not str:
        return {"formula": str(value)}  # an Uncomputed cell
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime.timedelta):
        return {"seconds": value.total_seconds()}
    for name, kind in _TYPES.items():
        if type(value) is kind:
            return {name: value.isoformat()}
    raise TypeError(f"not remembered: {type(value).__name__}")


def _decode(value, formula_type: type):
    if not isinstance(value, dict):
        return value
    ((name, text),) = value.items()
    if name == "formula":
        return formula_type(text)
    if name == "seconds":
        return datetime.timedelta(seconds=text)
    return _TYPES[name].fromisoformat(text)


def _forget_oldest(folder: Path) -> None:
    files = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns)
    for old in files[:-KEEP]:
        old.unlink(missing_ok=True)
