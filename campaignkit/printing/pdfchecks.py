"""What a finished PDF must be: PDF/X-4 in CMYK for the print shop, tagged for screens.

Each check returns findings (printing.findings), worded from the catalog's check.* keys."""

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

from campaignkit.printing.findings import Finding

RGB_SPACES = {"/DeviceRGB", "/CalRGB"}
RGB_OPERATORS = {"rg", "RG"}
SPACE_OPERATORS = {"cs", "CS"}
# Only these come back from qpdf as Python objects: parsing every operator took 3.5 times
# as long on the print-shop files.
COLOUR_OPERATORS = " ".join(sorted(RGB_OPERATORS | SPACE_OPERATORS))
MIN_BLEED = 8.5  # pt: 3 mm, the smaller of the two bleeds (0.125 in is 9 pt)
TOLERANCE = 0.01  # pt


def is_rgb_space(space) -> bool:
    """True for DeviceRGB, CalRGB, a three-component ICC profile, or an Indexed/Separation
    space whose base or alternate is one of them."""
    if isinstance(space, pikepdf.Name):
        return str(space) in RGB_SPACES
    if isinstance(space, pikepdf.Array) and len(space) > 0:
        family = str(space[0])
        if family in RGB_SPACES:
            return True
        if family == "/ICCBased":
            return int(space[1].get("/N", 0)) == 3
        if family == "/Indexed":
            return is_rgb_space(space[1])
        if family in ("/Separation", "/DeviceN"):  # their alternate space
            return is_rgb_space(space[2])
    return False


@dataclass
class Drawing:
    """Content streams drawn with one resource dictionary: a page's, a form's, a pattern's."""

    streams: list
    resources: object


def _named_spaces(resources) -> dict[str, object]:
    spaces = resources.get("/ColorSpace") if resources is not None else None
    return {str(name): space for name, space in spaces.items()} if spaces else {}


def _rgb(page: int, what: str, name) -> Finding:
    """An RGB colour on a page: `what` paints with it (check.rgb_what.*), `name` in the PDF."""
    return Finding("rgb", {"page": page, "what": what, "name": str(name)})


def drawings(page: pikepdf.Page, seen: set | None = None) -> Iterator[Drawing]:
    """What a page draws with: its own contents, then every form, tiling pattern and soft
    mask reached from them, each once (`seen`: the streams already walked, shared between
    pages to walk each stream once in a whole document)."""
    seen = set() if seen is None else seen
    contents = page.obj.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    waiting = [Drawing([s for s in streams if s is not None], page.obj.get("/Resources"))]
    while waiting:
        drawing = waiting.pop(0)
        yield drawing
        for stream in _drawn_from(drawing.resources):
            if stream.objgen not in seen:
                seen.add(stream.objgen)
                waiting.append(Drawing([stream], stream.get("/Resources", drawing.resources)))


def _drawn_from(resources) -> Iterator[pikepdf.Stream]:
    """The content streams a resource dictionary lets a drawing call: forms, tiling
    patterns, soft masks' groups."""
    if resources is None:
        return
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield xobject
    for pattern in (resources.get("/Pattern") or {}).values():
        if isinstance(pattern, pikepdf.Stream):
            yield pattern
    for state in (resources.get("/ExtGState") or {}).values():
        mask = state.get("/SMask")
        if isinstance(mask, pikepdf.Dictionary) and mask.get("/G") is not None:
            yield mask.G


def _operators_rgb(drawing: Drawing, page: int, found: list):
    spaces = _named_spaces(drawing.resources)
    for stream in drawing.streams:
        for operands, operator in pikepdf.parse_content_stream(stream, COLOUR_OPERATORS):
            name = str(operator)
            if name in RGB_OPERATORS:
                found.append(_rgb(page, "operator", name))
            elif name in SPACE_OPERATORS:
                space = spaces.get(str(operands[0]), operands[0])
                if is_rgb_space(space):
                    found.append(_rgb(page, "space", operands[0]))


def _resources_rgb(resources, page: int, found: list):
    """RGB in what a resource dictionary names (what it calls is a drawing of its own)."""
    if resources is None:
        return
    for name, space in _named_spaces(resources).items():
        if is_rgb_space(space):
            found.append(_rgb(page, "resource", name))
    for name, xobject in (resources.get("/XObject") or {}).items():
        if xobject.get("/Subtype") == "/Image" and is_rgb_space(xobject.get("/ColorSpace")):
            found.append(_rgb(page, "image", name))
        group = xobject.get("/Group") if xobject.get("/Subtype") == "/Form" else None
        if group is not None and is_rgb_space(group.get("/CS")):
            found.append(_rgb(page, "group", name))
    for name, pattern in (resources.get("/Pattern") or {}).items():
        shading = pattern.get("/Shading")
        if shading is not None and is_rgb_space(shading.get("/ColorSpace")):
            found.append(_rgb(page, "pattern", name))
    for name, shading in (resources.get("/Shading") or {}).items():
        if is_rgb_space(shading.get("/ColorSpace")):
            found.append(_rgb(page, "shading", name))


def rgb_uses(pdf: pikepdf.Pdf) -> list[Finding]:
    """Every place a page paints with an RGB colour (operators, colour spaces, images)."""
    found: list[Finding] = []
    seen: set = set()
    for number, page in enumerate(pdf.pages, start=1):
        group = page.obj.get("/Group")
        if group is not None and is_rgb_space(group.get("/CS")):
            found.append(_rgb(number, "page_group", "/Group"))
        for drawing in drawings(page, seen):
            _operators_rgb(drawing, number, found)
            _resources_rgb(drawing.resources, number, found)
    once: dict = {}  # each colour use once, where it is first found
    for finding in found:
        once.setdefault(tuple(finding.params.values()), finding)
    return list(once.values())


def _xmp(pdf: pikepdf.Pdf) -> str:
    metadata = pdf.Root.get("/Metadata")
    return metadata.read_bytes().decode("utf-8", "replace") if metadata is not None else ""


def _rect(box) -> tuple[float, ...]:
    return tuple(float(value) for value in box)


def _contains(outer, inner, margin: float = 0) -> bool:
    return (
        inner[0] - outer[0] >= margin - TOLERANCE
        and inner[1] - outer[1] >= margin - TOLERANCE
        and outer[2] - inner[2] >= margin - TOLERANCE
        and outer[3] - inner[3] >= margin - TOLERANCE
    )


def box_problems(pdf: pikepdf.Pdf) -> list[Finding]:
    """TrimBox and BleedBox on every page, the bleed at least 3 mm, all within the MediaBox."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        if "/TrimBox" not in page.obj or "/BleedBox" not in page.obj:
            problems.append(Finding("no_boxes", {"page": number}))
            continue
        media, bleed, trim = (_rect(page.obj[k]) for k in ("/MediaBox", "/BleedBox", "/TrimBox"))
        if not _contains(bleed, trim, MIN_BLEED):
            problems.append(Finding("bleed_small", {"page": number}))
        if not _contains(media, bleed):
            problems.append(Finding("bleed_outside", {"page": number}))
    return problems


def pdfx_problems(pdf: pikepdf.Pdf) -> list[Finding]:
    """Why a print-shop file is not PDF/X-4 in CMYK: intent, profile, boxes, RGB colour."""
    problems = []
    intents = pdf.Root.get("/OutputIntents") or []
    intent = next((i for i in intents if i.get("/S") == "/GTS_PDFX"), None)
    if intent is None:
        problems.append(Finding("no_pdfx_intent"))
    elif intent.get("/DestOutputProfile") is None:
        problems.append(Finding("intent_no_profile"))
    elif int(intent.DestOutputProfile.get("/N", 0)) != 4:
        problems.append(Finding("intent_not_cmyk"))
    if "PDF/X-4" not in _xmp(pdf):
        problems.append(Finding("not_pdfx4"))
    problems += box_problems(pdf)
    problems += rgb_uses(pdf)
    return problems


def _figures(element, found: list):
    """Every /Figure structure element under `element`."""
    kids = element.get("/K")
    if kids is None:
        return
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
            if kid.get("/S") == "/Figure":
                found.append(kid)
            _figures(kid, found)


def tag_problems(pdf: pikepdf.Pdf) -> list[Finding]:
    """Why a screen file is not tagged for screen readers: structure, language, title, alt."""
    problems = []
    root = pdf.Root
    if root.get("/StructTreeRoot") is None:
        problems.append(Finding("not_tagged"))
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append(Finding("not_marked"))
    if not str(root.get("/Lang", "")):
        problems.append(Finding("no_lang"))
    if not str(pdf.docinfo.get("/Title", "")):
        problems.append(Finding("no_title"))
    figures: list = []
    if root.get("/StructTreeRoot") is not None:
        _figures(root.StructTreeRoot, figures)
    missing = sum(1 for figure in figures if not str(figure.get("/Alt", "")))
    if missing:
        problems.append(Finding("no_alt", {"count": missing}))
    return problems
