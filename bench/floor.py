"""The floor: the very HTML documents a build prints, laid out and written by WeasyPrint
alone in one process (no kit, no notebook, no checks).

`floor.py dump CAMPAIGN FOLDER [LANG…]` writes each document's final HTML (the compact
one when that is what fits) and its stylesheets, as the build makes them (not timed);
`floor.py run FOLDER` renders them all and prints the pages and the seconds.
"""

import json
import sys
import time
from pathlib import Path


def dump(campaign: str, folder: Path, langs: list[str]):
    from campaignkit import load_campaign, paths
    from campaignkit.batch.build import plan
    from campaignkit.printing import document, render

    data = load_campaign(campaign)
    captured = []
    real = render.render_document

    def capture(html, stylesheets, root, press=None):
        captured.append((html, stylesheets))
        return real(html, stylesheets, root, press)

    render.render_document = capture
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    for job in plan(data, langs=langs, out_dir=folder / "unused"):
        for material in job.materials:
            captured.clear()
            document.fitted_document(data, material, job.region, job.lang, None, False)
            html, stylesheets = captured[-1]  # the document that was kept
            name = f"{len(index):04d}.html"
            (folder / name).write_text(html, encoding="utf-8")
            sheets = [str(paths.TEMPLATES / sheet) for sheet in stylesheets]
            index.append({"html": name, "stylesheets": sheets, "base": str(paths.TEMPLATES)})
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")


def run(folder: Path):
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    fonts, sheets, pages = FontConfiguration(), {}, 0
    for item in index:
        for path in item["stylesheets"]:
            sheets.setdefault(path, CSS(filename=path, font_config=fonts))
        html = HTML(
            string=(folder / item["html"]).read_text(encoding="utf-8"), base_url=item["base"] + "/"
        )
        laid_out = html.render(  # as the kit's screen PDFs: tagged (PDF/UA-1)
            stylesheets=[sheets[p] for p in item["stylesheets"]],
            font_config=fonts,
            pdf_variant="pdf/ua-1",
        )
        laid_out.write_pdf(pdf_variant="pdf/ua-1")
        pages += len(laid_out.pages)
    print(f"{pages} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2], Path(sys.argv[3]), sys.argv[4:])
    else:
        run(Path(sys.argv[2]))
