"""A validation problem: where it is, what is wrong, how to fix it, in the kit's languages."""

import datetime as dt
from dataclasses import dataclass, field

from campaignkit.text.catalog import has, word
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

    def place(self, lang: str = "fr") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(word("problem.place_row", lang, n=self.row))
        elif self.line is not None:
            parts.append(word("problem.place_line", lang, n=self.line))
        if self.column is not None:
            parts.append(word("problem.place_column", lang, n=self.column))
        if self.field:
            parts.append(word("problem.place_field", lang, n=self.field))
        return ", ".join(parts)

    def message(self, lang: str = "fr", page: bool = False) -> str:
        """What is wrong; `page` for the workbook page (see `worded`)."""
        return worded(f"problem.{self.code}", lang, self.params, page)

    def fix(self, lang: str = "fr", page: bool = False) -> str:
        """How to fix it; `page` for the workbook page (see `worded`)."""
        return worded(f"problem.{self.code}.fix", lang, self.params, page)

    def text(self, lang: str = "fr") -> str:
        return word(
            "problem.text",
            lang,
            place=self.place(lang),
            message=self.message(lang),
            fix=self.fix(lang),
        )


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
        name: value if name == "value" and not page else in_words(value, lang)
        for name, value in params.items()
    }
    if "lang" in params:
        found["language"] = language_name(params["lang"], lang)
    return found


def in_words(value, lang: str):
    if isinstance(value, dt.time):
        return clock(value, lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return short_date(value, lang)
    return value


def is_problem_code(code: str) -> bool:
    """Whether the catalog has a message for this problem code."""
    return has(f"problem.{code}")
