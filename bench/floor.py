"""The floor: the very HTML documents a build prints, laid out and written by WeasyPrint
alone in one process (no kit, no notebook, no checks).

`floor.py dump CAMPAIGN FOLDER [LANG…]` writes each document's final HTML (the compact
one when that is what fits) and its stylesheets, as the build makes them (not timed);
`floor.py run FOLDER` renders them all and prints the pages and the seconds (and keeps each
document's seconds; `distinct` says how much of that is one of each different document);
`floor.py parallel FOLDER N` renders them in N processes at once, each
given an equal share of those seconds, and prints the wall time: what the machine itself
loses when its cores work together, before any kit, notebook or check.
"""

import json
import subprocess
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


def run(folder: Path, part: str = ""):
    """All the documents, or the share `K/N` of worker K of N."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    chosen = share(folder, *map(int, part.split("/"))) if part else range(len(index))
    start = time.perf_counter()
    fonts, sheets, pages, seconds = FontConfiguration(), {}, 0, {}
    for number in chosen:
        began, item = time.perf_counter(), index[number]
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
        seconds[number] = time.perf_counter() - began
    if not part:
        (folder / "seconds.json").write_text(json.dumps(seconds), encoding="utf-8")
    print(f"{pages} pages in {time.perf_counter() - start:.2f} s")


def distinct(folder: Path) -> tuple[int, float]:
    """How many of the documents differ, and the share of the floor's seconds one of each
    takes: what a build lays out when it takes the same page again (printing/reuse.py)."""
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    seconds = json.loads((folder / "seconds.json").read_text(encoding="utf-8"))
    first: dict[tuple, float] = {}
    for number, item in enumerate(index):
        page = ((folder / item["html"]).read_bytes(), tuple(item["stylesheets"]))
        first.setdefault(page, seconds[str(number)])
    return len(first), sum(first.values()) / sum(seconds.values())


def share(folder: Path, worker: int, workers: int) -> list[int]:
    """The documents of one worker: longest first, each to the least loaded worker."""
    seconds = {int(k): v for k, v in json.loads((folder / "seconds.json").read_text()).items()}
    loads, shares = [0.0] * workers, [[] for _ in range(workers)]
    for number in sorted(seconds, key=seconds.get, reverse=True):
        least = loads.index(min(loads))
        shares[least].append(number)
        loads[least] += seconds[number]
    return sorted(shares[worker])


def parallel(folder: Path, workers: int):
    start = time.perf_counter()
    processes = [
        subprocess.Popen([sys.executable, __file__, "run", str(folder), f"{k}/{workers}"])
        for k in range(workers)
    ]
    if any(process.wait() for process in processes):
        sys.exit("a worker of the parallel floor failed")
    print(f"{workers} processes at once in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2], Path(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1] == "parallel":
        parallel(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        run(Path(sys.argv[2]), *sys.argv[3:])
