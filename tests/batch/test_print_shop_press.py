"""The print-shop bundle as a print shop receives it: PDF/X-4 in CMYK with marks outside
the bleed, only usable letters ordered, card faces apart on cardstock, same bytes twice."""

import csv
import io
import re
import subprocess

import pikepdf
import pytest

from campaignkit import load_campaign, produce
from campaignkit.batch.build import Job, entry
from campaignkit.batch.manifest import Manifest
from campaignkit.batch.print_shop import write_bundle
from campaignkit.printing import render
from campaignkit.printing.document import fitted_document
from campaignkit.printing.findings import Finding
from campaignkit.printing.pdfchecks import rgb_uses
from campaignkit.printing.preflight import preflight_file

MATERIALS = ("poster", "casebook", "letters", "cards", "tally", "summary")


def record_outputs(data, out, regions=("montreal",), materials=MATERIALS, langs=("fr", "en")):
    """Screen outputs made and recorded as a build would, for the bundle to read."""
    manifest = Manifest(out, data.id)
    for region in regions:
        for lang in langs:
            for material in materials:
                pdf = produce(material, region=region, lang=lang, out_dir=out, data=data).path
                job = Job("x.ipynb", region, lang, (material,), fingerprints=("x",))
                report = preflight_file(pdf)
                executed = manifest.root / "notebooks" / "x.ipynb"
                manifest.update({pdf: entry(job, material, pdf, report, executed, manifest.root)})


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from tests.conftest import MINI

    out = tmp_path_factory.mktemp("shop")
    data = load_campaign(MINI)
    record_outputs(data, out)
    return write_bundle(data, out)


def press_files(bundle):
    return sorted(path for path in bundle.rglob("*.pdf") if path.name != "job-sheet.pdf")


def test_every_print_shop_file_is_pdfx4_with_its_profile_and_boxes(bundle):
    files = press_files(bundle)
    assert len(files) == 14  # 6 materials, cards in two files, in two languages
    for path in files:
        with pikepdf.open(path) as pdf:
            intent = pdf.Root.OutputIntents[0]
            assert intent.S == "/GTS_PDFX"
            assert int(intent.DestOutputProfile.N) == 4
            assert len(intent.DestOutputProfile.read_bytes()) > 100_000, "the profile is embedded"
            assert "<pdfxid:GTS_PDFXVersion>PDF/X-4<" in pdf.Root.Metadata.read_bytes().decode()
            assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
            for page in pdf.pages:
                assert "/TrimBox" in page.obj and "/BleedBox" in page.obj, path
            assert rgb_uses(pdf) == [], path
        assert preflight_file(path).ok, preflight_file(path).summary()


def test_no_rgb_is_found_where_there_is_some(tmp_path):
    from tests.conftest import MINI

    screen = produce("poster", MINI, region="montreal", out_dir=tmp_path).path
    with pikepdf.open(screen) as pdf:
        uses = rgb_uses(pdf)
    assert Finding("rgb", {"page": 1, "what": "operator", "name": "rg"}) in uses
    assert uses[0].text("en").startswith("page 1: RGB colour, colour operator rg")
    report = preflight_file(screen, press=True)
    assert Finding("no_pdfx_intent") in report.errors
    assert "no PDF/X output intent" in report.summary("en")


def boxes(page) -> dict[str, list[float]]:
    return {
        name: [float(v) for v in page.obj[name]] for name in ("/MediaBox", "/BleedBox", "/TrimBox")
    }


def mark_segments(page) -> list[tuple[float, float, float, float]]:
    """The crop marks: the lines stroked in black ink after the page's own content."""
    operations = pikepdf.parse_content_stream(page)
    start = max(i for i, (ops, op) in enumerate(operations) if str(op) == "K")
    points = [[float(v) for v in ops] for ops, op in operations[start:] if str(op) in "ml"]
    return [(*points[i], *points[i + 1]) for i in range(0, len(points), 2)]


def test_crop_marks_lie_in_a_slug_outside_the_bleed(bundle):
    with pikepdf.open(bundle / "montreal" / "poster-fr.pdf") as pdf:
        page = pdf.pages[0]
        box = boxes(page)
        media, bleed, trim = box["/MediaBox"], box["/BleedBox"], box["/TrimBox"]
        assert trim == [0, 0, 792, 1224]
        assert bleed == [-9, -9, 801, 1233], "0.125 in of bleed on US paper"
        assert media[0] < bleed[0] and media[1] < bleed[1]
        assert media[2] > bleed[2] and media[3] > bleed[3]
        segments = mark_segments(page)
        assert len(segments) == 8
        for x1, y1, x2, y2 in segments:
            for x, y in ((x1, y1), (x2, y2)):
                outside = x < bleed[0] or x > bleed[2] or y < bleed[1] or y > bleed[3]
                assert outside, (x, y, bleed)
                assert media[0] <= x <= media[2] and media[1] <= y <= media[3]


def test_no_marks_keeps_the_page_to_the_bleed_and_iso_paper_bleeds_3_mm(tmp_path):
    from tests.conftest import MINI

    data = load_campaign(MINI)
    document = fitted_document(data, "poster", "montreal", "fr", "a4", False, press=True)
    path = tmp_path / "a4.pdf"
    path.write_bytes(render.pdf_bytes(document, marks=False))
    with pikepdf.open(path) as pdf:
        box = boxes(pdf.pages[0])
        assert box["/MediaBox"] == box["/BleedBox"]
        assert box["/TrimBox"][0] - box["/BleedBox"][0] == pytest.approx(3 / 25.4 * 72, abs=0.01)


def ink_coverage(path, page: int) -> list[float]:
    """Ghostscript's inkcov of one page: C, M, Y, K coverage."""
    out = subprocess.run(
        [
            "gs",
            "-q",
            "-o",
            "-",
            "-sDEVICE=inkcov",
            f"-dFirstPage={page}",
            f"-dLastPage={page}",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [float(value) for value in re.findall(r"\d+\.\d+", out)[:4]]


def test_black_text_is_black_ink_only(bundle):
    cyan, magenta, yellow, black = ink_coverage(bundle / "montreal" / "letters-fr.pdf", 1)
    assert cyan == magenta == yellow == 0
    assert black > 0


def test_yellow_is_pure_process_yellow(bundle):
    cyan, magenta, yellow, black = ink_coverage(bundle / "montreal" / "poster-fr.pdf", 1)
    assert cyan == magenta == 0 and yellow > 0.5


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_job_sheet_orders_only_usable_letters_and_cards_on_their_papers(bundle):
    rows = read_csv(bundle / "job-sheet.csv")
    letters = [row for row in rows if row["material"] == "letters"]
    assert {row["pages"] for row in letters} == {"1"}, "bo's address is to be confirmed"
    with pikepdf.open(bundle / "montreal" / "letters-fr.pdf") as pdf:
        assert len(pdf.pages) == 1
    papers = {stem(row["file"]): (row["paper"], row["colour"]) for row in rows}
    assert papers["cards-instructions-fr"] == ("letter", "black")
    assert papers["cards-faces-fr"] == ("letter (cardstock)", "colour")
    pending = read_csv(bundle / "to-complete.csv")
    assert [(row["case"], row["missing"].endswith("(target.address)")) for row in pending] == [
        ("bo", True)
    ]
    totals = {
        (r["paper"], r["colour"]): int(r["sheets"]) for r in read_csv(bundle / "sheet-totals.csv")
    }
    assert sum(totals.values()) == sum(int(row["sheets"]) for row in rows)
    assert totals[("letter (cardstock)", "colour")] == sum(
        int(row["sheets"]) for row in rows if row["paper"] == "letter (cardstock)"
    )
    from tests.pdfs import pdf_text

    text = pdf_text(bundle / "job-sheet.pdf")
    assert "À compléter avant impression" in text and "Bo" in text


def stem(file: str) -> str:
    return file.split("/")[-1].removesuffix(".pdf")


def test_two_bundles_in_a_row_are_byte_identical(tmp_path):
    from tests.conftest import MINI

    data = load_campaign(MINI)
    record_outputs(data, tmp_path, regions=("cote-nord",), materials=("poster",), langs=("fr",))
    first = {p.name: p.read_bytes() for p in write_bundle(data, tmp_path).rglob("*") if p.is_file()}
    zipped = (tmp_path / data.id / "print-shop.zip").read_bytes()
    second = {
        p.name: p.read_bytes() for p in write_bundle(data, tmp_path).rglob("*") if p.is_file()
    }
    assert first == second and "poster-fr.pdf" in first
    assert (tmp_path / data.id / "print-shop.zip").read_bytes() == zipped


def test_photos_are_printed_in_cmyk_and_stay_rgb_on_screen(campaign_copy, tmp_path):
    from tests.images import with_photo

    data = load_campaign(with_photo(campaign_copy, (1200, 900)))
    press = tmp_path / "press.pdf"
    document = fitted_document(data, "casebook", "montreal", "fr", None, False, press=True)
    press.write_bytes(render.pdf_bytes(document))
    screen = produce("casebook", region="montreal", lang="fr", out_dir=tmp_path, data=data).path
    spaces = {}
    for name, path in (("press", press), ("screen", screen)):
        with pikepdf.open(path) as pdf:
            images = [x for page in pdf.pages for x in page.get_images().values()]
            spaces[name] = {str(image.ColorSpace) for image in images}
    assert spaces == {"press": {"/DeviceCMYK"}, "screen": {"/DeviceRGB"}}
    assert preflight_file(press, press=True).ok


def test_the_command_leaves_marks_out_when_asked(tmp_path, capsys):
    from campaignkit.cli import main
    from tests.conftest import MINI

    data = load_campaign(MINI)
    record_outputs(data, tmp_path, regions=("cote-nord",), materials=("poster",), langs=("fr",))
    assert main(["print-shop", str(MINI), "--out-dir", str(tmp_path), "--no-marks"]) == 0
    with pikepdf.open(tmp_path / data.id / "print-shop" / "cote-nord" / "poster-fr.pdf") as pdf:
        box = boxes(pdf.pages[0])
    assert box["/MediaBox"] == box["/BleedBox"] != box["/TrimBox"]
