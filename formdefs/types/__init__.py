"""The field-type registry: one module per type of `FieldType`, each registering its `FieldKind`.

Adding a type is one module here, its import below and its member of `FieldType`; `test_field_types` checks that
every member has exactly one behaviour.
"""

from __future__ import annotations

from . import (  # noqa: F401 - each module registers its type
    boolean,
    choice,
    countries,
    country,
    date,
    decimal,
    declaration,
    document_number,
    email,
    integer,
    mrz,
    multichoice,
    name,
    pesel,
    phone,
    postal_code,
    text,
    textarea,
    voivodeship,
)
from .base import FieldKind, kind_of, registered

__all__ = ["FieldKind", "kind_of", "registered"]
