"""The eIDAS natural-person attributes that the national node (login.gov.pl) sends, by URI, with friendly names."""

EIDAS = "http://eidas.europa.eu/attributes/naturalperson/"

MAP = {
    "identifier": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
    "fro": {
        f"{EIDAS}CurrentGivenName": "given_name",
        f"{EIDAS}CurrentFamilyName": "family_name",
        f"{EIDAS}DateOfBirth": "date_of_birth",
        f"{EIDAS}PersonIdentifier": "person_identifier",
    },
    "to": {
        "given_name": f"{EIDAS}CurrentGivenName",
        "family_name": f"{EIDAS}CurrentFamilyName",
        "date_of_birth": f"{EIDAS}DateOfBirth",
        "person_identifier": f"{EIDAS}PersonIdentifier",
    },
}
