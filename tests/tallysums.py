"""Sums of tally files computed here, apart from the kit's reader, to check what it prints."""

from collections import Counter
from pathlib import Path

import openpyxl


def raw_rows(path: Path) -> list[list[str]]:
    """The cells of a well-formed sample tally as text (CSV or XLSX)."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        return [["" if value is None else str(value) for value in row] for row in rows]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    separator = ";" if text.count(";") > text.count(",") else ","
    return [line.split(separator) for line in text.splitlines()]


def file_sums(folder: Path, case_ids) -> dict[str, Counter]:
    """Per event (file name): participants, online, letters, cards, and letters/cards per case."""
    sums = {}
    for path in sorted(folder.glob("*.*")):
        counts = Counter()
        for row in raw_rows(path):
            label = row[0].strip() if row else ""
            if label == "Participants":
                counts["participants"] += int(row[1])
            elif label.startswith("Actions en ligne"):
                counts["online"] += int(row[1])
            elif label in case_ids:
                counts["letters"] += int(row[1] or 0)
                counts["cards"] += int(row[2] or 0)
                counts[f"{label}.letters"] += int(row[1] or 0)
                counts[f"{label}.cards"] += int(row[2] or 0)
        counts["actions"] = counts["letters"] + counts["cards"] + counts["online"]
        sums[path.stem] = counts
    return sums


def region_sums(data, region: str | None) -> Counter:
    """The sums of every tally file of a region's events (None: of the whole campaign)."""
    regions = {event.id: event.region for event in data.events}
    total = Counter()
    for event, counts in file_sums(data.root / "tallies", set(data.cases)).items():
        if region is None or regions[event] == region:
            total.update(counts)
    return total
