"""Login through the national node (login.gov.pl): a SAML 2.0 service provider built on pysaml2.

Configured by settings: the node's metadata file (SAML_IDP_METADATA_FILE), our entity id (SAML_SP_ENTITY_ID, default
<SITE_URL>/accounts/saml/metadata/) and our key pair (SAML_SP_KEY_FILE, SAML_SP_CERT_FILE). pysaml2 checks the
signature (xmlsec1), the audience, the destination, the validity window and that the response answers a request of
this session; we also refuse an assertion id seen before. The national identity (given names, surname, date of birth,
PESEL) is linked to the account, next to the e-mail login.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .identity_models import NationalIdentity, UsedAssertion
from .models import Role, User

logger = logging.getLogger(__name__)
OUTSTANDING = "saml_outstanding"  # session: request id -> where to go after the login
SESSION_NAME_ID = "saml_name_id"
SESSION_IDP = "saml_idp"


class SamlLoginRefused(Exception):
    """The node's answer did not prove who this is (bad signature, expired, replayed, not asked for, incomplete)."""


@dataclass(frozen=True)
class PersonFromNode:
    issuer: str
    subject: str
    given_names: str
    surname: str
    date_of_birth: date | None
    pesel: str


def is_configured() -> bool:
    return bool(getattr(settings, "SAML_IDP_METADATA_FILE", ""))


def _base_url() -> str:
    return settings.SITE_URL.rstrip("/")


def sp_entity_id() -> str:
    return getattr(settings, "SAML_SP_ENTITY_ID", "") or _base_url() + reverse("saml:metadata")


def sp_config_dict(*, with_idp_metadata: bool = True) -> dict:
    from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
    from saml2.saml import NAMEID_FORMAT_PERSISTENT

    config = {
        "entityid": sp_entity_id(),
        "xmlsec_binary": settings.SAML_XMLSEC_BINARY,
        "attribute_map_dir": str(Path(__file__).parent / "saml_attributemaps"),
        "key_file": settings.SAML_SP_KEY_FILE,
        "cert_file": settings.SAML_SP_CERT_FILE,
        "encryption_keypairs": [{"key_file": settings.SAML_SP_KEY_FILE, "cert_file": settings.SAML_SP_CERT_FILE}],
        "allow_unknown_attributes": True,
        "accepted_time_diff": 30,
        "service": {
            "sp": {
                "name": "MOS",
                "endpoints": {
                    "assertion_consumer_service": [(_base_url() + reverse("saml:acs"), BINDING_HTTP_POST)],
                    "single_logout_service": [(_base_url() + reverse("saml:sls"), BINDING_HTTP_REDIRECT)],
                },
                "allow_unsolicited": False,
                "authn_requests_signed": True,
                "logout_requests_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
            }
        },
    }
    if with_idp_metadata:
        config["metadata"] = {"local": [settings.SAML_IDP_METADATA_FILE]}
    return config


def client():
    from saml2.client import Saml2Client
    from saml2.config import SPConfig

    config = SPConfig()
    config.load(sp_config_dict())
    return Saml2Client(config=config)


def metadata_xml() -> bytes:
    from saml2.config import SPConfig
    from saml2.metadata import create_metadata_string

    config = SPConfig()
    config.load(sp_config_dict(with_idp_metadata=False))
    return create_metadata_string(None, config=config, valid=24 * 7, sign=False)


def _idp_entity_id(saml_client) -> str:
    idps = list(saml_client.metadata.identity_providers())
    if len(idps) != 1:
        raise SamlLoginRefused(f"expected one identity provider in the metadata, found {len(idps)}")
    return idps[0]


REQUEST_TTL = 600  # seconds a request to the node stays answerable
HANDOVER_TTL = 120  # seconds between the node's POST and the browser's return to us


def _request_key(request_id: str) -> str:
    return f"saml-request:{request_id}"


def start_login(session, next_url: str) -> str:
    """An authentication request to the node (HTTP-Redirect, signed); returns the URL to send the browser to.

    The request is remembered twice: server-side (the node's POST arrives cross-site, without our session cookie) and
    in this browser's session (the login completes only in the browser that asked for it).
    """
    from django.core.cache import cache
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.xmldsig import SIG_RSA_SHA256

    saml_client = client()
    request_id, info = saml_client.prepare_for_authenticate(
        entityid=_idp_entity_id(saml_client),
        relay_state=secrets.token_urlsafe(16),
        binding=BINDING_HTTP_REDIRECT,
        sigalg=SIG_RSA_SHA256,
    )
    cache.set(_request_key(request_id), next_url, REQUEST_TTL)
    session[OUTSTANDING] = [*session.get(OUTSTANDING, [])[-4:], request_id]
    return dict(info["headers"])["Location"]


def _first(ava: dict, key: str) -> str:
    values = ava.get(key) or []
    return str(values[0]).strip() if values else ""


def person_from_response(response) -> PersonFromNode:
    ava = response.ava
    identifier = _first(ava, "person_identifier")  # eIDAS: "PL/PL/<PESEL>" for a Polish identity
    pesel = identifier.rsplit("/", 1)[-1] if identifier.upper().startswith("PL/PL/") else ""
    born = _first(ava, "date_of_birth")
    given, surname = _first(ava, "given_name"), _first(ava, "family_name")
    if not (given and surname):
        raise SamlLoginRefused("the node sent no name")
    return PersonFromNode(
        issuer=response.issuer(),
        subject=response.name_id.text,
        given_names=given,
        surname=surname,
        date_of_birth=date.fromisoformat(born) if born else None,
        pesel=pesel if pesel.isdigit() and len(pesel) == 11 else "",
    )


def _in_response_to(saml_response: str) -> str:
    import base64

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(base64.b64decode(saml_response), parser=parser).get("InResponseTo") or ""
    except Exception as error:
        raise SamlLoginRefused("not a SAML response") from error


def accept_response(saml_response: str) -> str:
    """Check the node's answer (the POST to our ACS) and hand it over under a one-time token."""
    from django.core.cache import cache
    from saml2 import BINDING_HTTP_POST
    from saml2.response import StatusError

    request_id = _in_response_to(saml_response)
    next_url = cache.get(_request_key(request_id)) if request_id else None
    if next_url is None:
        raise SamlLoginRefused("a response to no request of ours (unsolicited, expired or replayed)")
    try:
        response = client().parse_authn_request_response(
            saml_response, BINDING_HTTP_POST, outstanding={request_id: next_url}
        )
    except StatusError as error:
        raise SamlLoginRefused(f"the node refused the login: {error}") from error
    except Exception as error:  # pysaml2 raises many kinds: each means "not proven"
        raise SamlLoginRefused(f"{type(error).__name__}: {error}") from error
    if response is None or response.assertion is None:
        raise SamlLoginRefused("no assertion")
    cache.delete(_request_key(request_id))  # a request is answered once
    _use_once(response.assertion.id, response.not_on_or_after)
    person = person_from_response(response)
    token = secrets.token_urlsafe(24)
    cache.set(
        f"saml-handover:{token}",
        {"request_id": request_id, "next": next_url, "person": person.__dict__, "name_id": str(response.name_id)},
        HANDOVER_TTL,
    )
    return token


def complete_login(session, token: str, *, session_user: User | None) -> tuple[User, str, str, str]:
    """In the browser that asked: the verified person becomes the logged-in account (linked or made)."""
    from django.core.cache import cache

    handover = cache.get(f"saml-handover:{token}")
    cache.delete(f"saml-handover:{token}")
    if not handover or handover["request_id"] not in session.get(OUTSTANDING, []):
        raise SamlLoginRefused("the login was started in another browser, or the link expired")
    session[OUTSTANDING] = [r for r in session.get(OUTSTANDING, []) if r != handover["request_id"]]
    person = PersonFromNode(**handover["person"])
    user = link_identity(person, session_user=session_user)
    return user, handover["next"], handover["name_id"], person.issuer


def _use_once(assertion_id: str, not_on_or_after) -> None:
    expires = timezone.now() + timedelta(hours=1)
    if not_on_or_after:
        expires = datetime.fromtimestamp(int(not_on_or_after), tz=timezone.get_current_timezone())
    try:
        with transaction.atomic():
            UsedAssertion.objects.create(assertion_id=assertion_id, expires_at=expires)
    except IntegrityError as error:
        raise SamlLoginRefused("assertion already used") from error
    UsedAssertion.objects.filter(expires_at__lt=timezone.now() - timedelta(days=1)).delete()


def link_identity(person: PersonFromNode, *, session_user: User | None) -> User:
    """The account of this person: the one linked before (by the node's identifier, else PESEL), else the logged-in
    e-mail account, else a new applicant account. The name, date of birth and PESEL are kept current."""
    from .services import assign_role

    with transaction.atomic():
        identity = (
            NationalIdentity.objects.select_for_update()
            .select_related("user")
            .filter(issuer=person.issuer, subject=person.subject)
            .first()
        )
        if identity is None and person.pesel:
            identity = NationalIdentity.objects.select_for_update().filter(pesel=person.pesel).first()
        if identity is None:
            user = session_user
            if user is None:
                placeholder = f"node-{secrets.token_hex(8)}@login.invalid"  # no e-mail from the node; added later
                user = User.objects.create_user(
                    placeholder, None, first_name=person.given_names, last_name=person.surname
                )
                assign_role(user, Role.APPLICANT)
            identity = NationalIdentity(user=user)
        identity.issuer, identity.subject = person.issuer, person.subject
        identity.given_names, identity.surname = person.given_names, person.surname
        identity.date_of_birth, identity.pesel = person.date_of_birth, person.pesel
        identity.last_login_at = timezone.now()
        identity.save()
        user = identity.user
        if (user.first_name, user.last_name) != (person.given_names, person.surname):
            user.first_name, user.last_name = person.given_names, person.surname
            user.save(update_fields=["first_name", "last_name"])
    return user


def start_logout(session) -> str | None:
    """A signed logout request to the node for this session's identity; None when the login was not through it."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.saml import name_id_from_string
    from saml2.xmldsig import SIG_RSA_SHA256

    name_id_xml = session.get(SESSION_NAME_ID)
    if not name_id_xml:
        return None
    saml_client = client()
    idp = _idp_entity_id(saml_client)
    destination = saml_client.metadata.single_logout_service(idp, BINDING_HTTP_REDIRECT, "idpsso")[0]["location"]
    request_id, request = saml_client.create_logout_request(
        destination, idp, name_id=name_id_from_string(name_id_xml), expire=None
    )
    session["saml_logout_request"] = request_id
    info = saml_client.apply_binding(
        BINDING_HTTP_REDIRECT, str(request), destination, relay_state="", sign=True, sigalg=SIG_RSA_SHA256
    )
    return dict(info["headers"])["Location"]


def finish_logout(session, saml_response: str) -> bool:
    """Whether the node confirmed the logout this session asked for (signed, in response to our request)."""
    from saml2 import BINDING_HTTP_REDIRECT

    try:
        response = client().parse_logout_request_response(saml_response, BINDING_HTTP_REDIRECT)
    except Exception:
        logger.warning("a logout response from the node did not verify", exc_info=True)
        return False
    return response is not None and response.in_response_to == session.get("saml_logout_request")
