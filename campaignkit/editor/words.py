"""The editor's interface texts: the kit's catalog, keys editor.<key>."""

from babel import Locale

from campaignkit.text.catalog import has, word


def t(key: str, lang: str, /, **params) -> str:
    """The interface text `editor.<key>` in `lang`."""
    return word(f"editor.{key}", lang, **params)


def material_label(name: str, lang: str) -> str:
    """A material's one name, the same as on its printed pages."""
    key = "material_" + name.replace("-", "_")
    return word(key, lang) if has(key, lang) else name


def counted(key: str, lang: str, n: int, /, **params) -> str:
    """`editor.<key>_one` or `editor.<key>_other` by the language's plural rule (CLDR: 0 and 1
    take the singular in French, only 1 in English)."""
    form = "one" if Locale.parse(lang).plural_form(n) == "one" else "other"
    return t(f"{key}_{form}", lang, n=n, **params)
