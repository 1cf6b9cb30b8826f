"""Every path the kit uses, in one place."""

import os
from functools import lru_cache
from pathlib import Path

from campaignkit.exceptions import OutsideOutputs

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "campaignkit"
TEMPLATES = ROOT / "templates"
FONTS = TEMPLATES / "fonts"
NOTEBOOKS = ROOT / "notebooks"
OUTPUTS = ROOT / "outputs"
CACHE = OUTPUTS / ".cache"  # derived inputs (downscaled photos) when no out_dir is given
DEFAULT_CAMPAIGN = ROOT / "cases" / "2023"


def kit_files() -> list[Path]:
    """The package's code and word catalogs, and the templates (fonts included): what a
    build is made with, besides the campaign and the notebooks."""
    code = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.po")]
    return code + [p for p in TEMPLATES.rglob("*") if p.is_file()]


def resolve(path: str | Path) -> Path:
    """An absolute path: as given, else relative to the working folder, else to the repo."""
    path = Path(path).expanduser()
    if path.is_absolute():
        return path
    if path.exists():
        return path.resolve()
    return (ROOT / path).resolve()


def working(path: str | Path) -> Path:
    """A folder named on the command line: as given when absolute, else in the working
    folder (an output folder that does not exist yet is made there, not in the repo)."""
    return Path(path).expanduser().absolute()


def display(path: Path) -> str:
    """A path as people should read it: relative to the repo when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
    except (RuntimeError, OSError):  # a symlink loop: name the link as it stands
        return display(Path(path).parent) + "/" + Path(path).name


def cache_dir(out_dir: str | Path) -> Path:
    """out_dir/.cache: downscaled photos, pages already laid out; always rebuildable."""
    return output(out_dir, ".cache")


@lru_cache(maxsize=64)
def _real_folder(out_dir: str, cwd: str) -> Path:
    """The outputs folder with its symlinks resolved, once per process (a build asks for
    thousands of paths); a folder re-pointed later only makes `output` refuse its paths."""
    return resolve(out_dir).resolve()


def output(out_dir: str | Path, *parts: str) -> Path:
    """out_dir/parts…, proven to lie strictly inside out_dir once symlinks are resolved.

    Every path the kit writes under the outputs folder comes from here, so that a name
    taken from the data (`../x`, `/etc`, a symlinked folder) can never lead elsewhere.
    """
    folder = _real_folder(str(out_dir), os.getcwd())
    target = folder.joinpath(*parts).resolve()
    if target == folder or not target.is_relative_to(folder):
        raise OutsideOutputs(folder.joinpath(*parts), folder)
    return target


def campaign_dir(out_dir: str | Path, campaign_id: str) -> Path:
    """outputs/<campaign>: the build's own folder, the only one it sweeps."""
    return output(out_dir, campaign_id)


def region_dir(out_dir: str | Path, campaign_id: str, region: str) -> Path:
    return output(out_dir, campaign_id, region)


def notebooks_dir(out_dir: str | Path, campaign_id: str) -> Path:
    return output(out_dir, campaign_id, "notebooks")


def output_pdf(out_dir, campaign_id: str, place: str, material: str, lang: str) -> Path:
    """outputs/<campaign>/<region or campaign>/<material>-<lang>.pdf"""
    return output(out_dir, campaign_id, place, f"{material}-{lang}.pdf")
