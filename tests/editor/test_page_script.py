"""What the page is asked to do and what it answers, in a kernel's loop; the page itself
is in test_browser."""

import asyncio

from campaignkit.editor import page_script
from campaignkit.editor.page_script import DRAWN_CLASS, Drawn, as_js


def test_without_a_loop_what_waits_for_the_page_runs_at_once():
    calls = []
    Drawn().then(lambda: calls.append(1))
    assert calls == [1]


def test_an_action_waits_for_the_page_drawn_and_runs_once():
    calls = []

    async def a_page_draws():
        drawn = Drawn()
        action = lambda: calls.append(1)  # noqa: E731 - the same action, asked twice
        drawn.then(action)
        drawn.then(action)
        assert as_js(f".{DRAWN_CLASS}") in drawn.script, "the script clicks the button drawn"
        assert DRAWN_CLASS in drawn.signal._dom_classes
        await asyncio.sleep(0.05)
        assert calls == [], "nothing before the page says it is drawn"
        drawn.signal.click()  # what the page's script does
        drawn.signal.click()  # a second script's click: nothing waits any more
        return drawn.held.timer

    assert asyncio.run(a_page_draws()) is None and calls == [1]


def test_a_page_that_never_says_it_is_drawn_holds_the_action_a_few_seconds(monkeypatch):
    monkeypatch.setattr(page_script, "NOT_DRAWN_AFTER", 0.05)
    calls = []

    async def no_page():
        Drawn().then(lambda: calls.append(1))
        await asyncio.sleep(0.02)
        assert calls == []
        await asyncio.sleep(0.1)

    asyncio.run(no_page())
    assert calls == [1]


def test_a_cancelled_action_is_never_run_and_the_others_still_are():
    calls = []

    async def cancel_one():
        drawn = Drawn()
        first, second = (lambda: calls.append("first")), (lambda: calls.append("second"))
        drawn.then(first)
        drawn.then(second)
        drawn.cancel(first)
        drawn.signal.click()
        drawn.then(first)
        drawn.cancel()  # the workbook closes
        assert drawn.held.timer is None
        drawn.signal.click()

    asyncio.run(cancel_one())
    assert calls == ["second"]
