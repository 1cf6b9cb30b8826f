"""Envelope labels: every box where the sheet maker puts the label, to 0.5 mm, on Letter
(30 labels, 5160 layout) and A4 (21 labels, L7160 layout); pending addresses on a cover page."""

import shutil

import pypdfium2.raw as pdfium_c
import pytest
import yaml

from campaignkit import load_campaign, produce
from campaignkit.materials.labels import SHEETS
from campaignkit.printing.pdfium import open_pdf
from tests.conftest import MINI
from tests.pdfs import pdf_text

MM_PER_PT = 25.4 / 72
TOLERANCE = 0.5  # mm
LABELS = 70  # in the campaign of the `many` fixture


def boxes(pdf) -> list[list[tuple[float, float, float, float]]]:
    """Per page, every filled box as (left, top, width, height) in mm from the top-left corner."""
    pages = []
    with open_pdf(pdf) as document:
        for page in document:
            height = page.get_height()
            found = []
            for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                left, bottom, right, top = path.get_bounds()
                found.append(
                    tuple(
                        round(v * MM_PER_PT, 2)
                        for v in (left, height - top, right - left, top - bottom)
                    )
                )
            pages.append(sorted(found, key=lambda box: (round(box[1]), box[0])))
    return pages


def expected_box(sheet: dict, index: int) -> tuple[float, float, float, float]:
    columns = sheet["grid"][0]
    column, row = index % columns, index // columns
    return (
        sheet["first"][0] + column * sheet["pitch"][0],
        sheet["first"][1] + row * sheet["pitch"][1],
        *sheet["label"],
    )


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """The mini campaign with 16 more cases (each a target and a card address) and a return
    label per envelope: 35 destination labels (17 targets, 17 card addresses, the office for
    bo's cards) and 35 return labels."""
    root = tmp_path_factory.mktemp("labels") / "mini"
    shutil.copytree(MINI, root)
    ana = yaml.safe_load((root / "cases" / "ana.yaml").read_text(encoding="utf-8"))
    for number in range(16):
        case = dict(ana, id=f"ana-{number}")
        case["target"] = dict(ana["target"], address=[f"Bureau {number}", "Rue d'Essai 1"])
        case["card"] = dict(ana["card"], address=[f"Ana {number}", "a/s Essai", "Montréal"])
        text = yaml.safe_dump(case, allow_unicode=True)
        (root / "cases" / f"ana-{number}.yaml").write_text(text, encoding="utf-8")
    campaign = (root / "campaign.yaml").read_text(encoding="utf-8")
    (root / "campaign.yaml").write_text(campaign + "return_address: office\n", encoding="utf-8")
    return load_campaign(root)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_label_is_where_the_sheet_has_it(many, tmp_path, paper):
    sheet = SHEETS[paper]
    produced = produce(
        "labels", region="montreal", lang="fr", paper=paper, out_dir=tmp_path, data=many
    )
    per_sheet = sheet["grid"][0] * sheet["grid"][1]
    pages = boxes(produced.path)
    cover, sheets = pages[0], pages[1:]
    assert cover == []  # bo's target is pending: listed on the cover, no label
    assert [len(page) for page in sheets] == [per_sheet] * (LABELS // per_sheet) + [
        LABELS % per_sheet
    ]
    for page in sheets:
        for index, box in enumerate(page):
            want = expected_box(sheet, index)
            assert all(abs(a - b) <= TOLERANCE for a, b in zip(box, want, strict=True)), (
                index,
                box,
                want,
            )
    with open_pdf(produced.path) as document:
        width, height = document[1].get_size()
    assert (round(width * MM_PER_PT, 1), round(height * MM_PER_PT, 1)) == tuple(
        round(v, 1) for v in sheet["page"]
    )


def test_the_sheet_specs_add_up_to_their_paper():
    for sheet in SHEETS.values():
        columns, rows = sheet["grid"]
        right = sheet["first"][0] + (columns - 1) * sheet["pitch"][0] + sheet["label"][0]
        bottom = sheet["first"][1] + (rows - 1) * sheet["pitch"][1] + sheet["label"][1]
        assert abs((sheet["page"][0] - right) - sheet["first"][0]) < 0.2  # centred
        assert abs((sheet["page"][1] - bottom) - sheet["first"][1]) < 0.2


def test_a_pending_address_gets_no_label_and_is_listed_on_the_cover(mini, tmp_path):
    data = load_campaign(mini)
    produced = produce("labels", region="montreal", lang="en", out_dir=tmp_path, data=data)
    cover = " ".join(pdf_text(produced.path, 0).split())
    labels = " ".join(pdf_text(produced.path, 1).split())
    assert "Addresses to be confirmed" in cover and "Test government" in cover
    assert "Test government" not in labels
    assert "Prosecutor General" in labels and "Ana" in labels
    assert "Test organization" in labels  # bo's cards go via the office
    assert len(boxes(produced.path)[1]) == 3  # no return label: the campaign asks for none


def test_the_longest_address_fits_an_a4_label_and_is_named_when_a_letter_label_is_too_small(
    longest, tmp_path
):
    from campaignkit import PreflightFailed
    from tests.findings import said

    data = load_campaign(longest)
    produce("labels", region="montreal", lang="fr", paper="a4", out_dir=tmp_path, data=data)
    with pytest.raises(PreflightFailed) as failure:
        produce("labels", region="montreal", lang="fr", paper="letter", out_dir=tmp_path, data=data)
    assert "overflows its box (case longest, field address)" in said(failure)
