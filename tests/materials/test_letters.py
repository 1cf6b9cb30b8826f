import pytest

from campaignkit import load_campaign, materials, paths, produce
from campaignkit.data.loader import check_campaign
from campaignkit.materials import letters
from campaignkit.printing.preflight import preflight_file
from tests.pdfs import page_count, page_size_in, pdf_text, printed

BAND = {"fr": "Adresse à confirmer — ne pas poster", "en": "Address to be confirmed — do not mail"}


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


@pytest.fixture(scope="module")
def sample_letters(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("letters")
    return {lang: produce("letters", lang=lang, out_dir=out, data=sample) for lang in ("fr", "en")}


def test_every_sample_letter_is_one_letter_page(sample, sample_letters):
    for lang, produced in sample_letters.items():
        assert produced.pages == len(sample.cases) == page_count(produced.path)
        assert materials.get("letters").expected_pages(sample, "montreal") == produced.pages
        assert page_size_in(produced.path) == (8.5, 11.0)
        assert preflight_file(produced.path, expected_pages=len(sample.cases)).ok
        for number, case in enumerate(sample.cases.values()):
            page = pdf_text(produced.path, number)
            assert printed(case.name, lang) in page, (
                f"{case.id} is not on page {number + 1} ({lang})"
            )


def test_each_letter_carries_its_target_address_and_salutation(sample, sample_letters):
    for lang, produced in sample_letters.items():
        for number, case in enumerate(sample.cases.values()):
            page = pdf_text(produced.path, number)
            assert printed(case.target.salutation[lang], lang) in page
            assert printed(case.target.title[lang], lang) in page
            for line in case.target.address:
                assert printed(line, lang) in page, f"{line!r} missing from {case.id} ({lang})"
            assert (BAND[lang] in page) == case.target.address_pending, case.id


def test_letter_has_sender_place_and_date_closing_and_signature_lines(sample_letters):
    french = flat(pdf_text(sample_letters["fr"].path, 0))
    for words in (
        "Vos nom et adresse",
        "Montréal, le",
        "Objet :",
        "haute considération",
        "Signature",
    ):
        assert words in french
    english = flat(pdf_text(sample_letters["en"].path, 0))
    for words in ("Your name and address", "Montréal,", "Re:", "Yours sincerely,", "Signature"):
        assert words in english


def flat(text: str) -> str:
    """Text with every kind of space as one plain space."""
    return " ".join(text.split())


def test_every_letter_has_a_place_and_date_line_and_its_own_closing(sample, sample_letters):
    for lang, produced in sample_letters.items():
        place = "Montréal, le" if lang == "fr" else "Montréal,"
        for number, case in enumerate(sample.cases.values()):
            page = flat(pdf_text(produced.path, number))
            assert place in page, (case.id, lang)
            assert printed(case.target.closing[lang], lang) in page, (case.id, lang)


def test_every_french_closing_repeats_the_salutations_form_of_address(sample):
    assert len(sample.cases) == 10
    for case in sample.cases.values():
        form = case.target.salutation["fr"].rstrip(", ")
        assert (
            f", {form}, " in case.target.closing["fr"]
            or f"prie {form} " in (case.target.closing["fr"])
        ), case.id


def test_the_place_is_left_blank_when_the_regions_events_are_in_several_cities(sample):
    cities = {event.city for event in sample.events_of("monteregie")}
    assert len(cities) > 1
    assert letters.place(sample, "monteregie") == ""
    assert letters.date_line("", "fr").startswith('<span class="write-line place"></span>, le')


def test_pending_target_prints_the_band_not_an_empty_block(mini, tmp_path):
    for lang in ("fr", "en"):
        produced = produce("letters", mini, lang=lang, out_dir=tmp_path)
        ana, bo = pdf_text(produced.path, 0), pdf_text(produced.path, 1)
        assert "00-001 Varsovie" in ana and BAND[lang] not in ana
        assert BAND[lang] in bo
    assert "Gouvernement d’essai" in pdf_text(tmp_path / "mini" / "montreal" / "letters-fr.pdf", 1)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_longest_texts_the_validator_accepts_fit_one_page(longest, tmp_path, paper, lang):
    data = load_campaign(longest)
    produced = produce("letters", lang=lang, paper=paper, out_dir=tmp_path, data=data)
    assert produced.pages == len(data.cases) == 4
    for number, case in enumerate(data.cases.values()):
        assert printed(case.target.salutation[lang], lang) in pdf_text(produced.path, number)


def test_a_letter_with_more_paragraphs_than_the_page_holds_is_refused(campaign_copy):
    many = "\\n\\n".join(["Un paragraphe."] * 7)
    campaign_copy.edit(
        "cases/ana.yaml",
        "fr: \"Je vous écris au sujet d'Ana.\\n\\nJe vous demande d'annuler sa condamnation.\"",
        f'fr: "{many}"',
    )
    _, problems = check_campaign(campaign_copy.root)
    problem = next(p for p in problems if p.code == "too_many_paragraphs")
    assert problem.field == "letter.fr" and problem.file.endswith("cases/ana.yaml")
    assert "7, 6 au plus" in problem.text("fr")


def test_same_inputs_give_the_same_bytes(mini, tmp_path):
    first = produce("letters", mini, out_dir=tmp_path / "a").path.read_bytes()
    assert produce("letters", mini, out_dir=tmp_path / "b").path.read_bytes() == first


def test_an_address_longer_than_the_letter_holds_is_refused(campaign_copy):
    campaign_copy.edit(
        "cases/ana.yaml",
        '"00-001 Varsovie", "Pologne"]',
        '"00-001 Varsovie", "Pologne", "a", "b", "c"]',
    )
    _, problems = check_campaign(campaign_copy.root)
    problem = next(p for p in problems if p.code == "too_many_lines")
    assert problem.field == "target.address" and problem.line == 13
    assert "7 lignes, 6 au plus" in problem.text("fr")


def test_a_closing_missing_in_one_language_is_refused(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", ', en: "Yours sincerely,"}', "}")
    _, problems = check_campaign(campaign_copy.root)
    (problem,) = [p for p in problems if p.field.startswith("target.closing")]
    assert problem.code == "missing_translation" and problem.file.endswith("ana.yaml")
