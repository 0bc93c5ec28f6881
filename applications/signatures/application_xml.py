"""Our XML rendering of an application (or annex): what the trusted profile signs.

Deterministic (sorted keys, no timestamps), so the same answers always give the same bytes and the signed copy can be
compared with ours by its digest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

NAMESPACE = "urn:mos:application:1"
ROOT_ID = "application"


def _value(parent: etree._Element, tag: str, value: Any, **attributes: str) -> None:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", **attributes)
    if isinstance(value, Mapping):
        for key in sorted(value):
            _value(element, "Pole", value[key], klucz=str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            _value(element, "Element", item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def render_application_xml(
    *,
    slug: str,
    version: int,
    answers: Mapping[str, Any],
    attachments: Iterable[Mapping[str, Any]] = (),
    annex_answers: Mapping[str, Any] | None = None,
    party: Mapping[str, str] | None = None,
    signer: Mapping[str, str] | None = None,
) -> bytes:
    """The application as XML: form, answers per step, attachment digests, the annex, who is the party, who signs."""
    root = etree.Element(
        f"{{{NAMESPACE}}}Wniosek", nsmap={None: NAMESPACE}, Id=ROOT_ID, formularz=slug, wersja=str(version)
    )
    if party:
        _value(root, "Strona", dict(party))
    if signer:
        _value(root, "Podpisujacy", dict(signer))
    answers_element = etree.SubElement(root, f"{{{NAMESPACE}}}Odpowiedzi")
    for step in sorted(answers):
        _value(answers_element, "Krok", answers[step], klucz=str(step))
    attachments_element = etree.SubElement(root, f"{{{NAMESPACE}}}Zalaczniki")
    for attachment in attachments:
        etree.SubElement(
            attachments_element,
            f"{{{NAMESPACE}}}Zalacznik",
            wymog=str(attachment["requirement"]),
            nazwa=str(attachment["name"]),
            sha256=str(attachment["sha256"]),
        )
    if annex_answers is not None:
        annex_element = etree.SubElement(root, f"{{{NAMESPACE}}}Zalacznik1")
        for step in sorted(annex_answers):
            _value(annex_element, "Krok", annex_answers[step], klucz=str(step))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def canonical_digest(element_or_bytes: etree._Element | bytes) -> str:
    """SHA-256 of the exclusive canonical form: the same for our bytes and for the element inside a signed copy."""
    element = parse_xml(element_or_bytes) if isinstance(element_or_bytes, bytes) else element_or_bytes
    return hashlib.sha256(etree.tostring(element, method="c14n", exclusive=True)).hexdigest()


def parse_xml(data: bytes) -> etree._Element:
    """Parse XML that came from outside: no entities, no network, no DTD."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser=parser)


def content_digest(parts: Mapping[str, Any]) -> str:
    """A digest of what is signed (answers, attachments, annex, party): a later change makes a signature stale."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
