"""Warm kernels: start a kernel and import the stack once, then run many notebooks in it."""

import logging
import os
import subprocess
import tempfile
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

from campaignkit import paths

LOGGER = logging.getLogger("papermill")
WARM_UP = "import campaignkit.batch.warm\ncampaignkit.batch.warm.warm_up()"
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


class WarmKernel:
    """One kernel, with a connected client, that has already imported the rendering stack.

    The kernel's TMPDIR is a folder of its own, removed with it: whatever it leaves there
    (WeasyPrint's font folders) goes when the kernel is shut down, even if it is killed.
    """

    def __init__(self, kernel_name: str = "python3"):
        self.sockets = tempfile.TemporaryDirectory(prefix="campaignkit-kernel-")
        self.tmp = Path(self.sockets.name) / "tmp"
        self.manager = KernelManager(
            kernel_name=kernel_name, transport="ipc", ip=os.path.join(self.sockets.name, "k")
        )
        self.client = None  # blocking: warm-up and reset
        self.cell_client = None  # asynchronous, as nbclient needs for its cell timeout

    def start(self):
        self.tmp.mkdir(exist_ok=True)
        self.manager.start_kernel(
            cwd=str(paths.ROOT),
            env={**os.environ, "TMPDIR": str(self.tmp)},
            stderr=subprocess.DEVNULL,
            extra_arguments=["--HistoryManager.enabled=False"],
        )
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        # a session of its own (same key): two clients sharing one stall each other
        info = self.manager.get_connection_info()
        key, scheme = info.pop("key"), info.pop("signature_scheme")
        session = Session(key=key, signature_scheme=scheme)
        self.cell_client = AsyncKernelClient(**info, session=session)
        self.cell_client.start_channels()
        self.run(WARM_UP)
        return self

    def run(self, code: str, timeout: float = 120):
        """Execute code in the kernel and wait for it; raise if it fails."""
        reply = self.client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel code failed: {reply['content'].get('evalue')}")

    def reset(self):
        """A clean namespace for the next notebook; a dead kernel is restarted."""
        if not self.manager.is_alive():
            self.stop_channels()
            self.manager.cleanup_resources()
            self.start()
            return
        self.run(RESET)

    def interrupt(self):
        """Stop the cell running (a KeyboardInterrupt in it); an idle kernel ignores it."""
        if self.manager.has_kernel:
            self.manager.interrupt_kernel()

    def stop_channels(self):
        for client in (self.client, self.cell_client):
            if client is not None:
                client.stop_channels()

    def shutdown(self):
        try:
            self.stop_channels()
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)
        finally:
            self.sockets.cleanup()
