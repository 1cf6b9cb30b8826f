"""The one CSV reader and writer: files edited in place keep everything nobody changed."""

import difflib

import pytest

from campaignkit.data.csvfile import CsvTable
from campaignkit.paths import DEFAULT_CAMPAIGN
from tests.conftest import MINI

CSV_FILES = sorted(DEFAULT_CAMPAIGN.glob("*.csv")) + sorted(MINI.glob("*.csv"))


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def variants(text: str) -> dict[str, str]:
    quoted = "".join(
        ",".join(f'"{v}"' for v in line.split(",")) + "\n"
        for line in text.splitlines()
        if '"' not in line
    )
    return {
        "as is": text,
        "crlf": text.replace("\n", "\r\n"),
        "no final newline": text.rstrip("\n"),
        "bom": "\ufeff" + text,
        "all quoted": quoted,
        "trailing blank lines": text + "\n\n",
    }


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_is_identical_in_every_style(path):
    for name, text in variants(path.read_text(encoding="utf-8")).items():
        table = CsvTable.parse(text)
        assert table.text() == text, name
        first = table.data_records()[0]
        table.update(first, {table.header[0]: first.fields[0]})
        assert table.text() == text, f"{name}: setting the same value changes nothing"


@pytest.mark.parametrize("style", ["as is", "crlf", "all quoted", "no final newline"])
def test_an_edit_rewrites_one_line_in_the_file_style(style):
    text = variants((MINI / "events.csv").read_text(encoding="utf-8"))[style]
    table = CsvTable.parse(text)
    row = table.data_records()[1]
    venue = table.as_dict(row)["venue"]
    table.update(row, {"venue": 'Salle "A", 2e étage'})
    after = table.text()
    assert len(changed_lines(text, after)) == 2
    assert after.count("\r\n") == text.count("\r\n")
    line = next(line for line in after.splitlines() if "Salle" in line)
    assert '"Salle ""A"", 2e étage"' in line
    if style == "all quoted":
        assert line.startswith('"') and line.endswith('"yes"')
    table.update(row, {"venue": venue})
    assert table.text() == text, "back to the values as read: back to the text as read"


def test_insert_and_remove_rows():
    text = (MINI / "events.csv").read_text(encoding="utf-8")
    table = CsvTable.parse(text)
    montreal_last = table.data_records()[1]
    added = table.insert({"id": "new", "region": "montreal"}, after=montreal_last)
    after = table.text()
    assert changed_lines(text, after) == ["+new,montreal" + "," * (len(table.header) - 2)]
    assert after.splitlines()[3].startswith("new,")
    table.remove(added)
    assert table.text() == text
    table.remove(table.data_records()[0])
    assert len(changed_lines(text, table.text())) == 1


def test_a_file_without_final_newline_keeps_none():
    text = (MINI / "events.csv").read_text(encoding="utf-8").rstrip("\n")
    table = CsvTable.parse(text)
    table.insert({"id": "new"})
    assert not table.text().endswith("\n") and table.text().startswith(text + "\n")
    table.remove(table.data_records()[-1])
    assert table.text() == text
    table.remove(table.data_records()[-1])
    assert not table.text().endswith("\n")
