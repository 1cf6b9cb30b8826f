"""A validation problem: where it is, what is wrong, how to fix it, in the kit's languages."""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from campaignkit.text.catalog import LanguageCodes, has, word
from campaignkit.text.i18n import clock, language_name, short_date


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, with its place and its fix."""

    file: str
    field: str
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None
    row: int | None = None
    column: str | None = None  # a spreadsheet column letter (tally files)

    def place(self, lang: str = "fr", page: bool = False) -> str:
        """Where it is: the file, row or line, column and field; on the workbook page, the
        document in people's words (« la liste des régions ») and no line of a file."""
        parts = [document(self.file, lang) if page else self.file]
        if self.row is not None:
            parts.append(word("problem.place_row", lang, n=self.row))
        elif self.line is not None and not page:
            parts.append(word("problem.place_line", lang, n=self.line))
        if self.column is not None:
            parts.append(word("problem.place_column", lang, n=self.column))
        if self.field:
            name = field_words(self.file, self.field, lang) if page else self.field
            key = "problem.place_field.page" if page else "problem.place_field"
            parts.append(word(key, lang, n=name))
        return ", ".join(parts)

    def message(self, lang: str = "fr", page: bool = False) -> str:
        """What is wrong; `page` for the workbook page (see `worded`)."""
        return worded(f"problem.{self.code}", lang, self.params, page)

    def fix(self, lang: str = "fr", page: bool = False) -> str:
        """How to fix it; `page` for the workbook page (see `worded`)."""
        return worded(f"problem.{self.code}.fix", lang, self.params, page)

    def text(self, lang: str = "fr", page: bool = False) -> str:
        """The whole problem: with file paths for the command line, in people's words on the
        workbook page (`page`)."""
        place = self.place(lang, page)
        return word(
            "problem.text",
            lang,
            place=place[:1].upper() + place[1:] if page else place,
            message=self.message(lang, page),
            fix=self.fix(lang, page),
        )


# The campaign's documents as the workbook page names them: file name or folder → catalog key.
DOCUMENTS = {
    "events.csv": "events",
    "regions.csv": "regions",
    "campaign.yaml": "campaign",
    "postage.yaml": "postage",
}
FOLDERS = {"cases": "case", "tallies": "tally", "photos": "photo"}  # one document per file
LABELLED = ("events", "case")  # documents whose fields the page shows, labelled editor.<field>
TRANSLATED = re.compile(r"(?P<base>.+)[._](?P<code>[a-z]{2})")  # name_fr, card.message.en


def document_kind(file: str) -> str:
    """events, regions, campaign, postage, case, tally, photo, or other."""
    path = PurePath(file)
    return DOCUMENTS.get(path.name) or FOLDERS.get(path.parent.name) or "other"


def document(file: str, lang: str) -> str:
    """A campaign file as people name it: « la liste des événements », « le cas rocky-myers »,
    « le décompte de l'événement mtl-cafe »; any other file is « un fichier de la campagne »."""
    return word(f"problem.document.{document_kind(file)}", lang, name=PurePath(file).stem)


def field_words(file: str, name: str, lang: str) -> str:
    """A field as the page names it (« code de région », « citation (anglais) »; an event's or
    a case's field by the label of its input, « Lieu »), as written when no words are known."""
    translated = TRANSLATED.fullmatch(name)
    code = translated["code"] if translated else None
    base = translated["base"] if code and language_name(code, lang) != code else name
    kind = document_kind(file)
    keys = [f"problem.field.{kind}.{base}"] + ([f"editor.{base}"] if kind in LABELLED else [])
    key = next((key for key in keys if has(key, lang)), None)
    if key is None:
        return name
    return word(key, lang) + (f" ({language_name(code, lang)})" if base != name else "")


def worded(key: str, lang: str, params: dict, page: bool) -> str:
    """The text of `key`; on the page, its `.page` wording where the catalog has one (it says
    what to do on the page, where the other names the file or column to edit)."""
    if page and has(f"{key}.page", lang):
        key = f"{key}.page"
    return word(key, lang, **said(params, lang, page))


def said(params: dict, lang: str, page: bool = False) -> dict:
    """A problem's values as people write them (« 18 h 30 », « 9 décembre 2023 », « en
    français »); the value found in a file (`value`) stays as written there, so that it can be
    found, except on the page, where it was picked or typed in the form."""
    found = {
        name: value if name == "value" and not page else in_words(value, lang, page)
        for name, value in params.items()
    }
    if "lang" in params:
        found["language"] = language_name(params["lang"], lang)
    return found


def in_words(value, lang: str, page: bool = False):
    if isinstance(value, LanguageCodes):
        return ", ".join(language_name(code, lang) if page else code for code in value)
    if isinstance(value, dt.time):
        return clock(value, lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return short_date(value, lang)
    return value


def is_problem_code(code: str) -> bool:
    """Whether the catalog has a message for this problem code."""
    return has(f"problem.{code}")
