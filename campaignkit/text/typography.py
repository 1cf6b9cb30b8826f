"""Typography per language, one step over every text of a page (data and kit alike).

Quotes and apostrophes come from SmartyPants; the spaces French puts around its punctuation,
in its numbers and before its units are the few rules below (no maintained library sets the
narrow no-break space the Banque de dépannage linguistique asks for).
"""

import html as entities
import re
import unicodedata

import smartypants

NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space; narrow no-break space
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW = re.compile(r"<(style|script)\b", re.I)
_RAW_END = re.compile(r"</(style|script)\s*>", re.I)

# French: (pattern, replacement), applied in order to each text run.
_FRENCH = [
    (re.compile(r"'"), "’"),
    (re.compile(r'"([^"<>]*)"'), r"«\1»"),
    (re.compile(r"«[ \t\u00a0\u202f]*"), "«" + NBSP),
    (re.compile(r"[ \t\u00a0\u202f]*»"), NBSP + "»"),
    # ; ! ? take a narrow no-break space, : a no-break space, when they end a phrase.
    (re.compile(r"(?<=[^\s;!?:(«])[ \t\u00a0\u202f]*([;!?])(?=[\s;!?»)\]’.,]|$)"), NNBSP + r"\1"),
    (re.compile(r"(?<=[^\s;!?:(«])[ \t\u00a0\u202f]*:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"^[ \t\u00a0\u202f]+([;!?])(?=\s|$)"), NNBSP + r"\1"),  # after an inline tag
    (re.compile(r"^[ \t\u00a0\u202f]+:(?=\s|$)"), NBSP + ":"),
    # Digit groups and a number's unit stay on one line: 5 300 000, 11 h 30, 1,5 °C, 12 %.
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),
    (re.compile(r"(?<=\d)[ \t]?(?=(h|min|km|kg|ans|°C|%|\$|€)(?!\w))"), NBSP),
    (re.compile(r"(?<=\bh) (?=\d\d\b)"), NBSP),
    (re.compile(r"(?<=\b[nN]o) (?=\d)|(?<=\bp\.) (?=\d)"), NBSP),
]
# English: no space before : ; ! ? (a French habit), and the English "care of".
_ENGLISH = [
    (re.compile(r"(?<=\w)[ \u00a0\u202f]+([:;!?])(?=\s|$)"), r"\1"),
    (re.compile(r"\ba/s\b"), "c/o"),
]
_RULES = {"fr": _FRENCH, "en": _ENGLISH}


def typeset(html: str, lang: str) -> str:
    """The page with its language's quotes, apostrophes and spaces, tags left untouched."""
    base = lang.split("_")[0].split("-")[0]
    html = _each_text(html, _unescape_quotes)
    if base != "fr":
        html = smartypants.smartypants(html, smartypants.Attr.q | smartypants.Attr.u)
    rules = _RULES.get(base, [])
    return _each_text(html, lambda text: _escape(_apply(rules, entities.unescape(text))))


def typeset_text(text: str, lang: str) -> str:
    """One plain text (no markup) with its language's typography."""
    return entities.unescape(typeset(_escape(text), lang))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _apply(rules, text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def _unescape_quotes(text: str) -> str:
    """Quotes need no escaping between tags; SmartyPants reads them only as characters."""
    return text.replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"')


def _each_text(html: str, change) -> str:
    """Apply `change` to the text between tags, outside <style> and <script>."""
    parts, raw = _TOKENS.split(html), False
    for index, part in enumerate(parts):
        if index % 2:
            raw = bool(_RAW.match(part)) or (raw and not _RAW_END.match(part))
        elif not raw and not part.isspace() and part:  # spaces between tags: no rule applies
            parts[index] = change(part)
    return "".join(parts)


def without_accents(text: str) -> str:
    """Letters without their accents, what cannot be written in ASCII left out (« Événement »
    → "Evenement"): for comparing what people type, and for file names."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
