"""Signing with the trusted profile: our XML goes to the (local, real) signing service and comes back in XAdES."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests
from django.urls import reverse

from applications.case_models import Application, DraftStatus
from applications.signatures.application_xml import render_application_xml
from applications.signatures.checks import FAILURES, SignatureRefused
from applications.signatures.people import Person
from applications.signatures.trusted_profile import verify_trusted_profile_signature
from applications.signing_services import application_xml
from tests.identity import signing_service as service

DECLARATION = {"declaration_false_statement": "on"}
OKSANA = {"given_name": "OKSANA", "surname": "KOWALENKO", "pesel": "90051712345"}


def start_signing(client, draft) -> str:
    response = client.post(
        reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id}),
        {**DECLARATION, "method": "trusted_profile"},
    )
    assert response.status_code == 302
    return response["Location"]


def sign_at_the_service(sign_url: str, identity: dict, action: str = "sign") -> str:
    """What the signer's browser does at the signing service: log in with the profile and sign (or cancel)."""
    assert requests.get(sign_url, timeout=10).status_code == 200
    answer = requests.post(sign_url, data={**identity, "action": action}, allow_redirects=False, timeout=10)
    assert answer.status_code == 303
    back = urlsplit(answer.headers["Location"])
    return f"{back.path}?{back.query}"


def test_a_trusted_profile_signature_of_our_application_by_the_applicant_is_accepted(signed_in, draft, trusted_profile):
    back = sign_at_the_service(start_signing(signed_in, draft), OKSANA)
    response = signed_in.get(back)
    assert response.status_code == 302 and "submitted=1" in response["Location"]
    application = Application.objects.get(draft=draft)
    assert application.signature_method == "trusted_profile"
    assert application.signature_evidence["signer_name"] == "OKSANA KOWALENKO"
    assert application.signature_evidence["signer_pesel"] == "90051712345"
    signed = application.signing_request.signed_document.read()
    assert b"SignedProperties" in signed and b"urn:mos:application:1" in signed


def test_a_trusted_profile_of_someone_else_is_refused(signed_in, draft, trusted_profile):
    back = sign_at_the_service(start_signing(signed_in, draft), {"given_name": "JAN", "surname": "NOWAK", "pesel": ""})
    response = signed_in.get(back, follow=True)
    assert str(FAILURES["signer"]) in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.OPEN and not Application.objects.filter(draft=draft).exists()


def test_a_signing_cancelled_at_the_service_submits_nothing(signed_in, draft, trusted_profile):
    back = sign_at_the_service(start_signing(signed_in, draft), OKSANA, action="cancel")
    response = signed_in.get(back, follow=True)
    assert str(FAILURES["not_returned"]) in response.content.decode()
    assert not Application.objects.filter(draft=draft).exists()


def test_a_return_without_signing_at_the_service_is_refused(signed_in, draft, trusted_profile):
    url = start_signing(signed_in, draft)
    reference = url.rsplit("/", 1)[-1]
    request_id = draft.signing_requests.get().public_id
    back = reverse("applications:draft-sign-return", kwargs={"draft_id": draft.public_id})
    response = signed_in.get(f"{back}?request={request_id}&id={reference}", follow=True)
    assert str(FAILURES["not_returned"]) in response.content.decode()
    assert not Application.objects.filter(draft=draft).exists()


def test_an_unreachable_signing_service_is_reported(signed_in, draft, trusted_profile, settings):
    from tests.identity.conftest import free_port

    settings.TRUSTED_PROFILE_SERVICE_URL = f"http://127.0.0.1:{free_port()}"
    response = signed_in.post(
        reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id}),
        {**DECLARATION, "method": "trusted_profile"},
    )
    assert response.status_code == 200 and str(FAILURES["service"]) in response.content.decode()


# The checks on what comes back, on documents the service's own signing code produced.


def ours(**overrides) -> bytes:
    return render_application_xml(
        slug="temporary-residence", version=1, answers={"personal": {"surname": "KOWALENKO", **overrides}}
    )


def signed_by_service(document: bytes, signing_service, identity=OKSANA) -> bytes:
    return service.sign(document, identity, signing_service["key"].read_bytes(), signing_service["cert"].read_text())


def verify(signed: bytes, document: bytes):
    return verify_trusted_profile_signature(
        signed, document=document, expected_signer=Person("OKSANA", "KOWALENKO", "90051712345")
    )


def test_the_digest_of_the_signed_content_must_be_exactly_our_application_xml(trusted_profile):
    assert verify(signed_by_service(ours(), trusted_profile), ours()).signer.surname == "KOWALENKO"
    with pytest.raises(SignatureRefused) as refused:
        verify(signed_by_service(ours(surname="NOWAK"), trusted_profile), ours())
    assert refused.value.check == "content"


def test_a_signed_document_changed_after_signing_is_refused(trusted_profile):
    signed = signed_by_service(ours(), trusted_profile).replace(b"KOWALENKO</Pole>", b"KOWALENKA</Pole>")
    with pytest.raises(SignatureRefused) as refused:
        verify(signed, ours(surname="KOWALENKA"))
    assert refused.value.check == "xml_signature"


def test_a_document_signed_by_another_service_certificate_is_refused(trusted_profile, tmp_path):
    from tests.identity.pki import TestCA

    key, cert = TestCA("Impostor").issue(given_name="Fake", surname="Service", qualified=False).write(tmp_path, "fake")
    signed = service.sign(ours(), OKSANA, key.read_bytes(), cert.read_text())
    with pytest.raises(SignatureRefused) as refused:
        verify(signed, ours())
    assert refused.value.check == "xml_signature"


def test_the_xml_we_send_is_the_draft_as_it_is(draft):
    xml = application_xml(draft)
    assert xml.startswith(b"<?xml") and b'Id="application"' in xml and b"OKSANA" in xml
    assert application_xml(draft) == xml  # deterministic: the same answers give the same bytes


def test_a_trusted_profile_with_the_applicants_name_but_another_pesel_is_refused(
    signed_in, applicant, draft, trusted_profile
):
    from accounts.identity_models import NationalIdentity

    NationalIdentity.objects.create(
        user=applicant, issuer="node", subject="node-1", given_names="OKSANA", surname="KOWALENKO", pesel="90051712345"
    )
    namesake = {**OKSANA, "pesel": "85010154321"}  # same name, another person
    response = signed_in.get(sign_at_the_service(start_signing(signed_in, draft), namesake), follow=True)
    assert str(FAILURES["signer"]) in response.content.decode()
    assert not Application.objects.filter(draft=draft).exists()
    back = sign_at_the_service(start_signing(signed_in, draft), OKSANA)
    assert signed_in.get(back).status_code == 302
    assert Application.objects.get(draft=draft).signature_evidence["signer_pesel"] == "90051712345"
