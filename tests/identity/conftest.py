"""The outside parties of signing, stood up for real: a test CA (trust anchors in settings) and an applicant whose
application is ready to sign."""

from __future__ import annotations

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
