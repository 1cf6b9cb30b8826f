"""The completeness preflight: every item a material declares is visible on its pages."""

import re
import unicodedata
from dataclasses import dataclass

from weasyprint.formatting_structure.boxes import ReplacedBox, TextBox

from campaignkit.materials.items import Item
from campaignkit.printing.findings import Finding

TOLERANCE = 0.5  # CSS px
MIN_QR_SIDE = 0.6 * 96  # CSS px: smaller than 0.6 in, a phone will not read it from a table
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00ad": ""})


def fold(text: str) -> str:
    """Text as compared: compatibility forms, straight quotes, no spaces, no case."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).replace("…", "...")
    return re.sub(r"\s+", "", text).casefold()


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _inside(inner: Rect, outer: Rect) -> bool:
    return (
        inner[0] >= outer[0] - TOLERANCE
        and inner[1] >= outer[1] - TOLERANCE
        and inner[2] <= outer[2] + TOLERANCE
        and inner[3] <= outer[3] + TOLERANCE
    )


def _rect(box) -> Rect:
    left, top = box.border_box_x(), box.border_box_y()
    return (left, top, left + box.border_width(), top + box.border_height())


def _intersect(a: Rect, b: Rect) -> Rect:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


@dataclass
class _Mark:
    """Something printed: a text fragment or a QR code, and why it might not be seen."""

    text: str
    rect: Rect
    ancestors: frozenset
    qr: str | None = None
    problem: str = ""  # why it is not seen: a check.why.<code> (hidden, clipped…)
    past: tuple[int, int] | None = None  # past_last: (its page, the last page)


@dataclass
class _Cover:
    """A positioned box that paints over what flows beneath it."""

    rect: Rect
    box_id: int


def _opaque(box) -> bool:
    colour = box.style["background_color"]
    return isinstance(box, ReplacedBox) or getattr(colour, "alpha", 0) > 0


def _walk(box, clip: Rect, trim: Rect, ancestors: tuple, marks: list, covers: list, shown=True):
    style = box.style
    shown = shown and style["visibility"] == "visible" and style["opacity"] > 0
    ancestors = (*ancestors, id(box))
    if style["position"] not in ("static", None) and _opaque(box):
        covers.append(_Cover(_rect(box), id(box)))
    element = getattr(box, "element", None)
    qr = element.get("data-qr") if isinstance(box, ReplacedBox) and element is not None else None
    if isinstance(box, TextBox) or qr:
        mark = _Mark(box.text if not qr else "", _rect(box), frozenset(ancestors), qr)
        if not shown:
            mark.problem = "hidden"
        elif not _inside(mark.rect, trim):
            mark.problem = "outside_trim"
        elif not _inside(mark.rect, clip):
            mark.problem = "clipped"
        elif qr and min(box.width, box.height) < MIN_QR_SIDE:
            mark.problem = "too_small"
        marks.append(mark)
    if style["overflow"] != "visible" and hasattr(box, "padding_box_x"):
        left, top = box.padding_box_x(), box.padding_box_y()
        clip = _intersect(clip, (left, top, left + box.padding_width(), top + box.padding_height()))
    for child in getattr(box, "children", ()):
        _walk(child, clip, trim, ancestors, marks, covers, shown)


def _covered(mark: _Mark, covers: list[_Cover]) -> bool:
    x = (mark.rect[0] + mark.rect[2]) / 2
    y = (mark.rect[1] + mark.rect[3]) / 2
    return any(
        cover.box_id not in mark.ancestors
        and cover.rect[0] <= x <= cover.rect[2]
        and cover.rect[1] <= y <= cover.rect[3]
        for cover in covers
    )


def page_marks(page) -> list[_Mark]:
    """Every text fragment and QR code of a laid-out page, each with its problem if any."""
    trim = (0, 0, page.width, page.height)
    marks: list[_Mark] = []
    covers: list[_Cover] = []
    _walk(page._page_box, (-1e9, -1e9, 1e9, 1e9), trim, (), marks, covers)
    for mark in marks:
        if not mark.problem and _covered(mark, covers):
            mark.problem = "covered"
    return marks


def _reason(mark: _Mark) -> tuple:
    if mark.past:
        return (mark.problem, *mark.past)
    return (mark.problem,)


def _why_not_seen(item: Item, marks: list[_Mark]) -> list[dict]:
    """What keeps an item from being seen: on no page (no reason), or there but hidden,
    clipped…: check.why.<code> with its values."""
    wanted = fold(item.text)
    if item.qr:
        problems = {_reason(mark) for mark in marks if mark.qr == item.text and mark.problem}
    else:
        problems = {
            _reason(mark)
            for mark in marks
            if mark.problem
            and len(fold(mark.text)) >= 2
            and (fold(mark.text) in wanted or wanted in fold(mark.text))
        }
    reasons = []
    for code, *past in sorted(problems):
        reasons.append({"code": code} | ({"page": past[0], "last": past[1]} if past else {}))
    return reasons


def missing_items(document, items: list[Item], last_page: int | None = None) -> list[Finding]:
    """One problem per declared item that no page shows (no page up to `last_page`, the
    material's page count: what runs past it is not where it was meant to be)."""
    pages = [page_marks(page) for page in document.pages]
    for number, page in enumerate(pages, start=1):
        for mark in page:
            if last_page is not None and number > last_page and not mark.problem:
                mark.problem, mark.past = "past_last", (number, last_page)
    marks = [mark for page in pages for mark in page]
    seen_text = "\n".join(
        "".join(fold(mark.text) for mark in page if not mark.problem) for page in pages
    )
    seen_qr = {mark.qr for mark in marks if mark.qr and not mark.problem}
    problems = []
    for item in items:
        found = item.text in seen_qr if item.qr else fold(item.text) in seen_text
        if not found:
            shown = item.text if len(item.text) <= 60 else item.text[:57] + "…"
            why = _why_not_seen(item, marks)
            problems.append(
                Finding("missing_item", {"item": item.label, "text": shown, "why": why})
            )
    return problems
