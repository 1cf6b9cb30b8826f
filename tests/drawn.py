"""Hand-made PDFs whose pages draw through forms, tiling patterns, soft masks and inline
images: for the checks that must find what a page draws wherever it draws it."""

import pikepdf

GREY_20 = b"\x80" * 400  # 20 × 20 grey pixels: 10 pixels per inch over 2 inches
RED_SQUARE = b"1 0 0 rg 0 0 10 10 re f"
CYAN_SQUARE = b"1 0 0 0 k 0 0 10 10 re f"


def drawn_pdf(path, *contents: bytes, resources=None):
    """One page per content, all with the resources `resources(pdf)` makes (none if None)."""
    pdf = pikepdf.new()
    shared = resources(pdf) if resources else pikepdf.Dictionary()
    for content in contents:
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 612, 792],
            Resources=shared,
            Contents=pikepdf.Stream(pdf, content),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def xobjects(**made):
    """Resources naming XObjects: `made` maps each name to a maker of the object (pdf → it)."""
    return lambda pdf: pikepdf.Dictionary(
        XObject=pikepdf.Dictionary({f"/{name}": make(pdf) for name, make in made.items()})
    )


def image(space: str = "DeviceGray", pixels: bytes = GREY_20):
    """A maker of a 20 × 20 image XObject in `space` (one byte per component)."""

    def make(pdf):
        return pdf.make_indirect(
            pikepdf.Stream(
                pdf,
                pixels * (3 if space == "DeviceRGB" else 1),
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Image,
                Width=20,
                Height=20,
                ColorSpace=pikepdf.Name(f"/{space}"),
                BitsPerComponent=8,
            )  # fmt: skip
        )

    return make


def form(content: bytes, resources=None):
    """A maker of a form XObject drawing `content`, with `resources(pdf)` of its own."""

    def make(pdf):
        own = {"Resources": resources(pdf)} if resources else {}
        return pdf.make_indirect(
            pikepdf.Stream(
                pdf,
                content,
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Form,
                BBox=[0, 0, 612, 792],
                **own,
            )  # fmt: skip
        )

    return make


def tiling_pattern(content: bytes, resources=None):
    """Resources naming /P0, a tiling pattern whose cell draws `content`."""

    def make(pdf):
        own = {"Resources": resources(pdf)} if resources else {"Resources": pikepdf.Dictionary()}
        cell = pikepdf.Stream(
            pdf, content, Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1, TilingType=1,
            BBox=[0, 0, 10, 10], XStep=10, YStep=10, **own,
        )  # fmt: skip
        return pikepdf.Dictionary(Pattern=pikepdf.Dictionary(P0=pdf.make_indirect(cell)))

    return make


def soft_mask(content: bytes):
    """Resources naming /GS0, a graphics state whose soft mask's group draws `content`."""

    def make(pdf):
        group = form(content)(pdf)
        mask = pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group)
        state = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, SMask=mask)
        return pikepdf.Dictionary(ExtGState=pikepdf.Dictionary(GS0=state))

    return make


INLINE_GREY = b"q 144 0 0 144 72 72 cm BI /W 20 /H 20 /CS /G /BPC 8 ID\n" + GREY_20 + b"\nEI Q"
DRAW_IMAGE = b"q 144 0 0 144 72 72 cm /Im0 Do Q"
DRAW_FORM = b"/Fm0 Do"
PAINT_PATTERN = b"/Pattern cs /P0 scn 0 0 100 100 re f"
WITH_MASK = b"/GS0 gs 0 0 0 1 k 0 0 100 100 re f"
