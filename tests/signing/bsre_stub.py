"""A loopback stand-in for a kabupaten's BSrE esign-client: same endpoint, fields and error JSON.

It signs for real (pyHanko, with a test "BSrE" CA made here), so verify_pdf can tell a BSrE signature when the
BSrE root is configured. Modes: answer at once, answer after `delay` seconds (a hung BSrE), or answer JSON with
`id_dokumen` and serve the file from /api/sign/download/<id> (newer esign-clients).
"""

import base64
import email.parser
import email.policy
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desa_platform.signing import SignatureBox, Signer, pades

from .helpers import foreign_chain

USER, PASSWORD = "esign", "rahasia-aplikasi"


class BsreStub:
    def __init__(self, users: dict[str, tuple[str, str, str]], signer_name: str = "SUTRISNO"):
        self.users = users  # nik -> (passphrase, name, jabatan)
        self.delay = 0.0
        self.by_id = False
        self.requests: list[dict] = []
        self.documents: dict[str, bytes] = {}
        key, cert, chain, self.root = foreign_chain(common_name=signer_name)
        self.signer = pades.simple_signer(key, cert, chain)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, fields: dict, files: dict) -> tuple[int, str, bytes]:
        nik, passphrase = fields.get("nik", ""), fields.get("passphrase", "")
        if nik not in self.users:
            return 400, "application/json", json.dumps({"error": "User tidak terdaftar", "status_code": 2011}).encode()
        expected, name, jabatan = self.users[nik]
        if passphrase != expected:
            return 400, "application/json", json.dumps({"error": "Passphrase anda salah", "status_code": 2031}).encode()
        x, y = float(fields["xAxis"]), float(fields["yAxis"])
        box = SignatureBox(int(fields["page"]) - 1, x, y, x + float(fields["width"]), y + float(fields["height"]))
        signed = pades.sign(files["file"], self.signer, Signer("bsre", name, jabatan), box, reason=fields["reason"])
        if self.by_id:
            document_id = uuid.uuid4().hex
            self.documents[document_id] = signed
            return 200, "application/json", json.dumps({"id_dokumen": document_id}).encode()
        return 200, "application/pdf", signed

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _authorised(self):
                expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    self._send(401, "text/html", b"<html><body>401 Unauthorized</body></html>")
                    return False
                return True

            def do_GET(self):
                if not self._authorised():
                    return
                document_id = self.path.rsplit("/", 1)[-1]
                if self.path.startswith("/api/sign/download/") and document_id in stub.documents:
                    self._send(200, "application/pdf", stub.documents.pop(document_id))
                else:
                    self._send(404, "application/json", b'{"error": "Dokumen tidak ditemukan", "status_code": 404}')

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if not self._authorised():
                    return
                if self.path != "/api/sign/pdf":
                    self._send(404, "text/plain", b"not found")
                    return
                head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
                message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
                fields, files = {}, {}
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    if part.get_filename():
                        files[name] = part.get_payload(decode=True)
                    else:
                        fields[name] = part.get_payload(decode=True).decode()
                stub.requests.append({"fields": fields, "files": sorted(files)})
                if stub.delay:
                    time.sleep(stub.delay)
                try:
                    self._send(*stub._answer(fields, files))
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): as a real server would, carry on

        return Handler
