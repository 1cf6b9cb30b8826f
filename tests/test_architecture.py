"""The package's folders are layers: a module imports only its own layer and those below."""

import subprocess
import sys
from pathlib import Path

from campaignkit import paths


def test_no_module_imports_a_higher_layer():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=paths.ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def test_the_contract_catches_an_import_from_below(tmp_path):
    """The same contract, on a copy where the data layer imports the editor, is broken."""
    copy = tmp_path / "repo"
    (copy / "campaignkit").mkdir(parents=True)
    for source in paths.PACKAGE.rglob("*.py"):
        target = copy / source.relative_to(paths.ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (copy / "pyproject.toml").write_bytes((paths.ROOT / "pyproject.toml").read_bytes())
    models = copy / "campaignkit" / "data" / "models.py"
    models.write_text(
        models.read_text() + "\n\ndef _wrong():\n    from campaignkit.editor import app  # noqa\n"
    )
    lint_imports = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "campaignkit.data.models -> campaignkit.editor.app" in run.stdout
