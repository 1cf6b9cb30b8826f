"""Workbooks read before, remembered by their bytes: a build reads an XLSX tally again only
when it changed (parsing one first loads openpyxl, a third of a second on its own).

Inside `remembering_into(folder)`, the rows a workbook gave are kept in folder/<hash>.json,
the hash of the file's bytes, of the reading code and of the libraries it reads with: a
changed file, reader or library is read again. Only rows are kept, never a refusal (read
again, it is refused again, in the same words). A memo is believed only when it has the
exact shape rows have; at most KEEP memos stay, the least recently used go first.
"""

import datetime
import hashlib
import json
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import metadata
from pathlib import Path

from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.data.signature import files_hash
from campaignkit.files import write_atomically

KEEP = 100  # workbooks remembered per output folder (a campaign has a few dozen tallies)
MAX_MEMO_BYTES = 20_000_000  # more than the largest workbook a reader accepts could give
MEMO_NAME = re.compile(r"^[0-9a-f]{64}\.json$")  # the only files ever removed
_FOLDER: ContextVar[Path | None] = ContextVar("workbook_memo", default=None)
_WHEN = {"datetime": datetime.datetime, "date": datetime.date, "time": datetime.time}
_PLAIN = (type(None), bool, int, float, str)


@contextmanager
def remembering_into(folder: Path | None):
    """Workbooks read inside this block are remembered in `folder` (None: nowhere)."""
    token = _FOLDER.set(Path(folder) if folder is not None else None)
    try:
        yield
    finally:
        _FOLDER.reset(token)


@cache
def _reader() -> bytes | None:
    """What rows are made by: this module, the spreadsheet reader, openpyxl and lxml."""
    here = Path(__file__).parent
    try:
        code = files_hash([here / "workbook_memo.py", here / "spreadsheets.py"])
    except OSError:
        return None  # no sources to tell a change by: nothing is remembered
    digest = hashlib.sha256(code.encode())
    for library in ("openpyxl", "lxml"):
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    return digest.digest()


def _place(raw: bytes) -> Path | None:
    """Where the memo of these bytes lies, None when nothing is remembered now."""
    folder, reader = _FOLDER.get(), _reader()
    if folder is None or reader is None:
        return None
    return folder / (hashlib.sha256(reader + raw).hexdigest() + ".json")


def recall(raw: bytes, formula_type: type) -> list | None:
    """The rows remembered for these bytes, else None (none, or a memo not to believe)."""
    place = _place(raw)
    if place is None:
        return None
    try:
        stored = json.loads(read_data_bytes(place, place.parent, MAX_MEMO_BYTES))
        rows = _rows(stored, formula_type)
        os.utime(place)  # recently used: kept when older ones are removed
    except (OSError, UnsafeFile, ValueError, TypeError, KeyError, ArithmeticError):
        return None
    return rows


def remember(raw: bytes, rows: list, formula_type: type) -> None:
    """Keep the rows these bytes gave; a value JSON cannot hold, or a full disk, keeps none."""
    place = _place(raw)
    if place is None:
        return
    try:
        cells = [[number, [_encode(v, formula_type) for v in row]] for number, row in rows]
        write_atomically(place, json.dumps(cells).encode("utf-8"))
        _forget_oldest(place.parent)
    except (OSError, TypeError, ValueError):
        pass


def _rows(stored, formula_type: type) -> list:
    """Rows from a memo, numbered 1, 2, 3…; ValueError unless it has exactly that shape."""
    if not isinstance(stored, list):
        raise ValueError("not a list of rows")
    rows = []
    for expected, row in enumerate(stored, start=1):
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[1], list)):
            raise ValueError("not a row")
        number, cells = row
        if type(number) is not int or number != expected:
            raise ValueError("rows out of order")
        rows.append((number, [_decode(value, formula_type) for value in cells]))
    return rows


def _encode(value, formula_type: type):
    """A cell as JSON: plain values as they are, others as {kind: text or numbers}."""
    if isinstance(value, formula_type):
        return {"formula": str(value)}
    if type(value) in _PLAIN:
        return value
    if type(value) is datetime.timedelta:
        return {"timedelta": [value.days, value.seconds, value.microseconds]}
    for name, kind in _WHEN.items():
        if type(value) is kind:
            return {name: value.isoformat()}
    raise TypeError(f"not remembered: {type(value).__name__}")


def _decode(value, formula_type: type):
    """A cell from JSON; ValueError for anything _encode does not write."""
    if type(value) in _PLAIN:
        return value
    if not (isinstance(value, dict) and len(value) == 1):
        raise ValueError("not a cell")
    ((name, stored),) = value.items()
    if name == "timedelta" and _whole_numbers(stored, 3):
        return datetime.timedelta(*stored)
    if not isinstance(stored, str):
        raise ValueError("not a cell")
    if name == "formula":
        return formula_type(stored)
    return _WHEN[name].fromisoformat(stored)


def _whole_numbers(stored, count: int) -> bool:
    return isinstance(stored, list) and len(stored) == count and all(type(n) is int for n in stored)


def _forget_oldest(folder: Path) -> None:
    """Remove the least recently used memos past KEEP (only files named as memos are)."""
    memos = [path for path in folder.iterdir() if MEMO_NAME.match(path.name)]
    memos.sort(key=lambda path: path.stat().st_mtime_ns)
    for old in memos[:-KEEP]:
        old.unlink(missing_ok=True)
