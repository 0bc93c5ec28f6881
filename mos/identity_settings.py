"""Settings of signing and of the login through the national node (imported at the end of `mos.settings`)."""

from __future__ import annotations

import os


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def identity_settings(debug: bool) -> dict:
    return {
        # The password confirmation is no signature in law: a development method, off in production unless set.
        "SIGNATURE_PASSWORD_CONFIRMATION": _bool("SIGNATURE_PASSWORD_CONFIRMATION", debug),
        # Qualified electronic signatures: trust anchors as PEM files or folders (comma-separated), e.g. an export
        # of the certificates of the national/EU trusted list; optional CRL files (PEM or DER) to check against.
        "QUALIFIED_SIGNATURE_TRUST_ANCHORS": os.environ.get("QUALIFIED_SIGNATURE_TRUST_ANCHORS", ""),
        "QUALIFIED_SIGNATURE_CRL_FILES": os.environ.get("QUALIFIED_SIGNATURE_CRL_FILES", ""),
        # The trusted profile's signing service and its certificate (pinned).
        "TRUSTED_PROFILE_SERVICE_URL": os.environ.get("TRUSTED_PROFILE_SERVICE_URL", ""),
        "TRUSTED_PROFILE_SERVICE_CERT_FILE": os.environ.get("TRUSTED_PROFILE_SERVICE_CERT_FILE", ""),
        # The national login node (SAML 2.0): its metadata file, our entity id and key pair.
        "SAML_IDP_METADATA_FILE": os.environ.get("SAML_IDP_METADATA_FILE", ""),
        "SAML_SP_ENTITY_ID": os.environ.get("SAML_SP_ENTITY_ID", ""),
        "SAML_SP_KEY_FILE": os.environ.get("SAML_SP_KEY_FILE", ""),
        "SAML_SP_CERT_FILE": os.environ.get("SAML_SP_CERT_FILE", ""),
        "SAML_XMLSEC_BINARY": os.environ.get("SAML_XMLSEC_BINARY", "/usr/bin/xmlsec1"),
    }
