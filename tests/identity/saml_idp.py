"""A local national login node for the tests: pysaml2's identity provider in its own HTTP server process, with its
own keys and metadata.

    python -m tests.identity.saml_idp CONFIG.json     (written by `write_idp_config`)
"""

from __future__ import annotations

import html
import json
import secrets
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ATTRIBUTE_MAPS = str(Path(__file__).resolve().parents[2] / "accounts" / "saml_attributemaps")


def idp_config_dict(base_url: str, key_file: str, cert_file: str, sp_metadata: str | None) -> dict:
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT

    config = {
        "entityid": f"{base_url}/metadata",
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "attribute_map_dir": ATTRIBUTE_MAPS,
        "key_file": key_file,
        "cert_file": cert_file,
        "service": {
            "idp": {
                "name": "Test national node",
                "endpoints": {
                    "single_sign_on_service": [(f"{base_url}/sso/redirect", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(f"{base_url}/slo/redirect", BINDING_HTTP_REDIRECT)],
                },
                "policy": {
                    "default": {
                        "lifetime": {"minutes": 5},
                        "attribute_restrictions": None,
                        "name_form": NAME_FORMAT_URI,
                    }
                },
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "want_authn_requests_signed": True,
            }
        },
    }
    if sp_metadata:
        config["metadata"] = {"local": [sp_metadata]}
    return config


def idp_metadata(base_url: str, key_file: str, cert_file: str) -> bytes:
    from saml2.config import IdPConfig
    from saml2.metadata import create_metadata_string

    config = IdPConfig()
    config.load(idp_config_dict(base_url, key_file, cert_file, None))
    return create_metadata_string(None, config=config, valid=24, sign=False)


class Handler(BaseHTTPRequestHandler):
    server_entity = None
    pending: dict[str, dict] = {}

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        from saml2 import BINDING_HTTP_REDIRECT

        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        idp = self.server_entity
        if url.path == "/health":
            return self._send(200, b"ok")
        if url.path == "/sso/redirect":
            request = idp.parse_authn_request(
                query["SAMLRequest"],
                BINDING_HTTP_REDIRECT,
                relay_state=query.get("RelayState"),
                sigalg=query.get("SigAlg"),
                signature=query.get("Signature"),
            )
            key = secrets.token_hex(8)
            self.pending[key] = {"request": request.message, "relay_state": query.get("RelayState", "")}
            form = (
                f"<!doctype html><title>login.gov.pl (test)</title><form method=post action=/sso/login>"
                f"<input type=hidden name=key value={key}><input name=given_name><input name=family_name>"
                f"<input name=date_of_birth><input name=person_identifier><button>Zaloguj</button></form>"
            )
            return self._send(200, form.encode())
        if url.path == "/slo/redirect":
            request = idp.parse_logout_request(
                query["SAMLRequest"],
                BINDING_HTTP_REDIRECT,
                relay_state=query.get("RelayState"),
                sigalg=query.get("SigAlg"),
                signature=query.get("Signature"),
            )
            response = idp.create_logout_response(request.message, [BINDING_HTTP_REDIRECT], sign=False)
            destination = idp.config.metadata.single_logout_service(
                request.message.issuer.text, BINDING_HTTP_REDIRECT, "spsso"
            )[0]["location"]
            from saml2.xmldsig import SIG_RSA_SHA256

            info = idp.apply_binding(
                BINDING_HTTP_REDIRECT,
                str(response),
                destination,
                query.get("RelayState", ""),
                response=True,
                sign=True,
                sigalg=SIG_RSA_SHA256,
            )
            return self._send(303, headers={"Location": dict(info["headers"])["Location"]})
        return self._send(404)

    def do_POST(self) -> None:
        from saml2 import BINDING_HTTP_POST
        from saml2.saml import AUTHN_PASSWORD_PROTECTED, NAMEID_FORMAT_PERSISTENT, NameID

        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        form = {k: v[0] for k, v in parse_qs(body).items()}
        if urlsplit(self.path).path != "/sso/login" or form.get("key") not in self.pending:
            return self._send(404)
        pending = self.pending.pop(form["key"])
        idp = self.server_entity
        args = idp.response_args(pending["request"], [BINDING_HTTP_POST])
        identity = {
            k: [form[k]] for k in ("given_name", "family_name", "date_of_birth", "person_identifier") if form.get(k)
        }
        subject = form.get("person_identifier") or form.get("family_name", "")
        response = idp.create_authn_response(
            identity,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=f"node-{subject}"),
            authn={"class_ref": AUTHN_PASSWORD_PROTECTED, "authn_auth": idp.config.entityid},
            sign_assertion=True,
            sign_response=True,
            **args,
        )
        info = idp.apply_binding(
            BINDING_HTTP_POST, str(response), args["destination"], pending["relay_state"], response=True
        )
        page = info["data"] if isinstance(info["data"], str) else "".join(info["data"])
        return self._send(200, page.encode())


def main() -> None:
    from saml2.config import IdPConfig
    from saml2.server import Server

    settings = json.loads(Path(sys.argv[1]).read_text())
    config = IdPConfig()
    config.load(idp_config_dict(settings["base_url"], settings["key"], settings["cert"], settings["sp_metadata"]))
    Handler.server_entity = Server(config=config)
    ThreadingHTTPServer(("127.0.0.1", settings["port"]), Handler).serve_forever()


def saml_response_from(page: str) -> str:
    """The SAMLResponse of the node's auto-submitting form (what the browser would POST to our ACS)."""
    import re

    match = re.search(r'name="SAMLResponse" value="([^"]+)"', page)
    if not match:
        raise AssertionError(page[:500])
    return html.unescape(match.group(1))


if __name__ == "__main__":
    main()
