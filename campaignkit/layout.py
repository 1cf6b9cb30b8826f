"""Checks on a laid-out document: text past the page edge, characters no font can draw."""

from weasyprint.formatting_structure.boxes import TextBox

from .glyphs import IGNORED, covered_characters

__all__ = ["covered_characters", "layout_problems"]
TOLERANCE = 0.5  # CSS px


def _label(element, inherited: str) -> str:
    """`case ahmed-mansoor, field blurb` from data-case / data-field attributes."""
    if element is None or not element.get("data-field"):
        return inherited
    case = element.get("data-case")
    field = element.get("data-field")
    return f"case {case}, field {field}" if case else f"field {field}"


def _walk(box, label: str):
    label = _label(getattr(box, "element", None), label) if box.element_tag else label
    yield box, label
    for child in getattr(box, "children", ()):
        yield from _walk(child, label)


def _dropped(document, printed: set) -> list[str]:
    """Labelled parts of the page that the layout left out: they did not fit."""
    tree = getattr(document, "html_tree", None)
    if tree is None:
        return []
    return [
        f"text does not fit on the page and was left out ({_label(element, '')})"
        for element in tree.iter()
        if isinstance(element.tag, str) and element.get("data-field") and id(element) not in printed
    ]


def layout_problems(document) -> list[str]:
    """Text that runs past a page's edge or is left out, and characters without a glyph."""
    problems: list[str] = []
    covered = covered_characters()
    printed: set[int] = set()
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        bottom = box.position_y + box.margin_height()
        right = box.position_x + box.margin_width()
        for child, label in _walk(box, "field ?"):
            printed.add(id(getattr(child, "element", None)))
            if not isinstance(child, TextBox):
                continue
            if child.position_y + child.height > bottom + TOLERANCE or (
                child.position_x + child.width > right + TOLERANCE
            ):
                problems.append(f"page {number}: text overflows the page ({label})")
            missing = {c for c in child.text if ord(c) not in covered and c not in IGNORED}
            if missing:
                shown = "".join(sorted(missing))[:10]
                problems.append(f"page {number}: no font has the characters {shown!r} ({label})")
    problems += _dropped(document, printed)
    return sorted(set(problems), key=problems.index)
