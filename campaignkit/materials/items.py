"""What a page must show: each material declares its items from the context it renders.

An item is named for the checks' messages by a part (`check.item.<part>` in the catalog:
« coordinator email ») and, when it belongs to one, its case or event (`of`)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """A text that must be visible on the document, or (`qr`) a QR code encoding `text`;
    `part` names it, `of` is ("case" or "event", its id) when it belongs to one."""

    part: str
    text: str
    qr: bool = False
    of: tuple[str, str] | None = None

    @property
    def label(self) -> dict:
        """The item's name as a finding's values (printing.findings words it)."""
        return {"part": self.part, "of": list(self.of) if self.of else None}


def texts(of: tuple[str, str] | None = None, **parts: str) -> list[Item]:
    """Items for the non-empty texts given as part=text."""
    return [Item(part, text, of=of) for part, text in parts.items() if text]


def action(url: str, of: tuple[str, str] | None = None) -> list[Item]:
    """An online action: its address in words and its QR code."""
    return [Item("action_url", url, of=of), Item("action_qr", url, qr=True, of=of)]


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


def address(part: str, block: dict, w: dict, of: tuple[str, str] | None = None) -> list[Item]:
    """An address block's first line (<part>_line), or its do-not-mail band (<part>_pending)
    when the address is pending."""
    items = [Item(f"{part}_line", line, of=of) for line in block["lines"][:1]]
    if block["pending"]:
        items.append(Item(f"{part}_pending", w["address_pending_band"], of=of))
    return items
