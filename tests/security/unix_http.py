"""HTTP over a unix socket, the way nginx talks to gunicorn in the documented deployment."""

import http.client
import re
import socket
from http.cookies import SimpleCookie


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=20):
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


class Browser:
    """Keeps cookies; every request carries the X-Forwarded-For nginx would append for `address`."""

    def __init__(self, socket_path, host):
        self.socket_path, self.host, self.cookies = socket_path, host, SimpleCookie()

    def request(self, method, path, address, body=b"", headers=None):
        conn = UnixHTTPConnection(self.socket_path)
        all_headers = {"Host": self.host, "X-Forwarded-For": address, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        conn.close()
        return response.status, text

    def login(self, username, password, address):
        from urllib.parse import urlencode

        status, page = self.request("GET", "/admin/login/", address)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password}).encode()
        return self.request(
            "POST",
            "/admin/login/",
            address,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://{self.host}/admin/login/"},
        )[0]
