"""A preheated kernel gets its page's address from the Voila server's websocket, as Voila's
own helper would give it, without importing Voila into the kernel."""

import json
import socket
import threading

import pytest
from websockets.sync.server import serve

from campaignkit.editor.preheat import preheated, receive_address


def test_the_kernel_gets_the_address_of_the_page_asked_for():
    asked = []

    def voila_query(connection):
        asked.append(connection.request.path)
        connection.send(json.dumps({"QUERY_STRING": "region=estrie&lang=en"}))

    with serve(voila_query, "127.0.0.1", 0) as server:
        port = server.socket.getsockname()[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        environ = {
            "VOILA_PREHEAT": "True",
            "VOILA_APP_PORT": str(port),
            "VOILA_SERVER_URL": "/workbook/",
            "VOILA_KERNEL_ID": "kernel-1",
        }
        receive_address(environ)
        server.shutdown()
    assert asked == ["/workbook/voila/query/kernel-1"]
    assert environ["QUERY_STRING"] == "region=estrie&lang=en" and preheated(environ)


def test_no_server_to_answer_leaves_the_address_unset_and_says_so():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once closed
    environ = {"VOILA_APP_PORT": str(port), "VOILA_KERNEL_ID": "kernel-1"}
    with pytest.warns(UserWarning, match="no page address"):
        receive_address(environ)
    assert "QUERY_STRING" not in environ and not preheated(environ)
