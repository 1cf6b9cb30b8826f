"""The round trip to the page, in a kernel's loop; the page itself is in test_browser."""

import asyncio

from campaignkit.editor.round_trip import RoundTrip


def test_an_action_waits_for_the_page_and_a_double_click_runs_once():
    calls = []

    async def clicks():
        trip = RoundTrip()

        def save():
            calls.append(trip.play.value)

        trip.then(save)
        trip.then(save)
        assert trip.play.playing, "the page is asked to answer"
        await asyncio.sleep(0.05)
        assert calls == [], "nothing before the page answers"
        trip.play.value = trip.play.max  # the page's answer: the Play's first step
        await asyncio.sleep(0.01)
        assert calls == [0], "once, with the Play set back for the next round trip"
        assert not trip.play.playing
        trip.then(save)  # the next click asks again
        assert trip.play.playing

    asyncio.run(clicks())


def test_a_closed_workbook_forgets_what_waited():
    calls = []

    async def close():
        trip = RoundTrip()
        trip.then(lambda: calls.append(1))
        trip.cancel()
        trip.play.value = trip.play.max  # a late answer
        await asyncio.sleep(0.05)

    asyncio.run(close())
    assert calls == []
