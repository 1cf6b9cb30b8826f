"""Pay the start-up cost of rendering once per process: imports, fonts, stylesheets."""

from campaignkit import materials, paths
from campaignkit.batch.netguard import forbid_network
from campaignkit.printing import render


def warm_up():
    """Close the network, import WeasyPrint, load fonts, parse stylesheets, render a page."""
    forbid_network()
    sheets = []
    for name in materials.names():
        material = materials.get(name)
        for paper in material.papers:
            sheets = material.stylesheets(paper, bleed=False)
            for sheet in sheets:
                render.stylesheet(sheet)
    page = '<html lang="fr"><title>warm</title><p>warm</p></html>'  # what PDF/UA asks for
    render.pdf_bytes(render.render_document(page, sheets, paths.TEMPLATES))
