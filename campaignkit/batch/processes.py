"""Work spread over worker processes, each piece a call with its arguments.

The processes are spawned (no fork of a process with threads) and ignore Ctrl-C from
their first instruction: the parent alone handles it, stops the rest and says so. A
process that dies (out of memory?) is said as the catalog's `worker_lost`.
"""

import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from campaignkit.exceptions import CampaignKitError


def each_done(call: Callable, pieces: list[tuple], processes: int) -> Iterator[tuple]:
    """Each piece's arguments as `call(*piece)` returns: here and in order if `processes`
    is 1, else on that many processes, started in the order given. An error stops the
    rest (those running finish) and is raised here, as raised in the process."""
    if processes <= 1:
        for piece in pieces:
            call(*piece)
            yield piece
        return
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, spawn) as pool:
        with children_ignore_ctrl_c():  # the processes start at the first submissions
            running = {pool.submit(call, *piece): piece for piece in pieces}
        try:
            for done in as_completed(running):
                done.result()
                yield running[done]
        except BrokenProcessPool:  # killed (out of memory?) or could not start
            raise CampaignKitError("worker_lost") from None
        finally:  # Ctrl-C or an error: start nothing more; leaving waits for the rest
            for future in running:
                future.cancel()


@contextmanager
def children_ignore_ctrl_c():
    """Processes started inside ignore Ctrl-C from their first instruction."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread handles signals, and it is not this one
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
