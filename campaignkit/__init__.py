"""campaignkit: print materials for a human-rights letter-writing campaign."""

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


LAZY = {  # imported when first asked for: a command that has nothing to do needs none of them
    "CampaignData": "campaignkit.data.loader",  # pydantic models
    "check_campaign": "campaignkit.data.loader",
    "load_campaign": "campaignkit.data.loader",
    "produce": "campaignkit.printing.document",  # WeasyPrint
    "Produced": "campaignkit.printing.document",
}


def __getattr__(name: str):
    if name in LAZY:
        import importlib

        value = getattr(importlib.import_module(LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(name)
