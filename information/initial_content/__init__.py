"""The initial content of the information pages, in four languages, and its idempotent loader.

Administrators edit the content in the admin afterwards. `load_information` creates only what is missing, so running it
again never overwrites their edits; `reset=True` puts the shipped content back. Fee amounts are not here: the pages
read them from `settings.STAMP_DUTY_PLN` and `settings.CARD_FEE_PLN`.
"""

from __future__ import annotations

from typing import Any

from information.initial_content.common import LEGAL_ACTS
from information.initial_content.faq import GENERAL_FAQ, PAGE_FAQ
from information.initial_content.pages import PAGES

PAGE_FIELDS = ("title", "summary", "who_for", "conditions", "documents", "fees_note", "duration")


def per_language(values: dict[str, dict[str, str]]) -> dict[str, str]:
    """{"title": {"pl": ...}} -> {"title_pl": ...}"""
    return {f"{name}_{code}": text for name, texts in values.items() for code, text in texts.items()}


def load_information(page_model: Any, step_model: Any, faq_model: Any, act_model: Any, *, reset: bool = False) -> int:
    """Create the shipped legal acts, pages, steps and FAQ that are missing; return how many pages were written.

    Models are passed in, so a data migration can call this with its historical models.
    """
    acts = {}
    for position, act in enumerate(LEGAL_ACTS, start=1):
        fields = {
            "position": position,
            "citation": act["citation"],
            "url": act["url"],
            **per_language({"title": act["title"]}),
        }
        if reset:
            acts[act["key"]], _ = act_model.objects.update_or_create(key=act["key"], defaults=fields)
        else:
            acts[act["key"]], _ = act_model.objects.get_or_create(key=act["key"], defaults=fields)

    written = 0
    for data in PAGES:
        fields = {"position": data["position"], **per_language({name: data[name] for name in PAGE_FIELDS})}
        page = page_model.objects.filter(slug=data["slug"]).first()
        if page is not None and not reset:
            continue
        if page is None:
            page = page_model.objects.create(slug=data["slug"], **fields)
        else:
            page_model.objects.filter(pk=page.pk).update(**fields)
            step_model.objects.filter(page=page).delete()
            faq_model.objects.filter(page=page).delete()
        page.legal_acts.set([acts[key] for key in data["legal_acts"]])
        step_model.objects.bulk_create(
            step_model(page=page, position=position, **per_language(step))
            for position, step in enumerate(data["steps"], start=1)
        )
        faq_model.objects.bulk_create(
            faq_model(page=page, position=position, **per_language(entry))
            for position, entry in enumerate(PAGE_FAQ.get(data["slug"], []), start=1)
        )
        written += 1

    general = faq_model.objects.filter(page__isnull=True)
    if reset:
        general.delete()
    if reset or not general.exists():
        faq_model.objects.bulk_create(
            faq_model(page=None, position=position, **per_language(entry))
            for position, entry in enumerate(GENERAL_FAQ, start=1)
        )
    return written
