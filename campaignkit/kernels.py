"""Warm kernels: start a kernel and import the stack once, then run many notebooks in it."""

import logging
import os
import subprocess
import tempfile

from jupyter_client.manager import KernelManager
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from . import paths

LOGGER = logging.getLogger("papermill")
WARM_UP = "import campaignkit.warm\ncampaignkit.warm.warm_up()"
RESET = "get_ipython().run_line_magic('reset', '-f')"


class WarmEngine(NBClientEngine):
    """Papermill's nbclient engine, run in a kernel that outlives the notebook."""

    @classmethod
    def execute_managed_notebook(
        cls, nb_man, kernel_name, log_output=False, start_timeout=60, km=None, **kwargs
    ):
        client = PapermillNotebookClient(
            nb_man,
            km=km,
            kernel_name=kernel_name,
            startup_timeout=start_timeout,
            timeout=kwargs.get("execution_timeout"),
            log=LOGGER,
            log_output=log_output,
        )
        try:
            return client.execute(cleanup_kc=False)
        finally:
            if client.kc is not None:
                client.kc.stop_channels()


papermill_engines.register("warm", WarmEngine)


class WarmKernel:
    """One kernel that has already imported and warmed up the rendering stack."""

    def __init__(self, kernel_name: str = "python3"):
        self.sockets = tempfile.TemporaryDirectory(prefix="campaignkit-kernel-")
        self.manager = KernelManager(
            kernel_name=kernel_name, transport="ipc", ip=os.path.join(self.sockets.name, "k")
        )
        self.start()

    def start(self):
        self.manager.start_kernel(cwd=str(paths.ROOT), stderr=subprocess.DEVNULL)
        self.run(WARM_UP)

    def run(self, code: str, timeout: float = 120):
        """Execute code in the kernel and wait for it; raise if it fails."""
        client = self.manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            reply = client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        finally:
            client.stop_channels()
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel code failed: {reply['content'].get('evalue')}")

    def reset(self):
        """A clean namespace for the next notebook; a dead kernel is restarted."""
        if not self.manager.is_alive():
            self.manager.cleanup_resources()
            self.start()
            return
        self.run(RESET)

    def shutdown(self):
        self.manager.shutdown_kernel(now=True)
        self.sockets.cleanup()
