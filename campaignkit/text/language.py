"""Which language the kit speaks to the person at the keyboard."""

import os


def interface_language() -> str:
    """French unless the environment asks for English."""
    lang = os.environ.get("CAMPAIGNKIT_LANG") or os.environ.get("LANG", "fr")
    return "en" if lang.lower().startswith("en") else "fr"
