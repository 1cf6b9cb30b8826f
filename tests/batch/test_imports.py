"""What a build's process imports to start: nothing that costs seconds and is never used."""

import subprocess
import sys


def test_a_build_does_not_compile_the_iri_grammars_jsonschema_would_import():
    code = "import sys, campaignkit.batch.kernels, nbformat; print('lark' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


def test_planning_a_build_does_not_load_the_spreadsheet_library():
    code = "import sys, campaignkit.batch.fingerprint; print('openpyxl' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False", "openpyxl is loaded only when a workbook is read"


def test_the_command_starts_without_the_data_models_or_the_rendering_stack():
    """A build with nothing to do answers before reading the campaign (batch/unchanged.py):
    importing the command loaded pydantic and email-validator through the package's own
    imports, about half a second of a 0.3 s answer."""
    code = (
        "import sys, campaignkit.cli, campaignkit.batch.unchanged\n"
        "print(sorted(m for m in ('pydantic', 'weasyprint', 'pandas', 'openpyxl', "
        "'email_validator', 'tqdm') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_a_build_leaves_the_layout_engine_to_the_kernels():
    """The build's own process plans, runs the workers, checks the outputs and writes the
    gallery; WeasyPrint lays out in the kernels. The page cache (printing/reuse.py) took it
    in through the fetcher's size limit: 0.6 s of every rebuild, a fifth of a one-event
    change. (The print shop lays out its job sheet itself, once it is asked for.)"""
    modules = [
        "campaignkit.cli",
        "campaignkit.batch.build",
        "campaignkit.batch.workers",
        "campaignkit.batch.kernels",
        "campaignkit.batch.gallery",
        "campaignkit.batch.print_shop",
        "campaignkit.printing.preflight",
    ]
    code = f"import sys, {', '.join(modules)}\nprint('weasyprint' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
