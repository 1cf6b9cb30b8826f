"""Texts far over their limits, as if validation had let them through: what the print
checks must still catch (printing/layout.py)."""

from campaignkit import load_campaign

TOO_LONG = "Un texte beaucoup trop long pour sa page. " * 150


def slipped_past_validation(mini, field: str, text: str, part: str | None = None):
    """The mini campaign with one of Ana's texts far over its limit, as if validation had
    let it through (an older limit, a hand-built CampaignData)."""
    data = load_campaign(mini)
    ana = data.cases["ana"]
    value = {"fr": text, "en": text}
    if part:
        value = getattr(ana, field).model_copy(update={part: value})
    data.cases["ana"] = ana.model_copy(update={field: value})
    return data
