"""The grounds of a refusal: which provisions of the Act on Foreigners refuse this case's permit, as data
(`data/refusal_grounds.json`, by permit and purpose), so the officer picks the ground and the decision prints it.

A refusal keeps a copy of the grounds it was made on (`Decision.refusal_grounds`: a list of
`{"key", "article", "wording"}`), so a later change of the data never changes an issued decision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from applications.case_models import Application

GROUNDS_FILE = Path(__file__).with_name("data") / "refusal_grounds.json"


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(GROUNDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Ground:
    key: str
    article: str
    wording: str

    def as_stored(self) -> dict:
        return asdict(self)


def _list(name: str) -> list[Ground]:
    entries = _data()["lists"][name]["grounds"]
    return [Ground(entry["key"], entry["article"], entry["wording"]) for entry in entries]


def grounds_for(application: Application) -> list[Ground]:
    """The grounds the Act gives for refusing this case's permit: the permit's general ones, then its purpose's own."""
    from .decisions import purpose_of

    permit = _data()["permits"].get(application.definition.slug, {})
    names = [*permit.get("lists", []), *permit.get("purposes", {}).get(purpose_of(application), [])]
    return [ground for name in names for ground in _list(name)]


def choices_for(application: Application) -> list[tuple[str, str]]:
    """The grounds as the officer's check-boxes: the provision and its wording."""
    return [(ground.key, f"{ground.article}: {ground.wording}") for ground in grounds_for(application)]


def chosen(application: Application, keys: Iterable[str], *, field: str = "grounds") -> list[dict]:
    """The picked grounds, checked against the permit's, in the Act's order, as a refusal stores them.

    Raises `ValidationError` on `field` when none is picked (and the permit has grounds), or a key is not the permit's.
    """
    keys = [key for key in keys or [] if key]
    offered = grounds_for(application)
    known = {ground.key for ground in offered}
    if any(key not in known for key in keys):
        raise ValidationError({field: _("Choose the grounds from those the Act gives for this permit.")})
    if offered and not keys:
        raise ValidationError({field: _("Choose at least one ground of the refusal from the Act.")})
    return [ground.as_stored() for ground in offered if ground.key in keys]


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " i " + items[-1]


def refusal_basis(law, grounds: list[dict]) -> str:
    """The legal basis of a refusal: the permit's articles in connection with the grounds' provisions."""
    if not grounds:
        return law.basis()
    from .decisions import _law

    provisions = _joined([ground["article"] for ground in grounds])
    if law.articles:
        return f"{_joined(list(law.articles))} w związku z {provisions} {_law()['act']}"
    return f"{provisions} {_law()['act']}"
