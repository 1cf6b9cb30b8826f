"""Notebooks stay clean in git: nbstripout, registered by `make install`, is their git filter."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from campaignkit import paths


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def test_running_and_saving_a_notebook_leaves_git_unchanged(tmp_path):
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(paths.ROOT / ".gitattributes", repo)
    shutil.copy(paths.ROOT / "scripts" / "install-git-filter", repo)
    for name in ("editor.ipynb", "poster.ipynb"):
        shutil.copy(paths.NOTEBOOKS / name, repo / "notebooks")
    (repo / ".venv").symlink_to(Path(sys.prefix))  # the filter runs .venv/bin/python
    (repo / ".gitignore").write_text(".venv\ninstall-git-filter\n")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    subprocess.run(["./install-git-filter"], cwd=repo, check=True)
    git(repo, "add", ".gitattributes", ".gitignore", "notebooks")
    git(repo, "commit", "-qm", "notebooks")
    for name in ("editor.ipynb", "poster.ipynb"):  # as JupyterLab saves them after Run All
        path = repo / "notebooks" / name
        nb = nbformat.read(path, as_version=4)
        for n, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), 1):
            cell.execution_count = n
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran\n")]
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
        nbformat.write(nb, path)
    assert "ran" in (repo / "notebooks" / "poster.ipynb").read_text()
    assert git(repo, "diff", "--stat") == "", "git sees no change"
    git(repo, "add", "notebooks")  # `git status` lists the file until it is added again
    assert git(repo, "status", "--porcelain") == "", "nothing to commit"


def test_committed_notebooks_are_already_clean():
    """What the filter would store is what is committed (ids kept)."""
    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        stripped = subprocess.run(
            [sys.executable, "-m", "nbstripout", "--keep-id"],
            input=path.read_text(encoding="utf-8"),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert stripped == path.read_text(encoding="utf-8"), path.name
