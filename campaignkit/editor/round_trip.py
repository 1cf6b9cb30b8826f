"""A round trip to the page: an action that waits until the page has sent the kernel
everything it held back.

While the kernel answers an earlier change, the page holds back what is typed in a field
and sends it when that answer comes, but it sends a click at once: a Save could reach the
kernel before the last letters typed. The kernel cannot ask the page for them, but it can
start a hidden Play widget; the page answers with its first step, sent after any letters
it was holding, on the same connection. The action runs when that answer arrives.
"""

import ipywidgets as w

from campaignkit.editor.forms import shared
from campaignkit.editor.later import Held, running_loop

# A page that never answers (none open, gone, or not drawn yet) holds the action this long.
NO_ANSWER_AFTER = 3.0  # s


class RoundTrip:
    """A hidden Play widget on the page, and the actions waiting for the page's answer."""

    def __init__(self):
        self.play = w.Play(
            value=0,
            min=0,
            max=1,
            interval=3_600_000,  # one step, then the page waits: the kernel stops it
            show_repeat=False,
            layout=shared(w.Layout, display="none"),
        )
        self.play.add_class("ck-round-trip")
        self.play.observe(self.on_answer, "value")
        self.held = Held()

    def then(self, action):
        """Call `action` once the page has answered; an action already waiting is called
        once (a double click saves once). With no loop running (tests, scripts), at once."""
        if self.held.add(action, NO_ANSWER_AFTER):
            with self.play.hold_sync():  # the page takes one step and sends it back
                self.play.value = self.play.min
                self.play.playing = True

    def on_answer(self, change):
        if change["new"] == self.play.max and self.held.waiting:
            running_loop().call_soon(self.answered)  # once the page's message is handled

    def answered(self):
        """Run the waiting actions, and set the Play back for the next round trip."""
        self.play.playing = False
        self.play.value = self.play.min
        self.held.release()

    def cancel(self):
        """Forget the waiting actions (the workbook closes)."""
        self.held.drop()
