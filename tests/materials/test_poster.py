import pytest

from campaignkit import load_campaign, paths, produce
from campaignkit.exceptions import UnknownName
from campaignkit.printing.document import render_material
from campaignkit.printing.layout import layout_problems
from campaignkit.printing.preflight import preflight_file
from campaignkit.printing.render import pdf_bytes
from campaignkit.text import i18n
from campaignkit.text.catalog import describe
from campaignkit.text.typography import typeset_text
from tests.pdfs import page_count, page_size_in, pdf_text, same_pixels


@pytest.fixture(scope="module")
def posters(tmp_path_factory):
    """Montréal (two events) and Côte-Nord (none) posters of the mini campaign, fr and en."""
    from tests.conftest import MINI

    data = load_campaign(MINI)
    out = tmp_path_factory.mktemp("posters")
    made = {}
    for region in ("montreal", "cote-nord"):
        for lang in ("fr", "en"):
            made[region, lang] = produce("poster", region=region, lang=lang, out_dir=out, data=data)
    return made


def test_one_tabloid_page_per_poster(posters):
    for produced in posters.values():
        assert produced.pages == 1 == page_count(produced.path)
        assert page_size_in(produced.path) == (11.0, 17.0)
        assert produced.path.name == f"poster-{produced.lang}.pdf"
        assert produced.path.parent.name == produced.region


def test_french_poster_has_dates_venues_and_contact(posters):
    text = pdf_text(posters["montreal", "fr"].path)
    assert "samedi 9 décembre 2023, 11 h à 18 h" in text
    assert "mardi 5 décembre 2023, 18 h 30 à 21 h" in text
    assert "Maison d’essai" in text and "50 rue d’Essai Ouest" in text
    assert "du 1er novembre 2023 au 31 décembre 2023" in text.lower()
    assert "5 828 000" in text
    assert "mtl@example.org" in text
    assert text.index("mardi 5") < text.index("samedi 9"), "events in date order"


def test_english_poster_formats_for_english(posters):
    text = pdf_text(posters["montreal", "en"].path)
    assert "Saturday, December 9, 2023, 11 a.m. to 6 p.m." in text
    assert "5,828,000" in text
    assert "Big test write-a-thon" in text


def test_region_without_event_invites_people_to_host_one(posters):
    assert "Organisez un marathon" in pdf_text(posters["cote-nord", "fr"].path)
    assert "Host a write-a-thon" in pdf_text(posters["cote-nord", "en"].path)


def test_names_keep_their_letters_and_fonts_are_embedded(posters):
    produced = posters["montreal", "fr"]
    text = pdf_text(produced.path)
    assert "Wydrzyńska" in text and "Wet’suwet’en" in text
    report = preflight_file(produced.path, expected_pages=1)
    assert report.ok, report.summary()


@pytest.mark.parametrize(
    ("paper", "size"), [("letter", (8.5, 11.0)), ("a4", (8.27, 11.69)), ("a3", (11.69, 16.54))]
)
def test_other_papers(mini, tmp_path, paper, size):
    produced = produce("poster", mini, region="montreal", lang="fr", paper=paper, out_dir=tmp_path)
    assert produced.pages == 1
    assert page_size_in(produced.path) == size


def test_print_shop_bleed_adds_boxes_and_marks(mini, tmp_path):
    produced = produce("poster", mini, region="montreal", lang="fr", bleed=True, out_dir=tmp_path)
    assert preflight_file(produced.path, expected_pages=1, bleed=True).ok
    assert page_size_in(produced.path) == (11.25, 17.25)


def test_unknown_paper_region_and_language_are_named(mini, tmp_path):
    with pytest.raises(UnknownName) as paper:
        produce("poster", mini, region="montreal", paper="b5", out_dir=tmp_path)
    assert "paper 'b5'" in describe(paper.value, "en")
    assert "papier inconnu « b5 »" in describe(paper.value, "fr")
    with pytest.raises(UnknownName) as region:
        produce("poster", mini, region="atlantis", out_dir=tmp_path)
    assert "region 'atlantis'" in describe(region.value, "en")
    with pytest.raises(UnknownName) as language:
        produce("poster", mini, region="montreal", lang="de", out_dir=tmp_path)
    assert "language 'de'" in describe(language.value, "en")


def test_markup_in_data_is_printed_as_text(campaign_copy, tmp_path):
    campaign_copy.edit(
        "cases/ana.yaml",
        "Une militante d'essai poursuivie pour avoir aidé une amie.",
        "<b>Gras</b> <script>alert(1)</script> {{ 7*7 }}",
    )
    produced = produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)
    text = pdf_text(produced.path)
    assert "<b>Gras</b>" in text and "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text


def font_size_pt(path, needle: str) -> float:
    """The size, in points, of the first character of `needle` on a PDF's first page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    page = pdfium.PdfDocument(str(path))[0].get_textpage()
    index = page.get_text_range().find(needle)
    assert index >= 0, needle
    return raw.FPDFText_GetFontSize(page, index) * 0.75  # WeasyPrint draws in CSS px


def test_tabloid_event_dates_and_venues_carry_across_a_room(tmp_path):
    data = load_campaign(paths.DEFAULT_CAMPAIGN)
    for lang in ("fr", "en"):
        produced = produce("poster", region="montreal", lang=lang, out_dir=tmp_path, data=data)
        for event in data.events_of("montreal"):
            when = i18n.long_date(event.date, lang)
            assert font_size_pt(produced.path, when) >= 24, (lang, event.id)
            assert font_size_pt(produced.path, typeset_text(event.venue, lang)[:12]) >= 24, (
                lang,
                event.id,
            )


def test_an_address_to_be_confirmed_is_printed_as_such(campaign_copy, tmp_path):
    from campaignkit.editor.session import Session

    session = Session(campaign_copy.root)
    key = next(k for k in session.events.rows if session.events.values(k)["id"] == "mtl-cafe")
    session.events.set(key, "address", "")
    session.events.set(key, "address_pending", "yes")
    assert session.events.validate(key, session.campaign, list(session.regions))[1] == []
    session.events.save()
    for lang, pending in (("fr", "adresse à confirmer"), ("en", "address to be confirmed")):
        produced = produce("poster", campaign_copy.root, "montreal", lang, out_dir=tmp_path)
        text = " ".join(pdf_text(produced.path).split())
        assert f"Café d’essai · {pending}, Montréal" in text, text  # typeset apostrophe
        assert "avenue d’Essai" not in text and "avenue d'Essai" not in text


@pytest.mark.parametrize("paper", ["tabloid", "letter", "a3", "a4"])
def test_the_quick_layout_looks_exactly_like_the_flowing_one_when_the_text_fits(paper):
    """The foot pinned to the bottom edge (no grid to size: far less layout work) against
    the foot following the text in a grid (as posters were laid out before): same pixels."""
    data = load_campaign(paths.DEFAULT_CAMPAIGN)
    for region in ("montreal", "estrie"):
        quick = render_material(data, "poster", region, "fr", paper)
        flowing = render_material(data, "poster", region, "fr", paper, look=("flowing",))
        assert layout_problems(quick) == []
        assert same_pixels(pdf_bytes(quick), pdf_bytes(flowing))
