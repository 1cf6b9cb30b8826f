"""Workbooks remembered by their bytes: the same rows as a fresh reading, read again when
anything changes, never a refusal remembered, a damaged memo never believed, and only a
bounded number kept."""

import datetime
import math
import os

import openpyxl
import pytest

from campaignkit.data import spreadsheets, workbook_memo
from campaignkit.data.spreadsheets import Uncomputed, Unreadable, xlsx_rows
from campaignkit.data.workbook_memo import recall, remember, remembering_into


def workbook(path, *rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def parsed(monkeypatch) -> list:
    """Counts the workbooks parsed from now on (the memo answering parses none)."""
    count, parse = [], spreadsheets._sheet_rows
    monkeypatch.setattr(
        spreadsheets, "_sheet_rows", lambda *a, **k: count.append(1) or parse(*a, **k)
    )
    return count


ROWS = (
    ["Événement / Event", "mtl-cegep", None],
    ["Date", datetime.datetime(2023, 12, 10, 13, 30), datetime.date(2023, 12, 10)],
    ["Heure", datetime.time(18, 30), 2.5],
    ["ana", 210, "=100+110"],
    ["Vrai", True, None],
)


def types(rows) -> list:
    return [[type(value) for value in cells] for _, cells in rows]


def test_a_workbook_read_again_gives_the_same_rows_without_being_parsed(tmp_path, parsed):
    path = workbook(tmp_path / "t.xlsx", *ROWS)
    memo = tmp_path / "memo"
    with remembering_into(memo):
        first = xlsx_rows(path)
        again = xlsx_rows(path)
    assert len(parsed) == 2, "read once: its values, then its formulas"
    assert again == first and types(again) == types(first)
    assert isinstance(again[3][1][2], Uncomputed), "a formula never computed stays one"
    assert len(list(memo.glob("*.json"))) == 1


def test_every_value_a_sheet_gives_comes_back_as_it_was(tmp_path):
    rows = [
        (1, ["x", None, True, 0, -7, 2.5, float("nan"), Uncomputed("=A1")]),
        (2, [datetime.datetime(2023, 12, 10, 13, 30, 5, 7), datetime.date(2023, 12, 10)]),
        (3, [datetime.time(18, 30, 1, 9), datetime.timedelta(days=3, microseconds=1)]),
    ]
    with remembering_into(tmp_path):
        remember(b"bytes", rows, Uncomputed)
        back = recall(b"bytes", Uncomputed)
    assert types(back) == types(rows)
    assert math.isnan(back[0][1][6])
    back[0][1][6] = rows[0][1][6]
    assert back == rows


def test_a_changed_workbook_is_read_again(tmp_path, parsed):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    memo = tmp_path / "memo"
    with remembering_into(memo):
        assert xlsx_rows(path) == xlsx_rows(path) == [(1, ["ana", 210])]
        workbook(path, ["ana", 211])
        assert xlsx_rows(path) == [(1, ["ana", 211])]
    assert len(parsed) == 2 and len(list(memo.glob("*.json"))) == 2


def test_another_reader_or_openpyxl_reads_again(tmp_path, parsed, monkeypatch):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    with remembering_into(tmp_path / "memo"):
        xlsx_rows(path)
        workbook_memo._reader.cache_clear()
        monkeypatch.setattr(workbook_memo.metadata, "version", lambda name: "0.0-other")
        xlsx_rows(path)
    workbook_memo._reader.cache_clear()
    assert len(parsed) == 2


def test_outside_a_build_every_reading_parses_the_workbook(tmp_path, parsed):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    assert xlsx_rows(path) == xlsx_rows(path) == [(1, ["ana", 210])]
    assert len(parsed) == 2


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        "Infinity",
        '[[1, ["ana", {"timedelta": [1e300, 0, 0]}]]]',
        '[[1, ["ana", {"seconds": 5}]]]',
        '[[1, ["ana", {"date": 5}]]]',
        '[[1, ["ana", {"date": "not a date"}]]]',
        '[[1, ["ana", {"formula": "=1", "date": "2023-01-01"}]]]',
        '[["1", ["ana", 210]]]',
        '[[1.0, ["ana", 210]]]',
        '[[2, ["ana", 210]]]',
        '[[true, ["ana", 210]]]',
        '[[1, {"a": 0}]]',
        '[[1, ["ana", [210]]]]',
        '[[1, ["ana", 210], 3]]',
        '[[1, ["' + "x" * 2001 + '"]]]',
    ],
)
def test_a_damaged_memo_is_not_believed(tmp_path, stored):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    memo = tmp_path / "memo"
    with remembering_into(memo):
        xlsx_rows(path)
        [kept] = memo.glob("*.json")
        kept.write_text(stored)
        assert xlsx_rows(path) == [(1, ["ana", 210])]
        assert xlsx_rows(path) == [(1, ["ana", 210])], "and written again as it should be"


def test_a_memo_that_is_not_a_plain_file_is_never_opened(tmp_path):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    memo = tmp_path / "memo"
    with remembering_into(memo):
        xlsx_rows(path)
        [kept] = memo.glob("*.json")
        kept.unlink()
        os.mkfifo(kept)  # reading it would wait for a writer forever
        assert xlsx_rows(path) == [(1, ["ana", 210])]


def test_a_refused_workbook_is_not_remembered(tmp_path):
    book = openpyxl.Workbook()
    book.active.sheet_state = "hidden"
    book.create_sheet("visible").append(["ana", 210])
    book.save(tmp_path / "t.xlsx")
    memo = tmp_path / "memo"
    with remembering_into(memo):
        for _ in range(2):
            with pytest.raises(Unreadable) as refused:
                xlsx_rows(tmp_path / "t.xlsx")
            assert refused.value.code == "sheet_hidden"
    assert not list(memo.glob("*.json"))


def test_the_least_recently_used_workbook_is_forgotten(tmp_path, monkeypatch, parsed):
    monkeypatch.setattr(workbook_memo, "KEEP", 2)
    memo = tmp_path / "memo"
    first, second, third = (workbook(tmp_path / f"{n}.xlsx", ["ana", n]) for n in range(3))
    with remembering_into(memo):
        for age, path in enumerate((first, second)):
            before = set(memo.glob("*.json"))
            xlsx_rows(path)
            [kept] = set(memo.glob("*.json")) - before
            os.utime(kept, (1000 + age, 1000 + age))  # the first read the older
        xlsx_rows(first)  # used again: now the more recent
        xlsx_rows(third)
        assert len(list(memo.glob("*.json"))) == 2
        del parsed[:]
        xlsx_rows(first)
        xlsx_rows(third)
        assert not parsed, "the first and the third are remembered"
        xlsx_rows(second)
        assert parsed, "the second was forgotten"


def test_only_memo_files_are_ever_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_memo, "KEEP", 1)
    memo = tmp_path / "memo"
    memo.mkdir()
    (memo / "notes.json").write_text("{}")
    with remembering_into(memo):
        for n in range(3):
            xlsx_rows(workbook(tmp_path / f"{n}.xlsx", ["ana", n]))
    assert (memo / "notes.json").is_file()
