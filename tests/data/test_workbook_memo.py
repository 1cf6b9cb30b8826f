"""Workbooks remembered by their bytes: the same rows as a fresh reading, read again when
anything changes, never a refusal remembered, and only a bounded number kept."""

import datetime

import openpyxl
import pytest

from campaignkit.data import spreadsheets, workbook_memo
from campaignkit.data.spreadsheets import Uncomputed, Unreadable, xlsx_rows
from campaignkit.data.workbook_memo import remembering_into


def workbook(path, *rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def unparsable(monkeypatch):
    """From now on, parsing any workbook fails the test: only the memo may answer."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was parsed again")

    monkeypatch.setattr(spreadsheets, "_sheet_rows", refuse)


ROWS = (
    ["Événement / Event", "mtl-cegep", None],
    ["Date", datetime.datetime(2023, 12, 10, 13, 30), datetime.date(2023, 12, 10)],
    ["Heure", datetime.time(18, 30), 2.5],
    ["ana", 210, "=100+110"],
    ["Vrai", True, None],
)


def test_a_workbook_read_again_gives_the_same_rows_without_being_parsed(tmp_path, request):
    path = workbook(tmp_path / "t.xlsx", *ROWS)
    memo = tmp_path / "memo"
    with remembering_into(memo):
        first = xlsx_rows(path)
        request.getfixturevalue("unparsable")
        again = xlsx_rows(path)
    assert again == first
    assert [[type(value) for value in cells] for _, cells in again] == [
        [type(value) for value in cells] for _, cells in first
    ]
    assert isinstance(again[3][1][2], Uncomputed), "a formula never computed stays one"
    assert len(list(memo.glob("*.json"))) == 1


def test_a_changed_workbook_is_read_again(tmp_path):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    with remembering_into(tmp_path / "memo"):
        assert xlsx_rows(path) == [(1, ["ana", 210])]
        workbook(path, ["ana", 211])
        assert xlsx_rows(path) == [(1, ["ana", 211])]


def test_outside_a_build_every_reading_parses_the_workbook(tmp_path, monkeypatch):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    parsed, real = [], spreadsheets._sheet_rows
    monkeypatch.setattr(
        spreadsheets, "_sheet_rows", lambda *a, **k: parsed.append(1) or real(*a, **k)
    )
    assert xlsx_rows(path) == xlsx_rows(path) == [(1, ["ana", 210])]
    assert len(parsed) == 2


def test_a_damaged_memo_is_read_from_the_workbook_again(tmp_path):
    path = workbook(tmp_path / "t.xlsx", ["ana", 210])
    memo = tmp_path / "memo"
    with remembering_into(memo):
        xlsx_rows(path)
        [kept] = memo.glob("*.json")
        kept.write_text('[[1, ["ana", {"broken": 1}]]')
        assert xlsx_rows(path) == [(1, ["ana", 210])]
        kept.write_text("not json")
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


def test_only_the_most_recently_used_workbooks_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_memo, "KEEP", 2)
    memo = tmp_path / "memo"
    books = [workbook(tmp_path / f"{n}.xlsx", ["ana", n]) for n in range(3)]
    with remembering_into(memo):
        for book in books:
            xlsx_rows(book)
    assert len(list(memo.glob("*.json"))) == 2
