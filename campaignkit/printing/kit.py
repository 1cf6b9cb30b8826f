"""What every build is made with besides the campaign, each as one hash taken once per
process: the kit (code, word catalogs, templates) and the notebooks. Light to import: a
build with nothing to do (batch/unchanged.py) and a kept kernel's identity use it too."""

from functools import cache

from campaignkit import __version__, paths
from campaignkit.data.signature import files_hash


@cache
def code_hash() -> str:
    """Any change to code, words or templates rebuilds everything."""
    return files_hash(paths.kit_files()) + __version__


@cache
def notebooks_hash() -> str:
    return files_hash(paths.NOTEBOOKS.glob("*.ipynb"))
