"""Tally intake: every spreadsheet variant people send is read, every mistake is named."""

import shutil
from pathlib import Path

import pytest

from campaignkit import load_campaign
from campaignkit.data.tallies import TallySheet, read_tallies, tallies_of
from tests.conftest import FIXTURES
from tests.data.test_csvfile import changed_lines

VARIANTS = FIXTURES / "tallies"
ACCEPTED = sorted(path.name for path in (VARIANTS / "accepted").iterdir())
REJECTED = sorted(path.name for path in (VARIANTS / "rejected").iterdir())


@pytest.fixture
def campaign(campaign_copy):
    """The mini campaign whose tallies folder holds just the files of one variant."""
    folder = campaign_copy.root / "tallies"

    def add(kind: str, variant: str):
        shutil.rmtree(folder)
        folder.mkdir()
        for path in (VARIANTS / kind / variant).iterdir():
            shutil.copy(path, folder / path.name)
        return load_campaign(campaign_copy.root)

    return add


def test_every_accepted_variant_gives_the_same_counts(campaign):
    assert len(ACCEPTED) >= 12 and "case-names" in ACCEPTED  # as the sheet prints them
    for variant in ACCEPTED:
        data = campaign("accepted", variant)
        intake = read_tallies(data)
        assert intake.problems == [], (variant, [p.text("en") for p in intake.problems])
        tally = intake.tallies["mtl-grand"]
        assert (tally.participants, tally.online) == (120, 15), variant
        assert tally.letters == {"ana": 210, "bo": 164}, variant
        assert tally.cards == {"ana": 185, "bo": 1240}, variant
        assert tally.actions == 374 + 1425 + 15
        assert tally.sample, "a `# … sample` comment row marks sample data"


def test_libreoffice_fixture_was_written_by_libreoffice():
    import zipfile

    path = VARIANTS / "accepted" / "libreoffice" / "mtl-grand.xlsx"
    with zipfile.ZipFile(path) as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")
        assert b"SUM(B6:B9)" in archive.read("xl/worksheets/sheet1.xml")


EXPECTED = {
    # variant: (code, file name, row, column, field)
    "unknown-event": ("unknown_event", "mtl-gala.csv", 2, "B", "event"),
    "event-mismatch": ("event_mismatch", "mtl-grand.csv", 2, "B", "event"),
    "no-event-row": ("no_event_row", "mtl-grand.csv", None, None, "event"),
    "unknown-case": ("unknown_case_row", "mtl-grand.csv", 8, "A", "case"),
    "negative": ("negative_count", "mtl-grand.csv", 7, "B", "letters"),
    "non-numeric": ("not_a_count", "mtl-grand.csv", 6, "C", "cards"),
    "non-numeric-xlsx": ("not_a_count", "mtl-grand.xlsx", 7, "B", "letters"),
    "total-mismatch": ("total_mismatch", "mtl-grand.csv", 8, "C", "cards"),
    "duplicate-row": ("duplicate_row", "mtl-grand.csv", 8, "A", "ana"),
    "name-and-id": ("duplicate_row", "mtl-grand.csv", 8, "A", "ana"),  # one case, twice
    "duplicate-event": ("duplicate_tally", "mtl-grand.csv", None, None, "event"),
    "not-a-workbook": ("file_unreadable", "mtl-grand.xlsx", None, None, ""),
    "not-utf8-nor-cp1252": ("file_unreadable", "mtl-grand.csv", None, None, ""),
    "ods": ("tally_format", "mtl-grand.ods", None, None, ""),
}


@pytest.mark.parametrize("variant", REJECTED)
def test_each_rejected_variant_names_file_row_and_column(campaign, variant):
    code, name, row, column, field = EXPECTED[variant]
    data = campaign("rejected", variant)
    shutil.copy(FIXTURES / "mini" / "tallies" / "tr-biblio.xlsx", data.root / "tallies")
    intake = read_tallies(data)
    found = [p for p in intake.problems if p.code == code]
    assert found, [p.text("en") for p in intake.problems]
    problem = next(p for p in found if Path(p.file).name == name)
    assert (problem.row, problem.column, problem.field) == (row, column, field)
    assert "mtl-grand" not in intake.tallies, "a file with a problem is not counted"
    assert list(intake.tallies) == ["tr-biblio"], "the other files are still read"
    for lang in ("fr", "en"):
        assert problem.text(lang).startswith(problem.file)
        assert problem.fix(lang)


def test_problem_text_reads_as_a_place_in_a_spreadsheet(campaign):
    problem = read_tallies(campaign("rejected", "negative")).problems[0]
    assert problem.text("en").endswith(
        "mtl-grand.csv, row 7, column B, field letters: negative count '-3'. "
        "Fix: a count is zero or more: copy the number from the sheet."
    )
    assert "ligne 7, colonne B, champ letters : nombre négatif « -3 »" in problem.text("fr")


def test_a_bad_cell_is_one_problem_not_also_a_wrong_total(campaign):
    problems = read_tallies(campaign("rejected", "negative")).problems
    assert [p.code for p in problems] == ["negative_count"]


def test_total_mismatch_says_both_numbers(campaign):
    problem = read_tallies(campaign("rejected", "total-mismatch")).problems[0]
    assert problem.message("en") == "the total says 1400 but the rows add up to 1425"


def test_duplicate_event_names_the_other_file(campaign):
    problems = read_tallies(campaign("rejected", "duplicate-event")).problems
    assert {p.file.rsplit("/", 1)[1]: p.params["other"] for p in problems} == {
        "mtl-grand.csv": "mtl-grand.xlsx",
        "mtl-grand.xlsx": "mtl-grand.csv",
    }


def test_problems_belong_to_the_event_region(campaign):
    data = campaign("rejected", "negative")
    intake = read_tallies(data)
    assert intake.problems_for(data, "montreal") == intake.problems
    assert intake.problems_for(data, "mauricie") == []
    unknown = campaign("rejected", "unknown-event")
    intake = read_tallies(unknown)
    assert intake.problems_for(unknown, "montreal") == []
    assert len(intake.problems_for(unknown)) == 1, "an unknown event concerns the campaign"


def test_lock_files_and_notes_are_not_tallies(campaign):
    data = campaign("accepted", "comma")
    (data.root / "tallies" / "~$mtl-grand.xlsx").write_bytes(b"lock")
    (data.root / "tallies" / ".~lock.mtl-grand.xlsx#").write_text("lock")
    (data.root / "tallies" / "README.md").write_text("notes")
    intake = read_tallies(data)
    assert intake.problems == [] and list(intake.tallies) == ["mtl-grand"]


def test_a_campaign_without_tallies_folder_has_no_tally(campaign_copy):
    shutil.rmtree(campaign_copy.root / "tallies")
    intake = read_tallies(load_campaign(campaign_copy.root))
    assert (intake.tallies, intake.problems, intake.files) == ({}, [], {})


def test_intake_is_read_again_when_a_file_changes(campaign):
    data = campaign("accepted", "comma")
    first = tallies_of(data)
    assert tallies_of(data) is first
    path = data.root / "tallies" / "mtl-grand.csv"
    path.write_text(path.read_text().replace("Participants,120", "Participants,121"))
    assert tallies_of(data).tallies["mtl-grand"].participants == 121


# The tally file edited in place (the editor's Tallies tab) ---------------------------------

SHEET = (
    "Événement / Event,mtl-grand\r\n"
    "Participants,85\r\n"
    "Actions en ligne / Online actions,\r\n"
    "Cas / Case,Lettres / Letters,Cartes / Cards\r\n"
    "ana,12,10\r\n"
    "bo,8,\r\n"
    "Total,20,10\r\n"
)


def test_tally_sheet_reads_and_writes_the_paper_layout():
    sheet = TallySheet.parse(SHEET.encode())
    assert sheet.value("participants") == "85" and sheet.value("online") == ""
    assert sheet.counts() == {"ana": ("12", "10"), "bo": ("8", "")}
    sheet.set_counts("85", "", {"ana": ("12", "10"), "bo": ("8", "")})
    assert sheet.text() == SHEET
    sheet.set_counts("85", "", {"ana": ("12", "10"), "bo": ("8", "3"), "cy": ("1", "")})
    assert changed_lines(SHEET, sheet.text()) == [
        "-bo,8,",
        "-Total,20,10",
        "+bo,8,3",
        "+cy,1,",
        "+Total,21,13",
    ]


def test_tally_labels_in_one_language_only():
    text = "Event,e1\nParticipants,3\nOnline actions,2\nCase,Letters,Cards\nana,1,1\n"
    sheet = TallySheet.parse(text.encode())
    assert (sheet.value("participants"), sheet.value("online")) == ("3", "2")
    assert sheet.counts() == {"ana": ("1", "1")}


def test_new_tally_sheet_matches_the_documented_format():
    sheet = TallySheet.new("mtl-grand", ["ana", "bo"])
    sheet.set_counts("85", "12", {"ana": ("12", "10"), "bo": ("8", "9")})
    assert sheet.text() == (
        "Événement / Event,mtl-grand\n"
        "Participants,85\n"
        "Actions en ligne / Online actions,12\n"
        "Cas / Case,Lettres / Letters,Cartes / Cards\n"
        "ana,12,10\n"
        "bo,8,9\n"
        "Total,20,19\n"
    )


def test_an_unknown_case_row_lists_the_cases_by_their_printed_names(campaign):
    """The names the sheet prints, which a row may use, not the files' codes (ana, bo)."""
    problem = read_tallies(campaign("rejected", "unknown-case")).problems[0]
    assert problem.fix("en").endswith("in cases/): Ana Wydrzyńska, Bo Wet'suwet'en")
    assert problem.fix("fr", page=True) == (
        "choisissez un des cas de la campagne : Ana Wydrzyńska, Bo Wet'suwet'en"
    )
