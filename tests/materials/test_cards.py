import pytest

from campaignkit import load_campaign, paths, produce
from campaignkit.data.loader import check_campaign
from campaignkit.printing.document import render_material
from tests.pdfs import page_count, page_size_in, pdf_text, printed

NEVER_ON_A_CARD = ("Amnest", "Amnist", "AICF")


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


@pytest.fixture(scope="module")
def card_files(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("cards")
    return {lang: produce("cards", lang=lang, out_dir=out, data=sample) for lang in ("fr", "en")}


def test_an_instruction_page_then_a_card_sheet_per_case(sample, card_files):
    for lang, produced in card_files.items():
        assert produced.pages == 2 * len(sample.cases) == page_count(produced.path)
        assert page_size_in(produced.path) == (8.5, 11.0)
        for number, case in enumerate(sample.cases.values()):
            instructions = pdf_text(produced.path, 2 * number)
            assert printed(case.card.recipient[lang], lang) in instructions
            assert printed(case.card.guidance[lang], lang).split()[0] in instructions
            cards = pdf_text(produced.path, 2 * number + 1)
            assert cards.count(printed(case.card.first_name, lang)) >= 4, case.id
            assert " ".join(cards.split()).count(printed(case.card.message[lang], lang)) == 4, (
                case.id
            )


def test_no_card_page_names_the_organization(sample, card_files):
    office = sample.campaign.organization
    names = [*office.name.values(), office.short_name, *NEVER_ON_A_CARD]
    for produced in card_files.values():
        for number in range(1, produced.pages, 2):
            page = pdf_text(produced.path, number)
            for name in names:
                assert name.casefold() not in page.casefold(), (name, number)


def test_instruction_page_has_the_address_or_the_band_and_the_rules(sample, card_files):
    french = {
        case.id: pdf_text(card_files["fr"].path, 2 * n)
        for n, case in enumerate(sample.cases.values())
    }
    maung = french["maung-sawyeddollah"]
    assert "23/2 Horton Place" in maung and "Colombo 7" in maung
    assert "Adresse à confirmer — ne pas poster" not in maung
    justyna = french["justyna-wydrzynska"]  # via the office, whose address is pending
    assert "a/s Amnistie internationale Canada francophone" in justyna
    assert "Adresse à confirmer — ne pas poster" in justyna
    assert "Ne nommez jamais sur la carte" in maung and "grande enveloppe" in maung
    english = pdf_text(card_files["en"].path, 0)
    assert "Never name the organization" in english and "end-of-year" in english


def test_mini_cards_via_the_office_use_its_address(mini, tmp_path):
    produced = produce("cards", mini, lang="en", out_dir=tmp_path)
    bo = pdf_text(produced.path, 2)
    assert "c/o Test organization" in bo and "1 rue d’Essai" in bo
    assert "Address to be confirmed" not in bo


def boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from boxes(child)


def rect(box):
    return (
        box.position_x,
        box.position_y,
        box.position_x + box.border_width(),
        box.position_y + box.border_height(),
    )


def classed(page, name):
    """The outermost box of every element of class `name` on a page."""
    found = {}
    for box in boxes(page._page_box):
        element = getattr(box, "element", None)
        if element is not None and name in (element.get("class") or "").split():
            found.setdefault(id(element), box)
    return list(found.values())


def inside(inner, outer, slack=0.5):
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_cutting_along_the_marks_gives_clean_cards(longest, paper):
    """Marks line up with every card edge and stay in the margins; card contents stay inside."""
    data = load_campaign(longest)
    document = render_material(data, "cards", "montreal", "fr", paper)
    sheets = document.pages[1::2]
    assert len(sheets) == len(data.cases)
    for page in sheets:
        cards = [rect(card) for card in classed(page, "card")]
        assert len(cards) == 4
        for card in classed(page, "card"):
            ruled = [id(b) for r in classed(page, "ruled") for b in boxes(r)]
            inners = classed(page, "card-inner")  # it clips the lines that do not fit
            assert len(inners) == 4 and {i.style["overflow"] for i in inners} == {"hidden"}
            for box in boxes(card):
                if id(box) not in ruled:  # lines past the card's inner box are clipped away
                    assert inside(rect(box), rect(card)), (paper, box)
        marks = [rect(mark) for mark in classed(page, "cut")]
        assert len(marks) == 12
        edges_x = {round(x, 1) for card in cards for x in (card[0], card[2])}
        edges_y = {round(y, 1) for card in cards for y in (card[1], card[3])}
        assert len(edges_x) == len(edges_y) == 3, "cards touch: two cuts each way free all four"
        assert {round(m[0], 1) for m in marks if m[2] - m[0] < 2} == edges_x
        assert {round(m[1], 1) for m in marks if m[3] - m[1] < 2} == edges_y
        for mark in marks:
            assert not any(overlaps(mark, card) for card in cards)
            assert inside(mark, (0, 0, page.width, page.height))


def test_a_card_message_naming_the_organization_is_refused(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", "Stay strong, Ana!", "Stay strong, from TEST!")
    _, problems = check_campaign(campaign_copy.root)
    assert [(p.code, p.field) for p in problems] == [("names_organization", "card.message.en")]
    assert "remove the name" in problems[0].text("en")


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_longest_texts_the_validator_accepts_fit(longest, tmp_path, paper, lang):
    data = load_campaign(longest)
    produced = produce("cards", lang=lang, paper=paper, out_dir=tmp_path, data=data)
    assert produced.pages == 2 * len(data.cases)
