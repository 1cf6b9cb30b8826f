"""The kit's own words: one gettext catalog per language (Babel .po), one lookup."""

import gettext
import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "campaignkit"
SOURCE_LANGUAGE = "fr"  # every other catalog must hold each of its keys
_LIST_ITEM = re.compile(r"^(?P<key>[a-z_]+)\.(?P<n>\d+)$")


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages the kit has a catalog for, French first."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/*/{DOMAIN}.po"))
    return sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang))


@cache
def entries(lang: str) -> dict[str, str]:
    """Every key and its text in one language; an empty text counts as missing."""
    path = catalog_path(lang)
    if not path.exists():
        return {}
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=None, domain=DOMAIN)
    return {message.id: message.string for message in catalog if message.id and message.string}


def is_print_key(key: str) -> bool:
    """A word printed on the materials (no namespace such as editor. or problem.)."""
    return "." not in key or bool(_LIST_ITEM.match(key))


def missing(lang: str) -> list[str]:
    """The keys of the source catalog that `lang` does not translate."""
    have = entries(lang)
    return [key for key in entries(SOURCE_LANGUAGE) if key not in have]


def missing_print_words(lang: str) -> list[str]:
    """The print words a campaign in `lang` needs and its catalog lacks."""
    return [key for key in missing(lang) if is_print_key(key)]


class Key(str):
    """A parameter that is itself a catalog key: said in the language of the text it fills."""


class LanguageCodes(tuple):
    """Languages in a problem's parameters: codes for the command line (« fr, en », as the
    campaign file writes them), names on the workbook page (« français, anglais »)."""


def word(key: str, lang: str, /, **params) -> str:
    """The kit's text `key` in `lang`, with {placeholders} filled in (a Key in `lang` too)."""
    try:
        text = entries(lang)[key]
    except KeyError:
        raise KeyError(f"no '{key}' in {catalog_path(lang)}") from None
    if not params:
        return text
    plain = {name: value for name, value in params.items() if not isinstance(value, Key)}
    said = {name: word(value, lang, **plain) for name, value in params.items() if name not in plain}
    return text.format(**plain, **said)


def print_languages() -> tuple[str, ...]:
    """The languages a campaign may declare: their catalog holds every printed word."""
    return tuple(lang for lang in languages() if not missing_print_words(lang))


def language_problem(lang: str) -> dict:
    """What a campaign declaring `lang` is told: the kit words missing and how to add them."""
    lacking = missing_print_words(lang)
    shown = ", ".join(lacking[:6]) + (", …" if len(lacking) > 6 else "")
    root = LOCALE_DIR.parent.parent.parent
    return {
        "value": lang,
        "count": len(lacking),
        "words": shown,
        "source": catalog_path(SOURCE_LANGUAGE).relative_to(root).as_posix(),
        "catalog": catalog_path(lang).relative_to(root).as_posix(),
        "choices": LanguageCodes(print_languages()),
    }


def words(lang: str) -> dict:
    """The print words (keys with no namespace) of one language; `key.N` become a list."""
    found: dict = {}
    for key, text in sorted(entries(lang).items(), key=lambda item: _order(item[0])):
        item = _LIST_ITEM.match(key)
        if item:
            found.setdefault(item["key"], []).append(text)
        elif is_print_key(key):
            found[key] = text
    return found


def _order(key: str) -> tuple:
    item = _LIST_ITEM.match(key)
    return (item["key"], int(item["n"])) if item else (key, 0)


class Translations(gettext.NullTranslations):
    """The catalog of one language as gettext callables, for jinja2.ext.i18n."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def gettext(self, message: str, /, **params) -> str:
        return word(message, self.lang, **params)

    def ngettext(self, singular: str, plural: str, n: int, **params) -> str:
        return word(singular if n == 1 else plural, self.lang, n=n, **params)


def has(key: str, lang: str = SOURCE_LANGUAGE) -> bool:
    return key in entries(lang)


def describe(error: Exception, lang: str, page: bool = False, **named) -> str:
    """A kit error said in `lang`: its problem, else its key error.<key> (or the nearest
    parent key: error.write_failed for write_failed.enoent); other errors as they are.

    On the workbook page (`page`), the problem in people's words, an error's `.page` wording
    where the catalog has one, and `named` values in place of the error's own (a file path
    given as « la liste des événements »).
    """
    problem = getattr(error, "problem", None)
    if problem is not None:
        return problem.text(lang, page)
    key, params = getattr(error, "key", ""), getattr(error, "params", {})
    params = {**params, **{name: value for name, value in named.items() if name in params}}
    while key:
        candidates = [f"error.{key}.page"] if page else []
        for candidate in [*candidates, f"error.{key}"]:
            if has(candidate, lang):
                return word(candidate, lang, **params)
        key = key.rpartition(".")[0]
    return getattr(error, "plain", None) or str(error)  # without what only a program reads
