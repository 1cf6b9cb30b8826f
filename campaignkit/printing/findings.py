"""What the checks of a laid-out document found, as codes and values, worded from the catalog:
precisely for the command line (page, case id, field as the data names it), in people's words
on the workbook page (the case's name, the field's label, what to do).

A finding crosses the kernel of a notebook run inside the text of PreflightFailed: `encode`
appends the findings as one JSON line, `decode` takes them back (batch.jobs).
"""

import json
from dataclasses import dataclass, field

from campaignkit.exceptions import PreflightFailed
from campaignkit.text.catalog import has, word
from campaignkit.text.language import interface_language
from campaignkit.text.problems import field_words

MARK = "\nfindings: "  # the line that carries the findings through a notebook's error text


@dataclass(frozen=True)
class Finding:
    """One thing a check found: `check.<code>` in the catalog, filled with `params`.

    Parameters the wording knows: page, case, field (where the text comes from), and per code
    its own values (next, longest, chars, item, text, why, got, expected, image, ppi…).
    A code with no `.page` wording is about the file itself (fonts, PDF/X, tags): the page
    says it is the kit's to fix, with the command line's words inside."""

    code: str
    params: dict = field(default_factory=dict, hash=False)

    def text(self, lang: str = "fr", page: bool = False, names: dict | None = None) -> str:
        """The finding said in `lang`; `page`: in people's words, a case by its name in `names`
        (case id → name) and its field by the label of its input."""
        params = dict(self.params)
        named = params.get("field")
        if page and self.code == "runs_over":  # the page names the text most likely to blame
            named = params.get("longest") or named
        params["where"] = where(params.get("case"), named, lang, page, names)
        if self.code == "runs_over":
            longest = params.get("longest")
            params["longest"] = (
                word("check.longest", lang, where=where(params.get("case"), longest, lang))
                if longest and not page
                else ""
            )
        if self.code == "rgb":
            params["what"] = word(f"check.rgb_what.{params.get('what')}", lang)
        if self.code == "missing_item":
            params["item"] = item_words(params.get("item"), lang)
            params["why"] = ", ".join(reason(r, lang) for r in params.get("why", [])) or reason(
                {"code": "not_on_page"}, lang
            )
        key = f"check.{self.code}"
        if page and has(f"{key}.page", lang):
            key += ".page"
        elif page:  # a check of the file itself: the kit's to fix, not the coordinator's
            return word("check.technical.page", lang, detail=self.text(lang))
        return word(key, lang, **params)

    def __str__(self) -> str:
        return self.text(interface_language())

    def as_dict(self) -> dict:
        return {"code": self.code, "params": self.params}


def where(case, name, lang: str, page: bool = False, names: dict | None = None) -> str:
    """« cas ana, champ blurb » for the command line; on the page « Ana Ruiz, Présentation »,
    without the names a reader would not know (a field the forms do not show)."""
    if not page:
        if case and name:
            return word("check.where.case_field", lang, case=case, field=name)
        if case:
            return word("check.where.case", lang, case=case)
        return word("check.where.field", lang, field=name or "?")
    parts = []
    if case:
        parts.append((names or {}).get(case) or case)
    if name:
        said = field_words("cases/x.yaml" if case else "campaign.yaml", name, lang)
        if said != name:  # words known; a raw field name says nothing to a coordinator
            parts.append(said)
    return word("check.where.page", lang, place=", ".join(parts)) if parts else ""


def item_words(item, lang: str) -> str:
    """An item as the command line names it: « cas ana : première ligne de l'adresse de la
    lettre » (materials.items.Item.label: its part, and the case or event it belongs to)."""
    if not isinstance(item, dict):
        return str(item)
    part = word(f"check.item.{item['part']}", lang)
    if not item.get("of"):
        return part
    kind, ident = item["of"]
    return word(f"check.item_of.{kind}", lang, id=ident, part=part)


def reason(found: dict, lang: str) -> str:
    """Why an item is not seen: hidden, clipped, past the last page…"""
    params = {name: value for name, value in found.items() if name != "code"}
    return word(f"check.why.{found['code']}", lang, **params)


def encode(findings: list[Finding]) -> str:
    return MARK + json.dumps([f.as_dict() for f in findings], ensure_ascii=False)


def decode(text: str) -> tuple[str, list[Finding]]:
    """The text before the findings line, and the findings (none if the text has no line)."""
    head, mark, tail = text.partition(MARK)
    if not mark:
        return text, []
    try:
        found = json.loads(tail.strip().splitlines()[0])
    except (ValueError, IndexError):
        return text, []
    return head, [Finding(f["code"], f.get("params", {})) for f in found]


def failed(what: str, findings: list[Finding]) -> PreflightFailed:
    """The error a document that failed its checks raises: its findings said in the
    interface language, then carried as data for a page that says them in its own."""
    lang = interface_language()
    said = word("check.separator", lang).join(f.text(lang) for f in findings)
    return PreflightFailed(what, findings, said, encode(findings))
