"""Cells as spreadsheets store them: encodings, separators, numbers stored as text."""

import io
import zipfile

import pytest

from campaignkit.data import spreadsheets
from campaignkit.data.spreadsheets import (
    NotACount,
    Uncomputed,
    Unreadable,
    count,
    decode,
    delimiter,
    xlsx_rows,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(None, 0), ("", 0), ("  ", 0), (12, 12), (12.0, 12), ("12", 12), (" 12 ", 12)]
    + [("12,0", 12), ("1 240", 1240), ("1\u202f240", 1240), ("1,240", 1240), ("0", 0)],
)
def test_counts_accept_what_spreadsheets_store(cell, expected):
    assert count(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [("-3", "negative_count"), (-1, "negative_count"), ("−2", "negative_count")]
    + [("douze", "not_a_count"), ("12,5", "not_a_count"), (2.5, "not_a_count")]
    + [("1 2", "not_a_count"), (True, "not_a_count"), ("12 lettres", "not_a_count")]
    + [("100 001", "count_too_large"), (5145550199, "count_too_large"), (1e300, "count_too_large")]
    + [("=B6+B7", "formula_count"), (Uncomputed("=SUM(B6:B7)"), "formula_not_computed")],
)
def test_counts_refuse_what_is_not_a_whole_number(cell, code):
    with pytest.raises(NotACount) as caught:
        count(cell)
    assert caught.value.code == code


def test_separator_is_the_one_on_most_lines():
    assert delimiter("a;1\nb;2\n# note, with a comma\n") == ";"
    assert delimiter("a,1\nb,2\n") == ","
    assert delimiter("a\n") == ","


def test_encodings_people_save_in():
    assert decode("Événement".encode()) == "Événement"
    assert decode(b"\xef\xbb\xbf" + "Événement".encode()) == "Événement"
    assert decode("Événement".encode("cp1252")) == "Événement"
    with pytest.raises(Unreadable):
        decode(b"\x81\x8d")


def test_the_largest_plausible_count_is_read():
    assert count("100 000") == count(100_000) == 100_000


def test_a_formula_never_computed_is_not_a_blank_cell(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["ana", "=100+110", 185])
    book.save(tmp_path / "t.xlsx")
    [(number, cells)] = xlsx_rows(tmp_path / "t.xlsx")
    assert number == 1
    assert cells[1] == "=100+110" and isinstance(cells[1], Uncomputed)
    assert cells[2] == 185


def test_a_workbook_without_formulas_is_parsed_once(tmp_path, monkeypatch):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["ana", 210, 185])
    book.save(tmp_path / "t.xlsx")
    opened = []
    real = openpyxl.load_workbook
    monkeypatch.setattr(
        openpyxl, "load_workbook", lambda *a, **k: opened.append(k) or real(*a, **k)
    )
    [(_, cells)] = xlsx_rows(tmp_path / "t.xlsx")
    assert cells == ["ana", 210, 185]
    assert [k["data_only"] for k in opened] == [True], "no formula: no second reading"


def test_formulas_are_found_in_any_part_under_any_prefix():
    def workbook(parts: dict[str, str]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in parts.items():
                archive.writestr(name, text)
        return buffer.getvalue()

    styles = "<styleSheet><fonts><font/></fonts><fills><fill/></fills></styleSheet>"
    assert not spreadsheets._has_formulas(workbook({"xl/styles.xml": styles}))
    for formula in ("<f>B6+B7</f>", '<f t="shared" si="0"/>', "<x:f>SUM(B2:B4)</x:f>"):
        sheet = f"<worksheet><sheetData><c><v/>{formula}</c></sheetData></worksheet>"
        assert spreadsheets._has_formulas(workbook({"elsewhere/odd-name.bin": sheet}))


def test_a_workbook_whose_zip_understates_a_size_is_unreadable_not_a_crash(tmp_path):
    from tests.hostile import understated_workbook

    path = understated_workbook(tmp_path / "t.xlsx", [["Participants", 120]] * 50)
    with pytest.raises(Unreadable) as caught:
        xlsx_rows(path)
    assert caught.value.code == "file_unreadable"
    assert "not an XLSX workbook" in str(caught.value)


def test_a_sheet_filled_past_its_declared_extent_is_still_refused_at_row_1001(tmp_path):
    from tests.hostile import understated_dimension_workbook

    rows = [["Participants", 120]] * 1001
    path = understated_dimension_workbook(tmp_path / "t.xlsx", rows)
    with pytest.raises(Unreadable) as caught:
        xlsx_rows(path)
    assert (caught.value.code, caught.value.params["cell"]) == ("sheet_too_big", "A1001")
