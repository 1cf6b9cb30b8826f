"""The editor's preview finds the page that shows what is being edited, as it will print."""

from weasyprint import HTML

from campaignkit.printing.document import render_material
from campaignkit.printing.preview import material_png, page_showing, pdf_page_png
from campaignkit.printing.render import pdf_bytes
from tests.overlong import TOO_LONG, slipped_past_validation


def test_the_page_of_a_name_is_found_once_typeset():
    pages = ["<p>Ahmed Mansoor</p>", "<p>Wet’suwet’en\u00a0: «\u00a0terres\u00a0»</p>"]
    html = "".join(f'<section style="break-after: page">{page}</section>' for page in pages)
    pdf = HTML(string=html).write_pdf()
    assert page_showing(pdf, "Wet'suwet'en") == 1, "the name as typed, the page as typeset"
    assert page_showing(pdf, "Wet'suwet'en : \" terres \"") == 1
    assert page_showing(pdf, "Ahmed Mansoor") == 0 and page_showing(pdf, "Personne") == 0


def test_the_preview_shows_the_look_the_poster_will_print_in(mini):
    """A blurb that reaches the poster's foot: the poster prints with the foot after the
    text, and the preview shows that, not the quick layout with text under the foot."""
    data = slipped_past_validation(mini, "blurb", TOO_LONG[:1300])
    shown = material_png(data, "poster", "montreal", "fr")
    for look, same in (((), False), (("flowing",), True)):
        page = render_material(data, "poster", "montreal", "fr", look=look)
        assert (pdf_page_png(pdf_bytes(page), 0, 60) == shown) is same
