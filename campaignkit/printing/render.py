"""HTML templates to PDF: Jinja2 with autoescape, WeasyPrint with shared fonts and CSS."""

import os
from functools import cache
from pathlib import Path

import jinja2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from campaignkit import paths
from campaignkit.exceptions import RenderError
from campaignkit.files import write_atomically  # noqa: F401 - part of this module's API
from campaignkit.printing.fetcher import FolderFetcher
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


def render_html(template: str, context: dict) -> str:
    """The page in its language: the kit's words from that catalog, then its typography."""
    lang = context.get("lang", "fr")
    words = catalog.Translations(lang)
    page = environment().get_template(template)
    html = page.render(**context, gettext=words.gettext, ngettext=words.ngettext)
    return typography.typeset(html, lang)


def render_document(html: str, stylesheets: list[str], campaign_root: Path):
    """A laid-out WeasyPrint document; blocked resources raise RenderError."""
    page = HTML(
        string=html,
        base_url=str(paths.TEMPLATES) + os.sep,
        url_fetcher=FolderFetcher(campaign_root),
    )
    try:
        document = page.render(
            stylesheets=[stylesheet(name) for name in stylesheets], font_config=font_config()
        )
    except FatalURLFetchingError as error:
        raise RenderError(f"{error}: {error.__cause__}") from None
    document.html_tree = page.etree_element  # what was meant to be printed, for checks
    return document


def pdf_bytes(document) -> bytes:
    return document.write_pdf()
