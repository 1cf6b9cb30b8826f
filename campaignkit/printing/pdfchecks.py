"""What a finished PDF must be: PDF/X-4 in CMYK for the print shop, tagged for screens.

Each check returns findings (printing.findings), worded from the catalog's check.* keys."""

import pikepdf

from campaignkit.printing.findings import Finding

RGB_SPACES = {"/DeviceRGB", "/CalRGB"}
RGB_OPERATORS = {"rg", "RG"}
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


def _named_spaces(resources) -> dict[str, object]:
    spaces = resources.get("/ColorSpace") if resources is not None else None
    return {str(name): space for name, space in spaces.items()} if spaces else {}


def _rgb(page: int, what: str, name) -> Finding:
    """An RGB colour on a page: `what` paints with it (check.rgb_what.*), `name` in the PDF."""
    return Finding("rgb", {"page": page, "what": what, "name": str(name)})


def _stream_rgb(stream, resources, page: int, found: list, seen: set):
    """RGB colours set by a content stream, its images, forms, patterns and shadings."""
    if stream.objgen in seen and stream.objgen != (0, 0):
        return
    seen.add(stream.objgen)
    spaces = _named_spaces(resources)
    for operands, operator in pikepdf.parse_content_stream(stream):
        name = str(operator)
        if name in RGB_OPERATORS:
            found.append(_rgb(page, "operator", name))
        elif name in ("cs", "CS"):
            space = operands[0]
            space = spaces.get(str(space), space)
            if is_rgb_space(space):
                found.append(_rgb(page, "space", operands[0]))
    _resources_rgb(resources, page, found, seen)


def _resources_rgb(resources, page: int, found: list, seen: set):
    if resources is None:
        return
    for name, space in _named_spaces(resources).items():
        if is_rgb_space(space):
            found.append(_rgb(page, "resource", name))
    for name, xobject in (resources.get("/XObject") or {}).items():
        if xobject.get("/Subtype") == "/Image":
            if is_rgb_space(xobject.get("/ColorSpace")):
                found.append(_rgb(page, "image", name))
        elif xobject.get("/Subtype") == "/Form":
            group = xobject.get("/Group")
            if group is not None and is_rgb_space(group.get("/CS")):
                found.append(_rgb(page, "group", name))
            _stream_rgb(xobject, xobject.get("/Resources", resources), page, found, seen)
    for name, pattern in (resources.get("/Pattern") or {}).items():
        shading = pattern.get("/Shading")
        if shading is not None and is_rgb_space(shading.get("/ColorSpace")):
            found.append(_rgb(page, "pattern", name))
        if isinstance(pattern, pikepdf.Stream):
            _stream_rgb(pattern, pattern.get("/Resources", resources), page, found, seen)
    for name, shading in (resources.get("/Shading") or {}).items():
        if is_rgb_space(shading.get("/ColorSpace")):
            found.append(_rgb(page, "shading", name))
    for state in (resources.get("/ExtGState") or {}).values():
        mask = state.get("/SMask")
        if isinstance(mask, pikepdf.Dictionary) and mask.get("/G") is not None:
            form = mask.G
            _stream_rgb(form, form.get("/Resources", resources), page, found, seen)


def rgb_uses(pdf: pikepdf.Pdf) -> list[Finding]:
    """Every place a page paints with an RGB colour (operators, colour spaces, images)."""
    found: list[Finding] = []
    seen: set = set()
    for number, page in enumerate(pdf.pages, start=1):
        group = page.obj.get("/Group")
        if group is not None and is_rgb_space(group.get("/CS")):
            found.append(_rgb(number, "page_group", "/Group"))
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        for stream in streams:
            if stream is not None:
                _stream_rgb(stream, page.obj.get("/Resources"), number, found, seen)
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
