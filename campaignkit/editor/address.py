"""The page's address follows what it shows (?region=, ?lang=, ?campaign=), so that a reload
or a shared link opens the same region again.

The kernel cannot change the browser's address itself: it sends a line of JavaScript, as an
output of a hidden Output widget, that the page runs (history.replaceState: no reload, no
new history entry; the token and other parameters are kept).
"""

import json

import ipywidgets as w

SCRIPT = """(() => {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(%s)) {
    if (value === null) query.delete(key); else query.set(key, value);
  }
  const address = "?" + query.toString() + window.location.hash;
  if (address !== window.location.search + window.location.hash) {
    window.history.replaceState(window.history.state, "", address);
  }
})();"""


class Address:
    """A hidden output that puts the values given into the page's address."""

    def __init__(self):
        self.output = w.Output(layout=w.Layout(display="none"))
        self.output.add_class("ck-address")
        self.values: dict = {}

    def show(self, **values: str | None):
        """Set these query parameters (None: take it out) in the page's address."""
        if values == self.values:
            return
        self.values = values
        script = SCRIPT % json.dumps(values).replace("</", "<\\/")
        data = {"application/javascript": script, "text/plain": ""}
        self.output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)
