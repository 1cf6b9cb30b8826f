"""Envelope labels: one per destination (each case's target for the letters, its solidarity
address for the cards) and, where the campaign says so, a return label for each envelope;
on standard sheets (30 labels of 2⅝ × 1 in on Letter, 21 of 63.5 × 38.1 mm on A4). A
destination whose address is pending gets no label: a cover page lists it instead."""

from campaignkit.data.loader import CampaignData
from campaignkit.materials.context import common
from campaignkit.materials.destinations import cases_named, destinations, return_address
from campaignkit.materials.registry import Material, register

# The sheets, as their makers publish them (the test measures the PDF against these), in mm.
INCH = 25.4
SHEETS = {
    "letter": {  # Avery 5160 and compatibles: 3 × 10
        "page": (8.5 * INCH, 11 * INCH),
        "label": (2.625 * INCH, 1 * INCH),
        "first": (0.1875 * INCH, 0.5 * INCH),  # left and top margins
        "pitch": (2.75 * INCH, 1 * INCH),
        "grid": (3, 10),
    },
    "a4": {  # Avery L7160 and compatibles: 3 × 7
        "page": (210.0, 297.0),
        "label": (63.5, 38.1),
        "first": (7.2, 15.15),
        "pitch": (66.0, 38.1),
        "grid": (3, 7),
    },
}


def label_for(lines: list[str], case: str, kind: str) -> dict:
    size = "small" if len(lines) >= 7 else "medium" if len(lines) >= 5 else "normal"
    return {"lines": lines, "case": case, "kind": kind, "size": size}


def labels_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    labels, pending = [], []
    for destination in destinations(data, lang):
        cases = destination.letters_for + destination.cards_for
        kind = "letters" if destination.letters_for else "cards"
        if destination.pending:
            pending.append(
                {"lines": destination.lines, "kind": kind, "cases": cases_named(data, cases)}
            )
        else:
            labels.append(label_for(destination.lines, cases[0], kind))
    sender = return_address(data, region, lang)
    context["return_pending"] = bool(sender and sender["pending"])
    if sender and not sender["pending"]:
        labels += [label_for(sender["lines"], "", "return") for _ in range(len(labels))]
    context["labels"] = labels
    context["pending"] = pending
    return context


LABELS = register(
    Material(
        name="labels",
        reads=frozenset({"cases"}),
        template="labels/labels.html",
        build_context=labels_context,
        papers={"letter": "labels/letter.css", "a4": "labels/a4.css"},
        expected_pages=lambda data, region: None,  # a cover page when needed, then sheets
        notebook="presskit.ipynb",
    )
)
