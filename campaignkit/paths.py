"""Every path the kit uses, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "campaignkit"
TEMPLATES = ROOT / "templates"
FONTS = TEMPLATES / "fonts"
NOTEBOOKS = ROOT / "notebooks"
OUTPUTS = ROOT / "outputs"
CACHE = OUTPUTS / ".cache"  # derived inputs (downscaled photos) when no out_dir is given
DEFAULT_CAMPAIGN = ROOT / "cases" / "2023"


def resolve(path: str | Path) -> Path:
    """An absolute path: as given, else relative to the working folder, else to the repo."""
    path = Path(path).expanduser()
    if path.is_absolute():
        return path
    if path.exists():
        return path.resolve()
    return (ROOT / path).resolve()


def display(path: Path) -> str:
    """A path as people should read it: relative to the repo when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
    except (RuntimeError, OSError):  # a symlink loop: name the link as it stands
        return display(Path(path).parent) + "/" + Path(path).name


def cache_dir(out_dir: str | Path) -> Path:
    """out_dir/.cache: derived inputs (downscaled photos), always rebuildable."""
    return resolve(out_dir) / ".cache"


def region_dir(out_dir: str | Path, campaign_id: str, region: str) -> Path:
    return resolve(out_dir) / campaign_id / region


def notebooks_dir(out_dir: str | Path, campaign_id: str) -> Path:
    return resolve(out_dir) / campaign_id / "notebooks"


def output_pdf(out_dir, campaign_id: str, place: str, material: str, lang: str) -> Path:
    """outputs/<campaign>/<region or campaign>/<material>-<lang>.pdf"""
    return region_dir(out_dir, campaign_id, place) / f"{material}-{lang}.pdf"
