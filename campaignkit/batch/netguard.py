"""No network during a build: any Python socket to a non-local address is refused."""

import socket
import sys

LOCAL_PREFIXES = ("127.", "::1", "localhost")
_installed = False


class NetworkBlocked(PermissionError):
    """A build tried to reach the network."""


def _is_local(address) -> bool:
    if isinstance(address, tuple) and address:
        return str(address[0]).startswith(LOCAL_PREFIXES)
    return isinstance(address, str | bytes)  # AF_UNIX paths stay on this machine


def _hook(event: str, args: tuple):
    if event == "socket.connect" and args[0].family != socket.AF_UNIX and not _is_local(args[1]):
        raise NetworkBlocked(f"network access is blocked during a build: {args[1]!r}")
    if event == "socket.getaddrinfo" and not str(args[0]).startswith(LOCAL_PREFIXES):
        raise NetworkBlocked(f"network access is blocked during a build: {args[0]!r}")


def forbid_network():
    """Refuse, for the rest of this process, every connection that would leave the machine."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
