"""Work on worker processes: each piece once, Ctrl-C left to the parent, errors said here."""

import os
import signal

import pytest

from campaignkit.batch.processes import each_done
from campaignkit.exceptions import CampaignKitError


def record(folder: str, number: int) -> None:
    """Leave a file saying which process ran the piece and whether it ignores Ctrl-C."""
    ignores = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    open(os.path.join(folder, f"{number}.{os.getpid()}.{ignores}"), "w").close()


def fail_on_three(number: int) -> None:
    if number == 3:
        raise ValueError(f"piece {number} went wrong")


def die(number: int) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def ran(folder) -> list[tuple[int, int, bool]]:
    names = [name.split(".") for name in os.listdir(folder)]
    return sorted((int(n), int(pid), ignores == "True") for n, pid, ignores in names)


def test_on_two_processes_each_piece_runs_once_elsewhere_and_ignores_ctrl_c(tmp_path):
    pieces = [(str(tmp_path), n) for n in range(20)]
    done = list(each_done(record, pieces, 2))
    assert sorted(done) == pieces
    runs = ran(tmp_path)
    assert [n for n, _, _ in runs] == list(range(20))
    pids = {pid for _, pid, _ in runs}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert all(ignores for _, _, ignores in runs), "a worker would print a traceback on Ctrl-C"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler, "the parent's is back"


def test_on_one_process_the_pieces_run_here_in_order(tmp_path):
    pieces = [(str(tmp_path), n) for n in range(5)]
    assert list(each_done(record, pieces, 1)) == pieces
    assert ran(tmp_path) == [(n, os.getpid(), False) for n in range(5)]


def test_an_error_in_a_process_is_raised_here_as_raised():
    with pytest.raises(ValueError, match="piece 3 went wrong"):
        list(each_done(fail_on_three, [(n,) for n in range(8)], 2))


def test_a_process_that_dies_is_said_from_the_catalog():
    with pytest.raises(CampaignKitError) as raised:
        list(each_done(die, [(n,) for n in range(4)], 2))
    assert raised.value.key == "worker_lost"
