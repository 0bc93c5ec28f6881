"""Who must sign, and whether the name (and PESEL) a certificate or a trusted profile gives is that person's."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    given_names: str
    surname: str
    pesel: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()


def _fold(text: str) -> str:
    """Compare names as people write them: case, diacritics (Ł as L), hyphens and spacing aside."""
    text = unicodedata.normalize("NFKD", (text or "").replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ")
    return " ".join(text.split())


def is_same_person(expected: Person, signer: Person) -> bool:
    """Same PESEL when both carry one; otherwise the same surname and the signer's given names among the expected
    ones (a certificate often holds only the first given name)."""
    if expected.pesel and signer.pesel:
        return expected.pesel == signer.pesel and _fold(expected.surname) == _fold(signer.surname)
    if not _fold(expected.surname) or _fold(expected.surname) != _fold(signer.surname):
        return False
    given, wanted = _fold(signer.given_names).split(), _fold(expected.given_names).split()
    return bool(given) and all(name in wanted for name in given)
