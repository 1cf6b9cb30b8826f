import pikepdf
import pytest

from campaignkit.printing.findings import Finding
from campaignkit.printing.pdfchecks import rgb_uses
from campaignkit.printing.preflight import pages_with_images
from tests import drawn

RED_FORM = drawn.xobjects(Fm0=drawn.form(drawn.RED_SQUARE))
CYAN_FORM = drawn.xobjects(Fm0=drawn.form(drawn.CYAN_SQUARE))


def rgb_of(path) -> list[Finding]:
    with pikepdf.open(path) as pdf:
        return rgb_uses(pdf)


def rgb(page: int, what: str, name: str) -> Finding:
    return Finding("rgb", {"page": page, "what": what, "name": name})


@pytest.mark.parametrize(
    ("content", "resources", "found"),
    [
        (drawn.RED_SQUARE, None, rgb(1, "operator", "rg")),
        (drawn.DRAW_FORM, RED_FORM, rgb(1, "operator", "rg")),
        (
            drawn.DRAW_FORM,
            drawn.xobjects(
                Fm0=drawn.form(drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image("DeviceRGB")))
            ),
            rgb(1, "image", "/Im0"),
        ),
        (drawn.PAINT_PATTERN, drawn.tiling_pattern(drawn.RED_SQUARE), rgb(1, "operator", "rg")),
        (drawn.WITH_MASK, drawn.soft_mask(drawn.RED_SQUARE), rgb(1, "operator", "rg")),
    ],
    ids=["on the page", "inside a form", "an image in a form", "in a pattern", "in a soft mask"],
)
def test_rgb_is_found_wherever_the_page_draws_it(tmp_path, content, resources, found):
    assert rgb_of(drawn.drawn_pdf(tmp_path / "rgb.pdf", content, resources=resources)) == [found]


@pytest.mark.parametrize(
    ("content", "resources"),
    [
        (drawn.CYAN_SQUARE, None),
        (drawn.DRAW_FORM, CYAN_FORM),
        (drawn.PAINT_PATTERN, drawn.tiling_pattern(drawn.CYAN_SQUARE)),
        (drawn.WITH_MASK, drawn.soft_mask(drawn.CYAN_SQUARE)),
    ],
    ids=["on the page", "inside a form", "in a pattern", "in a soft mask"],
)
def test_cmyk_drawn_the_same_ways_is_not_rgb(tmp_path, content, resources):
    assert rgb_of(drawn.drawn_pdf(tmp_path / "cmyk.pdf", content, resources=resources)) == []


def test_a_form_drawn_on_every_page_is_reported_once_on_the_first(tmp_path):
    pages = drawn.drawn_pdf(
        tmp_path / "shared.pdf", drawn.DRAW_FORM, drawn.DRAW_FORM, resources=RED_FORM
    )
    assert rgb_of(pages) == [rgb(1, "operator", "rg")]


def test_a_form_that_draws_itself_is_walked_once(tmp_path):
    path = drawn.drawn_pdf(tmp_path / "loop.pdf", drawn.DRAW_FORM, resources=RED_FORM)
    with pikepdf.open(path) as pdf:
        itself = pdf.pages[0].Resources.XObject.Fm0
        itself.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=itself))
        assert rgb_uses(pdf) == [rgb(1, "operator", "rg")]
        assert pages_with_images(pdf) == []


@pytest.mark.parametrize(
    ("content", "resources", "pages"),
    [
        (drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image()), [0]),
        (
            drawn.DRAW_FORM,
            drawn.xobjects(Fm0=drawn.form(drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image()))),
            [0],
        ),
        (
            drawn.PAINT_PATTERN,
            drawn.tiling_pattern(drawn.DRAW_IMAGE, drawn.xobjects(Im0=drawn.image())),
            [0],
        ),
        (drawn.INLINE_GREY, None, [0]),
        (drawn.DRAW_FORM, RED_FORM, []),
    ],
    ids=["on the page", "inside a form", "in a pattern", "inline", "no image"],
)
def test_pages_that_may_draw_an_image_are_found_through_the_same_walk(
    tmp_path, content, resources, pages
):
    with pikepdf.open(drawn.drawn_pdf(tmp_path / "i.pdf", content, resources=resources)) as pdf:
        assert pages_with_images(pdf) == pages
