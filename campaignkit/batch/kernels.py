"""Warm kernels: start a kernel and import the stack once, then run many notebooks in it."""

import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path
from queue import Empty

import psutil
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

from campaignkit import paths
from campaignkit.batch import kernel_folders, orphan
from campaignkit.batch.kept import IDLE_LIMIT, keep_seconds

LOGGER = logging.getLogger("papermill")
STOP_SECONDS = 5  # the most a client is waited for to close (stop_channels)
READY_FIRST_ASK = 0.05  # seconds before asking a kernel again whether it is there (doubling)
READY_MOST_ASK = 1.0
ENDING = threading.Lock()  # guards WarmKernel.ended
WARM_UP = "import campaignkit.batch.warm\ncampaignkit.batch.warm.warm_up({idle!r}, {folder!r})"


# IPython's reset, without the full garbage collection it ends with (its displayhook's
# flush): with the rendering stack loaded that took 0.1 to 0.3 s per job; the collector
# still runs as usual, on its own thresholds.
RESET = """
def _reset(gc=__import__("gc"), shell=get_ipython()):  # locals: reset clears the namespace
    collect, gc.collect = gc.collect, lambda *args, **kwargs: 0
    try:
        shell.run_line_magic("reset", "-f")
    finally:
        gc.collect = collect
_reset()
"""


class KeptNotebookManager(NotebookExecutionManager):
    """Papermill writes nothing itself: the executed notebook is kept for the build to
    write atomically, whatever happens to the run (error, timeout, interruption)."""

    def save(self, **kwargs):
        self.last_save_time = self.now()


class WarmEngine(NBClientEngine):
    """Papermill's nbclient engine, run in a kernel (and client) that outlive the notebook.

    `keep` (a list) receives the notebook being executed, so that it can be written even
    when the run raises; without `kernel`, papermill starts a kernel of its own.
    """

    @classmethod
    def execute_notebook(
        cls, nb, kernel_name, output_path=None, progress_bar=False, keep=None, **kwargs
    ):
        nb_man = KeptNotebookManager(nb, output_path=output_path, progress_bar=False)
        if keep is not None:
            keep.append(nb_man.nb)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, kernel=None, **kwargs):
        if kernel is None:
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.manager,
            kernel_name=kernel_name,
            startup_timeout=kwargs.get("start_timeout", 60),
            timeout=kwargs.get("execution_timeout"),
            log=LOGGER,
        )
        client.kc = kernel.cell_client
        return client.execute(cleanup_kc=False)


papermill_engines.register("warm", WarmEngine)


def idle_limit() -> float:
    """Seconds a kernel may stay idle before it ends itself: those it is kept for, or
    IDLE_LIMIT when none (a safety net for a build killed before it could shut it down)."""
    return keep_seconds() or IDLE_LIMIT


def wait_until_ready(client, timeout: float):
    """Until the kernel answers and its broadcasts (iopub) reach this client: asked again
    and again, until its "idle" after one of the questions comes back.

    jupyter_client's wait_for_ready then waits for 0.2 s of silence on iopub: a quarter
    of a second lost on each kernel a build takes, and forever for a kernel that keeps
    printing (a thread some notebook left behind).
    """
    deadline, every, asked = time.monotonic() + timeout, READY_FIRST_ASK, set()
    while time.monotonic() < deadline:
        asked.add(client.kernel_info())  # a subscription still connecting misses the answer
        until = min(deadline, time.monotonic() + every)
        while (left := until - time.monotonic()) > 0:
            try:
                message = client.get_iopub_msg(timeout=left)
            except Empty:
                break
            answered = message["parent_header"].get("msg_id") in asked
            if answered and message["content"].get("execution_state") == "idle":
                return
        every = min(2 * every, READY_MOST_ASK)
    raise RuntimeError(f"the kernel did not answer within {timeout:g} s")


class AttachedManager(KernelManager):
    """The manager of a kernel an earlier build started: there already, never to be started
    (nbclient starts one when its manager has none), nor shut down by it."""

    @property
    def has_kernel(self) -> bool:
        return True


class WarmKernel:
    """One kernel, with a connected client, that has already imported the rendering stack.

    The kernel's sockets and TMPDIR are in a folder of its own, removed with it: whatever
    it leaves there (WeasyPrint's font folders) goes when the kernel is shut down, and a
    kernel idle for `idle_limit()` seconds (its build killed, or kept and never taken
    again: batch/kept.py) ends itself and removes the folder.
    """

    ended = False  # shut down (for kernels made by __init__ as by recorded())

    def __init__(self, kernel_name: str = "python3"):
        self.kernel_name = kernel_name
        self.folder = kernel_folders.new_folder()
        self.manager = None
        self.pid = self.born = None  # the process, and when it started (a pid is reused)
        self.client = None  # blocking: warm-up and reset
        self.cell_client = None  # asynchronous, as nbclient needs for its cell timeout

    def start(self):
        kernel_folders.remove_abandoned()  # those of kernels killed outright
        tmp = self.folder / "tmp"
        tmp.mkdir(exist_ok=True)
        self.manager = KernelManager(
            kernel_name=self.kernel_name, transport="ipc", ip=str(self.folder / "k")
        )
        self.manager.start_kernel(
            cwd=str(paths.ROOT),
            env={**os.environ, "TMPDIR": str(tmp)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # a kept kernel must not hold the build's output open
            stderr=subprocess.DEVNULL,
            independent=True,  # it may outlive the build that started it (batch/kept.py)
            extra_arguments=[
                "--HistoryManager.enabled=False",
                f"--IPKernelApp.exec_lines={orphan.start_line(self.folder)}",
            ],
        )
        self.pid = self.manager.provisioner.process.pid
        self.born = psutil.Process(self.pid).create_time()
        self.connect(self.manager.get_connection_info())
        self.run(WARM_UP.format(idle=idle_limit(), folder=str(self.folder)))
        return self

    @classmethod
    def recorded(cls, pid: int, born: float, folder: str) -> "WarmKernel":
        """A kernel an earlier build started, as its record describes it: not connected."""
        kernel = cls.__new__(cls)
        kernel.kernel_name = "python3"
        kernel.folder, kernel.pid, kernel.born = Path(folder), pid, born
        kernel.manager = kernel.client = kernel.cell_client = None
        return kernel

    @classmethod
    def attach(cls, connection: dict, pid: int, born: float, folder: str) -> "WarmKernel":
        """A kernel started by an earlier build (batch/kept.py), connected again; raises
        RuntimeError when that process is gone."""
        kernel = cls.recorded(pid, born, folder)
        if not kernel.alive():
            raise RuntimeError(f"kernel {pid} is gone")
        kernel.manager = AttachedManager(owns_kernel=False)
        kernel.manager.load_connection_info(connection)
        try:
            kernel.connect(connection, ready_within=10)
        except BaseException:
            kernel.shutdown()  # alive but not answering: of no use to anyone
            raise
        return kernel

    def connect(self, connection: dict, ready_within: float = 60):
        self.client = self.manager.client()
        self.client.start_channels()
        wait_until_ready(self.client, ready_within)
        # a session of its own (same key): two clients sharing one stall each other
        info = {k: v for k, v in connection.items() if k not in ("key", "signature_scheme")}
        key = connection["key"]
        key = key.encode() if isinstance(key, str) else key  # a kept kernel's record: text
        session = Session(key=key, signature_scheme=connection["signature_scheme"])
        self.cell_client = AsyncKernelClient(**info, session=session)
        self.cell_client.start_channels()

    def connection(self) -> dict:
        """What another process needs to connect to this kernel (its key included)."""
        info = self.manager.get_connection_info()
        return {k: v.decode() if isinstance(v, bytes) else v for k, v in info.items()}

    def run(self, code: str, timeout: float = 120):
        """Execute code in the kernel and wait for it; raise if it fails."""
        reply = self.client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel code failed: {reply['content'].get('evalue')}")

    def alive(self) -> bool:
        """True while this very process runs (not another one that got its pid since)."""
        try:
            process = psutil.Process(self.pid)
            return process.create_time() == self.born and process.status() != psutil.STATUS_ZOMBIE
        except (psutil.Error, ValueError, TypeError):
            return False

    def reset(self):
        """A clean namespace for the next notebook; a dead kernel is restarted."""
        if not self.alive():
            self.stop_channels()
            if self.manager.owns_kernel:
                self.manager.cleanup_resources()
            self.start()
            return
        self.run(RESET)

    def interrupt(self):
        """Stop the cell running (a KeyboardInterrupt in it); an idle kernel ignores it."""
        if self.alive():
            os.kill(self.pid, signal.SIGINT)

    def stop_channels(self):
        """Close both clients, each within STOP_SECONDS: ending a zmq context waits for every
        socket of it to close, and one left open by a job stopped mid-request (Ctrl-C) made
        a fresh-clone test run wait forever there. A client that does not close in time is
        left to the process's end."""
        for client in (self.cell_client, self.client):
            if client is not None:
                closing = threading.Thread(target=client.stop_channels, daemon=True)
                closing.start()
                closing.join(STOP_SECONDS)

    def shutdown(self):
        """End the kernel, once: a worker and Ctrl-C's wind-down may both ask at the same time,
        and two threads closing one client end its zmq context twice (ZMQError)."""
        with ENDING:
            if self.ended:
                return
            self.ended = True
        try:
            self.stop_channels()
            if self.manager is not None and self.manager.owns_kernel and self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)
            elif self.alive():  # attached: not ours to manage, but ours to end
                os.kill(self.pid, signal.SIGKILL)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
