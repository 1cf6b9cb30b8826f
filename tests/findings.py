"""A failed check's findings as a language says them: tests match the catalog's words, not
the text the command line happens to be in."""

import re


def said(failure, lang: str = "en", page: bool = False) -> str:
    """The findings of a PreflightFailed (a pytest ExceptionInfo or the error), one text."""
    error = getattr(failure, "value", failure)
    return "; ".join(found.text(lang, page) for found in error.problems)


def codes(failure) -> list[str]:
    return [found.code for found in getattr(failure, "value", failure).problems]


def search(pattern: str, failure, lang: str = "en") -> bool:
    return re.search(pattern, said(failure, lang), flags=re.S) is not None
