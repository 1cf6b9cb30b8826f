import csv
import io
import zipfile
from pathlib import Path

from campaignkit import load_campaign, produce
from campaignkit.batch.build import Job, entry
from campaignkit.batch.manifest import Manifest
from campaignkit.batch.print_shop import write_bundle
from campaignkit.printing.preflight import preflight_file
from tests.pdfs import page_size_in


def test_bundle_lists_copies_from_attendance_and_zips_everything(mini, tmp_path):
    data = load_campaign(mini)
    manifest = Manifest(tmp_path, data.id)
    for region in ("montreal", "cote-nord"):
        for lang in ("fr", "en"):
            pdf = produce("poster", region=region, lang=lang, out_dir=tmp_path, data=data).path
            job = Job("poster.ipynb", region, lang, ("poster",), fingerprints=("x",))
            executed = manifest.root / "notebooks" / "x.ipynb"
            report = preflight_file(pdf, 1)
            manifest.update({pdf: entry(job, "poster", pdf, report, executed, manifest.root)})
    bundle = write_bundle(data, tmp_path)
    rows = list(csv.DictReader(io.StringIO((bundle / "job-sheet.csv").read_text())))
    copies = {(r["region"], r["lang"]): int(r["copies"]) for r in rows}
    # Montréal: two events, so 5 × 2 + 5 posters in French and a quarter of that in English.
    assert copies == {
        ("montreal", "fr"): 15,
        ("montreal", "en"): 4,
        ("cote-nord", "fr"): 5,
        ("cote-nord", "en"): 2,
    }
    poster = bundle / "montreal" / "poster-fr.pdf"
    assert page_size_in(poster) == (12.0, 18.0), "bleed, then a slug for the crop marks"
    assert preflight_file(poster, 1, bleed=True).ok
    assert (bundle / "job-sheet.pdf").stat().st_size > 1000
    names = zipfile.ZipFile(tmp_path / "mini" / "print-shop.zip").namelist()
    assert {"job-sheet.csv", "job-sheet.pdf", "montreal/poster-fr.pdf"} <= set(names)


def test_a_bundle_made_on_two_processes_is_the_same_to_the_byte(mini, tmp_path):
    from campaignkit.batch.print_shop import OUTPUTS_PER_PROCESS, _by_output, print_jobs
    from tests.batch.test_print_shop_press import record_outputs

    data = load_campaign(mini)
    materials = ("poster", "letters", "cards", "tally")
    record_outputs(data, tmp_path, regions=tuple(data.regions), materials=materials)
    outputs = _by_output(print_jobs(data, Manifest(tmp_path, data.id)))
    assert len(outputs) >= 2 * OUTPUTS_PER_PROCESS, "enough outputs for two processes"

    def made(workers: int) -> dict:
        folder = write_bundle(data, tmp_path, workers=workers).parent
        return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    alone, on_two = made(1), made(2)
    assert alone == on_two
    pdfs = [name for name in alone if name.parts[0] == "print-shop" and name.suffix == ".pdf"]
    assert len(pdfs) > len(outputs) and Path("print-shop.zip") in alone
