"""What every material's template receives: campaign, region and interface texts, localized."""

from markupsafe import Markup

from campaignkit import paths
from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case
from campaignkit.data.photos import UnreadablePhoto, page_url, print_ready
from campaignkit.exceptions import RenderError
from campaignkit.materials.qr import qr_svg
from campaignkit.text import catalog, i18n
from campaignkit.text.language import interface_language


def common(data: CampaignData, region_id: str | None, lang: str) -> dict:
    """The context every template shares."""
    campaign = data.campaign
    context = {
        "lang": lang,
        "direction": i18n.direction(lang),
        "w": i18n.words(lang),
        "brand": {name: colour.css() for name, colour in campaign.branding.colours().items()},
        "campaign_name": campaign.name[lang],
        "tagline": campaign.tagline[lang],
        "dates": i18n.date_span(campaign.start, campaign.end, lang),
        "edition": i18n.edition(campaign.edition, lang) if campaign.edition else "",
        "organization": campaign.organization.name[lang],
        "organized_by": i18n.word("organized_by", lang).format(
            organization=i18n.of(campaign.organization.name[lang], lang)
        ),
        "action_url": campaign.organization.action_url,
        "sample": campaign.sample,
    }
    if region_id is not None:
        region = data.region(region_id)
        context["region_id"] = region.id
        context["region_name"] = region.name[lang]
        context["coordinator"] = {
            "name": region.coordinator_name,
            "email": region.coordinator_email,
            "phone": region.coordinator_phone,
        }
    return context


def qr(url: str, lang: str) -> Markup:
    """A QR code as inline SVG, with its text alternative; segno writes only its own markup."""
    return Markup(qr_svg(url, title=i18n.word("qr_alt", lang).format(url=url)))


def case_summary(data: CampaignData, case: Case, lang: str) -> dict:
    """A case's short texts in one language."""
    photo = None
    if case.photo:
        source = (data.root / case.photo.file).resolve()
        try:
            ready = print_ready(source)
        except UnreadablePhoto as error:
            shown = paths.display(source)
            said = catalog.word(
                "error.unreadable_photo",
                interface_language(),
                case=case.id,
                file=shown,
                detail=error,
            )
            raise RenderError(said) from None
        photo = {
            "src": page_url(ready),
            "alt": case.photo.alt[lang],
            "credit": case.photo.credit[lang],
        }
    return {
        "id": case.id,
        "name": case.name,
        "country": case.country[lang],
        "blurb": case.blurb[lang],
        "photo": photo,
    }
