"""Small loopback servers the security tests (and bench/faults.py) misbehave with."""

import socket
import threading


class StalledSMTPServer:
    """Accepts TCP connections and never says a word: the mail server that once held every gunicorn worker."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)  # kept open, never answered

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()
