import base64
import io

import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from campaignkit import paths
from campaignkit.cli import main
from campaignkit.printing.findings import Finding
from campaignkit.printing.preflight import preflight_file
from campaignkit.printing.render import pdf_bytes, render_document
from tests import drawn


def office_pdf(path):
    """A one-page PDF that uses Helvetica without embedding it, as some office tools write."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.write(str(path))
    return path


def pdf_with_image(tmp_path, pixels: int, inches: float):
    buffer = io.BytesIO()
    Image.new("RGB", (pixels, pixels), "red").save(buffer, format="PNG")
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    html = (  # a page as the kit makes them: language, title and alt text (PDF/UA)
        f'<html lang="fr"><title>Essai</title><img alt="Essai" src="{uri}"'
        f' style="width:{inches}in;height:{inches}in"></html>'
    )
    target = tmp_path / f"image-{pixels}.pdf"
    target.write_bytes(pdf_bytes(render_document(html, ["base/base.css"], paths.TEMPLATES)))
    return target


def test_a_good_poster_passes(mini, tmp_path):
    from campaignkit import produce

    pdf = produce("poster", mini, region="montreal", out_dir=tmp_path).path
    report = preflight_file(pdf, expected_pages=1)
    assert report.ok and report.pages == 1 and not report.warnings


def test_wrong_page_count_fails(mini, tmp_path):
    from campaignkit import produce

    pdf = produce("poster", mini, region="montreal", out_dir=tmp_path).path
    assert preflight_file(pdf, expected_pages=2).errors == [
        Finding("page_count", {"got": 1, "expected": 2})
    ]


def test_unembedded_font_fails(tmp_path):
    pdf = office_pdf(tmp_path / "office.pdf")
    assert Finding("font_not_embedded", {"font": "/Helvetica"}) in preflight_file(pdf).errors


def test_not_a_pdf_fails(tmp_path):
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.4 truncated")
    found = preflight_file(pdf).errors[0]
    assert found.code == "unreadable" and found.text("en").startswith("unreadable PDF: ")


@pytest.mark.parametrize(("pixels", "outcome"), [(100, "error"), (500, "warning"), (700, "ok")])
def test_image_resolution(tmp_path, pixels, outcome):
    report = preflight_file(pdf_with_image(tmp_path, pixels, inches=2))
    assert (bool(report.errors), bool(report.warnings)) == {
        "error": (True, False),
        "warning": (False, True),
        "ok": (False, False),
    }[outcome], report.summary()


def test_bleed_boxes_required_when_asked(mini, tmp_path):
    from campaignkit import produce

    plain = produce("poster", mini, region="montreal", out_dir=tmp_path).path
    assert Finding("no_boxes", {"page": 1}) in preflight_file(plain, bleed=True).errors


def test_command_exits_1_on_a_bad_pdf_and_says_why_in_the_interface_language(
    tmp_path, capsys, monkeypatch
):
    pdf = office_pdf(tmp_path / "office.pdf")
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "fr")
    assert main(["preflight", str(pdf)]) == 1
    said = capsys.readouterr().out
    assert (
        said.startswith("Non conforme : ") and "erreur : police non incorporée : /Helvetica" in said
    )
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    assert main(["preflight", str(pdf)]) == 1
    said = capsys.readouterr().out
    assert said.startswith("FAIL ") and "error: font not embedded: /Helvetica" in said


@pytest.mark.parametrize(
    ("content", "resources"),
    [
        (drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image())),
        (
            drawn.DRAW_FORM,
            drawn.xobjects(Fm0=drawn.form(drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image()))),
        ),
        (drawn.INLINE_GREY, None),
    ],
    ids=["on the page", "inside a form", "inline"],
)
def test_a_blurred_image_is_found_wherever_the_page_draws_it(tmp_path, content, resources):
    report = preflight_file(drawn.drawn_pdf(tmp_path / "drawn.pdf", content, resources=resources))
    images = [found for found in report.errors if found.code.startswith("image")]
    assert images == [
        Finding("image_blurred", {"page": 1, "ppi": 10, "minimum": 150, "advised": 300})
    ]


def test_text_pages_are_not_opened_again_to_look_for_images(mini, tmp_path):
    import pikepdf

    from campaignkit import produce
    from campaignkit.printing.preflight import pages_with_images

    letters = produce("letters", mini, region="montreal", out_dir=tmp_path).path
    photo = pdf_with_image(tmp_path, 700, inches=2)
    with pikepdf.open(letters) as text, pikepdf.open(photo) as image:
        assert len(text.pages) > 1 and pages_with_images(text) == []
        assert pages_with_images(image) == [0]


def test_a_blurred_image_is_found_on_a_page_that_inherits_its_resources(tmp_path):
    import pikepdf

    pdf_path = drawn.drawn_pdf(tmp_path / "inherits.pdf", drawn.DRAW_IMAGE)
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        pdf.Root.Pages.Resources = drawn.xobjects(Im0=drawn.image())(pdf)
        del pdf.Root.Pages.Kids[0]["/Resources"]  # the page's own, empty, gives way
        pdf.save(pdf_path)
    images = [found.code for found in preflight_file(pdf_path).errors if found.code[:5] == "image"]
    assert images == ["image_blurred"]
