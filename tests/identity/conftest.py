"""The outside parties of signing, stood up for real: a test CA (trust anchors in settings) and an applicant whose
application is ready to sign."""

from __future__ import annotations

import contextlib

import pytest

from tests.identity.pki import TestCA


@pytest.fixture(scope="session")
def qualified_ca() -> TestCA:
    return TestCA("MOS Test Qualified Trust Service Provider")


@pytest.fixture
def trusted_ca(qualified_ca, settings, tmp_path):
    """The test CA as the only trust anchor, as a deployment points at its trusted-list export."""
    anchors = tmp_path / "trusted-list.pem"
    anchors.write_bytes(qualified_ca.cert_pem())
    settings.QUALIFIED_SIGNATURE_TRUST_ANCHORS = str(anchors)
    settings.QUALIFIED_SIGNATURE_CRL_FILES = ""
    return qualified_ca


@pytest.fixture
def applicant(db):
    from tests.factories import ApplicantFactory

    return ApplicantFactory(first_name="Oksana", last_name="Kowalenko")


@pytest.fixture
def draft(applicant):
    from tests.samples import ready_draft

    return ready_draft(applicant)


@pytest.fixture
def signed_in(client, applicant):
    client.force_login(applicant)
    return client


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process, seconds: float = 20) -> None:
    import time

    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)  # waiting for a process to listen, not for time to pass in a test
    raise RuntimeError(f"{url} did not start")


@pytest.fixture(scope="session")
def signing_service(tmp_path_factory):
    """The trusted profile's signing service: a real HTTP server in its own process, with its own certificate."""
    import subprocess
    import sys

    directory = tmp_path_factory.mktemp("signing-service")
    key, cert = (
        TestCA("Test Trusted Profile Service CA")
        .issue(given_name="Signing", surname="Service", qualified=False)
        .write(directory, "service")
    )
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own test server
        [sys.executable, "-m", "tests.identity.signing_service", str(port), str(key), str(cert)],
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/health", process)
        yield {"url": url, "key": key, "cert": cert}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def trusted_profile(signing_service, settings):
    settings.TRUSTED_PROFILE_SERVICE_URL = signing_service["url"]
    settings.TRUSTED_PROFILE_SERVICE_CERT_FILE = str(signing_service["cert"])
    return signing_service


SP_SITE = "http://testserver"


@contextlib.contextmanager
def running_national_node(directory, site_url: str):
    """The national login node: pysaml2's IdP in its own process, metadata exchanged both ways like in production,
    for a service provider at `site_url`."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from django.test import override_settings

    from tests.identity.pki import self_signed_rsa
    from tests.identity.saml_idp import idp_metadata

    sp_key, sp_cert = self_signed_rsa("MOS service provider (test)", directory, "sp")
    idp_key, idp_cert = self_signed_rsa("Test national node", directory, "idp")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    idp_metadata_file = directory / "idp-metadata.xml"
    idp_metadata_file.write_bytes(idp_metadata(base_url, str(idp_key), str(idp_cert)))
    sp_settings = {
        "SITE_URL": site_url,
        "SAML_IDP_METADATA_FILE": str(idp_metadata_file),
        "SAML_SP_ENTITY_ID": "",
        "SAML_SP_KEY_FILE": str(sp_key),
        "SAML_SP_CERT_FILE": str(sp_cert),
    }
    with override_settings(**sp_settings):
        from accounts.saml import metadata_xml

        sp_metadata_file = directory / "sp-metadata.xml"
        sp_metadata_file.write_bytes(metadata_xml())
    config = directory / "idp.json"
    config.write_text(
        json.dumps(
            {
                "port": port,
                "base_url": base_url,
                "key": str(idp_key),
                "cert": str(idp_cert),
                "sp_metadata": str(sp_metadata_file),
            }
        )
    )
    process = subprocess.Popen(  # noqa: S603 - our own test server
        [sys.executable, "-m", "tests.identity.saml_idp", str(config)], cwd=str(Path(__file__).resolve().parents[2])
    )
    try:
        wait_for(f"{base_url}/health", process)
        yield {"url": base_url, "settings": sp_settings}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def national_node(tmp_path_factory, django_db_setup):
    with running_national_node(tmp_path_factory.mktemp("national-node"), SP_SITE) as node:
        yield node


@pytest.fixture
def node(national_node, settings):
    for name, value in national_node["settings"].items():
        setattr(settings, name, value)
    return national_node
