"""Calls made a moment later in the kernel's loop: a burst of them runs once."""

import asyncio


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The kernel's running loop, or None (tests, scripts: calls then run at once)."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Debouncer:
    """Call `action` once, `delay` seconds after the last of a burst of calls.

    In a running kernel this uses its asyncio loop; with no loop (tests, scripts) or a
    delay of 0 the action runs at once.
    """

    def __init__(self, delay: float, action):
        self.delay, self.action, self.handle = delay, action, None

    def cancel(self):
        """Forget the call waiting, if any."""
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def __call__(self):
        self.cancel()
        loop = running_loop()
        if self.delay <= 0 or loop is None:
            self.action()
        else:
            self.handle = loop.call_later(self.delay, self._fire)

    def _fire(self):
        self.handle = None
        self.action()


def after_this_cell(action, *args):
    """Call `action` once the kernel's cell has returned (at once with no loop running)."""
    loop = running_loop()
    if loop is None:
        action(*args)
    else:
        loop.call_soon(action, *args)
