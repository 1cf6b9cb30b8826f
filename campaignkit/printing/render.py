"""HTML templates to PDF: Jinja2 with autoescape, WeasyPrint with shared fonts and CSS."""

import os
from functools import cache
from pathlib import Path

import jinja2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from campaignkit import paths
from campaignkit.data.models import Branding
from campaignkit.exceptions import RenderError
from campaignkit.files import write_atomically  # noqa: F401 - part of this module's API
from campaignkit.printing.fetcher import FolderFetcher
from campaignkit.printing.pdfx import write_pdfx
from campaignkit.printing.press import PROFILE, PressFetcher, press_html
from campaignkit.text import catalog, i18n, typography


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations()  # each render brings its language's catalog (render_html)
    env.filters.update(number=i18n.number, long_date=i18n.long_date, short_date=i18n.short_date)
    return env


@cache
def font_config() -> FontConfiguration:
    """One font configuration per process: fonts are loaded once."""
    return FontConfiguration()


@cache
def stylesheet(relative: str) -> CSS:
    """A stylesheet under templates/, parsed once per process."""
    path = paths.TEMPLATES / relative
    return CSS(filename=str(path), font_config=font_config(), url_fetcher=FolderFetcher())


@cache
def press_stylesheet(relative: str, branding: str) -> CSS:
    """A stylesheet under templates/ with its colours as CMYK ink (branding as JSON)."""
    fetcher = PressFetcher(Branding.model_validate_json(branding))
    url = (paths.TEMPLATES / relative).as_uri()
    return CSS(url=url, font_config=font_config(), url_fetcher=fetcher)


@cache
def press_profiles() -> dict:
    """The colour profiles of base/press.css: the output intent of print-shop PDFs."""
    profiles: dict = {}
    url = (paths.TEMPLATES / "base/press.css").as_uri()
    CSS(url=url, font_config=font_config(), url_fetcher=FolderFetcher(), color_profiles=profiles)
    return profiles


def render_html(template: str, context: dict) -> str:
    """The page in its language: the kit's words from that catalog, then its typography."""
    lang = context.get("lang", "fr")
    words = catalog.Translations(lang)
    page = environment().get_template(template)
    html = page.render(**context, gettext=words.gettext, ngettext=words.ngettext)
    return typography.typeset(html, lang)


def render_document(
    html: str, stylesheets: list[str], campaign_root: Path, press: Branding | None = None
):
    """A laid-out WeasyPrint document; blocked resources raise RenderError. With `press`
    (the campaign's branding), every colour and photo is CMYK ink, for the print shop."""
    fetcher = FolderFetcher(campaign_root)
    sheets = [stylesheet(name) for name in stylesheets]
    options = {"pdf_variant": "pdf/ua-1"}
    if press is not None:
        html, fetcher = press_html(html, press), PressFetcher(press, campaign_root)
        brand = press.model_dump_json()
        sheets = [press_stylesheet(name, brand) for name in stylesheets]
        options = {"pdf_variant": "pdf/x-4", "color_profiles": dict(press_profiles())}
    page = HTML(string=html, base_url=str(paths.TEMPLATES) + os.sep, url_fetcher=fetcher)
    try:
        document = page.render(stylesheets=sheets, font_config=font_config(), **options)
    except FatalURLFetchingError as error:
        raise RenderError(f"{error}: {error.__cause__}") from None
    document.html_tree = page.etree_element  # what was meant to be printed, for checks
    document.source = html  # what it was made from: seeds the PDF/X document id
    document.press = press is not None
    document.loaded = fetcher.loaded  # the campaign's files it printed (printing/reuse.py)
    return document


def pdf_bytes(document, marks: bool = True) -> bytes:
    """Print-shop documents as PDF/X-4 (crop marks in a slug unless `marks` is False);
    the others tagged for screens and screen readers (PDF/UA-1)."""
    if document.press:
        return write_pdfx(document, document.source, PROFILE.read_bytes(), marks)
    return document.write_pdf(pdf_variant="pdf/ua-1")
