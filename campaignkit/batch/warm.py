"""Pay the start-up cost of rendering once per process: imports, fonts, the first page."""

from campaignkit import materials, paths  # noqa: F401 - every material's module, imported now
from campaignkit.batch.netguard import forbid_network
from campaignkit.data.loader import keep_loaded_campaigns
from campaignkit.printing import render


def warm_up():
    """Close the network, keep campaigns once read, import WeasyPrint, render a page.

    Stylesheets are parsed when a job first needs them (render.stylesheet keeps them for
    the kernel's next jobs): a small rebuild does not pay for every material's sheets.
    """
    forbid_network()
    keep_loaded_campaigns()  # the notebooks still call load_campaign: same data, read once
    page = '<html lang="fr"><title>warm</title><p>warm</p></html>'  # what PDF/UA asks for
    render.pdf_bytes(render.render_document(page, [], paths.TEMPLATES))
