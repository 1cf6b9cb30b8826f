"""The printed materials: each module registers one (or two) in the registry on import."""

from campaignkit.materials import cards, casebook, letters, poster, summary, tally_sheet  # noqa: F401, I001 - they register
from campaignkit.materials.registry import REGISTRY, Material, get, names, register, served_by

__all__ = ["REGISTRY", "Material", "get", "names", "register", "served_by"]
