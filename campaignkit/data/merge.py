"""Record-level saves: edits made here merged with what others saved meanwhile.

A save is refused only for a record (an events.csv row, a case file's field, a tally file)
that was changed both here and on disk since it was loaded; everyone else's changes to
other records are kept, and the result says which were merged in.
"""

from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.data import savefile
from campaignkit.data.csvfile import CsvTable, Record
from campaignkit.exceptions import FileChanged, RecordsChanged


@dataclass(frozen=True)
class Conflict:
    """One record changed here and on disk: both versions (None: removed), to show side by side."""

    record: str  # an event id, a field path such as "story.fr", or a file name
    mine: object
    theirs: object


@dataclass(frozen=True)
class Saved:
    """What a save did: the file written, and the others' records merged in (empty: none)."""

    path: Path
    snapshot: savefile.Snapshot
    merged: list[str] = field(default_factory=list)


def save_merging(snapshot: savefile.Snapshot, root: Path, render, merge) -> Saved:
    """Save `render()`'s bytes; when the file changed on disk, `merge(disk bytes)` gives the
    bytes to write instead and the records it took from disk (or raises RecordsChanged)."""
    try:
        return Saved(snapshot.path, savefile.save(snapshot, render(), root))
    except RecordsChanged:
        raise
    except FileChanged:
        current = savefile.load(snapshot.path)
        data, merged = merge(current.data)
        return Saved(snapshot.path, savefile.save(current, data, root), merged)


def row_id(table: CsvTable, record: Record, column: str = "id") -> str:
    return table.as_dict(record).get(column, "").strip()


def merge_rows(
    path: Path,
    loaded: dict[int, list[str]],
    mine: CsvTable,
    rows: dict[int, Record],
    theirs: CsvTable,
) -> tuple[dict[int, Record], list[str]]:
    """Apply to `theirs` (the file on disk) the rows changed, added or removed here.

    `loaded`: key → fields as loaded (rows added here have none); `rows`: key → record of
    `mine` now. Rows are matched by their id as loaded. Returns key → record of `theirs`,
    and the ids of the rows others changed; raises RecordsChanged on a row changed on both
    sides, writing nothing.
    """
    for column in mine.header:
        theirs.add_column(column)  # a column added here (say address_pending)
    by_id = {row_id(theirs, record): record for record in theirs.data_records()}
    loaded_ids = {key: _id(mine, fields) for key, fields in loaded.items()}
    others = _changed_by_others(mine, loaded, theirs, by_id)
    conflicts, placed = [], {}
    for key, fields in loaded.items():
        ident, record = loaded_ids[key], by_id.get(loaded_ids[key])
        mine_now = rows.get(key)
        touched = mine_now is None or mine_now.fields != fields
        if touched and ident in others:
            conflicts.append(_conflict(ident, mine, mine_now, theirs, record))
        elif mine_now is None:
            theirs.remove(record)
        elif record is not None:
            if touched:
                theirs.update(record, mine.as_dict(mine_now))
            placed[key] = record
    for key, record in rows.items():
        if key in loaded:
            continue
        ident = row_id(mine, record)
        if ident in by_id and ident not in loaded_ids.values():
            conflicts.append(_conflict(ident, mine, record, theirs, by_id[ident]))
            continue
        placed[key] = _insert_like(theirs, mine.as_dict(record))
    if conflicts:
        raise RecordsChanged(path, conflicts)
    return placed, sorted(others)


def _id(table: CsvTable, fields: list[str]) -> str:
    return row_id(table, Record(fields))


def _changed_by_others(mine, loaded, theirs, by_id) -> set[str]:
    before = {_id(mine, fields): fields for fields in loaded.values()}
    changed = {ident for ident, fields in before.items() if _differs(by_id.get(ident), fields)}
    return changed | (set(by_id) - set(before))


def _differs(record: Record | None, fields: list[str]) -> bool:
    if record is None:
        return True
    width = max(len(record.fields), len(fields))
    return record.fields + [""] * (width - len(record.fields)) != fields + [""] * (
        width - len(fields)
    )


def _conflict(ident, mine, mine_record, theirs, their_record) -> Conflict:
    return Conflict(
        ident,
        mine.as_dict(mine_record) if mine_record is not None else None,
        theirs.as_dict(their_record) if their_record is not None else None,
    )


def _insert_like(theirs: CsvTable, values: dict[str, str]) -> Record:
    """A new row after the last one of the same region (at the end when none)."""
    region = values.get("region", "")
    same = [r for r in theirs.data_records() if theirs.as_dict(r).get("region") == region]
    values = {column: value for column, value in values.items() if column in theirs.header}
    return theirs.insert(values, after=same[-1] if same else None)


def merge_fields(
    path: Path, loaded: dict, edits: dict[tuple, object], theirs: dict, get
) -> list[str]:
    """The case fields others changed; RecordsChanged when one of them was edited here."""
    conflicts = [
        Conflict(".".join(map(str, key)), value, get(theirs, key))
        for key, value in edits.items()
        if get(theirs, key) != get(loaded, key)
    ]
    if conflicts:
        raise RecordsChanged(path, conflicts)
    return _differing_keys(loaded, theirs)


def _differing_keys(before, after, prefix=()) -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in dict.fromkeys([*before, *after]):
            found += _differing_keys(before.get(key), after.get(key), (*prefix, key))
        return found
    return [] if before == after else [".".join(map(str, prefix))]
