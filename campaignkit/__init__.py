"""campaignkit: print materials for a human-rights letter-writing campaign."""

from campaignkit.data.loader import CampaignData, check_campaign, load_campaign
from campaignkit.exceptions import (
    CampaignKitError,
    InvalidCampaign,
    PreflightFailed,
    RenderError,
    UnknownName,
)

__version__ = "0.1.0"

__all__ = [
    "CampaignData",
    "CampaignKitError",
    "InvalidCampaign",
    "PreflightFailed",
    "Produced",
    "RenderError",
    "UnknownName",
    "check_campaign",
    "load_campaign",
    "produce",
]


def __getattr__(name: str):
    """`produce` and `Produced` load WeasyPrint: import them only when asked for."""
    if name in ("produce", "Produced"):
        import importlib

        module = importlib.import_module("campaignkit.printing.document")
        globals().update(produce=module.produce, Produced=module.Produced)
        return globals()[name]
    raise AttributeError(name)
