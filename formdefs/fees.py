"""Fees as data: the stamp duty by permit and purpose, its exemptions and the residence card fee.

One file, `definitions/_fees.json`, keyed by the form's slug and the value of its purpose (or basis) question, because
the stamp-duty act charges by purpose, not by form: a temporary residence for work is 440 PLN, for studies 340 PLN.
The start page, the check-answers page, the application package and `/api/v1/forms` all read it through here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from .schema import Text
from .serialization import DEFINITIONS_DIR

FEES_FILE = DEFINITIONS_DIR / "_fees.json"


@cache
def _data() -> dict[str, Any]:
    return json.loads(FEES_FILE.read_text(encoding="utf-8"))


def _answer(answers: Mapping[str, Any], path: str | None) -> Any:
    if not path:
        return None
    step, _, field = path.partition(".")
    return (answers.get(step) or {}).get(field)


@dataclass(frozen=True)
class Exemption:
    key: str
    label: Text
    source: str


@dataclass(frozen=True)
class Fees:
    """What an application costs: the stamp duty (0 when exempt), the exemption that applies, the card fee."""

    stamp_duty: Decimal
    exemption: Exemption | None
    residence_card: Decimal
    currency: str
    source: str

    @property
    def total(self) -> Decimal:
        return self.stamp_duty + self.residence_card


def has_fees(slug: str) -> bool:
    return slug in _data()["stamp_duty"]


def _exemptions(slug: str) -> list[dict[str, Any]]:
    return [e for e in _data()["exemptions"] if slug in e["forms"]]


def _exemption_field(exemption: Mapping[str, Any], slug: str) -> str | None:
    field = exemption.get("purpose_field")
    return field.get(slug) if isinstance(field, Mapping) else field


def stamp_duty(slug: str, purpose: str | None = None) -> Decimal:
    """The stamp duty of a permit for one purpose (the form's default for any other purpose), before exemptions."""
    entry = _data()["stamp_duty"][slug]
    return Decimal(entry.get("by_purpose", {}).get(purpose or "", entry["default"]))


def fees_for(slug: str, answers: Mapping[str, Any]) -> Fees | None:
    """The fees of an application from its answers (None for a form that has none, such as an annex)."""
    data = _data()
    entry = data["stamp_duty"].get(slug)
    if entry is None:
        return None
    duty = stamp_duty(slug, _answer(answers, entry.get("purpose_field")))
    exemption = None
    for item in _exemptions(slug):
        if _answer(answers, _exemption_field(item, slug)) in item["purposes"]:
            exemption = Exemption(item["key"], Text(**item["label"]), item["source"])
            duty = Decimal(0)
            break
    card = data["residence_card"]
    return Fees(duty, exemption, Decimal(card["amount"]), data["currency"], entry["source"])


def fee_table(slug: str) -> dict[str, Any] | None:
    """A form's fees for the start page and the API: the default, the amount per purpose that differs, the exemptions
    and the residence card (amounts as strings, as the API writes money)."""
    data = _data()
    entry = data["stamp_duty"].get(slug)
    if entry is None:
        return None
    return {
        "currency": data["currency"],
        "stamp_duty": {
            "default": entry["default"],
            "by_purpose": dict(entry.get("by_purpose", {})),
            "purpose_field": entry.get("purpose_field"),
        },
        "exemptions": [
            {"key": e["key"], "purposes": list(e["purposes"]), "label": e["label"]} for e in _exemptions(slug)
        ],
        "residence_card": data["residence_card"]["amount"],
        "source": entry["source"],
    }


def purpose_fees(spec: Any) -> list[dict[str, Any]]:
    """The stamp duty of each purpose a form offers, with the purpose's label (for the start and check pages):
    [{"value", "label": Text, "amount": Decimal, "exempt": bool}]; one row "any purpose" when the form has no
    purpose question."""
    entry = _data()["stamp_duty"].get(spec.slug)
    if entry is None:
        return []
    field = _field(spec, entry.get("purpose_field"))
    if field is None or not field.choices:
        return [{"value": None, "label": None, "amount": Decimal(entry["default"]), "exempt": False}]
    exempt = {p for e in _exemptions(spec.slug) for p in e["purposes"]}
    return [
        {
            "value": c.value,
            "label": c.label,
            "amount": Decimal(0) if c.value in exempt else stamp_duty(spec.slug, c.value),
            "exempt": c.value in exempt,
        }
        for c in field.choices
    ]


def _field(spec: Any, path: str | None) -> Any:
    if not path:
        return None
    step_key, _, field_key = path.partition(".")
    for step in spec.steps:
        if step.key == step_key:
            return next((i for i in step.items if i.key == field_key), None)
    return None


def residence_card_fee() -> Decimal:
    """The fee for issuing the residence card once the permit is granted."""
    return Decimal(_data()["residence_card"]["amount"])
