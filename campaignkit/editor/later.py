"""Calls made a moment later in the kernel's loop: a burst of them runs once; actions held
until the page answers."""

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


class Held:
    """Actions waiting for the page: each runs once, when release() is called (the page
    answered) or `seconds` after the wait began at most. With no loop running (tests,
    scripts) an action runs at once."""

    def __init__(self):
        self.actions: list = []
        self.timer = None

    def add(self, action, seconds: float) -> bool:
        """Hold `action` (once, however often it is added); True when this begins a wait."""
        loop = running_loop()
        if loop is None:
            action()
            return False
        if action not in self.actions:
            self.actions.append(action)
        if self.timer is not None:
            return False
        self.timer = loop.call_later(seconds, self.release)
        return True

    @property
    def waiting(self) -> bool:
        return self.timer is not None

    def release(self):
        """Run the actions held, in the order they came."""
        self.stop_timer()
        actions, self.actions = self.actions, []
        for action in actions:
            action()

    def drop(self, action=None):
        """Forget `action`, or every action held (the workbook closes)."""
        self.actions = [] if action is None else [a for a in self.actions if a != action]
        if not self.actions:
            self.stop_timer()

    def stop_timer(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
