"""What the kernel asks the browser to do on the page itself: put the region and language
shown in its address (?region=, ?lang=, ?campaign=), bring a new card into view, say when
its forms are drawn.

The kernel cannot reach the page but through widgets: each request is a line of JavaScript
given as the output of a hidden Output widget, which the page runs when it shows it. The
page answers the same way: its script clicks a hidden button (Drawn).
"""

import itertools
import json

import ipywidgets as w

from campaignkit.editor.forms import shared
from campaignkit.editor.later import Held

ADDRESS = """(() => {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(%s)) {
    if (value === null) query.delete(key); else query.set(key, value);
  }
  const address = "?" + query.toString() + window.location.hash;
  if (address !== window.location.search + window.location.hash) {
    window.history.replaceState(window.history.state, "", address);
  }
})();"""

# The card is on the page a moment after the kernel made it: look for it for up to 10 s.
INTO_VIEW = """(() => {
  const wanted = %s, field = %s;
  let tries = 0;
  const look = () => {
    const card = document.querySelector(wanted);
    if (!card) { if (tries++ < 200) setTimeout(look, 50); return; }
    card.scrollIntoView({block: "center"});
    const input = card.querySelector(field) || card.querySelector("input, textarea");
    if (input) input.focus({preventScroll: true});
  };
  look();
})(); // %d"""


def as_js(value) -> str:
    """A value as JavaScript, safe inside the page (no closing </script>)."""
    return json.dumps(value).replace("</", "<\\/")


class PageScript:
    """A hidden output: the page runs the JavaScript it is given, once each time."""

    def __init__(self, css: str):
        self.output = w.Output(layout=w.Layout(display="none"))
        self.output.add_class(css)

    @property
    def script(self) -> str:
        return (
            self.output.outputs[0]["data"]["application/javascript"] if self.output.outputs else ""
        )

    def run(self, script: str):
        data = {"application/javascript": script, "text/plain": ""}
        self.output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)


class Address(PageScript):
    """The page's address follows what it shows, so a reload or a shared link opens it again."""

    def __init__(self):
        super().__init__("ck-address")
        self.values: dict = {}

    def show(self, **values: str | None):
        """Set these query parameters (None: take it out): history.replaceState, no reload,
        no new history entry, the token and other parameters kept."""
        if values != self.values:
            self.values = values
            self.run(ADDRESS % as_js(values))


class IntoView(PageScript):
    """Brings a part of the page into view and puts the cursor in it (a card just added)."""

    def __init__(self):
        super().__init__("ck-into-view")
        self.count = itertools.count()

    def show(self, selector: str, field: str = "input"):
        self.run(INTO_VIEW % (as_js(selector), as_js(field), next(self.count)))


# Once the tab shown has fields or buttons on screen and no more have come for a tenth of a
# second (the page draws its widgets in bursts), two frames later (painted), the page clicks
# the hidden button. Both are looked for in this workbook only (in JupyterLab a page may
# show several); a button not drawn yet is waited for like the fields.
DRAWN = """(() => {
  const output = typeof element === "undefined" ? null : element;  // a node, or jQuery's
  const node = output instanceof Element ? output : output && output[0];
  const mine = () => (node instanceof Element && node.closest(".ck-app")) || document;
  let tries = 0, last = -1, still = 0;
  const look = () => {
    const app = mine();
    const drawn = [...app.querySelectorAll(
      ".ck-main .ck-tab :is(input, textarea, select, button)"
    )].filter((part) => part.getClientRects().length > 0).length;
    still = drawn > 0 && drawn === last ? still + 1 : 0;
    last = drawn;
    const signal = app.querySelector(%s);
    if (still < 2 || !signal) { if (tries++ < 200) setTimeout(look, 50); return; }
    requestAnimationFrame(() => requestAnimationFrame(() => signal.click()));
  };
  look();
})(); // %d"""
DRAWN_CLASS = "ck-drawn"
# A page that never says it is drawn (none open, gone, a script blocked) holds the action
# this long at most.
NOT_DRAWN_AFTER = 5.0  # s


class Drawn(PageScript):
    """The page tells the kernel when it has drawn its forms, by clicking a hidden button:
    work that can wait (a preview to render) then no longer takes the machine from a page
    still being drawn."""

    def __init__(self):
        super().__init__("ck-drawn-script")
        self.signal = w.Button(description="drawn", layout=shared(w.Layout, display="none"))
        self.signal.add_class(DRAWN_CLASS)
        self.signal.on_click(lambda _: self.held.release())
        self.held = Held()
        self.count = itertools.count()

    @property
    def widgets(self) -> list:
        """What goes on the page: the script's output and the button it clicks."""
        return [self.output, self.signal]

    def then(self, action):
        """Call `action` once the page says its forms are drawn, NOT_DRAWN_AFTER s at most;
        an action already waiting is called once. With no loop running (tests, scripts),
        at once."""
        if self.held.add(action, NOT_DRAWN_AFTER):  # the page's script clicks for all
            self.run(DRAWN % (as_js(f".{DRAWN_CLASS}"), next(self.count)))

    def cancel(self, action=None):
        """Forget `action`, or every action waiting (the workbook closes)."""
        self.held.drop(action)
