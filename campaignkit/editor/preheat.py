"""A preheated Voila kernel waits for its page's address: what Voila's own wait_for_request
does, without importing Voila's server into every kernel (2.5 s of CPU each, spent while
the machine's two cores serve a page).

Voila starts kernels before any page is asked for (preheat_kernel) and runs the notebook
in them; when a page is asked for, the Voila server sends its address (QUERY_STRING and the
other CGI variables) on the websocket voila/query/<kernel id>, keeping it until the kernel
connects. As Voila's helper does, the address is put into os.environ.
"""

import json
import os
import threading
import warnings

OPEN_SECONDS = 5  # as Voila's helper


def preheated(environ=None) -> bool:
    """Whether this kernel was started by Voila before its page was asked for."""
    environ = os.environ if environ is None else environ
    return environ.get("VOILA_PREHEAT", "False") != "False"


def query_url(environ) -> str:
    """The Voila server's websocket that gives this kernel its page's address."""
    protocol = environ.get("VOILA_WS_PROTOCOL", "ws")
    host = environ.get("VOILA_APP_IP", "127.0.0.1")
    port = environ.get("VOILA_APP_PORT", "8866")
    base = environ.get("VOILA_WS_BASE_URL", environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{environ.get('VOILA_KERNEL_ID')}"


def receive_address(environ=None):
    """Wait for the page's address and put it into `environ` (os.environ)."""
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    environ = os.environ if environ is None else environ
    url = query_url(environ)
    try:
        with connect(url, open_timeout=OPEN_SECONDS, proxy=None) as socket:
            environ.update(json.loads(socket.recv()))
    except (OSError, TimeoutError, WebSocketException) as error:  # the page opens as asked
        warnings.warn(f"no page address from {url}: {error}", stacklevel=1)  # without it


class PageAddress:
    """Listens for the page's address from the moment it is made (a thread), so the address
    is there as soon as the page is asked for, even while the kernel is still busy."""

    def __init__(self):
        self.thread = threading.Thread(target=receive_address, daemon=True)
        self.thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the address has come (waiting `timeout` seconds at most)."""
        self.thread.join(timeout)
        return not self.thread.is_alive()
