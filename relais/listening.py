"""Listening sockets for the commands that serve (the preview, the report intake), opened before any work.

Each command binds its port first, so that a port in use is said in its own plain words before anything
is built or started.
"""

from __future__ import annotations

import socket


def open_listener(host: str, port: int, backlog: int = 64) -> socket.socket:
    """A socket listening on ``host:port`` (IPv6 when the host is one); OSError when the port cannot be used."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port left by a stopped server is free again
    try:
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    return sock
