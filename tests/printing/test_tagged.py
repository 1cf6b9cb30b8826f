"""Screen PDFs are tagged for screen readers (PDF/UA-1): language, title, headings, tables,
and a text alternative for every figure (QR codes, charts, photos)."""

import pikepdf
import pytest

from campaignkit import load_campaign, produce
from campaignkit.printing.pdfchecks import tag_problems
from campaignkit.printing.preflight import preflight_file


@pytest.fixture(scope="module")
def screen_pdfs(tmp_path_factory):
    from tests.conftest import MINI

    data = load_campaign(MINI)
    out = tmp_path_factory.mktemp("screen")
    made = {
        material: produce(material, region="montreal", lang="fr", out_dir=out, data=data).path
        for material in ("casebook", "letters", "summary", "poster")
    }
    made["campaign-summary"] = produce(
        "campaign-summary", region="campaign", lang="en", out_dir=out, data=data
    ).path
    return made


def structure(element, found: list):
    """Every structure element under `element`, depth first."""
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
            found.append(kid)
            structure(kid, found)
    return found


@pytest.mark.parametrize("material", ["casebook", "letters", "summary", "campaign-summary"])
def test_tagged_with_language_title_and_alt_on_every_figure(screen_pdfs, material):
    with pikepdf.open(screen_pdfs[material]) as pdf:
        assert pdf.Root.StructTreeRoot is not None
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert str(pdf.Root.Lang) in ("fr", "en")
        assert str(pdf.docinfo.Title)
        elements = structure(pdf.Root.StructTreeRoot, [])
        kinds = {str(element.S) for element in elements}
        assert kinds & {"/H1", "/H2", "/H3"} or material == "letters", kinds
        for figure in (e for e in elements if e.S == "/Figure"):
            assert str(figure.get("/Alt", "")), material
        assert tag_problems(pdf) == []
    assert preflight_file(screen_pdfs[material]).ok


def alts(path) -> list[str]:
    with pikepdf.open(path) as pdf:
        elements = structure(pdf.Root.StructTreeRoot, [])
        return [str(e.Alt) for e in elements if e.S == "/Figure"]


def test_qr_codes_say_where_they_lead(screen_pdfs):
    assert "Code QR\u00a0: https://example.org/agir/ana" in alts(screen_pdfs["casebook"])
    assert "Code QR\u00a0: https://example.org/agir" in alts(screen_pdfs["poster"])


def test_charts_give_their_figures_in_words(screen_pdfs):
    (chart,) = alts(screen_pdfs["summary"])
    assert chart.startswith("Lettres et cartes par cas\u00a0: ")
    assert "lettres" in chart and "cartes" in chart and any(c.isdigit() for c in chart)
    campaign = alts(screen_pdfs["campaign-summary"])
    assert len(campaign) == 2, "per case and per region"
    assert any("Montreal: " in alt and " actions" in alt for alt in campaign), campaign


def test_summaries_have_real_tables(screen_pdfs):
    with pikepdf.open(screen_pdfs["summary"]) as pdf:
        kinds = {str(e.S) for e in structure(pdf.Root.StructTreeRoot, [])}
    assert {"/Table", "/TR", "/TH", "/TD"} <= kinds


def test_an_untagged_pdf_fails_preflight(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "plain.pdf"
    HTML(string="<p>Texte</p>").write_pdf(path)
    codes = [found.code for found in preflight_file(path).errors]
    assert {"not_tagged", "no_lang", "no_title"} <= set(codes)
