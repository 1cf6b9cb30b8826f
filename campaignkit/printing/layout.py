"""Checks on a laid-out document: text past the page edge, characters no font can draw."""

from dataclasses import dataclass

from weasyprint.formatting_structure.boxes import TextBox

from campaignkit.printing.findings import Finding
from campaignkit.text.glyphs import IGNORED, covered_characters

__all__ = ["covered_characters", "layout_problems"]
TOLERANCE = 0.5  # CSS px


@dataclass(frozen=True)
class _Place:
    """What a box belongs to: its case and field (data-case and data-field, inherited), the
    element meant to fill exactly one page (data-sheet), the box its text must stay in
    (data-fit: left, top, right, bottom) and whether it is in a box the rest of the page's
    text must keep clear of (data-clear: a foot pinned to the bottom edge)."""

    case: str | None = None
    field: str | None = None
    sheet: object = None
    fit: tuple[float, float, float, float] | None = None
    clear: bool = False

    @property
    def label(self) -> dict:
        """Where in the data the text comes from: its case and field, as finding values."""
        return {"case": self.case, "field": self.field}

    def inside(self, box) -> "_Place":
        element = getattr(box, "element", None) if box.element_tag else None
        if element is None:
            return self
        fit = _rectangle(box) if element.get("data-fit") is not None else self.fit
        return _Place(
            case=element.get("data-case") or self.case,
            field=element.get("data-field") or self.field,
            sheet=element if element.get("data-sheet") is not None else self.sheet,
            fit=fit,
            clear=self.clear or element.get("data-clear") is not None,
        )


def _walk(box, place: _Place):
    place = place.inside(box)
    yield box, place
    for child in getattr(box, "children", ()):
        yield from _walk(child, place)


def _labelled(element, case: str | None = None):
    """(element, place) of every element of the tree with a data-field, case inherited."""
    if not isinstance(element.tag, str):
        return
    case = element.get("data-case") or case
    if element.get("data-field"):
        yield element, {"case": case, "field": element.get("data-field")}
    for child in element:
        yield from _labelled(child, case)


def _dropped(document, printed: set) -> list[Finding]:
    """Labelled parts of the page that the layout left out: they did not fit."""
    tree = getattr(document, "html_tree", None)
    if tree is None:
        return []
    return [
        Finding("left_out", label)
        for element, label in _labelled(tree)
        if id(element) not in printed
    ]


def _rectangle(box) -> tuple[float, float, float, float]:
    left, top = box.border_box_x(), box.border_box_y()
    return left, top, left + box.border_width(), top + box.border_height()


def _kept_clear(box, place: _Place) -> bool:
    """Whether a box is one the page's other text must not run into: marked data-clear and
    positioned over the page (in the flow, the flow itself keeps text out)."""
    clear = place.clear and box.is_absolutely_positioned()
    return clear and box.element.get("data-clear") is not None


def _under(child, zones) -> bool:
    """Whether a text box runs into one of the boxes kept clear."""
    left, top, right, bottom = _rectangle(child)
    return any(
        left < z_right - TOLERANCE
        and right > z_left + TOLERANCE
        and top < z_bottom - TOLERANCE
        and bottom > z_top + TOLERANCE
        for z_left, z_top, z_right, z_bottom in zones
    )


def _past(child, right: float, bottom: float) -> bool:
    return (
        child.position_y + child.height > bottom + TOLERANCE
        or child.position_x + child.width > right + TOLERANCE
    )


def layout_problems(document) -> list[Finding]:
    """Text that runs past a page's edge, out of its box or onto a page it was not meant
    for, or is left out, and characters without a glyph; each named by case and field."""
    problems: list[Finding] = []
    covered = covered_characters()
    printed: set[int] = set()
    first_page: dict[int, int] = {}  # sheet element → the page it starts on
    spilled: dict[int, int] = {}  # sheet → its problem: where it spilled
    lengths: dict[int, dict] = {}  # sheet → field → characters printed
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        bottom = box.position_y + box.margin_height()
        right = box.position_x + box.margin_width()
        zones, flowing = [], []  # boxes kept clear; texts in the flow, checked against them
        for child, place in _walk(box, _Place()):
            printed.add(id(getattr(child, "element", None)))
            if _kept_clear(child, place):
                zones.append(_rectangle(child))
            if not isinstance(child, TextBox):
                continue
            label = place.label
            if _past(child, right, bottom):
                problems.append(Finding("overflow_page", {"page": number, **label}))
            elif place.fit and _past(child, place.fit[2], place.fit[3]):
                problems.append(Finding("overflow_box", {"page": number, **label}))
            elif not place.clear:
                flowing.append((child, label))
            if place.sheet is not None:
                sheet = id(place.sheet)
                first = first_page.setdefault(sheet, number)
                sizes = lengths.setdefault(sheet, {})
                sizes[place.field] = sizes.get(place.field, 0) + len(child.text)
                if number > first and sheet not in spilled:  # said once per sheet
                    spilled[sheet] = len(problems)
                    found = {"page": first, "next": number, **label}
                    problems.append(Finding("runs_over", found))
            missing = {c for c in child.text if ord(c) not in covered and c not in IGNORED}
            if missing:
                shown = "".join(sorted(missing))[:10]
                found = {"page": number, "chars": shown, **label}
                problems.append(Finding("no_glyph", found))
        for child, label in flowing if zones else ():
            if _under(child, zones):
                problems.append(Finding("overflow_box", {"page": number, **label}))
    for sheet, index in spilled.items():
        sizes = {field: size for field, size in lengths[sheet].items() if field}
        if sizes:  # the field most likely to blame: the one with the most text
            longest = max(sizes, key=sizes.get)
            problems[index].params["longest"] = longest
    problems += _dropped(document, printed)
    unique: list[Finding] = []
    for problem in problems:  # each said once, in the order found
        if problem not in unique:
            unique.append(problem)
    return unique
