"""Colours for the press: brand colours as campaign.yaml defines them, greys as black ink."""

from campaignkit.data.models import Branding
from campaignkit.printing.press import cmyk, press_css, press_html

BRAND = Branding.model_validate(
    {
        "primary": {"rgb": "#FFFF00", "cmyk": [0, 0, 100, 0]},
        "ink": {"rgb": "#000000", "cmyk": [0, 0, 0, 100]},
        "accent": {"rgb": "#E4003A", "cmyk": [0, 100, 75, 0]},
    }
)


def test_brand_colours_take_their_declared_cmyk():
    assert cmyk((255, 255, 0), BRAND) == (0, 0, 100, 0)
    assert cmyk((0xE4, 0x00, 0x3A), BRAND) == (0, 100, 75, 0)


def test_greys_and_black_are_black_ink_only():
    assert cmyk((0, 0, 0), BRAND) == (0, 0, 0, 100)
    assert cmyk((0x44, 0x44, 0x44), BRAND) == (0, 0, 0, 73.3)
    assert cmyk((255, 255, 255), BRAND) == (0, 0, 0, 0)


def test_other_colours_go_through_the_press_profile():
    cyan, magenta, yellow, black = cmyk((0x0B, 0x4A, 0xA8), BRAND)  # a blue
    assert cyan > 60 and magenta > 20 and yellow < 20


def test_css_and_inline_svg_are_written_in_cmyk_but_not_urls_or_text():
    css = "a { color: #444; background: url(#abcdef); border-color: white }"
    assert press_css(css, BRAND) == (
        "a { color: device-cmyk(0% 0% 0% 73.3%); background: url(#abcdef);"
        " border-color: device-cmyk(0% 0% 0% 0%) }"
    )
    html = '<p>Case #123456</p><svg viewBox="0 0 1 1"><path stroke="#000"/></svg>'
    assert press_html(html, BRAND) == (
        '<p>Case #123456</p><svg fill="device-cmyk(0% 0% 0% 100%)" viewBox="0 0 1 1">'
        '<path stroke="device-cmyk(0% 0% 0% 100%)"/></svg>'
    )
