"""The material notebooks run through papermill exactly as README shows."""

import json
import subprocess
import sys
from pathlib import Path

import papermill

from campaignkit import load_campaign, paths
from tests.pdfs import page_count, pdf_text


def run_notebook(name: str, executed, parameters: dict):
    """Run notebooks/<name>.ipynb through papermill as the build does, from the repo root."""
    papermill.execute_notebook(
        str(paths.NOTEBOOKS / f"{name}.ipynb"),
        str(executed),
        parameters=parameters,
        cwd=str(paths.ROOT),
        progress_bar=False,
    )


def test_poster_notebook_runs_with_parameters(mini, tmp_path):
    executed = tmp_path / "poster.ipynb"
    run_notebook(
        "poster",
        executed,
        {
            "campaign": str(mini),
            "region": "mauricie",
            "lang": "en",
            "out_dir": str(tmp_path),
        },
    )
    pdf = tmp_path / "mini" / "mauricie" / "poster-en.pdf"
    assert page_count(pdf) == 1
    assert "Library write-a-thon" in pdf_text(pdf)
    cells = json.loads(executed.read_text())["cells"]
    assert any("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))


def test_help_notebook_explains_every_parameter():
    papermill_cli = Path(sys.executable).with_name("papermill")
    result = subprocess.run(
        [str(papermill_cli), "--help-notebook", str(paths.NOTEBOOKS / "poster.ipynb")],
        capture_output=True,
        text=True,
        check=True,
    )
    for name in ("campaign", "region", "lang", "paper", "bleed", "out_dir"):
        line = next(line for line in result.stdout.splitlines() if line.strip().startswith(name))
        assert "default" in line


def test_notebooks_are_committed_without_outputs():
    for notebook in paths.NOTEBOOKS.glob("*.ipynb"):
        cells = json.loads(notebook.read_text())["cells"]
        assert not any(c.get("outputs") for c in cells if c["cell_type"] == "code"), notebook


def test_summary_notebook_makes_every_summary_and_the_exports(mini, tmp_path):
    executed = tmp_path / "summary.ipynb"
    run_notebook(
        "summary",
        executed,
        {"campaign": str(mini), "region": "all", "lang": "fr", "out_dir": str(tmp_path)},
    )
    out = tmp_path / "mini"
    for pdf in ("montreal/summary-fr.pdf", "mauricie/summary-fr.pdf", "campaign/summary-fr.pdf"):
        assert page_count(out / pdf) >= 2, pdf
    assert not (out / "cote-nord").exists(), "no event, no tally, no summary"
    assert (out / "campaign" / "results.csv").is_file()
    assert (out / "campaign" / "results.xlsx").is_file()


def test_summary_notebook_explains_its_parameters():
    papermill_cli = Path(sys.executable).with_name("papermill")
    result = subprocess.run(
        [str(papermill_cli), "--help-notebook", str(paths.NOTEBOOKS / "summary.ipynb")],
        capture_output=True,
        text=True,
        check=True,
    )
    for name in ("campaign", "region", "lang", "out_dir", "materials"):
        line = next(line for line in result.stdout.splitlines() if line.strip().startswith(name))
        assert "default" in line
    assert '"all"' in result.stdout and '"campaign"' in result.stdout


def test_letters_notebook_makes_the_four_materials(mini, tmp_path):
    run_notebook(
        "letters",
        tmp_path / "letters.ipynb",
        {
            "campaign": str(mini),
            "region": "mauricie",
            "lang": "en",
            "out_dir": str(tmp_path),
        },
    )
    region = tmp_path / "mini" / "mauricie"
    pages = {pdf.name: page_count(pdf) for pdf in region.glob("*.pdf")}
    assert pages == {
        "casebook-en.pdf": 2,
        "letters-en.pdf": 2,
        "cards-en.pdf": 4,
        "tally-en.pdf": 1,
    }
    assert "Library write-a-thon" in pdf_text(region / "tally-en.pdf")


def test_build_runs_the_letters_notebook_for_the_chosen_materials_only(mini, tmp_path, capsys):
    from campaignkit.batch.build import plan
    from campaignkit.cli import main

    jobs = plan(load_campaign(mini), ["cote-nord"], ["fr"], ["tally", "casebook"])
    assert [(job.notebook, job.parameters["materials"]) for job in jobs] == [
        ("letters.ipynb", ["tally", "casebook"])
    ]
    args = ["build", str(mini), "--region", "cote-nord", "--lang", "fr", "--jobs", "1"]
    assert main([*args, "--material", "tally", "--out-dir", str(tmp_path)]) == 0
    made = sorted(pdf.name for pdf in (tmp_path / "mini" / "cote-nord").glob("*.pdf"))
    assert made == ["tally-fr.pdf"]
    assert (tmp_path / "mini" / "notebooks" / "cote-nord" / "letters-fr.ipynb").is_file()


def test_presskit_notebook_makes_the_press_and_mailing_kit(campaign_copy, tmp_path):
    from tests.postage_campaign import with_postage

    campaign = with_postage(campaign_copy.root)
    for region in ("mauricie", "campaign"):
        parameters = {"campaign": str(campaign), "region": region, "lang": "en"}
        run_notebook(
            "presskit", tmp_path / f"{region}.ipynb", parameters | {"out_dir": str(tmp_path)}
        )
    region = tmp_path / "mini" / "mauricie"
    made = sorted(p.relative_to(region).as_posix() for p in region.rglob("*.*"))
    assert made == [
        "labels-en.pdf",
        "mailing-kit-en.pdf",
        "press-release-en.pdf",
        "social/social-en.pdf",
        "social/tr-biblio-en-square.png",
        "social/tr-biblio-en-story.png",
    ]
    assert "Library write-a-thon" in pdf_text(region / "press-release-en.pdf")
    made = sorted(p.name for p in (tmp_path / "mini" / "campaign").iterdir())
    assert made == ["mailing-kit-en.pdf", "postage.csv"]
