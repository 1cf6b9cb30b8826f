"""Warm kernels: start a kernel and import the stack once, then run many notebooks in it."""

import logging
import os
import subprocess
import tempfile

from jupyter_client.manager import KernelManager
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

from campaignkit import paths

LOGGER = logging.getLogger("papermill")
WARM_UP = "import campaignkit.batch.warm\ncampaignkit.batch.warm.warm_up()"
RESET = "get_ipython().run_line_magic('reset', '-f')"


class WriteOnceManager(NotebookExecutionManager):
    """Papermill writes the executed notebook when it ends; skip the writes after each cell."""

    def save(self, **kwargs):
        self.last_save_time = self.now()


class WarmEngine(NBClientEngine):
    """Papermill's nbclient engine, run in a kernel (and client) that outlive the notebook."""

    @classmethod
    def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=False, **kwargs):
        nb_man = WriteOnceManager(nb, output_path=output_path, progress_bar=False)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, kernel=None, **kwargs):
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.manager,
            kernel_name=kernel_name,
            startup_timeout=kwargs.get("start_timeout", 60),
            timeout=kwargs.get("execution_timeout"),
            log=LOGGER,
        )
        client.kc = kernel.client
        return client.execute(cleanup_kc=False)


papermill_engines.register("warm", WarmEngine)


class WarmKernel:
    """One kernel, with a connected client, that has already imported the rendering stack."""

    def __init__(self, kernel_name: str = "python3"):
        self.sockets = tempfile.TemporaryDirectory(prefix="campaignkit-kernel-")
        self.manager = KernelManager(
            kernel_name=kernel_name, transport="ipc", ip=os.path.join(self.sockets.name, "k")
        )
        self.client = None
        self.start()

    def start(self):
        self.manager.start_kernel(
            cwd=str(paths.ROOT),
            stderr=subprocess.DEVNULL,
            extra_arguments=["--HistoryManager.enabled=False"],
        )
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        self.run(WARM_UP)

    def run(self, code: str, timeout: float = 120):
        """Execute code in the kernel and wait for it; raise if it fails."""
        reply = self.client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel code failed: {reply['content'].get('evalue')}")

    def reset(self):
        """A clean namespace for the next notebook; a dead kernel is restarted."""
        if not self.manager.is_alive():
            self.client.stop_channels()
            self.manager.cleanup_resources()
            self.start()
            return
        self.run(RESET)

    def shutdown(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)
        self.sockets.cleanup()
