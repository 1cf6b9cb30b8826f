import re

import pytest

from campaignkit import load_campaign, materials, paths, produce
from campaignkit.text.catalog import word
from tests.pdfs import page_count, page_size_in, pdf_text, printed

# The rows of docs/tally-format.md, in order, as each language prints them.
ROWS = {
    "fr": ["Événement", "Participants", "Actions en ligne", "Cas", "Lettres", "Cartes"],
    "en": ["Event", "Participants", "Online actions", "Case", "Letters", "Cards"],
}

# Where the numbers go, in the workbook's own names for itself and its tab.
ENTRY = {
    "fr": f"{word('editor.title', 'fr').lower()}, onglet « {word('editor.tab_tallies', 'fr')} »",
    "en": f"{word('editor.title', 'en').lower()}, {word('editor.tab_tallies', 'en')} tab",
}


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_page_per_event_with_its_id_title_date_and_venue(mini, tmp_path):
    data = load_campaign(mini)
    produced = produce("tally", region="montreal", lang="fr", out_dir=tmp_path, data=data)
    assert produced.pages == 2 == page_count(produced.path)
    assert produced.pages == materials.get("tally").expected_pages(data, "montreal")
    assert page_size_in(produced.path) == (8.5, 11.0)
    first, second = flat(pdf_text(produced.path, 0)), flat(pdf_text(produced.path, 1))
    assert "mtl-cafe" in first and "Soirée au café" in first  # in date order
    assert "mardi 5 décembre 2023" in first and "Café d’essai" in first
    assert "mtl-grand" in second and "samedi 9 décembre 2023" in second
    assert "cahier de coordination, onglet « Décomptes »" in second


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_sample_sheet_has_a_row_per_case_in_the_file_order(sample, tmp_path, lang):
    produced = produce("tally", region="montreal", lang=lang, out_dir=tmp_path, data=sample)
    assert produced.pages == len(sample.events_of("montreal")) == 3
    for number, event in enumerate(sample.events_of("montreal")):
        page = flat(pdf_text(produced.path, number))
        assert event.id in page and printed(event.title[lang], lang) in page
        assert printed(event.venue, lang) in page
        positions = [page.upper().index(label.upper()) for label in ROWS[lang]]
        assert positions == sorted(positions), "rows in the order of docs/tally-format.md"
        names = [printed(case.name, lang) for case in sample.cases.values()]
        for case, name in zip(sample.cases.values(), names, strict=True):
            assert page.index(name) > positions[-1], case.id
            assert f"{name} {case.id}" not in page, "the person's name, not a file's code"
        assert [page.index(name) for name in names] == sorted(page.index(n) for n in names)
        assert page.upper().index("TOTAL") > page.index(names[-1])
        assert printed(ENTRY[lang], lang) in page, "says in words where the numbers go"
        for path in ("tallies", ".csv", ".xlsx", "cases/"):
            assert path not in page, path


def test_a_region_without_events_gets_one_blank_sheet(mini, tmp_path):
    for lang in ("fr", "en"):
        produced = produce("tally", mini, region="cote-nord", lang=lang, out_dir=tmp_path)
        assert produced.pages == 1
        page = pdf_text(produced.path)
        assert printed(ENTRY[lang], lang) in flat(page) and "tallies" not in page
        assert not re.search(r"\d{4}", page.split("\n")[0]), "no date printed"
        assert "Ana Wydrzyńska" in page and "Bo Wet’suwet’en" in page


def test_the_file_format_document_names_the_same_rows():
    doc = (paths.ROOT / "docs" / "tally-format.md").read_text(encoding="utf-8")
    for french, english in zip(ROWS["fr"], ROWS["en"], strict=True):
        assert french in doc and english in doc
