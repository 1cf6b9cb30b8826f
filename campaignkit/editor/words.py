"""The editor's interface texts: the kit's catalog, keys editor.<key>."""

from campaignkit.text.catalog import has, word


def t(key: str, lang: str, /, **params) -> str:
    """The interface text `editor.<key>` in `lang`."""
    return word(f"editor.{key}", lang, **params)


def material_label(name: str, lang: str) -> str:
    """A material's one name, the same as on its printed pages."""
    key = "material_" + name.replace("-", "_")
    return word(key, lang) if has(key, lang) else name
