"""What a page must show: each material declares its items from the context it renders."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """A text that must be visible on the document, or (`qr`) a QR code encoding `text`."""

    label: str
    text: str
    qr: bool = False


def texts(**labelled: str) -> list[Item]:
    """Items for the non-empty texts given as label=text (`_` in a label reads as a space)."""
    return [Item(label.replace("_", " "), text) for label, text in labelled.items() if text]


def action(url: str, what: str = "action URL") -> list[Item]:
    """An online action: its address in words and its QR code."""
    return [Item(what, url), Item(f"QR code of the {what}", url, qr=True)]


def coordinator(context: dict) -> list[Item]:
    """The region's coordinator: name, e-mail and phone, whichever are known."""
    person = context.get("coordinator") or {}
    return texts(
        coordinator_name=person.get("name", ""),
        coordinator_email=person.get("email", ""),
        coordinator_phone=person.get("phone", ""),
    )


def sample_notice(context: dict) -> list[Item]:
    """The sample-data notice, when the campaign is marked sample."""
    return texts(sample_data_notice=context["w"]["sample_notice"]) if context.get("sample") else []


def address(label: str, block: dict, w: dict) -> list[Item]:
    """An address block's first line, or its do-not-mail band when the address is pending."""
    lines = block["lines"][:1]
    items = [Item(f"{label}: first line", line) for line in lines]
    if block["pending"]:
        items.append(Item(f"{label}: do-not-mail box", w["address_pending_band"]))
    return items
