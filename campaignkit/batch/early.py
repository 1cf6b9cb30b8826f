"""A kernel started while the build still plans, when it will most likely have jobs to run.

Starting a kernel and importing the rendering stack takes about as long as the build's own
start (imports, reading the campaign, fingerprints); done side by side on a machine with
two cores, a small rebuild waits for neither. A build with nothing to do starts none: a
kernel is started early only when a file of the campaign or of the kit is newer than the
last build's record.
"""

import threading

from campaignkit import paths


def changed_since_last_build(campaign, out_dir) -> bool:
    """True when some file of the campaign or of the kit is newer than the oldest manifest
    in out_dir, or there is none yet (a guess: the fingerprints decide what is remade)."""
    root = paths.resolve(campaign)
    if not (root / "campaign.yaml").is_file():
        return False  # not a campaign: the build only says so
    built = [p.stat().st_mtime_ns for p in paths.resolve(out_dir).glob("*/manifest.json")]
    if not built:
        return True
    since = min(built)
    files = [p for p in root.rglob("*") if p.is_file()] + paths.kit_files()
    return any(p.stat().st_mtime_ns > since for p in files)


class EarlyKernel:
    """A warm kernel starting in a thread of its own; the first worker takes it."""

    def __init__(self):
        self.kernel, self.error = None, None
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._start, daemon=True, name="early-kernel")
        self.thread.start()

    def _start(self):
        try:
            from campaignkit.batch.kernels import WarmKernel

            self.kernel = WarmKernel()
            self.kernel.start()
        except Exception as error:  # noqa: BLE001 - the worker then starts one of its own
            self.error = error

    def take(self):
        """The started kernel, once; None when it failed or was taken already."""
        with self.lock:
            self.thread.join()
            kernel, self.kernel = self.kernel, None
        if kernel is not None and self.error is not None:
            kernel.shutdown()
            return None
        return kernel

    def close(self):
        """Shut the kernel down when no worker took it (nothing to do after all)."""
        kernel = self.take()
        if kernel is not None:
            kernel.shutdown()
