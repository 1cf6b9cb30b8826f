"""What waits for the page (later.Held), as both of its users hold it: the Save's round
trip and the page's "forms drawn" signal; what is their own is in their test files."""

import asyncio

import pytest

from campaignkit.editor import page_script, round_trip
from campaignkit.editor.page_script import Drawn
from campaignkit.editor.round_trip import RoundTrip

WAITERS = [(RoundTrip, round_trip, "NO_ANSWER_AFTER"), (Drawn, page_script, "NOT_DRAWN_AFTER")]


@pytest.mark.parametrize(("waiter", "module", "limit"), WAITERS)
def test_without_a_loop_what_waits_for_the_page_runs_at_once(waiter, module, limit):
    calls = []
    waiter().then(lambda: calls.append(1))
    assert calls == [1]


@pytest.mark.parametrize(("waiter", "module", "limit"), WAITERS)
def test_a_page_that_never_answers_holds_the_action_a_few_seconds(
    waiter, module, limit, monkeypatch
):
    monkeypatch.setattr(module, limit, 0.05)
    calls = []

    async def no_page():
        waiter().then(lambda: calls.append(1))
        await asyncio.sleep(0.02)
        assert calls == []
        await asyncio.sleep(0.1)

    asyncio.run(no_page())
    assert calls == [1]
