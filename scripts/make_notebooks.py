"""Write the thin material notebooks (run once when their cells change; commit the result)."""

import sys
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def notebook(title: str, parameters: str, calls: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    cells = [nbformat.v4.new_markdown_cell(title)]
    cells.append(nbformat.v4.new_code_cell(parameters.strip(), metadata={"tags": ["parameters"]}))
    cells += [nbformat.v4.new_code_cell(code.strip()) for code in calls]
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    nb.cells = cells
    return nb


POSTER = notebook(
    "# Affiche régionale / Regional poster\n\n"
    "Change the values of the next cell, then *Run All*. "
    "Modifiez les valeurs de la cellule suivante, puis *Run All*.",
    """
# Parameters (papermill replaces these; `papermill --help-notebook notebooks/poster.ipynb`)
campaign: str = "cases/2023"  # campaign folder: campaign.yaml, cases/, regions.csv, events.csv
region: str = "montreal"  # region id, from the campaign's regions.csv
lang: str = "fr"  # language of the poster: fr or en
paper: str = "tabloid"  # paper: tabloid (11 x 17 in), letter, a3 or a4
bleed: bool = False  # add bleed (0.125 in; 3 mm on A3, A4); print-shop bundle: + CMYK, marks
out_dir: str = "outputs"  # the PDF goes to out_dir/<campaign id>/<region>/poster-<lang>.pdf
preview: bool = True  # show the page below when done (the batch build turns it off)
""",
    [
        "import campaignkit\nfrom campaignkit.printing.preview import show",
        """poster = campaignkit.produce(
    "poster", campaign, region=region, lang=lang, paper=paper, bleed=bleed, out_dir=out_dir
)
print(poster.path, poster.pages, "page(s)")""",
        "show(poster) if preview else None",
    ],
)

SUMMARY = notebook(
    "# Bilans après les marathons / Summaries after the write-a-thons\n\n"
    "Put each event's tally in the campaign's `tallies/` folder (see docs/tally-format.md), "
    "change the values of the next cell, then *Run All*. "
    "Déposez le décompte de chaque marathon dans `tallies/`, modifiez la cellule suivante, "
    "puis *Run All*.",
    """
# Parameters (papermill replaces these; `papermill --help-notebook notebooks/summary.ipynb`)
campaign: str = "cases/2023"  # campaign folder, with one tally file per event in tallies/
region: str = "montreal"  # region id from regions.csv; "campaign": campaign summary; "all": both
lang: str = "fr"  # language of the summaries: fr or en
out_dir: str = "outputs"  # PDFs go to out_dir/<campaign id>/<region or campaign>/summary-<lang>.pdf
materials: list = ["summary", "campaign-summary"]  # which of the two summaries to make
""",
    [
        "import campaignkit\nfrom campaignkit.printing.preview import show\n"
        "from campaignkit.data.results import results_of\n"
        "from campaignkit.printing.summaries import produce_summaries",
        """data = campaignkit.load_campaign(campaign)
results = results_of(data)  # every tally read; a bad one stops only its own region's summary
for problem in results.intake.problems:
    print(problem.text(lang))
results.regions()[["events_planned", "events_held", "participants", "actions", "goal"]]""",
        """made = produce_summaries(
    campaign, region=region, lang=lang, out_dir=out_dir, materials=materials, data=data
)
for item in made:
    print(getattr(item, "path", item))""",
        'show(made[0]) if made else print("nothing to make for", region)',
    ],
)


LETTERS = notebook(
    "# Matériel des marathons / Write-a-thon materials\n\n"
    "Cahier des cas, lettres, cartes de solidarité et feuilles de décompte d'une région. "
    "Case book, letters, solidarity cards and tally sheets for one region. "
    "Modifiez la cellule suivante, puis *Run All* / change the next cell, then *Run All*.",
    """
# Parameters (papermill replaces these; `papermill --help-notebook notebooks/letters.ipynb`)
campaign: str = "cases/2023"  # campaign folder: campaign.yaml, cases/, regions.csv, events.csv
region: str = "montreal"  # region id, from the campaign's regions.csv
lang: str = "fr"  # language of the materials: fr or en
paper: str = "letter"  # paper: letter (8.5 x 11 in) or a4
out_dir: str = "outputs"  # PDFs go to out_dir/<campaign id>/<region>/<material>-<lang>.pdf
materials: list = ["casebook", "letters", "cards", "tally"]  # which of the four to make
preview: bool = True  # show each first page below when done (the batch build turns it off)
""",
    [
        "import campaignkit\nfrom campaignkit.printing.preview import show",
        """data = campaignkit.load_campaign(campaign)  # validated once for every material
produced = []
for material in materials:
    pdf = campaignkit.produce(
        material, region=region, lang=lang, paper=paper, out_dir=out_dir, data=data
    )
    print(pdf.path, pdf.pages, "page(s)")
    produced.append(pdf)""",
        """from IPython.display import display

for pdf in produced if preview else []:  # the first page of each, to check at a glance
    display(show(pdf))""",
    ],
)


PRESSKIT = notebook(
    "# Trousse de presse et d'envoi / Press and mailing kit\n\n"
    "Communiqué de presse, images pour les réseaux sociaux, étiquettes d'envoi et plan "
    "d'affranchissement d'une région (ou, avec `region = \"campaign\"`, de toute la campagne). "
    "Press release, social images, envelope labels and postage plan for one region. "
    "Modifiez la cellule suivante, puis *Run All* / change the next cell, then *Run All*.",
    """
# Parameters (papermill replaces these; `papermill --help-notebook notebooks/presskit.ipynb`)
campaign: str = "cases/2023"  # campaign folder: campaign.yaml, postage.yaml, cases/, regions.csv…
region: str = "montreal"  # region id from regions.csv; "campaign": the campaign's postage plan
lang: str = "fr"  # language of the materials: fr or en
paper: str = "letter"  # label sheets and mailing kit: letter (30 labels, 5160) or a4 (21 labels)
out_dir: str = "outputs"  # files go to out_dir/<campaign id>/<region>/ (images in social/)
materials: list = ["press-release", "social", "labels", "mailing-kit", "campaign-mailing-kit"]
preview: bool = True  # show each first page and the images below (the batch build turns it off)
""",
    [
        "import campaignkit\nfrom campaignkit.printing.press_kit import produce_press_kit\n"
        "from campaignkit.printing.preview import show",
        """data = campaignkit.load_campaign(campaign)  # validated once for every material
made = produce_press_kit(
    campaign, region=region, lang=lang, paper=paper, out_dir=out_dir,
    materials_wanted=materials, data=data,
)
for item in made:
    print(getattr(item, "path", item))""",
        """from IPython.display import Image, display

for item in made if preview else []:
    if hasattr(item, "path"):
        display(show(item))
    elif item.suffix == ".png":
        display(Image(filename=str(item), width=270))""",
    ],
)


EDITOR = nbformat.v4.new_notebook()
EDITOR.metadata = POSTER.metadata
EDITOR.cells = [
    nbformat.v4.new_code_cell(
        """
# Cahier de coordination / Coordinator's workbook: Run All, then work in the tabs.
# `make app` serves it as a web page. Parameters, empty for the defaults:
campaign: str = ""  # campaign folder; empty: ?campaign=NAME, $CAMPAIGNKIT_CAMPAIGN, cases/2023
region: str = ""  # first region shown; empty: ?region=ID, $CAMPAIGNKIT_REGION, the first one
lang: str = ""  # interface language, fr or en; empty: ?lang=, $CAMPAIGNKIT_LANG, fr
""".strip(),
        metadata={"tags": ["parameters"]},
    ),
    nbformat.v4.new_code_cell(
        "from campaignkit.editor.app import Editor, wait_for_page, warm_up\n\n"
        "warm_up(campaign or None)  # as a web page: done before anyone opens it"
    ),
    nbformat.v4.new_code_cell(
        "wait_for_page()  # as a web page: the page's ?region= and ?lang= arrive here\n"
        "Editor(campaign or None, region or None, lang or None)"
    ),
]
for index, cell in enumerate(EDITOR.cells):
    cell["id"] = f"cell-{index}"


ALL = {
    "poster.ipynb": POSTER,
    "letters.ipynb": LETTERS,
    "summary.ipynb": SUMMARY,
    "presskit.ipynb": PRESSKIT,
    "editor.ipynb": EDITOR,
}

if __name__ == "__main__":
    for name, nb in ALL.items():
        if len(sys.argv) == 1 or name in sys.argv[1:]:
            nbformat.write(nb, NOTEBOOKS / name)
            print("wrote", NOTEBOOKS / name)
