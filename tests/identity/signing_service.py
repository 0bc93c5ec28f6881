"""A local trusted-profile signing service, run as its own process by the tests: a real HTTP server speaking the
protocol of `applications.signatures.trusted_profile`, signing with signxml XAdES under its own test certificate.

    python -m tests.identity.signing_service PORT KEY.pem CERT.pem
"""

from __future__ import annotations

import base64
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode

from lxml import etree

NS = "urn:mos:trusted-profile-signing:1"
DOCUMENTS: dict[str, dict] = {}
LOCK = threading.Lock()


def sign(document: bytes, identity: dict[str, str], key: bytes, cert: str) -> bytes:
    from signxml import methods
    from signxml.xades import XAdESSigner

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.Element(f"{{{NS}}}SignedDocument", nsmap={None: NS})
    root.append(etree.fromstring(document, parser=parser))
    who = etree.SubElement(root, f"{{{NS}}}SignerIdentity", Id="signer-identity")
    for tag, value in (
        ("GivenName", identity["given_name"]),
        ("Surname", identity["surname"]),
        ("PESEL", identity["pesel"]),
    ):
        etree.SubElement(who, f"{{{NS}}}{tag}").text = value
    signer = XAdESSigner(method=methods.enveloped, signature_algorithm="ecdsa-sha256")
    signed = signer.sign(root, key=key, cert=cert, reference_uri=["#application", "#signer-identity"])
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


class Handler(BaseHTTPRequestHandler):
    key: bytes = b""
    cert: str = ""

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "application/json", headers=None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        if parts == ["health"]:
            return self._send(200, b"{}")
        if len(parts) == 2 and parts[0] == "sign" and parts[1] in DOCUMENTS:
            form = (
                "<!doctype html><title>Profil zaufany</title><form method=post>"
                "<input name=given_name><input name=surname><input name=pesel>"
                "<button name=action value=sign>Podpisz</button><button name=action value=cancel>Anuluj</button></form>"
            )
            return self._send(200, form.encode(), "text/html; charset=utf-8")
        if len(parts) == 3 and parts[0] == "documents" and parts[2] == "signed":
            entry = DOCUMENTS.get(parts[1])
            if entry is None:
                return self._send(404)
            if entry.get("signed") is None:
                return self._send(409)
            return self._send(200, entry["signed"], "application/xml")
        return self._send(404)

    def do_POST(self) -> None:
        parts = self.path.strip("/").split("/")
        if parts == ["documents"]:
            body = json.loads(self._body())
            reference = secrets.token_hex(8)
            with LOCK:
                DOCUMENTS[reference] = {
                    "document": base64.b64decode(body["document"]),
                    "success_url": body["success_url"],
                    "failure_url": body["failure_url"],
                }
            host = self.headers.get("Host")
            return self._send(
                201, json.dumps({"id": reference, "sign_url": f"http://{host}/sign/{reference}"}).encode()
            )
        if len(parts) == 2 and parts[0] == "sign" and parts[1] in DOCUMENTS:
            form = {k: v[0] for k, v in parse_qs(self._body().decode()).items()}
            entry = DOCUMENTS[parts[1]]
            if form.get("action") != "sign":
                return self._send(303, headers={"Location": entry["failure_url"]})
            identity = {k: form.get(k, "") for k in ("given_name", "surname", "pesel")}
            entry["signed"] = sign(entry["document"], identity, self.key, self.cert)
            separator = "&" if "?" in entry["success_url"] else "?"
            location = entry["success_url"] + separator + urlencode({"id": parts[1]})
            return self._send(303, headers={"Location": location})
        return self._send(404)


def main() -> None:
    port, key_file, cert_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    Handler.key = open(key_file, "rb").read()  # noqa: SIM115
    Handler.cert = open(cert_file).read()  # noqa: SIM115
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
