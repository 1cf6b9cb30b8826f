"""What the page is asked to do and what it answers, in a kernel's loop; the page itself
is in test_browser."""

import asyncio

from campaignkit.editor.page_script import DRAWN_CLASS, Drawn, as_js


def test_an_action_waits_for_the_page_drawn_and_runs_once():
    calls = []

    async def a_page_draws():
        drawn = Drawn()
        action = lambda: calls.append(1)  # noqa: E731 - the same action, asked twice
        drawn.then(action)
        asked = drawn.script
        drawn.then(action)
        assert drawn.script == asked, "one script a wait: its click releases every action"
        assert as_js(f".{DRAWN_CLASS}") in drawn.script, "the script clicks the button drawn"
        assert DRAWN_CLASS in drawn.signal._dom_classes
        await asyncio.sleep(0.05)
        assert calls == [], "nothing before the page says it is drawn"
        drawn.signal.click()  # what the page's script does
        drawn.signal.click()  # a second script's click: nothing waits any more
        return drawn.held.waiting

    assert asyncio.run(a_page_draws()) is False and calls == [1]


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
        assert not drawn.held.waiting
        drawn.signal.click()

    asyncio.run(cancel_one())
    assert calls == ["second"]
