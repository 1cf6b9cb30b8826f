"""The printed materials: each module registers one (or two) in the registry on import."""

from campaignkit.materials import cards, casebook, letters, poster, summary, tally_sheet  # noqa: F401, I001 - they register
from campaignkit.materials import press_release, social, labels, mailing_kit  # noqa: F401, I001 - issue 16
from campaignkit.materials.registry import REGISTRY, Material, get, names, register, served_by

__all__ = ["REGISTRY", "Material", "get", "names", "register", "served_by"]
