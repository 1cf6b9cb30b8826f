"""The editor's preview finds the page that shows what is being edited."""

from weasyprint import HTML

from campaignkit.printing.preview import page_showing


def test_the_page_of_a_name_is_found_once_typeset():
    pages = ["<p>Ahmed Mansoor</p>", "<p>Wet’suwet’en\u00a0: «\u00a0terres\u00a0»</p>"]
    html = "".join(f'<section style="break-after: page">{page}</section>' for page in pages)
    pdf = HTML(string=html).write_pdf()
    assert page_showing(pdf, "Wet'suwet'en") == 1, "the name as typed, the page as typeset"
    assert page_showing(pdf, "Wet'suwet'en : \" terres \"") == 1
    assert page_showing(pdf, "Ahmed Mansoor") == 0 and page_showing(pdf, "Personne") == 0
