"""The progress bar of long work: the count on stderr, and what ended last beside it."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def label(what: str, region: str, lang: str) -> str:
    """How a piece of work is named beside the bar: « poster estrie fr »."""
    return f"{what} {region} {lang}"


@contextmanager
def progress_bar(total: int, shown: bool) -> Iterator[Callable[[str], None]]:
    """A function to call as each of `total` pieces ends, with its label; nothing is
    shown unless `shown`."""
    from tqdm import tqdm  # not on the way of a build with nothing to do (0.07 s)

    with tqdm(total=total, disable=not shown, unit="job", file=sys.stderr) as bar:

        def ended(name: str) -> None:
            bar.set_postfix_str(name, refresh=False)
            bar.update()

        yield ended
