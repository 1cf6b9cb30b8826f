"""Social images: a square and a story PNG per event, exactly 1080 × 1080 and 1080 × 1920 px."""

import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from campaignkit import load_campaign
from campaignkit.printing.pdfium import open_pdf
from campaignkit.printing.press_kit import produce_press_kit
from tests.conftest import MINI
from tests.pdfs import pdf_text


@pytest.fixture(scope="module")
def mini_data():
    return load_campaign(MINI)


def social(data, region, lang, out_dir):
    return produce_press_kit(
        region=region, lang=lang, out_dir=out_dir, materials_wanted=["social"], data=data
    )


def qr_codes(page) -> int:
    """Square vector drawings of 150 to 250 pt: the QR code (segno draws it as one path)."""
    count = 0
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = path.get_bounds()
        width, height = right - left, top - bottom
        count += 150 < width < 250 and abs(width - height) < 2
    return count


def test_a_square_and_a_story_per_event_at_their_exact_sizes(mini_data, tmp_path):
    pdf, *images = social(mini_data, "montreal", "fr", tmp_path)
    assert [image.name for image in images] == [
        "mtl-cafe-fr-square.png",
        "mtl-cafe-fr-story.png",
        "mtl-grand-fr-square.png",
        "mtl-grand-fr-story.png",
    ]
    for image in images:
        assert image.parent == tmp_path / "mini" / "montreal" / "social"
        with Image.open(image) as picture:
            assert picture.size == ((1080, 1080) if "square" in image.name else (1080, 1920))
    story = " ".join(pdf_text(pdf.path, 1).replace("\u2019", "'").split())  # typeset apostrophes
    for part in ("Campagne d'essai", "Soirée au café", "mardi 5 décembre 2023", "18 h 30"):
        assert part in story
    assert "Café d'essai" in story and "https://example.org/agir" in story


def test_only_the_story_has_a_qr_code(mini_data, tmp_path):
    pdf = social(mini_data, "montreal", "en", tmp_path)[0]
    assert all("https://example.org/agir" in pdf_text(pdf.path, page) for page in range(2))
    with open_pdf(pdf.path) as document:
        assert [qr_codes(document[page]) for page in range(2)] == [0, 1]


def test_a_region_without_event_gets_one_organize_image_pair(mini_data, tmp_path):
    made = social(mini_data, "cote-nord", "en", tmp_path)
    assert [item.name for item in made[1:]] == ["organize-en-square.png", "organize-en-story.png"]
    assert "Host a write-a-thon" in pdf_text(made[0].path, 0)


def test_images_of_a_removed_event_are_removed(mini_data, tmp_path):
    folder = tmp_path / "mini" / "montreal" / "social"
    folder.mkdir(parents=True)
    (folder / "old-event-fr-square.png").write_bytes(b"old")
    (folder / "old-event-en-square.png").write_bytes(b"other language")
    social(mini_data, "montreal", "fr", tmp_path)
    assert not (folder / "old-event-fr-square.png").exists()
    assert (folder / "old-event-en-square.png").exists()


def test_an_image_of_the_wrong_size_is_refused(mini_data, tmp_path):
    from campaignkit import PreflightFailed
    from campaignkit.printing.press_kit import page_images
    from tests.findings import said

    pdf = social(mini_data, "cote-nord", "fr", tmp_path)[0]
    assert len(page_images(pdf.path, [(1080, 1080), (1080, 1920)])) == 2
    with pytest.raises(PreflightFailed) as failure:
        page_images(pdf.path, [(1080, 1080), (1080, 1080)])
    assert "image 2: (1080, 1920) px instead of" in said(failure)


def test_event_text_that_would_run_under_the_band_is_named_not_hidden(mini_data, tmp_path):
    """Texts within their limits but of wide letters: the address reached the black band at
    the foot of the square image, and was hidden under it without a word."""
    import dataclasses

    from campaignkit import PreflightFailed
    from tests.findings import said

    wide = "MMMMMMMM " * 10
    first = mini_data.events_of("montreal")[0]
    title = {lang: wide[:60] for lang in ("fr", "en")}
    event = first.model_copy(update={"title": title, "venue": wide[:60], "address": wide[:80]})
    events = [event if e.id == first.id else e for e in mini_data.events]
    data = dataclasses.replace(mini_data, events=events)
    with pytest.raises(PreflightFailed) as failure:
        social(data, "montreal", "en", tmp_path)
    assert f"page 1: text overflows its box (field event {first.id})" in said(failure)
    assert not list(tmp_path.rglob("*.png")), "no image is made"
