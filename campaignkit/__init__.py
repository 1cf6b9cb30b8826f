"""campaignkit: print materials for a human-rights letter-writing campaign."""

from .exceptions import (
    CampaignKitError,
    InvalidCampaign,
    PreflightFailed,
    RenderError,
    UnknownName,
)
from .loader import CampaignData, check_campaign, load_campaign
from .produce import Produced, produce

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
