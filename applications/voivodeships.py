"""Loading the voivodeships and their offices into the database (the list itself is reference data in
`validators.voivodeships`, which the form engine uses too)."""

from __future__ import annotations

from validators.voivodeships import VOIVODESHIPS

__all__ = ["VOIVODESHIPS", "load_voivodeships"]


def load_voivodeships(voivodeship_model, office_model) -> int:
    """Create or update the voivodeships and their offices (idempotent); a migration passes its historical models."""
    for row in VOIVODESHIPS:
        voivodeship, _ = voivodeship_model.objects.update_or_create(
            code=row["code"], defaults={"slug": row["slug"], "name": row["name"]}
        )
        name, street, postal_code, city = row["office"]
        office_model.objects.update_or_create(
            voivodeship=voivodeship,
            defaults={
                "name": name,
                "street": street,
                "postal_code": postal_code,
                "city": city,
                "email": f"cudzoziemcy@{row['slug']}.uw.example",
            },
        )
    return len(VOIVODESHIPS)
