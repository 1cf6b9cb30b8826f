import pytest
from PIL import Image
from pypdf import PdfReader

from campaignkit import load_campaign, materials, paths, produce
from campaignkit.printing.preflight import preflight_file
from tests.pdfs import page_count, page_size_in, pdf_text, printed


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


@pytest.fixture(scope="module")
def casebooks(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("casebook")
    return {lang: produce("casebook", lang=lang, out_dir=out, data=sample) for lang in ("fr", "en")}


def test_one_page_per_sample_case_in_case_order(sample, casebooks):
    for produced in casebooks.values():
        assert produced.pages == len(sample.cases) == page_count(produced.path)
        assert produced.pages == materials.get("casebook").expected_pages(sample, "montreal")
        assert page_size_in(produced.path) == (8.5, 11.0)
        assert preflight_file(produced.path, expected_pages=produced.pages).ok
        for number, case in enumerate(sample.cases.values()):
            assert printed(case.name, "fr") in pdf_text(produced.path, number)


def test_every_page_is_footed_with_campaign_and_material(sample, casebooks):
    """No region: the case book is the campaign's, the same for all (laid out once)."""
    footer = "Écrire, ça libère · Cahier des cas · Données d’exemple"
    for number in range(casebooks["fr"].pages):
        assert pdf_text(casebooks["fr"].path, number).strip().endswith(footer)


def test_a_case_page_says_what_to_ask_whom_to_write_and_where_cards_go(sample, casebooks):
    for lang, produced in casebooks.items():
        for number, case in enumerate(sample.cases.values()):
            page = " ".join(pdf_text(produced.path, number).split())  # lines may wrap
            assert case.country[lang].upper() in page  # printed in capitals
            assert printed(case.target.title[lang], lang) in page
            assert printed(case.target.salutation[lang], lang) in page
            assert printed(case.card.recipient[lang], lang) in page
            assert case.action_url in page.replace("/ ", "/")
            for line in case.target.address + case.card.address:
                assert printed(line, lang) in page, f"{line!r} missing from {case.id} ({lang})"
    page = pdf_text(casebooks["fr"].path, 0)
    for heading in ("CE QUE NOUS DEMANDONS", "ÉCRIRE À", "CARTES DE SOLIDARITÉ", "Agir en ligne"):
        assert heading in page


def test_cards_via_the_office_show_its_address(mini, tmp_path):
    produced = produce("casebook", mini, lang="fr", out_dir=tmp_path)
    bo = pdf_text(produced.path, 1)
    assert "a/s Organisme d’essai" in bo and "Montréal (Québec) H0H 0H0" in bo


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_longest_texts_the_validator_accepts_fit_one_page(longest, tmp_path, paper, lang):
    data = load_campaign(longest)
    produced = produce("casebook", lang=lang, paper=paper, out_dir=tmp_path, data=data)
    assert produced.pages == len(data.cases) == 4


def test_a_photo_is_printed_when_present(campaign_copy, tmp_path):
    (campaign_copy.root / "photos").mkdir()
    Image.new("RGB", (300, 330), "#3366aa").save(campaign_copy.root / "photos" / "ana.png")
    campaign_copy.edit(
        "cases/ana.yaml",
        "photo: null",
        "photo:\n  file: photos/ana.png\n  credit: {fr: Photo d'essai, en: Test photo}\n"
        "  alt: {fr: Portrait d'Ana, en: Portrait of Ana}",
    )
    produced = produce("casebook", campaign_copy.root, out_dir=tmp_path)
    reader = PdfReader(str(produced.path))
    assert len(reader.pages[0].images) == 1
    assert "Photo d’essai" in pdf_text(produced.path, 0)
    assert produced.pages == 2
