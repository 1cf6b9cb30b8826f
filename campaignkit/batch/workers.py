"""The build's workers: threads that each keep a warm kernel, and how they are stopped.

A worker's failure that is not its job's (a file that cannot be written, a bug) reaches
the calling thread, which stops every worker and raises it. Ctrl-C stops the scheduling,
interrupts the jobs running, shuts every kernel down and raises BuildInterrupted.
"""

import threading
import time
from queue import Empty, Queue

from campaignkit.batch.jobs import CELL_TIMEOUT, Job, Outcome, run_job
from campaignkit.batch.progress import progress_bar
from campaignkit.exceptions import BuildInterrupted, WriteFailed

GRACE = 10  # seconds the running jobs get to stop after an interruption, before kernels are killed


class Workers:
    """Jobs run on `count` threads; `done(outcome)` runs in the worker (preflight)."""

    def __init__(
        self, todo, campaign_id, out_dir, count, done=None, timeout=CELL_TIMEOUT, early=None
    ):
        self.todo, self.campaign_id, self.out_dir = list(todo), campaign_id, out_dir
        self.done, self.timeout, self.early = done, timeout, early
        self.pending: Queue[Job] = Queue()
        for job in self.todo:
            self.pending.put(job)
        self.finished: Queue[tuple[str, object]] = Queue()
        self.stop = threading.Event()
        self.kernels: set = set()
        self.kernels_lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self.work, daemon=True, name=f"worker-{n}")
            for n in range(max(1, min(count, len(self.todo))))
        ]

    def work(self):
        kernel, ended_well = None, False
        try:
            while not self.stop.is_set():
                try:
                    job = self.pending.get_nowait()
                except Empty:
                    break
                outcome, kernel = self.run_one(job, kernel)
                self.finished.put(("outcome", self.done(outcome) if self.done else outcome))
            ended_well = not self.stop.is_set()
        except BaseException as error:  # noqa: BLE001 - the calling thread decides
            self.finished.put(("fatal", error))
        finally:
            if ended_well:
                self.keep(kernel)
            else:
                self.discard(kernel)
            self.finished.put(("exit", None))

    def run_one(self, job: Job, kernel):
        """One job in a ready kernel; a broken kernel fails its job only, and is replaced."""
        executed = job.executed_path(self.out_dir, self.campaign_id)
        try:
            waited = time.perf_counter()
            if kernel is None:
                kernel = self.new_kernel()
            else:
                kernel.reset()
            if self.stop.is_set():
                return Outcome(job, executed, "cancelled", cancelled=True), kernel
            started = time.perf_counter()
            outcome = run_job(job, self.campaign_id, self.out_dir, kernel, self.timeout)
            outcome.seconds = round(time.perf_counter() - started, 3)
            outcome.kernel_seconds = round(started - waited, 3)
        except WriteFailed:
            raise
        except Exception as error:  # noqa: BLE001 - a broken kernel fails its job only
            outcome = Outcome(job, executed, repr(error), cancelled=self.stop.is_set())
            return outcome, self.discard(kernel)
        if self.stop.is_set() and outcome.error:
            outcome.cancelled = True
        if outcome.spoiled_kernel:
            kernel = self.discard(kernel)
        return outcome, kernel

    def new_kernel(self):
        """A started warm kernel, known to the pool from before it starts (to interrupt it):
        one kept by the last build (batch/kept.py), else the one started early
        (batch/early.py), else a new one."""
        from campaignkit.batch import kept
        from campaignkit.batch.kernels import WarmKernel

        started = kept.take(self.out_dir)
        if started is None and self.early is not None:
            started = self.early.take()
        if started is not None:
            with self.kernels_lock:
                self.kernels.add(started)
            return started

        kernel = WarmKernel()
        with self.kernels_lock:
            self.kernels.add(kernel)
        try:
            return kernel.start()
        except BaseException:
            self.discard(kernel)
            raise

    def keep(self, kernel) -> None:
        """Leave a worker's kernel for the next build (batch/kept.py), or shut it down."""
        if kernel is None:
            return
        from campaignkit.batch import kept

        with self.kernels_lock:
            self.kernels.discard(kernel)
        try:
            kept.keep(kernel, self.out_dir)
        except Exception:  # noqa: BLE001 - not kept after all
            self.discard(kernel)

    def discard(self, kernel) -> None:
        """Shut a worker's kernel down, whatever state it is in."""
        if kernel is None:
            return
        with self.kernels_lock:
            self.kernels.discard(kernel)
        try:
            kernel.shutdown()
        except Exception:  # noqa: BLE001 - it may already be dead
            pass

    def run(self, progress=True, report=None) -> list[Outcome]:
        """Start the workers and collect every outcome; `report(outcome, n, total)` as each ends."""
        for thread in self.threads:
            thread.start()
        outcomes: list[Outcome] = []
        running = len(self.threads)
        with progress_bar(len(self.todo), progress) as ended:
            try:
                while running:
                    kind, value = self.next_message()
                    if kind == "exit":
                        running -= 1
                    elif kind == "fatal":
                        self.wind_down(outcomes)
                        raise value
                    elif kind == "outcome":
                        outcomes.append(value)
                        ended(value.job.label)
                        if report is not None:
                            report(value, len(outcomes), len(self.todo))
            except KeyboardInterrupt:
                self.wind_down(outcomes)
                finished = sum(not o.cancelled and not o.error for o in outcomes)
                raise BuildInterrupted(finished, len(self.todo) - finished) from None
        return outcomes

    def next_message(self):
        while True:
            try:
                return self.finished.get(timeout=0.5)
            except Empty:
                continue

    def wind_down(self, outcomes: list[Outcome]):
        """Stop scheduling, interrupt running jobs, and shut every kernel down."""
        self.stop.set()
        deadline = time.monotonic() + GRACE
        try:
            while any(t.is_alive() for t in self.threads) and time.monotonic() < deadline:
                self.interrupt_all()
                self.collect(outcomes, 1.0)
        except KeyboardInterrupt:
            pass  # a second Ctrl-C: stop waiting
        with self.kernels_lock:
            left = list(self.kernels)
        for kernel in left:
            self.discard(kernel)
        for thread in self.threads:
            thread.join(timeout=5)

    def interrupt_all(self):
        with self.kernels_lock:
            kernels = list(self.kernels)
        for kernel in kernels:
            try:
                kernel.interrupt()
            except Exception:  # noqa: BLE001 - starting or already gone
                pass

    def collect(self, outcomes: list[Outcome], wait: float):
        """Keep the outcomes that arrive while stopping (their manifest entries are written)."""
        try:
            kind, value = self.finished.get(timeout=wait)
        except Empty:
            return
        if kind == "outcome":
            outcomes.append(value)


def run_jobs(
    todo: list[Job],
    campaign_id: str,
    out_dir,
    workers: int,
    progress=True,
    done=None,
    report=None,
    timeout=CELL_TIMEOUT,
    early=None,
) -> list[Outcome]:
    """Run jobs on `workers` threads, each with its own warm kernel; return every outcome.

    `done(outcome)` runs in the worker (preflight); `report(outcome, count, total)` runs in
    the calling thread as each job ends (progress bars); `early`: a kernel already starting
    (batch/early.py), which the first worker takes.
    """
    pool = Workers(todo, campaign_id, out_dir, workers, done, timeout, early)
    return pool.run(progress, report)
